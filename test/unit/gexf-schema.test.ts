/** The GEXF 1.3 schema check the export tests rely on: it passes a valid file and names what is wrong in an invalid one. */
import { describe, expect, it } from "vitest";

import { gexfSchemaErrors } from "../_gexf-schema.js";

const gexf = (node: string, edge: string) => `<?xml version="1.0" encoding="UTF-8"?>
<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz">
  <meta lastmodifieddate="2026-12-04"><creator>test</creator></meta>
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="kind" title="kind" type="string"/></attributes>
    <nodes>
      ${node}
      <node id="b" label="B"/>
    </nodes>
    <edges>${edge}</edges>
  </graph>
</gexf>`;

const NODE = `<node id="a" label="A"><attvalues><attvalue for="kind" value="ORGANISATION"/></attvalues><viz:color r="31" g="119" b="180"/><viz:position x="1.5" y="-2"/><viz:size value="4"/></node>`;
const EDGE = `<edge id="e" source="a" target="b" kind="MEMBER_OF" label="MEMBER_OF"/>`;

describe("gexfSchemaErrors", () => {
  it("should find nothing wrong in a valid GEXF 1.3 file with viz elements", async () => {
    expect(await gexfSchemaErrors(gexf(NODE, EDGE))).toEqual({ relaxng: [], xsd: [] });
  });

  it("should name an edge without a source under both schemas", async () => {
    const errors = await gexfSchemaErrors(gexf(NODE, `<edge id="e" target="b" kind="MEMBER_OF"/>`));
    expect(errors.relaxng.join("\n")).toMatch(/edge/);
    expect(errors.xsd.join("\n")).toMatch(/'source' is required/);
  });

  it("should refuse a colour channel past 255 and a viz element in the GEXF namespace", async () => {
    const bad = await gexfSchemaErrors(gexf(NODE.replace('r="31"', 'r="300"'), EDGE));
    expect(bad.relaxng.join("\n")).toMatch(/color/);
    const unprefixed = await gexfSchemaErrors(gexf(NODE.replace("<viz:size", "<size"), EDGE));
    expect(unprefixed.relaxng.join("\n")).toMatch(/size/);
  });
});
