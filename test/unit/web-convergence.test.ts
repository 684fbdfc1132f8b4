import { describe, expect, it } from "vitest";

import { convergence } from "../../web/src/layout/convergence.js";

describe("layout convergence", () => {
  it("should settle once the nodes barely move for several updates", () => {
    const c = convergence(0.002, 3);
    const p = Float64Array.from([0, 0, 100, 0, 0, 100]);
    expect(c.step(p)).toBe(false);
    expect(c.step(p)).toBe(false);
    expect(c.step(p)).toBe(false);
    expect(c.step(p)).toBe(true);
  });

  it("should not settle while the nodes still move, relative to the drawing's size", () => {
    const c = convergence(0.002, 2);
    let settled = false;
    for (let k = 0; k < 10; k++) settled = c.step(Float64Array.from([k, 0, 100 + k * 5, 0, 0, 100])) || settled;
    expect(settled).toBe(false);
  });

  it("should read movement relative to the extent, so a large drawing settles like a small one", () => {
    const c = convergence(0.002, 1);
    c.step(Float64Array.from([0, 0, 100_000, 0]));
    expect(c.step(Float64Array.from([10, 0, 100_000, 0]))).toBe(true);
  });
});
