/** previewImport, applyImport and exportAtlas: server/imports does the work. */
import { type ExportView, exportAtlas } from "../../imports/export.js";
import { applyImport, previewImport } from "../../imports/preview.js";
import { type ImportProgress, progressOf, reportProgress } from "../../imports/progress.js";
import type { Context } from "../context.js";
import { requireRole } from "../../auth/viewer.js";
import { badInput } from "../errors.js";
import { filterParams, year } from "../../read/filter.js";
import { metricsFields } from "./metrics.js";
import type {
  MutationApplyImportArgs,
  MutationPreviewImportArgs,
  ExportViewInput,
  QueryExportAtlasArgs,
  QueryImportProgressArgs,
  Resolvers,
} from "../generated/resolvers.js";

function bytesOf(content: string, encoding: string | null | undefined): Buffer {
  if (encoding !== "BASE64") return Buffer.from(content, "utf8");
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(content)) throw badInput("input.file.content", "is not base64");
  return Buffer.from(content, "base64");
}

const PROGRESS_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Where a preview's or an apply's steps go: the viewer's progress entry under the client's id, if one was sent. */
function progressReporter(progressId: string | null | undefined, viewer: Context["viewer"]) {
  if (progressId == null) return undefined;
  if (!PROGRESS_ID.test(progressId)) throw badInput("input.progressId", "must be 1 to 64 letters, digits, - or _");
  if (!viewer) return undefined;
  const ownerId = requireRole(viewer, "contributor").userId;
  return (progress: ImportProgress) => reportProgress(progressId, ownerId, progress);
}

/** Runs an import step, reporting FAILED to its progress entry when it throws. */
async function reporting<T>(report: ((progress: ImportProgress) => void) | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    report?.({ step: "FAILED", done: 0, total: 0 });
    throw error;
  }
}

/** The explorer's view as the exporter takes it: checked, in words, with its filter's metric values. */
async function exportView(input: ExportViewInput, context: Context): Promise<ExportView> {
  const params = filterParams(input.filter);
  const asOf = year("view.year", input.year);
  const metrics = await metricsFields.metrics(undefined, { filter: input.filter }, context);
  const facets = Object.entries(params)
    .filter(([key, value]) => value !== null && key !== "yearFrom" && key !== "yearTo")
    .map(([key, value]) => `${key}: ${(value as string[]).join(", ")}`);
  const summary = [
    facets.length ? `filter ${facets.join("; ")}` : "no filter",
    asOf === null ? "all years" : `as of ${asOf}${input.datedOnly ? ", dated records only" : ""}`,
  ].join("; ");
  return {
    relationshipTypes: params.relationshipTypes,
    year: asOf,
    datedOnly: input.datedOnly ?? false,
    collapsed: input.collapsed ?? [],
    summary,
    link: input.link ?? null,
    nodes: new Map(input.nodes.map((n) => [n.id, n])),
    metrics: new Map(
      metrics.nodes.map((m) => [
        m.node.id,
        { betweenness: m.betweenness, pagerank: m.pagerank, bridgeScore: m.bridgeScore, community: m.community },
      ]),
    ),
  };
}

export const ImportTypes = {
  Query: {
    exportAtlas: async (_: unknown, { format, view }: QueryExportAtlasArgs, context: Context) =>
      exportAtlas(context.db, context.viewer, format, view ? await exportView(view, context) : null),
    importProgress: (_: unknown, { id }: QueryImportProgressArgs, { viewer }: Context) =>
      progressOf(id, requireRole(viewer, "contributor").userId),
  },
  Mutation: {
    previewImport: async (_: unknown, { input }: MutationPreviewImportArgs, { db, viewer }: Context) => {
      const report = progressReporter(input.progressId, viewer);
      report?.({ step: "READING", done: 0, total: 0 });
      return reporting(report, () =>
        previewImport(
          db,
          viewer,
          {
            file: input.file.name,
            format: input.file.format,
            content: bytesOf(input.file.content, input.file.encoding),
            mapping: input.mapping?.map((m) => ({ sheet: m.sheet, column: m.column, field: m.field ?? null })),
            source: input.source,
            visibility: input.visibility,
            fixes: input.fixes,
          },
          report &&
            ((step, done, total) =>
              report({ step: step === "parsed" ? "PARSED" : step === "matching" ? "MATCHING" : "DONE", done, total })),
        ),
      );
    },
    applyImport: async (_: unknown, { input }: MutationApplyImportArgs, { db, viewer }: Context) => {
      const report = progressReporter(input.progressId, viewer);
      const outcome = await reporting(report, () =>
        applyImport(
          db,
          viewer,
          {
            previewId: input.previewId,
            decisions: input.decisions?.map((d) => ({ key: d.key, action: d.action, id: d.id, overwrite: d.overwrite })),
            acceptAllConfident: input.acceptAllConfident,
            skipInvalidRows: input.skipInvalidRows,
            comment: input.comment,
          },
          report && ((step, done, total) => report({ step, done, total })),
        ),
      );
      const written = outcome.status === "APPLIED" ? outcome.change.recordIds.length : 0;
      report?.({ step: "DONE", done: written, total: written });
      return outcome;
    },
  },
} satisfies Resolvers;
