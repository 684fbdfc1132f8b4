/** Filter state: for each facet, the values shown (null = every value). Pure helpers, no DOM. */
import { everyFacet, facetSpec, FILTER_FACET_KEYS, FILTER_FACETS, type FilterFacet, type FiltersState } from "../../../core/facets";

// The facets (values, labels, URL parameters, how a node passes) are declared once in core/facets.ts.
export {
  everyFacet,
  facetSpec,
  facetValueLabel,
  FILTER_FACET_KEYS,
  FILTER_FACETS,
  type FilterFacet,
  type FiltersState,
} from "../../../core/facets";

/** The opening view: each facet's `opening` values, or every value. */
export const DEFAULT_FILTERS: Readonly<FiltersState> = Object.freeze(
  everyFacet<FiltersState>((facet) => {
    const opening = facetSpec(facet).opening;
    return opening ? [...opening] : null;
  }),
);

export function getAllFilters(): FiltersState {
  return everyFacet<FiltersState>(() => null);
}

/** The values of a facet that are shown. */
export function shownValues<F extends FilterFacet>(filters: FiltersState, facet: F): readonly string[] {
  return filters[facet] ?? FILTER_FACETS[facet].values;
}

/** Keeps the facet's canonical order; a selection of every value collapses to null ("all"). */
export function normaliseFacet<F extends FilterFacet>(facet: F, values: readonly string[]): FiltersState[F] {
  const all: readonly string[] = FILTER_FACETS[facet].values;
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

/** What a metrics request asks: see `toMetricsRequest`. */
export interface MetricsRequest {
  filter: Record<string, unknown>;
  asOf: number | null;
  datedOnly: boolean;
}

/**
 * What a metrics request asks for the view: the filters, and the year as the timeline shows it
 * (`asOf`: what has started and not ended, without the undated records when the reader leaves them
 * out), not the filter's window up to the year (which keeps what ended), so the figures describe
 * the network on the map.
 */
export function toMetricsRequest(view: { filters: FiltersState; year: number | null; datedOnly: boolean }): MetricsRequest {
  return { filter: toNetworkFilter(view.filters), asOf: view.year, datedOnly: view.year !== null && view.datedOnly };
}

/** The NetworkFilter the API takes for these filters (and an optional "as of" year). */

export function toNetworkFilter(filters: FiltersState, year: number | null = null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of FILTER_FACET_KEYS) if (filters[k] !== null) out[k] = filters[k];
  if (year !== null) out.yearTo = year;
  return out;
}
