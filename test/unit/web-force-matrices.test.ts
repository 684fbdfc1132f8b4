import Graph from "graphology";
import { graphToByteArrays } from "graphology-layout-forceatlas2/helpers.js";
import { describe, expect, it } from "vitest";

import { forceMatrices } from "../../web/src/layout/force-matrices.js";

describe("ForceAtlas2 matrices built in the worker", () => {
  it("should equal graphology's for the merged simple graph of the same ties", () => {
    const positions = Float32Array.from([0, 1, 2.5, -3, 4, 4, -1, 0.25, 7, 7]);
    // Parallel, reverse and loop ties; node 4 has none.
    const ends = Int32Array.from([0, 1, 1, 0, 0, 1, 2, 2, 2, 3, 1, 2, 3, 0, 3, 2]);
    const sub = new Graph({ type: "undirected", multi: false });
    for (let i = 0; i < positions.length / 2; i++) sub.addNode(String(i), { x: positions[2 * i], y: positions[2 * i + 1] });
    for (let k = 0; k < ends.length; k += 2) if (ends[k] !== ends[k + 1]) sub.mergeEdge(String(ends[k]), String(ends[k + 1]));
    const expected = graphToByteArrays(sub, () => 1);

    const { nodes, edges } = forceMatrices(positions, ends);

    expect(Array.from(nodes)).toEqual(Array.from(expected.nodes));
    expect(Array.from(edges)).toEqual(Array.from(expected.edges));
    expect(edges.length / 3).toBe(4);
  });
});
