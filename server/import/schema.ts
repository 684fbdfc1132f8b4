/**
 * The shape of every file in data/, validated with zod before anything touches the database.
 * Cross-record rules (dangling references, duplicate ids, endpoint kinds) live in validate.ts.
 */
import { z } from "zod";

import { type Citation, citationSchema, idSchema, textSchema, yearSchema } from "../../core/record-parts.js";
import type { StoryFile } from "../../core/story.js";
import { VISIBILITIES } from "../../core/access.js";
import {
  FIGURE_METRICS,
  FORUM_KINDS,
  FORUM_SERIES,
  INSTRUMENT_KINDS,
  ORGANISATION_TYPES,
  REGIONS,
  RELATIONSHIP_TYPE_NAMES,
  SCOPES,
  SECTORS,
} from "../../core/vocabulary.js";

// Ids, years and citations are shared with the story format (core/record-parts.ts).
export { type Citation, citationSchema, idSchema, yearSchema };
const text = textSchema;

/** Who may see a record (core/access.ts); absent means PUBLIC. */
const visibility = z.enum(VISIBILITIES).optional();

const citations = z.array(citationSchema).min(1, "needs at least one citation (source, locator, evidence)");

export const figureSchema = z.strictObject({
  metric: z.enum(FIGURE_METRICS),
  value: z.number().nonnegative(),
  /** True when the document says "about", "over", "more than" … */
  approximate: z.boolean().optional(),
  year: yearSchema.optional(),
  /** The figure in our own words, e.g. "over 260 member organisations across Asia". */
  note: text.max(200),
  citations,
});
export type Figure = z.infer<typeof figureSchema>;

const nodeBase = {
  id: idSchema,
  name: text.max(200),
  aliases: z.array(text.max(200)).optional(),
  description: text.max(600).optional(),
  visibility,
  citations,
};

/**
 * A cited document: one of the bundled documents (read from a `file`, with `authors`), or a document
 * or web page a user added (`url`, `publisher`, `date`).
 */
export const sourceSchema = z
  .strictObject({
    id: idSchema,
    title: text,
    authors: z.array(text).optional(),
    year: yearSchema.optional(),
    publication: text.optional(),
    /** File name under ../shared/seeds/ the text was read from. */
    file: text.optional(),
    url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    publisher: text.max(200).optional(),
    /** ISO date (or year, or year and month) of publication. */
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}){0,2}$/, "must be an ISO date such as '2024-03-01'")
      .optional(),
    description: text.max(600),
  })
  .superRefine((source, ctx) => {
    if (source.file === undefined && source.url === undefined)
      ctx.addIssue({ code: "custom", path: ["url"], message: "is required for a source without a file" });
    if (source.file !== undefined && !source.authors?.length)
      ctx.addIssue({ code: "custom", path: ["authors"], message: "must name at least one author of a bundled document" });
  });
export type SourceRecord = z.infer<typeof sourceSchema>;

export const organisationSchema = z.strictObject({
  ...nodeBase,
  acronym: text.max(40).optional(),
  type: z.enum(ORGANISATION_TYPES),
  sector: z.enum(SECTORS),
  scope: z.enum(SCOPES),
  /** ISO 3166-1 alpha-2 of the seat or home country. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as 'PH'")
    .optional(),
  region: z.enum(REGIONS).optional(),
  founded: yearSchema.optional(),
  dissolved: yearSchema.optional(),
  figures: z.array(figureSchema).optional(),
});
export type OrganisationRecord = z.infer<typeof organisationSchema>;

export const forumSchema = z.strictObject({
  ...nodeBase,
  series: z.enum(FORUM_SERIES),
  kind: z.enum(FORUM_KINDS),
  year: yearSchema.optional(),
  /** ISO date or date range when the document gives days, e.g. "2010-11-02/2010-11-05". */
  dates: z
    .string()
    .regex(/^\d{4}(-\d{2}){0,2}(\/\d{4}(-\d{2}){0,2})?$/, "must be an ISO date or range such as '2010-11-02/2010-11-05'")
    .optional(),
  city: text.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as 'MU'")
    .optional(),
  figures: z.array(figureSchema).optional(),
});
export type ForumRecord = z.infer<typeof forumSchema>;

export const campaignSchema = z.strictObject({
  ...nodeBase,
  start: yearSchema.optional(),
  end: yearSchema.optional(),
  goal: text.max(400).optional(),
  outcome: text.max(400).optional(),
});
export type CampaignRecord = z.infer<typeof campaignSchema>;

export const instrumentSchema = z.strictObject({
  ...nodeBase,
  shortName: text.max(40).optional(),
  kind: z.enum(INSTRUMENT_KINDS),
  adopted: yearSchema.optional(),
});
export type InstrumentRecord = z.infer<typeof instrumentSchema>;

export const personSchema = z.strictObject({ ...nodeBase });
export type PersonRecord = z.infer<typeof personSchema>;

export const issueSchema = z.strictObject({ ...nodeBase });
export type IssueRecord = z.infer<typeof issueSchema>;

export const relationshipSchema = z.strictObject({
  type: z.enum(RELATIONSHIP_TYPE_NAMES as [string, ...string[]]),
  source: idSchema,
  target: idSchema,
  role: z
    .string()
    .regex(/^[A-Z_]+$/)
    .optional(),
  since: yearSchema.optional(),
  until: yearSchema.optional(),
  /** The single year of a dated event (a forum appearance, an MoU signed). */
  year: yearSchema.optional(),
  /** Anything the role cannot say, in our own words (e.g. "President", "through its Asia office"). */
  note: text.max(200).optional(),
  visibility,
  citations,
});
export type RelationshipRecord = z.infer<typeof relationshipSchema>;

/** One file per kind of record; the order is the load order (nodes before relationships). */
export const DATA_FILES = {
  sources: { file: "sources.json", schema: sourceSchema },
  organisations: { file: "organisations.json", schema: organisationSchema },
  forums: { file: "forums.json", schema: forumSchema },
  campaigns: { file: "campaigns.json", schema: campaignSchema },
  instruments: { file: "instruments.json", schema: instrumentSchema },
  people: { file: "people.json", schema: personSchema },
  issues: { file: "issues.json", schema: issueSchema },
  relationships: { file: "relationships.json", schema: relationshipSchema },
} as const;
export type DataFileKey = keyof typeof DATA_FILES;

export interface Dataset {
  sources: SourceRecord[];
  organisations: OrganisationRecord[];
  forums: ForumRecord[];
  campaigns: CampaignRecord[];
  instruments: InstrumentRecord[];
  people: PersonRecord[];
  issues: IssueRecord[];
  relationships: RelationshipRecord[];
  /** Teaching stories from data/stories/ (see stories.ts). */
  stories: StoryFile[];
}
