/**
 * What each relationship type means to the analyses (brokerage, what-if, change between years,
 * co-presence): one small table, so a new type is one new row. A unit test fails when the
 * vocabulary has a type this table does not decide on.
 *
 * - `brokerage`: how Gould–Fernandez brokerage reads a tie between two organisations.
 *   `AS_WRITTEN`: one arc in the direction the relationship is written (MEMBER_OF from the member to
 *   the network, SUPPORTS from the supporter, PART_OF from the part, FOUNDED_BY from the body founded).
 *   `BOTH_WAYS`: symmetric in meaning (PARTNERS_WITH, co-presence), so two arcs, one each way.
 *   `null`: not a channel between organisations (lineage, topics, instruments, ties to non-organisations).
 * - `connects`: whether the tie lets one organisation reach another, through any node, when the
 *   what-if analysis asks who is cut off: membership, support, partnership, founding, lineage, a
 *   meeting that launched a process, and shared campaigns, forum occurrences and people. Topic and
 *   instrument ties (WORKS_ON, ADVOCATES, ISSUED, RATIFIED, TARGETS, ADOPTED_AT, LISTED_IN) and
 *   answers (FORMED_IN_RESPONSE_TO) do not: sharing a theme introduces nobody.
 * - `membership`: joining or leaving it is joining or leaving a coalition (change between years).
 * - `presence`: the organisation was present at this occurrence (forum co-presence): a forum
 *   occurrence or a campaign.
 */
export type BrokerageReading = "AS_WRITTEN" | "BOTH_WAYS" | null;

export interface TieSemantics {
  brokerage: BrokerageReading;
  connects: boolean;
  membership: boolean;
  presence: "FORUM" | "CAMPAIGN" | null;
}

const channel = (brokerage: BrokerageReading, extra: Partial<TieSemantics> = {}): TieSemantics => ({
  brokerage,
  connects: true,
  membership: false,
  presence: null,
  ...extra,
});
const noChannel: TieSemantics = { brokerage: null, connects: false, membership: false, presence: null };

/** The derived organisation–organisation tie of forum co-presence (not a stored relationship type). */
export const CO_PRESENCE = "CO_PRESENCE";

export const TIE_SEMANTICS: Readonly<Record<string, TieSemantics>> = {
  MEMBER_OF: channel("AS_WRITTEN", { membership: true }),
  PART_OF: channel("AS_WRITTEN"),
  SUPPORTS: channel("AS_WRITTEN"),
  PARTNERS_WITH: channel("BOTH_WAYS"),
  // Lineage says where a body came from, not what passes between the two now.
  EMERGED_FROM: channel(null),
  CAMPAIGNED_IN: channel(null, { presence: "CAMPAIGN" }),
  APPEARED_AT: channel(null, { presence: "FORUM" }),
  AFFILIATED_WITH: channel(null),
  TARGETS: noChannel,
  ADOPTED_AT: noChannel,
  ISSUED: noChannel,
  RATIFIED: noChannel,
  ADVOCATES: noChannel,
  WORKS_ON: noChannel,
  FOUNDED_BY: channel("AS_WRITTEN"),
  // A meeting that opened a process or campaign: the same people carry one into the other.
  LAUNCHED: channel(null),
  // An answer to another body or text is a reaction, not a channel.
  FORMED_IN_RESPONSE_TO: noChannel,
  LISTED_IN: noChannel,
  [CO_PRESENCE]: { brokerage: "BOTH_WAYS", connects: false, membership: false, presence: null },
};

/** The semantics of a type; a type nobody has decided on counts for nothing. */
export function tieSemantics(type: string): TieSemantics {
  return TIE_SEMANTICS[type] ?? noChannel;
}

/** Kinds of node that are themes or texts, not bodies or meetings: nobody is introduced through them. */
export const TOPIC_KINDS: readonly string[] = ["ISSUE", "INSTRUMENT"];

/**
 * The relationship types a path walks by default ("who could introduce whom"): those that
 * `connect` one organisation to another (membership, support, partnership, founding, lineage,
 * affiliation, campaigns and forum occurrences). Topic and instrument ties are an opt-in.
 */
export const INTRODUCING_TYPES: readonly string[] = Object.entries(TIE_SEMANTICS)
  .filter(([type, semantics]) => semantics.connects && type !== CO_PRESENCE)
  .map(([type]) => type)
  .sort();

/**
 * Whether a path may take this relationship by default: an introducing type, and neither end a
 * topic or instrument (PART_OF also ties an instrument to a framework).
 */
export function introduces(type: string, sourceKind: string, targetKind: string): boolean {
  return INTRODUCING_TYPES.includes(type) && !TOPIC_KINDS.includes(sourceKind) && !TOPIC_KINDS.includes(targetKind);
}
