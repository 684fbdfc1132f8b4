/**
 * The fields a node of each kind has, for the add and edit forms, with their vocabularies from
 * core/vocabulary.ts; and the conversion between form text and the API's NodeFields. The server
 * checks them by the rules of data/ and names any field it refuses.
 */
import { VISIBILITIES } from "../../../core/access";
import {
  FORUM_KINDS,
  FORUM_SERIES,
  INSTRUMENT_KINDS,
  type NodeKind,
  ORGANISATION_TYPES,
  REGIONS,
  SCOPES,
  SECTORS,
} from "../../../core/vocabulary";
import type { NodeFields } from "../api/edit";

export type FieldName = Exclude<keyof NodeFields, "citations">;

export interface FieldSpec {
  name: FieldName;
  label: string;
  input: "text" | "textarea" | "year" | "list" | "choice";
  options?: readonly string[];
  required?: boolean;
}

const COMMON: FieldSpec[] = [
  { name: "name", label: "Name", input: "text", required: true },
  { name: "description", label: "Description", input: "textarea" },
  { name: "aliases", label: "Also known as (comma-separated)", input: "list" },
];

const COUNTRY: FieldSpec = { name: "country", label: "Country (ISO code, e.g. PH)", input: "text" };
const REGION: FieldSpec = { name: "region", label: "Region", input: "choice", options: REGIONS };

export const FIELDS_OF_KIND: Record<NodeKind, FieldSpec[]> = {
  ORGANISATION: [
    { name: "acronym", label: "Acronym", input: "text" },
    { name: "type", label: "Type", input: "choice", options: ORGANISATION_TYPES, required: true },
    { name: "sector", label: "Sector", input: "choice", options: SECTORS, required: true },
    { name: "scope", label: "Scope", input: "choice", options: SCOPES, required: true },
    COUNTRY,
    REGION,
    { name: "founded", label: "Founded (year)", input: "year" },
    { name: "dissolved", label: "Dissolved (year)", input: "year" },
  ],
  FORUM: [
    { name: "series", label: "Series", input: "choice", options: FORUM_SERIES, required: true },
    { name: "forumKind", label: "Convened by", input: "choice", options: FORUM_KINDS, required: true },
    { name: "year", label: "Year", input: "year" },
    { name: "dates", label: "Dates (ISO)", input: "text" },
    { name: "city", label: "City", input: "text" },
    COUNTRY,
    REGION,
  ],
  CAMPAIGN: [
    { name: "start", label: "Start (year)", input: "year" },
    { name: "end", label: "End (year)", input: "year" },
    { name: "goal", label: "Goal", input: "textarea" },
    { name: "outcome", label: "Outcome", input: "textarea" },
  ],
  INSTRUMENT: [
    { name: "shortName", label: "Short name", input: "text" },
    { name: "instrumentKind", label: "Kind of text", input: "choice", options: INSTRUMENT_KINDS, required: true },
    { name: "adopted", label: "Adopted (year)", input: "year" },
  ],
  PERSON: [],
  ISSUE: [],
};

export const VISIBILITY_FIELD: FieldSpec = { name: "visibility", label: "Who may see it", input: "choice", options: VISIBILITIES };

/** Every field of a kind, in form order. */
export const fieldsOf = (kind: NodeKind): FieldSpec[] => [...COMMON, ...FIELDS_OF_KIND[kind], VISIBILITY_FIELD];

/** What the form shows for a field's value. */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

/** A form value as the API takes it; empty text is `null` (remove the field). */
export function valueOf(spec: FieldSpec, text: string): NodeFields[FieldName] | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  switch (spec.input) {
    case "year":
      // A non-number goes as is (NaN would be dropped by JSON): the server names the field.
      return Number.isInteger(Number(trimmed)) ? Number(trimmed) : (trimmed as unknown as number);
    case "list":
      return trimmed
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return trimmed as NodeFields[FieldName];
  }
}

/** The fields of a new node: only those filled in. */
export function fieldsForCreate(kind: NodeKind, values: Record<string, string>): NodeFields {
  const fields: Record<string, unknown> = {};
  for (const spec of fieldsOf(kind)) {
    const value = valueOf(spec, values[spec.name] ?? "");
    if (value !== null) fields[spec.name] = value;
  }
  return fields as NodeFields;
}

/** The fields an update changes against `base` (the values read): a cleared field is `null`. */
export function fieldsForUpdate(kind: NodeKind, values: Record<string, string>, base: Record<string, string>): NodeFields {
  const fields: Record<string, unknown> = {};
  for (const spec of fieldsOf(kind)) {
    const text = values[spec.name] ?? "";
    if (text.trim() === (base[spec.name] ?? "").trim()) continue;
    fields[spec.name] = valueOf(spec, text);
  }
  return fields as NodeFields;
}
