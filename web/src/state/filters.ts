/** Filter state: for each facet, the values shown (null = every value). Pure helpers, no DOM. */
import { NODE_KINDS, ORGANISATION_TYPES, REGIONS, RELATIONSHIP_TYPES, SCOPES, SECTORS } from "../graph/vocabulary";
import type { FiltersState } from "../graph/view";

// The filter's shape belongs to the graph model (graph/view.ts applies it); this module owns its values.
export type { FiltersState } from "../graph/view";

export const FILTER_FACETS = {
  kinds: NODE_KINDS,
  types: ORGANISATION_TYPES,
  sectors: SECTORS,
  scopes: SCOPES,
  regions: REGIONS,
  relationshipTypes: RELATIONSHIP_TYPES,
} as const;

export type FilterFacet = keyof typeof FILTER_FACETS;
export const FILTER_FACET_KEYS = Object.keys(FILTER_FACETS) as FilterFacet[];

export const FACET_LABELS: Record<FilterFacet, string> = {
  kinds: "Kinds of node",
  types: "Organisation types",
  sectors: "Sectors",
  scopes: "Scopes",
  regions: "Regions",
  relationshipTypes: "Relationship types",
};

/**
 * The opening view: the actors and the places they meet. Instruments and issues (a third of the
 * graph, mostly hanging off the ILO) are one click away in the filters.
 */
export const DEFAULT_FILTERS: FiltersState = Object.freeze({
  kinds: ["ORGANISATION", "FORUM", "CAMPAIGN", "PERSON"],
  types: null,
  sectors: null,
  scopes: null,
  regions: null,
  relationshipTypes: null,
}) as FiltersState;

export function getAllFilters(): FiltersState {
  return { kinds: null, types: null, sectors: null, scopes: null, regions: null, relationshipTypes: null };
}

/** The values of a facet that are shown. */
export function shownValues<F extends FilterFacet>(filters: FiltersState, facet: F): readonly string[] {
  return filters[facet] ?? FILTER_FACETS[facet];
}

/** Keeps the facet's canonical order; a selection of every value collapses to null ("all"). */
export function normaliseFacet<F extends FilterFacet>(facet: F, values: readonly string[]): FiltersState[F] {
  const all = FILTER_FACETS[facet] as readonly string[];
  const picked = all.filter((v) => values.includes(v));
  return (picked.length === all.length ? null : picked) as FiltersState[F];
}

export function sameFilters(a: FiltersState, b: FiltersState): boolean {
  return FILTER_FACET_KEYS.every((k) => {
    const x = a[k];
    const y = b[k];
    if (x === null || y === null) return x === y;
    return x.length === y.length && x.every((v, i) => v === y[i]);
  });
}

/** How many facets narrow the view. */
export function activeFacetCount(filters: FiltersState): number {
  return FILTER_FACET_KEYS.filter((k) => filters[k] !== null).length;
}

/** The NetworkFilter the API takes for these filters (and an optional "as of" year). */
export function toNetworkFilter(filters: FiltersState, year: number | null = null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of FILTER_FACET_KEYS) if (filters[k] !== null) out[k] = filters[k];
  if (year !== null) out.yearTo = year;
  return out;
}
