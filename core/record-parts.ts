/**
 * The shapes every record of data/ shares (ids, years, citations): one zod definition for the
 * loader (server/import/schema.ts) and the story format (core/story.ts).
 */
import { z } from "zod";

import { YEAR_RANGE } from "./vocabulary.js";

/** Stable slug ids such as `mfa` or `gfmd-2012-mauritius`: one id space for every kind of node. */
export const idSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lower-case slug such as 'gfmd-2012-mauritius'");

export const yearSchema = z
  .number()
  .int("must be a whole year")
  .min(YEAR_RANGE.min, `must be a year from ${YEAR_RANGE.min}`)
  .max(YEAR_RANGE.max, `must be a year up to ${YEAR_RANGE.max}`);

/** Text that is trimmed and must not be empty once trimmed. */
export const textSchema = z.string().trim().min(1, "must not be empty");

/** Where a fact comes from: a source id, a locator in that document, and the fact in our own words. */
export const citationSchema = z.strictObject({
  source: idSchema,
  locator: textSchema.max(160),
  evidence: textSchema.max(400),
});
export type Citation = z.infer<typeof citationSchema>;
