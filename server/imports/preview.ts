/**
 * previewImport and applyImport. A preview parses the file, lays the person's mapping over the
 * guessed one, reports every problem (file, sheet, row, column, what is expected), matches incoming
 * names against the atlas and keeps the result (in memory, for its owner, for an hour): nothing is
 * written. Applying a preview with the person's decisions builds one `importRecords` write and
 * hands it to the write layer, which applies it for an editor or stores it as a proposal.
 */
import { randomUUID } from "node:crypto";

import { type Visibility, visibleLevels } from "../../core/access.js";
import { RELATIONSHIP_TYPES, type NodeKind } from "../../core/vocabulary.js";
import { requireRole, type Viewer } from "../auth/viewer.js";
import type { Database } from "../db/database.js";
import { QUERIES } from "../db/registry.js";
import { apiError, badInput, notFound } from "../graphql/errors.js";
import {
  campaignSchema,
  type Citation,
  forumSchema,
  instrumentSchema,
  issueSchema,
  organisationSchema,
  personSchema,
} from "../import/schema.js";
import { nodeRecordOf } from "../write/records.js";
import { submit, type WriteOutcome } from "../write/submit.js";
import type { WriteProgress } from "../write/types.js";
import { type ColumnMapping, resolveMapping } from "./mapping.js";
import { type Candidate, matchAgainstAtlas, type MatchStatus } from "./match.js";
import { parseImportFile } from "./parse.js";
import { differences, type FieldDiff, type ImportInput, type ImportNodeInput, type ImportSourceInput } from "./plan.js";
import { buildDrafts, type ConnectionDraft, type ElementDraft, foldName } from "./rows.js";
import { type ImportFormat, ImportFileError, type ImportProblem, type SheetRole } from "./types.js";

export interface WholeFileSource {
  title: string;
  url: string;
  publisher?: string | null;
  date?: string | null;
}

export interface CellFix {
  sheet: string;
  row: number;
  column: string;
  value: string;
}

export interface PreviewRequest {
  file: string;
  format: ImportFormat;
  content: Buffer;
  mapping?: ColumnMapping[] | null;
  source?: WholeFileSource | null;
  visibility?: Visibility | null;
  /** Cells corrected in place, by sheet, row and column. */
  fixes?: CellFix[] | null;
}

/** One incoming record as the review shows it. */
export interface PreviewItem {
  key: string;
  sheet: string | null;
  row: number | null;
  name: string;
  kind: NodeKind | null;
  status: MatchStatus;
  candidates: Candidate[];
  /** What the best candidate would gain or be offered, field by field. */
  diff: FieldDiff[];
  /** The row this one names again (it follows that row's decision). */
  duplicateOf: string | null;
  /** The id a NEW record would get. */
  newId: string | null;
  /** Whether the row is complete enough to be added as a new record. */
  canBeNew: boolean;
}

export interface ImportPreview {
  id: string;
  file: string;
  format: ImportFormat;
  sheets: { name: string; role: SheetRole; headers: string[]; rowCount: number }[];
  mapping: ColumnMapping[];
  problems: ImportProblem[];
  items: PreviewItem[];
  connectionCount: number;
  /** Whether applying is possible as the file stands (no file-level problem). */
  canApply: boolean;
}

interface Stored {
  preview: ImportPreview;
  ownerId: string;
  createdAt: number;
  elements: ElementDraft[];
  connections: ConnectionDraft[];
  /** Connections whose end matched nothing, by key: they cannot be applied. */
  source: ImportSourceInput | null;
  rowSources: Map<string, ImportSourceInput | string>;
  visibility: Visibility | null;
  /** Connection end text → item key (a file row or a reference to the atlas). */
  endKeys: Map<string, string>;
}

const TTL_MS = 60 * 60 * 1000;
const MAX_PREVIEWS = 50;
const previews = new Map<string, Stored>();

function prune(now: number): void {
  for (const [id, stored] of previews) if (now - stored.createdAt > TTL_MS) previews.delete(id);
  while (previews.size >= MAX_PREVIEWS) previews.delete(previews.keys().next().value!);
}

