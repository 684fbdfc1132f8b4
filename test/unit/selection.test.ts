import { parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";

import { needsFullProperties, selectedFields } from "../../server/read/selection.js";

/** The resolve info of the first root field of a query document. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === "FragmentDefinition").map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe("selection", () => {
  describe("#selectedFields", () => {
    it("should see fields through inline fragments and fragment spreads", () => {
      const info = infoOf(
        `{ network { nodes { id ... on Organisation { acronym } ...More } edges { id } } } fragment More on Forum { city }`,
      );
      expect([...selectedFields(info, "nodes")].sort()).toEqual(["acronym", "city", "id"]);
      expect([...selectedFields(info, "edges")]).toEqual(["id"]);
    });
  });

  describe("#needsFullProperties", () => {
    it("should ask for full properties only when a long field is selected", () => {
      expect(needsFullProperties(infoOf(`{ network { nodes { id name kind } edges { id source target } } }`))).toBe(false);
      expect(needsFullProperties(infoOf(`{ network { nodes { id } edges { citations { locator } } } }`))).toBe(true);
      expect(needsFullProperties(infoOf(`{ network { nodes { ...F } } } fragment F on Organisation { description }`))).toBe(true);
    });
  });
});
