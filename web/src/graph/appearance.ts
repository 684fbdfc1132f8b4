/**
 * How nodes look: a colour-blind-safe palette (Okabe–Ito hues plus greys) keyed by "category" —
 * an organisation's sector (the union–NGO divide first), or the kind of any other node — and sizes
 * that grow with degree. The legend is generated from the same table.
 */
import type { NetworkNode } from "../api/queries";

export interface Category {
  key: string;
  label: string;
  color: string;
}

export const CATEGORIES = [
  { key: "LABOUR", label: "Unions & labour bodies", color: "#D55E00" },
  { key: "CIVIL_SOCIETY", label: "NGOs, migrant groups & networks", color: "#0072B2" },
  { key: "STATE", label: "States & intergovernmental bodies", color: "#009E73" },
  { key: "OTHER_ORG", label: "Research, donors & business", color: "#CC79A7" },
  { key: "FORUM", label: "Forums & meetings", color: "#E69F00" },
  { key: "CAMPAIGN", label: "Campaigns", color: "#56B4E9" },
  { key: "INSTRUMENT", label: "Conventions & other instruments", color: "#6E6E6E" },
  { key: "PERSON", label: "People", color: "#000000" },
  { key: "ISSUE", label: "Issues", color: "#B4B4B4" },
] as const satisfies readonly Category[];

export type CategoryKey = (typeof CATEGORIES)[number]["key"];

const COLOR_OF = new Map<string, string>(CATEGORIES.map((c) => [c.key, c.color]));

export function categoryOf(node: Pick<NetworkNode, "kind" | "sector">): CategoryKey {
  if (node.kind !== "ORGANISATION") return node.kind;
  switch (node.sector) {
    case "LABOUR":
      return "LABOUR";
    case "CIVIL_SOCIETY":
      return "CIVIL_SOCIETY";
    case "STATE":
    case "INTERGOVERNMENTAL":
      return "STATE";
    default:
      return "OTHER_ORG";
  }
}

export function colorOf(category: CategoryKey): string {
  return COLOR_OF.get(category) ?? "#999999";
}

/** Area grows with degree, so hubs stand out without swallowing their neighbours. */
export function sizeForDegree(degree: number): number {
  return Math.min(22, 3 + 2.2 * Math.sqrt(degree));
}

/** Short label: the acronym when the documents use one, else the name cut to a readable length. */
export function labelOf(node: Pick<NetworkNode, "name" | "acronym">): string {
  if (node.acronym) return node.acronym;
  return node.name.length > 32 ? `${node.name.slice(0, 30)}…` : node.name;
}
