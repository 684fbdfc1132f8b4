/**
 * Dated facts → timeline events: foundings, forums, campaigns, adoptions from nodes; memberships,
 * appearances, partnerships … from relationships with `since` or `year`. Pure and ordered:
 * by year, then kind (as listed in TIMELINE_EVENT_KINDS), then label.
 */
import type { NodeProps, RelationshipProps } from "../read/rows.js";

export const TIMELINE_EVENT_KINDS = [
  "FOUNDED",
  "FORUM",
  "CAMPAIGN_START",
  "INSTRUMENT_ADOPTED",
  "MEMBERSHIP",
  "APPEARANCE",
  "PARTNERSHIP",
  "SUPPORT",
  "EMERGENCE",
  "OTHER",
  "CAMPAIGN_END",
  "DISSOLVED",
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

export interface DatedRelationship extends RelationshipProps {
  from: NodeProps;
  to: NodeProps;
}

export interface TimelineEvent {
  year: number;
  kind: TimelineEventKind;
  label: string;
  nodes: NodeProps[];
  relationshipId: string | null;
  /** Where the citations come from: the node or the relationship. */
  cited: NodeProps | RelationshipProps;
}

const RELATIONSHIP_EVENT: Record<string, { kind: TimelineEventKind; verb: string }> = {
  MEMBER_OF: { kind: "MEMBERSHIP", verb: "joins" },
  APPEARED_AT: { kind: "APPEARANCE", verb: "at" },
  PARTNERS_WITH: { kind: "PARTNERSHIP", verb: "partners with" },
  SUPPORTS: { kind: "SUPPORT", verb: "supports" },
  EMERGED_FROM: { kind: "EMERGENCE", verb: "emerges from" },
};

/** Short display name: acronym or short name when there is one. */
export function shortLabel(node: NodeProps): string {
  return (node.acronym as string | undefined) ?? (node.shortName as string | undefined) ?? node.name;
}

const num = (value: unknown) => (typeof value === "number" ? value : undefined);

function nodeEvents(node: NodeProps): TimelineEvent[] {
  const event = (year: number | undefined, kind: TimelineEventKind, label: string): TimelineEvent[] =>
    year === undefined ? [] : [{ year, kind, label, nodes: [node], relationshipId: null, cited: node }];
  const name = shortLabel(node);
  switch (node.kind) {
    case "ORGANISATION":
      return [...event(num(node.founded), "FOUNDED", `${name} founded`), ...event(num(node.dissolved), "DISSOLVED", `${name} dissolved`)];
    case "FORUM":
      return event(num(node.year), "FORUM", node.city ? `${node.name}, ${node.city as string}` : node.name);
    case "CAMPAIGN":
      return [
        ...event(num(node.start), "CAMPAIGN_START", `${node.name} begins`),
        ...event(num(node.end), "CAMPAIGN_END", `${node.name} ends`),
      ];
    case "INSTRUMENT":
      return event(num(node.adopted), "INSTRUMENT_ADOPTED", `${name} adopted`);
    default:
      return [];
  }
}

function relationshipEvent(r: DatedRelationship): TimelineEvent | undefined {
  const year = num(r.since) ?? num(r.year);
  if (year === undefined) return undefined;
  const spec = RELATIONSHIP_EVENT[r.type] ?? { kind: "OTHER" as const, verb: r.type.toLowerCase().replace(/_/g, " ") };
  const role = r.role ? ` (${r.role.toLowerCase().replace(/_/g, " ")})` : "";
  const { from, to, ...relationship } = r;
  return {
    year,
    kind: spec.kind,
    label: `${shortLabel(from)} ${spec.verb} ${shortLabel(to)}${role}`,
    nodes: [from, to],
    relationshipId: r.id,
    cited: relationship,
  };
}

export function timelineEvents(
  nodes: NodeProps[],
  relationships: DatedRelationship[],
  range: { yearFrom: number | null; yearTo: number | null } = { yearFrom: null, yearTo: null },
): TimelineEvent[] {
  const order = new Map(TIMELINE_EVENT_KINDS.map((kind, i) => [kind, i]));
  return [...nodes.flatMap(nodeEvents), ...relationships.flatMap((r) => relationshipEvent(r) ?? [])]
    .filter((e) => (range.yearFrom === null || e.year >= range.yearFrom) && (range.yearTo === null || e.year <= range.yearTo))
    .sort((a, b) => a.year - b.year || order.get(a.kind)! - order.get(b.kind)! || a.label.localeCompare(b.label));
}
