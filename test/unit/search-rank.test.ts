import { describe, expect, it } from "vitest";

import type { NodeProps } from "../../server/read/rows.js";
import { rankCandidates, readSearchText } from "../../server/search/rank.js";
import { canonicalWord, foldText, textWords, withinOneEdit } from "../../server/search/words.js";

const node = (id: string, name: string, extra: Partial<NodeProps> = {}): NodeProps => ({ id, kind: "ORGANISATION", name, ...extra });
const order = (text: string, nodes: NodeProps[]) =>
  rankCandidates(
    nodes.map((n) => ({ node: n, score: 1 })),
    text,
    10,
  ).map((c) => c.node.id);

describe("search words", () => {
  it("should fold accents, case, apostrophes and punctuation", () => {
    expect(foldText("Vía  Campesina")).toBe("via campesina");
    expect(foldText("People’s Global Action")).toBe("people global action");
    expect(foldText("AFL-CIO")).toBe("afl cio");
    expect(foldText("U.N.")).toBe("u n");
  });

  it("should make British and American spellings one word", () => {
    for (const [a, b] of [
      ["labour", "labor"],
      ["organisation", "organization"],
      ["globalisation", "globalization"],
      ["centre", "center"],
      ["programme", "program"],
      ["regularisation", "regularization"],
    ]) {
      expect(canonicalWord(a)).toBe(canonicalWord(b));
    }
    expect(canonicalWord("paris")).toBe("paris");
  });

  it("should drop stop words and lone letters but keep numbers", () => {
    expect(textWords("Migrant Forum in Asia")).toEqual(["migrant", "forum", "asia"]);
    expect(textWords("C 189")).toEqual(["189"]);
  });

  it("should allow one edit, a swap of neighbours included", () => {
    expect(withinOneEdit("campensina", "campesina")).toBe(true);
    expect(withinOneEdit("centre", "cenrte")).toBe(true);
    expect(withinOneEdit("oxfan", "oxfam")).toBe(true);
    expect(withinOneEdit("somavia", "samovia")).toBe(false);
  });
});

describe("#readSearchText", () => {
  it("should find the forum series and years a text names", () => {
    expect(readSearchText("ILC 2011")).toMatchObject({ series: ["ILC"], years: [2011] });
    expect(readSearchText("GFMD Dhaka").series).toEqual(["GFMD", "GFMD_CIVIL_SOCIETY"]);
    expect(readSearchText("High Level Dialogue").series).toEqual(["UN_HLD"]);
    expect(readSearchText("Dhaka").series).toEqual([]);
  });
});

describe("#rankCandidates", () => {
  it("should put an exact acronym before a longer name that contains it", () => {
    const ituc = node("ituc", "International Trade Union Confederation", { acronym: "ITUC" });
    const africa = node("ituc-africa", "ITUC Africa", { acronym: "ITUC Africa" });
    expect(order("ITUC", [africa, ituc])).toEqual(["ituc", "ituc-africa"]);
  });

  it("should put a whole-word match above a prefix or a typo", () => {
    const whole = node("whole", "Domestic Workers Network");
    const prefix = node("prefix", "Domesticity Studies");
    expect(order("domestic", [prefix, whole])).toEqual(["whole", "prefix"]);
  });

  it("should rank by how many words matched when not all do", () => {
    const two = node("two", "Migrant Forum");
    const one = node("one", "Migrant Centre");
    expect(order("migrant forum geneva", [one, two])).toEqual(["two", "one"]);
  });

  it("should find a forum occurrence by its series and year or city", () => {
    const dhaka = node("gfmd-2016", "Global Forum on Migration and Development 2016, Dhaka", { series: "GFMD", year: 2016, city: "Dhaka" });
    const mauritius = node("gfmd-2012", "GFMD 2012, Mauritius", { series: "GFMD", year: 2012, city: "Port Louis" });
    expect(order("GFMD Dhaka", [mauritius, dhaka])[0]).toBe("gfmd-2016");
    expect(order("GFMD 2012", [dhaka, mauritius])[0]).toBe("gfmd-2012");
  });

  it("should drop candidates no typed word matches", () => {
    expect(order("picum", [node("x", "Oxfam")])).toEqual([]);
  });
});
