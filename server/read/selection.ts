/**
 * Which fields a query asks for under a sub-selection (e.g. `nodes` of a Subgraph), through inline
 * fragments and fragment spreads, so a resolver can read only the properties it will return.
 */
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

function collect(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  into: Set<string>,
  under?: string,
): void {
  if (!set) return;
  for (const selection of set.selections) {
    if (selection.kind === "Field") {
      if (under === undefined) into.add(selection.name.value);
      else if (selection.name.value === under) collect(selection.selectionSet, fragments, into);
    } else if (selection.kind === "InlineFragment") {
      collect(selection.selectionSet, fragments, into, under);
    } else {
      collect(fragments[selection.name.value]?.selectionSet, fragments, into, under);
    }
  }
}

/** Field names selected under `child` of the current field (all its occurrences merged). */
export function selectedFields(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">, child: string): Set<string> {
  const fields = new Set<string>();
  for (const node of info.fieldNodes as readonly FieldNode[]) collect(node.selectionSet, info.fragments, fields, child);
  return fields;
}

/** Field names selected directly under the current field (all its occurrences merged). */
export function directFields(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">): Set<string> {
  const fields = new Set<string>();
  for (const node of info.fieldNodes as readonly FieldNode[]) collect(node.selectionSet, info.fragments, fields);
  return fields;
}

/** Node and edge fields whose values only the full property maps hold (long texts and citations). */
export const HEAVY_NODE_FIELDS = ["description", "citations", "figures", "goal", "outcome", "dates", "city"] as const;
export const HEAVY_EDGE_FIELDS = ["citations"] as const;

/** True when a subgraph query needs the full property maps rather than the lean projection. */
export function needsFullProperties(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">): boolean {
  const nodes = selectedFields(info, "nodes");
  const edges = selectedFields(info, "edges");
  return HEAVY_NODE_FIELDS.some((f) => nodes.has(f)) || HEAVY_EDGE_FIELDS.some((f) => edges.has(f));
}
