/** NetworkFilter → the Cypher parameters every subgraph query takes (null = not filtered). */
import { badInput } from "../graphql/errors.js";

export interface NetworkFilter {
  kinds?: string[] | null;
  types?: string[] | null;
  sectors?: string[] | null;
  scopes?: string[] | null;
  regions?: string[] | null;
  relationshipTypes?: string[] | null;
  yearFrom?: number | null;
  yearTo?: number | null;
}

export interface FilterParams extends Record<string, unknown> {
  kinds: string[] | null;
  types: string[] | null;
  sectors: string[] | null;
  scopes: string[] | null;
  regions: string[] | null;
  relationshipTypes: string[] | null;
  yearFrom: number | null;
  yearTo: number | null;
}

const YEAR_MIN = 1800;
const YEAR_MAX = 2100;

function year(field: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < YEAR_MIN || value > YEAR_MAX) {
    throw badInput(field, `must be a year from ${YEAR_MIN} to ${YEAR_MAX} (got ${value})`);
  }
  return value;
}

/** An empty list means "no constraint", like an absent one: nobody asks for "none of these". */
const list = (value: string[] | null | undefined) => (value && value.length > 0 ? [...new Set(value)] : null);

export function filterParams(filter: NetworkFilter | null | undefined): FilterParams {
  const f = filter ?? {};
  const yearFrom = year("filter.yearFrom", f.yearFrom);
  const yearTo = year("filter.yearTo", f.yearTo);
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) {
    throw badInput("filter.yearFrom", `must not be after filter.yearTo (${yearFrom} > ${yearTo})`);
  }
  return {
    kinds: list(f.kinds),
    types: list(f.types),
    sectors: list(f.sectors),
    scopes: list(f.scopes),
    regions: list(f.regions),
    relationshipTypes: list(f.relationshipTypes),
    yearFrom,
    yearTo,
  };
}
