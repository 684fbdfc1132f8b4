/**
 * Turns validated data records into the rows the load queries write: flat property maps (Neo4j
 * properties cannot be nested), citations as parallel `sources`/`locators`/`evidence` lists, and
 * `activeFrom`/`activeTo` years so every query can filter "as of" a year the same way.
 */
import { createHash } from "node:crypto";

import { REGION_OF_COUNTRY } from "./regions.js";
import type {
  CampaignRecord,
  Citation,
  Dataset,
  ForumRecord,
  InstrumentRecord,
  IssueRecord,
  OrganisationRecord,
  PersonRecord,
  RelationshipRecord,
} from "./schema.js";
import { relationshipId } from "./validate.js";
import { LABEL_OF_KIND, type NodeKind } from "../../core/vocabulary.js";

export type Props = Record<string, string | number | boolean | string[] | null>;

export interface NodeRow {
  id: string;
  label: string;
  props: Props;
}
export interface RelationshipRow {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Props;
}
export interface GraphRows {
  sources: { id: string; props: Props }[];
  /** Stories keep their steps as JSON (nested lists of maps cannot be Neo4j properties). */
  stories: { id: string; props: Props }[];
  nodes: NodeRow[];
  relationships: RelationshipRow[];
  hash: string;
}

function citationProps(citations: Citation[]): Props {
  return {
    sources: [...new Set(citations.map((c) => c.source))],
    citationSources: citations.map((c) => c.source),
    locators: citations.map((c) => c.locator),
    evidence: citations.map((c) => c.evidence),
  };
}

/** Drops undefined values: Neo4j would reject them, and absent is what they mean. */
function compact(props: Record<string, unknown>): Props {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)) as Props;
}

function node(
  kind: NodeKind,
  record: { id: string; name: string; aliases?: string[]; description?: string; visibility?: string; citations: Citation[] },
  extra: Record<string, unknown>,
  activeFrom?: number,
  activeTo?: number,
): NodeRow {
  return {
    id: record.id,
    label: LABEL_OF_KIND[kind],
    props: compact({
      id: record.id,
      kind,
      name: record.name,
      aliases: record.aliases ?? [],
      description: record.description,
      ...extra,
      activeFrom,
      activeTo,
      visibility: record.visibility,
      ...citationProps(record.citations),
    }),
  };
}

/** A node record of each kind, as validated by the zod schema of its file. */
export type NodeRecordOfKind = {
  ORGANISATION: OrganisationRecord;
  FORUM: ForumRecord;
  CAMPAIGN: CampaignRecord;
  INSTRUMENT: InstrumentRecord;
  PERSON: PersonRecord;
  ISSUE: IssueRecord;
};

/** The row of one node record (shared by the loader and the write layer). */
export function nodeRowOf<K extends NodeKind>(kind: K, record: NodeRecordOfKind[K]): NodeRow {
  switch (kind) {
    case "ORGANISATION": {
      const o = record as OrganisationRecord;
      return node(
        "ORGANISATION",
        o,
        {
          acronym: o.acronym,
          type: o.type,
          sector: o.sector,
          scope: o.scope,
          country: o.country,
          region: o.region ?? (o.country ? REGION_OF_COUNTRY.get(o.country) : undefined),
          founded: o.founded,
          dissolved: o.dissolved,
          figures: o.figures?.length ? JSON.stringify(o.figures) : undefined,
        },
        o.founded,
        o.dissolved,
      );
    }
    case "FORUM": {
      const f = record as ForumRecord;
      return node(
        "FORUM",
        f,
        {
          series: f.series,
          forumKind: f.kind,
          year: f.year,
          dates: f.dates,
          city: f.city,
          country: f.country,
          region: f.country ? REGION_OF_COUNTRY.get(f.country) : undefined,
          figures: f.figures?.length ? JSON.stringify(f.figures) : undefined,
        },
        f.year,
        f.year,
      );
    }
    case "CAMPAIGN": {
      const c = record as CampaignRecord;
      return node("CAMPAIGN", c, { start: c.start, end: c.end, goal: c.goal, outcome: c.outcome }, c.start, c.end);
    }
    case "INSTRUMENT": {
      const i = record as InstrumentRecord;
      return node("INSTRUMENT", i, { shortName: i.shortName, instrumentKind: i.kind, adopted: i.adopted }, i.adopted);
    }
    default:
      return node(kind, record, {});
  }
}

/** The row of one relationship record (shared by the loader and the write layer). */
export function relationshipRowOf(r: RelationshipRecord, id: string = relationshipId(r)): RelationshipRow {
  return {
    id,
    type: r.type,
    source: r.source,
    target: r.target,
    props: compact({
      id,
      role: r.role,
      since: r.since,
      until: r.until,
      year: r.year,
      note: r.note,
      activeFrom: r.since ?? r.year,
      activeTo: r.until ?? r.year,
      visibility: r.visibility,
      ...citationProps(r.citations),
    }),
  };
}

export function toGraphRows(data: Dataset): GraphRows {
  const nodes: NodeRow[] = [
    ...data.organisations.map((o) => nodeRowOf("ORGANISATION", o)),
    ...data.forums.map((f) => nodeRowOf("FORUM", f)),
    ...data.campaigns.map((c) => nodeRowOf("CAMPAIGN", c)),
    ...data.instruments.map((i) => nodeRowOf("INSTRUMENT", i)),
    ...data.people.map((p) => nodeRowOf("PERSON", p)),
    ...data.issues.map((i) => nodeRowOf("ISSUE", i)),
  ];
  const relationships: RelationshipRow[] = data.relationships.map((r) => relationshipRowOf(r));

  const sources = data.sources.map((s) => ({ id: s.id, props: compact({ ...s }) as Props }));
  const stories = data.stories.map((story, position) => ({
    id: story.id,
    props: { id: story.id, title: story.title, summary: story.summary, position, steps: JSON.stringify(story.steps) },
  }));
  const hash = createHash("sha256").update(JSON.stringify({ sources, stories, nodes, relationships })).digest("hex").slice(0, 16);
  return { sources, stories, nodes, relationships, hash };
}
