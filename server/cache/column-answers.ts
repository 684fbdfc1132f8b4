/**
 * Columnar answers (`networkCompact`) without graphql-js's per-item list completion. A query whose
 * root fields are all such fields, each selecting only lists of leaf values (ids, names, sources,
 * layout …) by plain property access, is answered here: the resolver runs as GraphQL would run it,
 * each list is checked and serialised by its GraphQL type (the same `serialize` GraphQL applies),
 * and the JSON text is assembled in selection order — the bytes graphql-js would produce. At 10k
 * organisations the answer holds about half a million items, whose completion cost ~40 ms and
 * serialisation ~20 ms per new data version.
 *
 * Each list's JSON is remembered per array: read models never mutate an array (incremental updates
 * copy the ones they change, cache/incremental.ts), so a list unchanged by an edit is not serialised
 * again. Anything else — fragments, directives, other fields, a resolver error, a value its type
 * refuses — goes through normal execution, which reports errors as always.
 */
import { createRequire } from "node:module";

import type {
  ExecutionArgs,
  FieldNode,
  GraphQLField,
  GraphQLLeafType,
  GraphQLObjectType,
  GraphQLOutputType,
  SelectionSetNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * graphql's checks (isListType …, argument coercion) recognise only types made by their own copy of
 * graphql. The schema is built by @graphql-tools and executed by Yoga, which load its CommonJS
 * build; so does Node for an `import` of it, but a test runner may hand this module the ES build.
 * Required here, it is always the copy the schema's types come from.
 */
const { getArgumentValues, getNamedType, getOperationAST, getVariableValues, isLeafType, isListType, isNonNullType, isObjectType, Kind } =
  createRequire(import.meta.url)("graphql") as typeof import("graphql");

/** Lists remembered per list of a query, for reuse by content (see `recent`). */
const RECENT = 4;

/** Root fields whose resolvers need nothing of `info` and return an object of leaf lists. */
export const COLUMN_ANSWER_FIELDS = ["networkCompact"] as const;

interface ListField {
  key: string;
  name: string;
  item: GraphQLLeafType;
  itemNonNull: boolean;
  /** The JSON of the response key, with its colon. */
  prefix: string;
}
interface RootField {
  node: FieldNode;
  field: GraphQLField<unknown, unknown>;
  prefix: string;
  lists: ListField[];
}
type Plan = RootField[] | null;

/** Plain fields only: no fragments, no directives, no repeated response keys. */
function plainFields(set: SelectionSetNode | undefined): FieldNode[] | null {
  if (!set) return null;
  const keys = new Set<string>();
  const fields: FieldNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length) return null;
    const key = selection.alias?.value ?? selection.name.value;
    if (keys.has(key)) return null;
    keys.add(key);
    fields.push(selection);
  }
  return fields;
}

/** `[Leaf]` or `[Leaf!]`, possibly non-null: its item type; else null. */
function leafList(type: GraphQLOutputType): { item: GraphQLLeafType; itemNonNull: boolean } | null {
  const list = isNonNullType(type) ? type.ofType : type;
  if (!isListType(list)) return null;
  const item = list.ofType as GraphQLOutputType;
  const named = isNonNullType(item) ? item.ofType : item;
  return isLeafType(named) ? { item: named, itemNonNull: isNonNullType(item) } : null;
}

function planOf(args: ExecutionArgs, allowed: ReadonlySet<string>): Plan {
  const operation = getOperationAST(args.document, args.operationName);
  const query = args.schema.getQueryType();
  if (operation?.operation !== "query" || !query) return null;
  const roots = plainFields(operation.selectionSet);
  if (!roots?.length) return null;
  const plan: RootField[] = [];
  for (const node of roots) {
    if (!allowed.has(node.name.value)) return null;
    const field = query.getFields()[node.name.value];
    const type = field && getNamedType(field.type);
    const children = plainFields(node.selectionSet);
    if (!field?.resolve || !isNonNullType(field.type) || !isObjectType(type) || !children) return null;
    const lists: ListField[] = [];
    for (const child of children) {
      const def = (type as GraphQLObjectType).getFields()[child.name.value];
      const leaf = def && !def.resolve && !child.arguments?.length ? leafList(def.type) : null;
      if (!leaf) return null;
      const key = child.alias?.value ?? child.name.value;
      lists.push({ key, name: child.name.value, ...leaf, prefix: `${JSON.stringify(key)}:` });
    }
    plan.push({ node, field, prefix: `${JSON.stringify(node.alias?.value ?? node.name.value)}:`, lists });
  }
  return plan;
}

