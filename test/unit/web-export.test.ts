import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";

import { csvField } from "../../web/src/graph/export.js";
import { drawPicture, type PictureInput, svgAtScale } from "../../web/src/render/picture.js";

/** A text's width as the tests measure it: 0.6 em per character. */
const measure = (text: string, size: number) => text.length * size * 0.6;

function pictureInput(): PictureInput {
  return {
    nodes: [
      { id: "mfa", x: -40, y: 10, radius: 9, color: "#1f77b4", ring: "#333333", label: "Migrant Forum in Asia", tier: 0, rank: 0 },
      { id: "ituc", x: 300, y: -120, radius: 7, color: "#d62728", label: "International Trade Union Confederation", tier: 1, rank: 1 },
      { id: "small", x: 120, y: 200, radius: 1, color: "#999999", label: "Too small to be labelled", tier: 2, rank: 0 },
      { id: "idwf", x: 310, y: 240, radius: 6, color: "#d62728", label: "IDWF & <friends>", tier: 2, rank: 0 },
    ],
    edges: [
      { source: "mfa", target: "ituc", color: "#cccccc", width: 1 },
      { source: "ituc", target: "idwf", color: "#cccccc", width: 2 },
    ],
    title: "Coalition Atlas",
    subtitle: "Filtered: kinds of node: Organisations · as of 2010 · collapsed: Migrant Forum in Asia",
    legend: {
      title: "Colour: sector",
      entries: [
        { label: "Civil society", color: "#1f77b4", count: 1 },
        { label: "Labour", color: "#d62728", count: 2 },
      ],
      notes: ["Node size: Degree (visible ties)"],
    },
    date: "As of 2010 · exported 2026-12-03",
    source: "Source: Coalition Atlas, http://localhost/",
    width: 600,
    height: 400,
  };
}

