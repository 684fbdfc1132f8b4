/**
 * The NetworkFilter's facets, each declared once: its values, its label, its URL parameter and how a
 * node or relationship passes it. The explorer's filters (state, panel, URL, passesFilters), the
 * story format's filter and the server's reading of the GraphQL NetworkFilter all derive from this
 * list. Two copies stay outside it, in other languages: the `NetworkFilter` input of
 * server/graphql/schema.graphql (the generated type makes the server's typecheck fail when a facet
 * here is missing there) and the Cypher condition in cypher/fragments/{node,relationship}-filter.cypher
 * (test/integration/filter-agreement.test.ts runs every facet of this list through both).
 */
import { humanise } from "./labels.js";
import { NODE_KINDS, ORGANISATION_TYPES, REGIONS, RELATIONSHIP_TYPE_NAMES, SCOPES, SECTORS } from "./vocabulary.js";
import type { AtlasDataset, AtlasEdge, AtlasNode } from "./wire.js";

interface FacetBase<V extends string> {
  /** The facet's heading in the filters panel. */
  label: string;
  /** Its query parameter in a shared link. */
  param: string;
  /** Every value, in the order the panel lists them. */
  values: readonly V[];
  /** What the explorer opens on (absent = every value). */
  opening?: readonly V[];
  /** How the panel names a value. */
  valueLabel?: (value: V) => string;
}

export interface NodeFacet<V extends string> extends FacetBase<V> {
  on: "node";
  /** Narrows organisations only: other kinds of node pass. */
  organisationsOnly: boolean;
  /** What a node without a value does: it is hidden, or the facet leaves it alone. */
  withoutValue: "hidden" | "shown";
  /**
   * The node's value in the browser's dataset: null when it has none, undefined when the browser
   * does not know it (yet), in which case the facet cannot narrow it. The panel also lists only the
   * values some node carries, unless `lateValues` says they arrive after the first frame.
   */
  valueOf(node: AtlasNode, dataset: Pick<AtlasDataset, "scopes">): V | null | undefined;
  lateValues?: boolean;
}

export interface RelationshipFacet<V extends string> extends FacetBase<V> {
  on: "relationship";
  valueOf(edge: AtlasEdge): V;
}

export const FILTER_FACETS = {
  kinds: {
    on: "node",
    label: "Kinds of node",
    param: "kinds",
    values: NODE_KINDS,
    // Instruments and issues (a third of the graph, mostly hanging off the ILO) are one click away.
    opening: ["ORGANISATION", "FORUM", "CAMPAIGN", "PERSON"],
    organisationsOnly: false,
    withoutValue: "hidden",
    valueOf: (node) => node.kind,
  } satisfies NodeFacet<(typeof NODE_KINDS)[number]>,
  types: {
    on: "node",
    label: "Organisation types",
    param: "types",
    values: ORGANISATION_TYPES,
    organisationsOnly: true,
    withoutValue: "hidden",
    valueOf: (node) => node.type,
  } satisfies NodeFacet<(typeof ORGANISATION_TYPES)[number]>,
  sectors: {
    on: "node",
    label: "Sectors",
    param: "sectors",
    values: SECTORS,
    organisationsOnly: true,
    withoutValue: "hidden",
    valueOf: (node) => node.sector,
  } satisfies NodeFacet<(typeof SECTORS)[number]>,
  scopes: {
    on: "node",
    label: "Scopes",
    param: "scopes",
    values: SCOPES,
    organisationsOnly: true,
    withoutValue: "hidden",
    // The compact encoding has no scope column: scopes arrive after the first frame.
    valueOf: (node, dataset) => dataset.scopes?.get(node.id),
    lateValues: true,
  } satisfies NodeFacet<(typeof SCOPES)[number]>,
  regions: {
    on: "node",
    label: "Regions",
    param: "regions",
    values: REGIONS,
    organisationsOnly: false,
    withoutValue: "shown",
    valueOf: (node) => node.region,
  } satisfies NodeFacet<(typeof REGIONS)[number]>,
  relationshipTypes: {
    on: "relationship",
    label: "Relationship types",
    param: "rels",
    values: RELATIONSHIP_TYPE_NAMES,
    valueLabel: (value) => humanise(value).toLowerCase(),
    valueOf: (edge) => edge.type,
  } satisfies RelationshipFacet<(typeof RELATIONSHIP_TYPE_NAMES)[number]>,
} as const;

export type FilterFacet = keyof typeof FILTER_FACETS;
export const FILTER_FACET_KEYS = Object.keys(FILTER_FACETS) as FilterFacet[];

/** The values of a facet. */
export type FacetValue<F extends FilterFacet> = (typeof FILTER_FACETS)[F]["values"][number];

/** What the filters show: for each facet, the values shown (null = every value). */
export type FiltersState = { [F in FilterFacet]: FacetValue<F>[] | null };

type FacetOf<F extends FilterFacet> = NodeFacet<FacetValue<F>> | RelationshipFacet<FacetValue<F>>;

// Checks each declaration against its kind of facet, and lets generic code read any of them.
const SPECS: { [F in FilterFacet]: FacetOf<F> } = FILTER_FACETS;

/** A facet's declaration, typed by its values. */
export const facetSpec = <F extends FilterFacet>(key: F): FacetOf<F> => SPECS[key];

/**
 * An object with one entry per facet (filters, a story filter's schema), built from the registry.
 * The type of each entry is the caller's to state as T: TypeScript cannot follow a facet's own value
 * type through a loop over the keys, so `entry` is typed for any facet.
 */
export function everyFacet<T extends { [F in FilterFacet]: unknown }>(entry: (facet: FilterFacet) => unknown): T {
  const out: Partial<Record<FilterFacet, unknown>> = {};
  for (const key of FILTER_FACET_KEYS) out[key] = entry(key);
  return out as T;
}

export const NODE_FACET_KEYS = FILTER_FACET_KEYS.filter((key) => FILTER_FACETS[key].on === "node");
export const RELATIONSHIP_FACET_KEYS = FILTER_FACET_KEYS.filter((key) => FILTER_FACETS[key].on === "relationship");

/** How the panel names a facet's value. */
export function facetValueLabel(key: FilterFacet, value: string): string {
  const label = (facetSpec(key) as FacetBase<string>).valueLabel;
  return label ? label(value) : humanise(value);
}

const shows = (shown: readonly string[] | null, value: string) => shown === null || shown.includes(value);

/** Whether a node passes the node facets (the browser's copy of cypher/fragments/node-filter.cypher). */
export function passesNodeFacets(node: AtlasNode, filters: FiltersState, dataset: Pick<AtlasDataset, "scopes">): boolean {
  for (const key of NODE_FACET_KEYS) {
    const shown = filters[key];
    const spec = facetSpec(key);
    if (shown === null || spec.on !== "node") continue;
    if (spec.organisationsOnly && node.kind !== "ORGANISATION") continue;
    const value = spec.valueOf(node, dataset);
    if (value === undefined) continue;
    if (value === null ? spec.withoutValue === "hidden" : !shows(shown, value)) return false;
  }
  return true;
}

/** Whether a relationship passes the relationship facets (cypher/fragments/relationship-filter.cypher). */
export function passesRelationshipFacets(edge: AtlasEdge, filters: FiltersState): boolean {
  for (const key of RELATIONSHIP_FACET_KEYS) {
    const spec = facetSpec(key);
    if (spec.on === "relationship" && !shows(filters[key], spec.valueOf(edge))) return false;
  }
  return true;
}