const NEW_SCHEMAS = {
  ORGANISATION: organisationSchema,
  FORUM: forumSchema,
  CAMPAIGN: campaignSchema,
  INSTRUMENT: instrumentSchema,
  PERSON: personSchema,
  ISSUE: issueSchema,
} as const;

export function slugOf(text: string, max = 60): string {
  const slug = foldName(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return slug.slice(0, max).replace(/-$/, "") || "record";
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function citationFor(
  file: string,
  draft: { at: { sheet: string; row: number }; locator: string | null },
  source: string,
  name: string,
): Citation {
  return {
    source,
    locator: clip(draft.locator ?? `${draft.at.sheet}, row ${draft.at.row}`, 160),
    evidence: clip(`Listed in the imported file '${file}' (${draft.at.sheet}, row ${draft.at.row})${name ? ` as '${name}'` : ""}.`, 400),
  };
}

const isUrl = (text: string) => /^https?:\/\/\S+$/i.test(text);

/** A step of a preview and how far it is (the command line draws it; rows are counted where known). */
export type PreviewProgress = (step: "parsed" | "matching" | "done", done: number, total: number) => void;

/**
 * The kind each end key stands for: an element row's own kind, or a reference's best match in the
 * atlas (none for a name that matches nothing; that row is reported already).
 */
function kindOfKey(elements: ElementDraft[], matchOf: Map<string, { status: MatchStatus; candidates: Candidate[] }>) {
  const kinds = new Map<string, NodeKind>();
  for (const element of elements) kinds.set(element.key, element.kind);
  for (const [key, match] of matchOf)
    if (!kinds.has(key) && match.status !== "NEW" && match.candidates[0]) kinds.set(key, match.candidates[0].kind);
  return kinds;
}

/**
 * The vocabulary's relationship rules (core/vocabulary.ts), row by row: a tie type goes only between
 * certain kinds (MEMBER_OF from an organisation to an organisation), as the write layer will insist.
 */
function ruleProblems(
  file: string,
  connections: ConnectionDraft[],
  endKeys: Map<string, string>,
  kinds: Map<string, NodeKind>,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const c of connections) {
    const rule = RELATIONSHIP_TYPES[c.type];
    const fromKind = kinds.get(endKeys.get(c.from)!);
    const toKind = kinds.get(endKeys.get(c.to)!);
    const badFrom = fromKind && !(rule.from as readonly NodeKind[]).includes(fromKind);
    const badTo = toKind && !(rule.to as readonly NodeKind[]).includes(toKind);
    if (!badFrom && !badTo) continue;
    problems.push({
      severity: "ERROR",
      file,
      sheet: c.at.sheet,
      row: c.at.row,
      column: c.columns.type,
      message: `${c.type} goes from ${rule.from.join(" or ")} to ${rule.to.join(" or ")}, not from ${fromKind ?? "?"} '${c.from}' to ${toKind ?? "?"} '${c.to}'`,
    });
  }
  return problems;
}

export async function previewImport(
  db: Database,
  viewer: Viewer | null,
  request: PreviewRequest,
  onProgress?: PreviewProgress,
): Promise<ImportPreview> {
  const user = requireRole(viewer, "contributor");
  const visible = visibleLevels(user.role);
  const file = request.file;
  let parsedResult;
  try {
    parsedResult = await parseImportFile(file, request.format, request.content);
  } catch (error) {
    if (error instanceof ImportFileError) throw apiError("BAD_USER_INPUT", error.message, { field: "file", file, sheet: error.sheet });
    throw error;
  }
  const { parsed, warnings } = parsedResult;
  const rowCount = parsed.sheets.reduce((n, sheet) => n + sheet.rows.length, 0);
  onProgress?.("parsed", rowCount, rowCount);
  for (const fix of request.fixes ?? []) {
    const row = parsed.sheets.find((s) => s.name === fix.sheet)?.rows.find((r) => r.row === fix.row);
    if (!row) throw badInput("fixes", `name a row the file has (no row ${fix.row} in sheet '${fix.sheet}')`);
    row.cells[fix.column] = fix.value.trim();
  }
  const { mapping, problems: mappingProblems } = resolveMapping(parsed, request.mapping);
  const problems: ImportProblem[] = [
    ...mappingProblems.map((p) => ({ severity: "ERROR" as const, file, sheet: p.sheet, row: null, column: p.column, message: p.message })),
    ...warnings,
  ];
  const drafts = buildDrafts(parsed, mapping);
  problems.push(...drafts.problems);
  if (request.visibility && !visible.includes(request.visibility))
    throw badInput("visibility", `cannot be ${request.visibility}: you could not read the records yourself`);

  // Provenance: one source for the file, or a source column (a URL, or the id of an atlas source).
  const rowSources = new Map<string, ImportSourceInput | string>();
  let wholeSource: ImportSourceInput | null = null;
  const taken = async (ids: string[]) => new Map((await db.read(QUERIES.importTakenIds, { ids })).map((r) => [r.id, r]));
  if (request.source) {
    if (!isUrl(request.source.url)) throw badInput("source.url", "must be an http(s) URL");
    let id = slugOf(request.source.title);
    const existing = await taken([id]);
    const same = existing.get(id);
    if (same && !(same.isSource && same.url === request.source.url)) id = `${id}-${randomUUID().slice(0, 8)}`;
    wholeSource = {
      id,
      title: request.source.title.trim(),
      url: request.source.url,
      ...(request.source.publisher ? { publisher: request.source.publisher } : {}),
      ...(request.source.date ? { date: request.source.date } : {}),
    };
  }
  const rowsWithSource = [...drafts.elements, ...drafts.connections];
  const sourceIds = rowsWithSource.map((d) => d.source).filter((s): s is string => !!s && !isUrl(s));
  const known = await taken([...new Set(sourceIds)]);
  for (const draft of rowsWithSource) {
    if (draft.source && isUrl(draft.source)) {
      const url = draft.source;
      rowSources.set(draft.key, { id: slugOf(url.replace(/^https?:\/\/(www\.)?/i, ""), 80), title: url, url });
    } else if (draft.source) {
      if (known.get(draft.source)?.isSource) rowSources.set(draft.key, draft.source);
      else
        problems.push({
          severity: "ERROR",
          file,
          sheet: draft.at.sheet,
          row: draft.at.row,
          column: draft.columns.source,
          message: `unknown source '${draft.source}': expected a URL (https://…) or the id of a source in the atlas`,
        });
    } else if (!wholeSource) {
      problems.push({
        severity: "ERROR",
        file,
        sheet: draft.at.sheet,
        row: draft.at.row,
        column: null,
        message: "has no source: map a source column, or give one source for the whole file",
      });
    }
  }

  // Matching: every element row (duplicates follow their first row), then connection ends the file does not list.
  const firsts = drafts.elements.filter((e) => !e.duplicateOf);
  const byFileName = new Map<string, string>();
  for (const element of drafts.elements) {
    const target = element.duplicateOf ?? element.key;
    if (element.fileId) byFileName.set(`id:${element.fileId}`, target);
    for (const name of [element.record.name, element.record.acronym, ...((element.record.aliases as string[] | undefined) ?? [])])
      if (typeof name === "string" && !byFileName.has(`name:${foldName(name)}`)) byFileName.set(`name:${foldName(name)}`, target);
  }
  for (const failed of drafts.failedElements) {
    if (failed.fileId && !byFileName.has(`id:${failed.fileId}`)) byFileName.set(`id:${failed.fileId}`, failed.key);
    for (const name of failed.names) if (!byFileName.has(`name:${foldName(name)}`)) byFileName.set(`name:${foldName(name)}`, failed.key);
  }
  const endKeys = new Map<string, string>();
  const references = new Map<string, string>();
  for (const connection of drafts.connections)
    for (const [end, name] of [
      [connection.from, connection.fromName],
      [connection.to, connection.toName],
    ] as const) {
      if (endKeys.has(end)) continue;
      const inFile = byFileName.get(`id:${end}`) ?? byFileName.get(`name:${foldName(end)}`);
      if (inFile) endKeys.set(end, inFile);
      else {
        // An id the file does not list, with its name beside it (an atlas export's ties): matched by the name.
        const key = `ref:${foldName(name ?? end)}`;
        endKeys.set(end, key);
        if (!references.has(key)) references.set(key, name ?? end);
      }
    }
  const matches = await matchAgainstAtlas(
    db,
    visible,
    [
      ...firsts.map((e) => ({
        key: e.key,
        kind: e.kind,
        names: [String(e.record.name ?? ""), ...((e.record.aliases as string[] | undefined) ?? [])],
        acronym: e.record.acronym as string | undefined,
      })),
      ...[...references].map(([key, name]) => ({ key, kind: null, names: [name] })),
    ],
    onProgress && ((done, total) => onProgress("matching", done, total)),
  );
  const matchOf = new Map(matches.map((m) => [m.key, m]));

  // The best candidate's stored record, to show the diff the file would make.
  const bestIds = [...new Set(matches.map((m) => m.candidates[0]?.id).filter((id): id is string => !!id))];
  const stored = new Map((await db.read(QUERIES.importNodeProps, { ids: bestIds, visible })).map((r) => [r.id, r.props]));

  // Ids of new records: a slug of the name, unique in the atlas and in the file.
  const wanted = firsts.map((e) => slugOf(String(e.record.name ?? e.key)));
  const atlasTaken = await taken([...new Set(wanted)]);
  const used = new Set<string>();
  const newIds = wanted.map((slug) => {
    let id = slug;
    for (let n = 2; atlasTaken.has(id) || used.has(id); n++) id = `${slug}-${n}`;
    used.add(id);
    return id;
  });
  const newIdOf = new Map(firsts.map((e, i) => [e.key, newIds[i]]));

  const items: PreviewItem[] = [];
  for (const element of drafts.elements) {
    const first = element.duplicateOf ?? element.key;
    const match = matchOf.get(first)!;
    const best = match.candidates[0];
    const props = best && stored.get(best.id);
    const diff = props
      ? differences(nodeRecordOf({ kind: "node", id: best.id, label: "", props: props as never }).record, element.record)
      : [];
    // Would the row make a valid new record? Checked by data/'s schema with a stand-in id and citation.
    const check = NEW_SCHEMAS[element.kind].safeParse({
      ...element.record,
      id: "stand-in",
      citations: [{ source: "stand-in", locator: "row", evidence: "stand-in" }],
    });
    const canBeNew = check.success;
    if (!check.success && match.status === "NEW" && !element.duplicateOf)
      for (const issue of check.error.issues) {
        const what = `to add '${String(element.record.name)}' as a new ${element.kind.toLowerCase()}`;
        if (issue.code === "unrecognized_keys") {
          for (const key of issue.keys)
            problems.push({
              severity: "ERROR",
              file,
              sheet: element.at.sheet,
              row: element.at.row,
              column: element.columns[key] ?? null,
              message: `${what}: ${key} does not apply to a ${element.kind.toLowerCase()} (leave the cell empty)`,
            });
          continue;
        }
        const field = String(issue.path[0] ?? "");
        const column = element.columns[field] ?? null;
        const missing = element.record[field] === undefined;
        problems.push({
          severity: "ERROR",
          file,
          sheet: element.at.sheet,
          row: element.at.row,
          column,
          message: `${what}, ${field || "the record"} ${missing ? "is needed" : issue.message}${column ? "" : ` (no column is mapped to '${field}')`}`,
        });
      }
    items.push({
      key: element.key,
      sheet: element.at.sheet,
      row: element.at.row,
      name: String(element.record.name ?? ""),
      kind: element.kind,
      status: match.status,
      candidates: match.candidates,
      diff,
      duplicateOf: element.duplicateOf,
      newId: element.duplicateOf ? null : newIdOf.get(element.key)!,
      canBeNew,
    });
  }
  // The connections naming each reference (one pass: a 50,000-row file may name thousands).
  const connectionsOf = new Map<string, ConnectionDraft[]>();
  for (const c of drafts.connections)
    for (const key of new Set([endKeys.get(c.from)!, endKeys.get(c.to)!]))
      if (references.has(key)) {
        const list = connectionsOf.get(key);
        if (list) list.push(c);
        else connectionsOf.set(key, [c]);
      }
  for (const [key, name] of references) {
    const match = matchOf.get(key)!;
    items.push({
      key,
      sheet: null,
      row: null,
      name,
      kind: null,
      status: match.status,
      candidates: match.candidates,
      diff: [],
      duplicateOf: null,
      newId: null,
      canBeNew: false,
    });
    if (match.status === "NEW")
      for (const c of connectionsOf.get(key) ?? [])
        problems.push({
          severity: "ERROR",
          file,
          sheet: c.at.sheet,
          row: c.at.row,
          column: endKeys.get(c.from) === key ? c.columns.from : c.columns.to,
          message: `'${name}' is neither an element of the file nor an organisation of the atlas (add it to the elements sheet)`,
        });
  }

  problems.push(...ruleProblems(file, drafts.connections, endKeys, kindOfKey(drafts.elements, matchOf)));

  const preview: ImportPreview = {
    id: randomUUID(),
    file,
    format: request.format,
    sheets: parsed.sheets.map((s) => ({ name: s.name, role: s.role, headers: s.headers, rowCount: s.rows.length })),
    mapping,
    problems: problems.sort((a, b) => (a.sheet ?? "").localeCompare(b.sheet ?? "") || (a.row ?? 0) - (b.row ?? 0)),
    items,
    connectionCount: drafts.connections.length,
    canApply: mappingProblems.length === 0,
  };
  onProgress?.("done", rowCount, rowCount);
  const now = Date.now();
  prune(now);
  previews.set(preview.id, {
    preview,
    ownerId: user.userId,
    createdAt: now,
    elements: drafts.elements,
    connections: drafts.connections,
    source: wholeSource,
    rowSources,
    visibility: request.visibility ?? null,
    endKeys,
  });
  return preview;
}

export type DecisionAction = "MATCH" | "NEW" | "SKIP";

export interface ImportDecision {
  key: string;
  action: DecisionAction;
  /** With MATCH: the atlas node (a candidate, or any node the person picked). */
  id?: string | null;
  /** With MATCH: fields of the diff to overwrite in the atlas. */
  overwrite?: string[] | null;
}

export interface ApplyRequest {
  previewId: string;
  decisions?: ImportDecision[] | null;
  acceptAllConfident?: boolean | null;
  /** Leave out rows with problems instead of refusing the import. */
  skipInvalidRows?: boolean | null;
  comment?: string | null;
}

/** The write an applied preview makes, from the preview and the person's decisions. */
export function importInputOf(stored: Stored, request: ApplyRequest): ImportInput {
  const { preview } = stored;
  if (!preview.canApply)
    throw badInput(
      "previewId",
      `cannot be applied: ${preview.problems.find((p) => p.row === null)?.message ?? "the mapping is incomplete"}`,
    );
  const errors = preview.problems.filter((p) => p.severity === "ERROR");
  const badRows = new Set(errors.map((p) => `${p.sheet}:${p.row}`));
  if (errors.length && !request.skipInvalidRows)
    throw apiError(
      "BAD_USER_INPUT",
      `The file has ${errors.length} problem${errors.length === 1 ? "" : "s"} (first: ${[errors[0].sheet, errors[0].row && `row ${errors[0].row}`, errors[0].column && `column '${errors[0].column}'`].filter(Boolean).join(" › ")}: ${errors[0].message}): fix them, or apply with skipInvalidRows`,
      { field: "previewId", problems: errors.length },
    );
  const decisions = new Map((request.decisions ?? []).map((d) => [d.key, d]));
  const itemOf = new Map(preview.items.map((i) => [i.key, i]));
  for (const key of decisions.keys()) if (!itemOf.has(key)) throw badInput("decisions", `name an item of the preview (no '${key}')`);

  /** Each first row's (or reference's) outcome: the atlas id it becomes, or null (skipped). */
  const outcome = new Map<string, { id: string; match: boolean; overwrite: string[] } | null>();
  const undecided: PreviewItem[] = [];
  for (const item of preview.items) {
    if (item.duplicateOf) continue;
    if (item.sheet !== null && badRows.has(`${item.sheet}:${item.row}`)) {
      outcome.set(item.key, null);
      continue;
    }
    const decision = decisions.get(item.key);
    const action =
      decision?.action ??
      (item.status === "NEW"
        ? item.canBeNew
          ? "NEW"
          : "SKIP"
        : item.status === "CONFIDENT" && request.acceptAllConfident
          ? "MATCH"
          : null);
    if (action === null) {
      undecided.push(item);
      continue;
    }
    if (action === "SKIP") outcome.set(item.key, null);
    else if (action === "NEW") {
      if (!item.newId)
        throw badInput("decisions", `'${item.name}' is not a row of the file and cannot be added as NEW: match it or skip it`);
      outcome.set(item.key, { id: item.newId, match: false, overwrite: [] });
    } else {
      const id = decision?.id ?? item.candidates[0]?.id;
      if (!id) throw badInput("decisions", `MATCH of '${item.name}' needs an id (it has no candidate)`);
      outcome.set(item.key, { id, match: true, overwrite: decision?.overwrite ?? [] });
    }
  }
  if (undecided.length)
    throw badInput(
      "decisions",
      `are missing for ${undecided.length} item${undecided.length === 1 ? "" : "s"}, e.g. '${undecided[0].name}'${undecided[0].row ? ` (${undecided[0].sheet} row ${undecided[0].row})` : ""}, which is ${undecided[0].status.toLowerCase()}: choose MATCH, NEW or SKIP, or accept all confident matches`,
    );

  const versions = new Map<string, number>();
  for (const item of preview.items) for (const c of item.candidates) if (!versions.has(c.id)) versions.set(c.id, c.version);
  const versionOf = (id: string) => versions.get(id);
  const sources = new Map<string, ImportSourceInput>();
  if (stored.source) sources.set(stored.source.id, stored.source);
  const sourceOf = (key: string): string | null => {
    const own = stored.rowSources.get(key);
    if (typeof own === "string") return own;
    if (own) {
      sources.set(own.id, own);
      return own.id;
    }
    return stored.source?.id ?? null;
  };

  const at = (d: { at: { sheet: string; row: number } }) => `${preview.file} › ${d.at.sheet} › row ${d.at.row}`;
  const nodes: ImportNodeInput[] = [];
  for (const element of stored.elements) {
    const result = outcome.get(element.duplicateOf ?? element.key);
    if (!result || badRows.has(`${element.at.sheet}:${element.at.row}`)) continue;
    const source = sourceOf(element.key);
    if (!source) continue;
    const fields = { ...element.record };
    if (!result.match && stored.visibility && fields.visibility === undefined) fields.visibility = stored.visibility;
    let match: ImportNodeInput["match"] = null;
    if (result.match) {
      const version = versionOf(result.id);
      match = { version: version ?? 0, overwrite: result.overwrite };
    }
    nodes.push({
      at: at(element),
      id: result.id,
      kind: element.kind,
      fields,
      citation: citationFor(preview.file, element, source, String(element.record.name ?? "")),
      match,
    });
  }
  const ties = [];
  for (const connection of stored.connections) {
    if (badRows.has(`${connection.at.sheet}:${connection.at.row}`)) continue;
    const from = outcome.get(stored.endKeys.get(connection.from)!);
    const to = outcome.get(stored.endKeys.get(connection.to)!);
    const source = sourceOf(connection.key);
    if (!from || !to || !source) continue; // an end was skipped: so is the tie
    const fields = { ...connection.record };
    if (stored.visibility && fields.visibility === undefined) fields.visibility = stored.visibility;
    ties.push({
      at: at(connection),
      type: connection.type,
      source: from.id,
      target: to.id,
      fields,
      citation: citationFor(preview.file, connection, source, ""),
    });
  }
  return { file: preview.file, sources: [...sources.values()], nodes, ties };
}

export async function applyImport(
  db: Database,
  viewer: Viewer | null,
  request: ApplyRequest,
  progress?: WriteProgress,
): Promise<WriteOutcome> {
  const user = requireRole(viewer, "contributor");
  const stored = previews.get(request.previewId);
  if (!stored || stored.ownerId !== user.userId || Date.now() - stored.createdAt > TTL_MS)
    throw notFound("import preview", request.previewId);
  const input = importInputOf(stored, request);
  const outcome = await submit(db, user, "importRecords", input, request.comment ?? `import of ${stored.preview.file}`, progress);
  previews.delete(request.previewId);
  return outcome;
}
