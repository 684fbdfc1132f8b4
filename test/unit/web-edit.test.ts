import { describe, expect, it } from "vitest";

import { ApiError } from "../../web/src/api/client.js";
import { can, createAccountStore, onAccountChange } from "../../web/src/edit/account.js";
import { diffChange } from "../../web/src/edit/diff.js";
import { errorsOf, fieldKey } from "../../web/src/edit/errors.js";
import { fieldsForCreate, fieldsForUpdate } from "../../web/src/edit/node-fields.js";
import { slugify } from "../../web/src/edit/slug.js";
import { tieKey, tieOptions } from "../../web/src/edit/tie-types.js";

describe("tie types between two kinds", () => {
  it("should offer the vocabulary's types either way round, with their roles", () => {
    const orgs = tieOptions("ORGANISATION", "ORGANISATION").map(tieKey);
    expect(orgs).toEqual(expect.arrayContaining(["MEMBER_OF:OUT", "MEMBER_OF:IN", "PARTNERS_WITH:OUT", "SUPPORTS:IN"]));
    expect(orgs.some((k) => k.startsWith("AFFILIATED_WITH") || k.startsWith("CAMPAIGNED_IN"))).toBe(false);
    const person = tieOptions("PERSON", "ORGANISATION");
    expect(person.map(tieKey)).toEqual(expect.arrayContaining(["AFFILIATED_WITH:OUT", "FOUNDED_BY:IN"]));
    expect(person.find((o) => o.type === "AFFILIATED_WITH")?.roles).toContain("LEADER");
    expect(tieOptions("ISSUE", "ISSUE")).toEqual([]);
  });
});

describe("change diffs", () => {
  const node = (props: Record<string, unknown>) => ({ kind: "node", id: "x", label: "Organisation", props });
  it("should list the fields a change touched, without bookkeeping", () => {
    const before = JSON.stringify([{ kind: "node", id: "x", state: node({ id: "x", name: "Old", version: 1, scope: "LOCAL" }) }]);
    const after = JSON.stringify([
      { kind: "node", id: "x", state: node({ id: "x", name: "New", version: 2, scope: "LOCAL", aliases: ["N"] }) },
    ]);
    expect(diffChange(before, after)).toEqual([
      {
        kind: "node",
        id: "x",
        status: "changed",
        fields: [
          { field: "aliases", before: "", after: "N" },
          { field: "name", before: "Old", after: "New" },
        ],
      },
    ]);
  });
  it("should call a record absent before added, and absent after removed", () => {
    const none = JSON.stringify([{ kind: "node", id: "x", state: null }]);
    const some = JSON.stringify([{ kind: "node", id: "x", state: node({ name: "N" }) }]);
    expect(diffChange(none, some)[0]).toMatchObject({ status: "added", fields: [{ field: "name", before: "", after: "N" }] });
    expect(diffChange(some, none)[0]).toMatchObject({ status: "removed", fields: [{ field: "name", before: "N", after: "" }] });
  });
});

describe("server errors next to their fields", () => {
  it("should map field paths onto form fields", () => {
    expect(fieldKey("fields.name")).toBe("name");
    expect(fieldKey("input.id")).toBe("id");
    expect(fieldKey("fields.citations.0.locator")).toBe("locator");
  });
  it("should place each problem on its field, aliases applied, and the rest under the form", () => {
    const error = new ApiError("fields.scope Required", "BAD_USER_INPUT", {
      field: "fields.scope",
      problems: [
        { field: "fields.scope", message: "Required" },
        { field: "target", message: "unknown node id 'zz'" },
        { field: "fields.figures", message: "bad" },
      ],
    });
    expect(errorsOf(error, ["scope", "other"], { target: "other" })).toEqual({
      scope: "Required",
      other: "unknown node id 'zz'",
      "": "fields.figures: bad",
    });
    expect(errorsOf(new ApiError("No node with id 'x'", "NOT_FOUND"), ["name"])).toEqual({ "": "No node with id 'x'" });
    expect(errorsOf(new ApiError("fields.name must not be empty", "BAD_USER_INPUT", { field: "fields.name" }), ["name"])).toEqual({
      name: "must not be empty",
    });
  });
});

describe("node fields from the forms", () => {
  it("should send only what a new node has, typed", () => {
    expect(
      fieldsForCreate("ORGANISATION", { name: " Port Union ", founded: "1999", aliases: "PU, Port U", type: "TRADE_UNION", goal: "x" }),
    ).toEqual({
      name: "Port Union",
      founded: 1999,
      aliases: ["PU", "Port U"],
      type: "TRADE_UNION",
    });
  });
  it("should send what an update changed, a cleared field as null", () => {
    const base = { name: "A", acronym: "AA", founded: "1990" };
    expect(fieldsForUpdate("ORGANISATION", { name: "A", acronym: "", founded: "1991" }, base)).toEqual({ acronym: null, founded: 1991 });
    expect(fieldsForUpdate("ORGANISATION", base, base)).toEqual({});
  });
});

describe("slugs and accounts", () => {
  it("should make lower-case slugs from names", () => {
    expect(slugify("Fédération des Travailleurs — Port (FTP)")).toBe("federation-des-travailleurs-port-ftp");
    expect(slugify("!!!")).toBe("record");
  });
  it("should tell changes of the signed-in user after the first answer", () => {
    const store = createAccountStore();
    const seen: unknown[] = [];
    onAccountChange(store, (a) => seen.push(a?.role ?? null));
    store.update(() => ({ username: "a", role: "editor" }));
    store.update(() => null);
    store.update(() => ({ username: "b", role: "contributor" }));
    expect(seen).toEqual([null, "contributor"]);
    expect(can(store.get(), "contributor")).toBe(true);
    expect(can(store.get(), "editor")).toBe(false);
    expect(can(null, "reader")).toBe(false);
  });
});
