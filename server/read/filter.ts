/** NetworkFilter → the Cypher parameters every subgraph query takes (null = not filtered). */
import { FILTER_FACET_KEYS, type FilterFacet } from "../../core/facets.js";
import type { NetworkFilter } from "../graphql/generated/resolvers.js";
import { badInput } from "../graphql/errors.js";

// The GraphQL input, generated from schema.graphql: a facet of core/facets.ts that the schema's
// NetworkFilter lacks fails the typecheck here.
export type { NetworkFilter };

/** One parameter per facet (core/facets.ts), named as the facet: `$kinds`, `$relationshipTypes`… */
type FacetParams = { [F in FilterFacet]: string[] | null };

export interface FilterParams extends Record<string, unknown>, FacetParams {
  yearFrom: number | null;
  yearTo: number | null;
}

const YEAR_MIN = 1800;
const YEAR_MAX = 2100;

/** A year argument: null when absent, else an integer in the range the data can hold. */
export function year(field: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < YEAR_MIN || value > YEAR_MAX) {
    throw badInput(field, `must be a year from ${YEAR_MIN} to ${YEAR_MAX} (got ${value})`);
  }
  return value;
}

/** An empty list means "no constraint", like an absent one: nobody asks for "none of these". */
const list = (value: readonly string[] | null | undefined) => (value && value.length > 0 ? [...new Set(value)] : null);

export function filterParams(filter: NetworkFilter | null | undefined): FilterParams {
  const f = filter ?? {};
  const yearFrom = year("filter.yearFrom", f.yearFrom);
  const yearTo = year("filter.yearTo", f.yearTo);
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) {
    throw badInput("filter.yearFrom", `must not be after filter.yearTo (${yearFrom} > ${yearTo})`);
  }
  const facets: Partial<FacetParams> = {};
  for (const key of FILTER_FACET_KEYS) facets[key] = list(f[key]);
  return { ...(facets as FacetParams), yearFrom, yearTo };
}