describe("web exports", () => {
  describe("#csvField", () => {
    it("should quote fields with commas, quotes or line breaks", () => {
      expect(csvField('Unions, "networks"\nand NGOs')).toBe('"Unions, ""networks""\nand NGOs"');
      expect(csvField(null)).toBe("");
      expect(csvField(3)).toBe("3");
    });
  });

  describe("#drawPicture", () => {
    const input = pictureInput();
    const picture = drawPicture(input, measure);
    const doc = new DOMParser().parseFromString(picture.svg, "image/svg+xml");
    const texts = Array.from(doc.getElementsByTagName("text")).map((t) => t.textContent);

    it("should write well-formed SVG sized to its page", () => {
      const svg = doc.documentElement!;
      expect(svg.tagName).toBe("svg");
      expect(svg.getAttribute("viewBox")).toBe(`0 0 ${picture.width} ${picture.height}`);
      expect(doc.getElementsByTagName("circle")).toHaveLength(input.nodes.length);
      expect(doc.getElementsByTagName("line")).toHaveLength(input.edges.length);
      // A collapsed network keeps its ring.
      expect(doc.getElementsByTagName("circle")[0].getAttribute("stroke")).toBe("#333333");
    });

    it("should carry the title, the view, the legend, the date of the view and a source line", () => {
      expect(texts).toEqual(
        expect.arrayContaining([
          input.title,
          input.subtitle,
          "Colour: sector",
          "Civil society (1)",
          "Labour (2)",
          "Node size: Degree (visible ties)",
          input.date,
          input.source,
        ]),
      );
      // Escaped in the file, read back as written.
      expect(picture.svg).toContain("IDWF &amp; &lt;friends&gt;");
    });

    it("should label the nodes the map's label picker would, and not the tiny ones", () => {
      expect([...picture.labelled].sort()).toEqual(["idwf", "ituc", "mfa"]);
      expect(texts).toContain("International Trade Union Confederation");
      expect(texts).not.toContain("Too small to be labelled");
    });

    it("should cut nothing at the edges: every disc and label lies inside the page", () => {
      const graph = Array.from(doc.getElementsByTagName("g")).find((g) => g.getAttribute("transform"))!;
      const [dx, dy] = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(graph.getAttribute("transform")!)!.slice(1).map(Number);
      for (const circle of Array.from(graph.getElementsByTagName("circle"))) {
        const [cx, cy, r] = ["cx", "cy", "r"].map((a) => Number(circle.getAttribute(a)));
        const reach = r + (circle.getAttribute("stroke") ? 1 : 0);
        expect(cx - reach + dx).toBeGreaterThanOrEqual(0);
        expect(cy - reach + dy).toBeGreaterThanOrEqual(0);
        expect(cx + reach + dx).toBeLessThanOrEqual(picture.width);
        expect(cy + reach + dy).toBeLessThanOrEqual(picture.height);
      }
      const labels = Array.from(graph.getElementsByTagName("text"));
      expect(labels).toHaveLength(3);
      for (const label of labels) {
        const right = Number(label.getAttribute("x")) + dx + measure(label.textContent!, 12);
        expect(Number(label.getAttribute("x")) + dx).toBeGreaterThanOrEqual(0);
        expect(right).toBeLessThanOrEqual(picture.width);
      }
      for (const text of Array.from(doc.getElementsByTagName("text")).filter((t) => !labels.includes(t))) {
        const size = Number(text.getAttribute("font-size"));
        expect(Number(text.getAttribute("x")) + measure(text.textContent!, size)).toBeLessThanOrEqual(picture.width);
        expect(Number(text.getAttribute("y"))).toBeLessThanOrEqual(picture.height);
      }
    });

    it("should shade the coalition regions behind the ties when given, name them in a legend, and keep them inside the page", () => {
      const withRegions = drawPicture(
        {
          ...input,
          regions: {
            shown: [
              // Two members and the coalition; one member lies outside every node (left out by the map's zoom).
              { id: "mfa", label: "MFA", color: "#332288", members: 2, points: [input.nodes[0], input.nodes[2], { x: -200, y: 260 }] },
              { id: "ituc", label: "ITUC", color: "#117733", members: 1, points: [input.nodes[1], input.nodes[3]] },
            ],
            legend: { title: "Coalitions (shaded regions round their members)", notes: ["3 smaller coalitions are not shaded."] },
          },
        },
        measure,
      );
      const regionDoc = new DOMParser().parseFromString(withRegions.svg, "image/svg+xml");
      const groups = Array.from(regionDoc.getElementsByTagName("g")).filter((g) => g.getAttribute("class") === "region");
      expect(groups.map((g) => g.getAttribute("data-coalition"))).toEqual(["mfa", "ituc"]);
      // Halo and core, in the region's colour, one disc per point.
      const paths = groups[0].getElementsByTagName("path");
      expect(Array.from(paths).map((p) => [p.getAttribute("fill"), p.getAttribute("d")!.match(/M/g)!.length])).toEqual([
        ["#332288", 3],
        ["#332288", 3],
      ]);
      // Drawn first: the regions come before the ties and the discs.
      expect(withRegions.svg.indexOf('class="regions"')).toBeLessThan(withRegions.svg.indexOf('class="edges"'));
      const regionTexts = Array.from(regionDoc.getElementsByTagName("text")).map((t) => t.textContent);
      expect(regionTexts).toEqual(
        expect.arrayContaining([
          "Coalitions (shaded regions round their members)",
          "MFA (2)",
          "ITUC (1)",
          "3 smaller coalitions are not shaded.",
        ]),
      );
      expect(withRegions.height).toBeGreaterThan(picture.height);
      // Every disc of a region lies inside the page.
      const graph = Array.from(regionDoc.getElementsByTagName("g")).find((g) => g.getAttribute("transform"))!;
      const [dx, dy] = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(graph.getAttribute("transform")!)!.slice(1).map(Number);
      for (const path of groups.flatMap((g) => Array.from(g.getElementsByTagName("path"))))
        for (const [, x, y, r] of path.getAttribute("d")!.matchAll(/M([-\d.]+) ([-\d.]+)A([\d.]+)/g)) {
          const [right, cy, radius] = [Number(x), Number(y), Number(r)];
          expect(right - 2 * radius + dx).toBeGreaterThanOrEqual(-0.01);
          expect(right + dx).toBeLessThanOrEqual(withRegions.width);
          expect(cy - radius + dy).toBeGreaterThanOrEqual(-0.01);
          expect(cy + radius + dy).toBeLessThanOrEqual(withRegions.height);
        }
    });

    it("should give the PNG's rasterisation more pixels over the same drawing", () => {
      const twice = new DOMParser().parseFromString(svgAtScale(picture, 2), "image/svg+xml").documentElement!;
      expect(Number(twice.getAttribute("width"))).toBe(picture.width * 2);
      expect(Number(twice.getAttribute("height"))).toBe(picture.height * 2);
      expect(twice.getAttribute("viewBox")).toBe(`0 0 ${picture.width} ${picture.height}`);
    });
  });
});
