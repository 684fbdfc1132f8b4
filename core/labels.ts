/**
 * Human labels of the atlas vocabulary (core/vocabulary.ts): what filters, legends, Details and the
 * URL parser show for an enum value, so every reader of the vocabulary shares one wording.
 */
import type { OrganisationType, RelationshipType } from "./vocabulary.js";

/** Organisation types that federate other bodies: the "networks" of the network of networks. */
export const COALITION_TYPES: readonly OrganisationType[] = [
  "NETWORK",
  "GLOBAL_UNION_FEDERATION",
  "UNION_CONFEDERATION",
  "SOCIAL_MOVEMENT",
];

const SPECIAL_LABELS: Record<string, string> = {
  ORGANISATION: "Organisations",
  FORUM: "Forums",
  CAMPAIGN: "Campaigns",
  INSTRUMENT: "Instruments",
  PERSON: "People",
  ISSUE: "Issues",
  NGO: "NGO",
  CIVIL_SOCIETY: "Civil society",
  ASIA_PACIFIC: "Asia–Pacific",
  FAITH_BASED: "Faith-based",
};

/** "UNION_CONFEDERATION" → "Union confederation"; plural kind names for kinds. */
export function humanise(value: string | null | undefined): string {
  if (!value) return "";
  const special = SPECIAL_LABELS[value];
  if (special) return special;
  const text = value.toLowerCase().replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Relationship types as a reader says them, seen from the source ("member of", "works on"). */
export function relationshipPhrase(type: string): string {
  return type.toLowerCase().replace(/_/g, " ");
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}

/** How Details headings read a relationship type, from the node's side (out) and the other side (in). */
export const RELATIONSHIP_PHRASES: Record<RelationshipType, { out: string; in: string }> = {
  MEMBER_OF: { out: "Member of", in: "Members" },
  PART_OF: { out: "Part of", in: "Has parts" },
  EMERGED_FROM: { out: "Emerged from", in: "Gave rise to" },
  FOUNDED_BY: { out: "Founded by", in: "Founded" },
  FORMED_IN_RESPONSE_TO: { out: "Formed in response to", in: "Prompted" },
  LAUNCHED: { out: "Launched", in: "Launched by" },
  SUPPORTS: { out: "Supports", in: "Supported by" },
  PARTNERS_WITH: { out: "Partners with", in: "Partner of" },
  CAMPAIGNED_IN: { out: "Campaigned in", in: "Campaigners" },
  APPEARED_AT: { out: "Appeared at", in: "Participants" },
  TARGETS: { out: "Targets", in: "Targeted by" },
  LISTED_IN: { out: "Listed in", in: "Lists" },
  ADOPTED_AT: { out: "Adopted at", in: "Adopted here" },
  ISSUED: { out: "Issued", in: "Issued by" },
  RATIFIED: { out: "Ratified", in: "Ratified by" },
  ADVOCATES: { out: "Advocates", in: "Advocated by" },
  WORKS_ON: { out: "Works on", in: "Worked on by" },
  AFFILIATED_WITH: { out: "Affiliated with", in: "People" },
};
