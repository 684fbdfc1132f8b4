/**
 * The controlled vocabulary of the atlas: the one place where labels, enum values and relationship
 * types are defined. The zod schema, the loader, the GraphQL enums and the web legend all derive
 * from these arrays, so extending the vocabulary means editing this file (and schema.graphql).
 */

export const NODE_KINDS = ["ORGANISATION", "FORUM", "CAMPAIGN", "INSTRUMENT", "PERSON", "ISSUE"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Neo4j label per kind; every node also carries the `Entity` label (one id space for all kinds). */
export const LABEL_OF_KIND = {
  ORGANISATION: "Organisation",
  FORUM: "Forum",
  CAMPAIGN: "Campaign",
  INSTRUMENT: "Instrument",
  PERSON: "Person",
  ISSUE: "Issue",
} as const satisfies Record<NodeKind, string>;

export const ORGANISATION_TYPES = [
  "TRADE_UNION",
  "UNION_CONFEDERATION",
  "GLOBAL_UNION_FEDERATION",
  "MIGRANT_ORGANISATION",
  "NGO",
  "NETWORK",
  "SOCIAL_MOVEMENT",
  "RESEARCH",
  "FOUNDATION",
  "INTERGOVERNMENTAL",
  "GOVERNMENT",
  "EMPLOYERS",
  "FAITH_BASED",
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const SECTORS = ["LABOUR", "CIVIL_SOCIETY", "ACADEMIA", "STATE", "INTERGOVERNMENTAL", "DONOR", "BUSINESS"] as const;
export type Sector = (typeof SECTORS)[number];

export const SCOPES = ["LOCAL", "NATIONAL", "REGIONAL", "GLOBAL"] as const;
export type Scope = (typeof SCOPES)[number];

/** Coarse world regions (ILO-style) used for filtering; national bodies get theirs from `country`. */
export const REGIONS = ["AFRICA", "AMERICAS", "ARAB_STATES", "ASIA_PACIFIC", "EUROPE"] as const;
export type Region = (typeof REGIONS)[number];

export const FORUM_SERIES = [
  "GFMD", // Global Forum on Migration and Development (state-led summit)
  "GFMD_CIVIL_SOCIETY", // GFMD Civil Society Days and civil-society consultations of the GFMD
  "PGA", // People's Global Action on Migration, Development and Human Rights
  "UN_HLD", // UN High-Level Dialogue on International Migration and Development
  "ILC", // International Labour Conference
  "WSFM", // World Social Forum on Migrations
  "WSF", // World Social Forum
  "REGIONAL_CONSULTATION", // regional summits, forums and consultations
  "OTHER",
] as const;
export type ForumSeries = (typeof FORUM_SERIES)[number];

export const FORUM_KINDS = ["STATE_LED", "UN", "ILO", "CIVIL_SOCIETY", "CONSULTATION"] as const;
export type ForumKind = (typeof FORUM_KINDS)[number];

export const INSTRUMENT_KINDS = [
  "CONVENTION",
  "RECOMMENDATION",
  "DECLARATION",
  "FRAMEWORK",
  "AGENDA",
  "COMPACT",
  "RESOLUTION",
  "STATEMENT",
  "REPORT",
  "OTHER",
] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/** What a figure counts; `value` is the number the document gives. */
export const FIGURE_METRICS = [
  "AFFILIATES",
  "MEMBER_ORGANISATIONS",
  "MEMBERS",
  "COUNTRIES",
  "DELEGATES",
  "PARTICIPANTS",
  "OFFICES",
  "STAFF",
  "WORKERS",
  "OTHER",
] as const;
export type FigureMetric = (typeof FIGURE_METRICS)[number];

/**
 * Relationship types with the node kinds allowed at each end and the roles they may carry.
 * Direction is as written: `MEMBER_OF` points from the member to the network.
 */
export const RELATIONSHIP_TYPES = {
  MEMBER_OF: {
    description: "membership or affiliation; the network-of-networks backbone",
    from: ["ORGANISATION"],
    to: ["ORGANISATION"],
    // How the document states it: MEMBER (is a member, is part of, joined), AFFILIATE (is affiliated),
    // AFFILIATING (in the course of affiliating), CONSTITUENT (named among the networks a coalition or
    // process is made up of, a statement about a group), SUB_NETWORK, REGIONAL_ORGANISATION (a regional
    // organisation or branch), FOUNDING_MEMBER, OBSERVER.
    roles: ["MEMBER", "AFFILIATE", "AFFILIATING", "CONSTITUENT", "FOUNDING_MEMBER", "SUB_NETWORK", "REGIONAL_ORGANISATION", "OBSERVER"],
  },
  PART_OF: {
    description: "an organ, office or programme of a larger body, or a meeting or process within a larger one",
    from: ["ORGANISATION", "FORUM", "CAMPAIGN", "INSTRUMENT"],
    to: ["ORGANISATION", "FORUM", "CAMPAIGN", "INSTRUMENT"],
    roles: [],
  },
  EMERGED_FROM: {
    description: "born out of, evolved from, or succeeded (the target is the earlier thing)",
    from: ["ORGANISATION", "CAMPAIGN", "FORUM"],
    to: ["ORGANISATION", "CAMPAIGN", "FORUM"],
    roles: ["OUTGROWTH", "SUCCESSOR", "MERGER"],
  },
  FOUNDED_BY: {
    description: "set up, created, launched or initiated by (the target is the founder)",
    from: ["ORGANISATION", "FORUM", "CAMPAIGN"],
    to: ["ORGANISATION", "PERSON"],
    roles: [],
  },
  FORMED_IN_RESPONSE_TO: {
    description: "set up or written as an answer to the target (a process, meeting, body or text)",
    from: ["ORGANISATION", "FORUM", "CAMPAIGN", "INSTRUMENT"],
    to: ["ORGANISATION", "FORUM", "CAMPAIGN", "INSTRUMENT"],
    roles: [],
  },
  LAUNCHED: {
    description: "a meeting opened a larger process or campaign",
    from: ["FORUM"],
    to: ["FORUM", "CAMPAIGN"],
    roles: [],
  },
  SUPPORTS: {
    description: "support, sponsorship, funding, assistance or training",
    from: ["ORGANISATION"],
    to: ["ORGANISATION", "FORUM", "CAMPAIGN"],
    roles: ["FUNDER", "SPONSOR", "SUPPORTER", "TRAINER", "ASSISTS", "HOST"],
  },
  PARTNERS_WITH: {
    description: "partnership, MoU, agreement or joint project (symmetric in meaning)",
    from: ["ORGANISATION"],
    to: ["ORGANISATION"],
    roles: ["PARTNER", "MOU", "AGREEMENT", "JOINT_PROJECT", "ALLIANCE"],
  },
  CAMPAIGNED_IN: {
    description: "took part in or led a campaign",
    from: ["ORGANISATION", "PERSON"],
    to: ["CAMPAIGN"],
    roles: ["LEAD", "PARTICIPANT"],
  },
  APPEARED_AT: {
    description: "appearance at one forum occurrence",
    from: ["ORGANISATION", "PERSON"],
    to: ["FORUM"],
    roles: ["ORGANISER", "HOST", "CHAIR", "DELEGATE", "OBSERVER", "SPEAKER", "PARTICIPANT"],
  },
  TARGETS: {
    description: "a campaign aims at an instrument (its adoption, ratification or implementation)",
    from: ["CAMPAIGN"],
    to: ["INSTRUMENT"],
    roles: [],
  },
  LISTED_IN: {
    description: "an instrument named in a list inside a larger instrument (e.g. the conventions of a framework's box)",
    from: ["INSTRUMENT"],
    to: ["INSTRUMENT"],
    roles: [],
  },
  ADOPTED_AT: {
    description: "an instrument was adopted at a forum",
    from: ["INSTRUMENT"],
    to: ["FORUM"],
    roles: [],
  },
  ISSUED: {
    description: "an organisation adopted, issued or published an instrument",
    from: ["ORGANISATION"],
    to: ["INSTRUMENT"],
    roles: [],
  },
  RATIFIED: {
    description: "a state ratified a convention",
    from: ["ORGANISATION"],
    to: ["INSTRUMENT"],
    roles: [],
  },
  ADVOCATES: {
    description: "argues for an instrument or an issue (a forum through its declaration or statement)",
    from: ["ORGANISATION", "PERSON", "CAMPAIGN", "FORUM"],
    to: ["INSTRUMENT", "ISSUE"],
    roles: [],
  },
  WORKS_ON: {
    description: "works on a theme",
    from: ["ORGANISATION", "CAMPAIGN", "FORUM", "PERSON"],
    to: ["ISSUE"],
    roles: [],
  },
  AFFILIATED_WITH: {
    description: "a person's position in an organisation",
    from: ["PERSON"],
    to: ["ORGANISATION"],
    roles: ["LEADER", "MEMBER", "STAFF", "FOUNDER", "ADVISER"],
  },
} as const satisfies Record<string, { description: string; from: readonly NodeKind[]; to: readonly NodeKind[]; roles: readonly string[] }>;
export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;
export const RELATIONSHIP_TYPE_NAMES = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];

/** Earliest and latest year a record may carry (the documents reach back to the ILO's founding). */
export const YEAR_RANGE = { min: 1800, max: 2025 } as const;