/** The JSON of one list as GraphQL serialises it, or undefined when GraphQL would answer an error. */
function listJson(values: unknown, list: ListField): string | undefined {
  if (!Array.isArray(values)) return undefined;
  const out = new Array<unknown>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value: unknown = values[i];
    if (value === null || value === undefined) {
      if (list.itemNonNull) return undefined;
      out[i] = null;
    } else {
      out[i] = list.item.serialize(value);
      if (out[i] === undefined) return undefined;
    }
  }
  return JSON.stringify(out);
}

export function useColumnAnswers(fields: readonly string[] = COLUMN_ANSWER_FIELDS): Plugin {
  const allowed = new Set(fields);
  const plans = new WeakMap<object, Map<string, Plan>>();
  /** JSON per list array and item type (an array never changes once in a read model). */
  const texts = new WeakMap<object, Map<string, string>>();

  const planFor = (args: ExecutionArgs): Plan => {
    let byOperation = plans.get(args.document);
    if (!byOperation) plans.set(args.document, (byOperation = new Map()));
    const name = args.operationName ?? "";
    if (!byOperation.has(name)) byOperation.set(name, planOf(args, allowed));
    return byOperation.get(name)!;
  };

  /**
   * Lists recently serialised for each list of a plan, newest first. A list recomputed after an edit
   * (a new array) often holds what one of them held (the edit did not touch it, or a deletion undid
   * an addition), or that plus entries at its end (an addition): its text is then reused, or
   * extended by the new entries' JSON, instead of serialising tens of thousands of entries again.
   */
  const recent = new WeakMap<ListField, { values: readonly unknown[]; text: string }[]>();
  const sameUpTo = (a: readonly unknown[], b: readonly unknown[], n: number) => {
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  const serialise = (values: readonly unknown[], list: ListField): string | undefined => {
    const earlier = recent.get(list) ?? [];
    const same = earlier.find((e) => e.values.length === values.length && sameUpTo(e.values, values, values.length));
    if (same) return same.text;
    const last = earlier[0];
    if (last?.values.length && values.length > last.values.length && sameUpTo(last.values, values, last.values.length)) {
      const tail = listJson(values.slice(last.values.length), list);
      return tail && `${last.text.slice(0, -1)},${tail.slice(1)}`;
    }
    return listJson(values, list);
  };

  const json = (values: unknown, list: ListField): string | undefined => {
    if (!Array.isArray(values)) return undefined;
    const type = `${list.item.name}${list.itemNonNull ? "!" : ""}`;
    let byType = texts.get(values);
    const known = byType?.get(type);
    if (known !== undefined) return known;
    const text = serialise(values, list);
    if (text === undefined) return undefined;
    if (!byType) texts.set(values, (byType = new Map()));
    byType.set(type, text);
    recent.set(list, [{ values, text }, ...(recent.get(list) ?? []).filter((e) => e.values !== values)].slice(0, RECENT));
    return text;
  };

  /** The answer's JSON, or undefined to let normal execution answer (and report any error). */
  const answer = async (args: ExecutionArgs, plan: RootField[]): Promise<string | undefined> => {
    const operation = getOperationAST(args.document, args.operationName)!;
    const coerced = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
    if (coerced.errors) return undefined;
    const parts: string[] = [];
    try {
      for (const root of plan) {
        const fieldArgs = getArgumentValues(root.field, root.node, coerced.coerced);
        const object = (await root.field.resolve!(args.rootValue, fieldArgs, args.contextValue, undefined as never)) as Record<
          string,
          unknown
        > | null;
        if (!object) return undefined;
        const lists: string[] = [];
        for (const list of root.lists) {
          let value = object[list.name];
          // As graphql-js's default resolver: a method is called with the field's arguments (none here).
          if (typeof value === "function") value = await (value as (...a: unknown[]) => unknown).call(object, {}, args.contextValue);
          const text = json(value, list);
          if (text === undefined) return undefined;
          lists.push(list.prefix + text);
        }
        parts.push(`${root.prefix}{${lists.join(",")}}`);
      }
    } catch {
      return undefined;
    }
    return `{"data":{${parts.join(",")}}}`;
  };

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const plan = planFor(args);
      if (!plan) return;
      setExecuteFn(async (executionArgs: ExecutionArgs) => {
        const body = await answer(executionArgs, plan);
        if (body === undefined) return executeFn(executionArgs);
        // No data object: every result processor (and the result cache) serialises through `stringify`.
        return { stringify: () => body } as never;
      });
    },
  };
}
