/** previewImport, applyImport and exportAtlas: server/imports does the work. */
import { exportAtlas } from "../../imports/export.js";
import { applyImport, previewImport } from "../../imports/preview.js";
import type { Context } from "../context.js";
import { badInput } from "../errors.js";
import type { MutationApplyImportArgs, MutationPreviewImportArgs, QueryExportAtlasArgs, Resolvers } from "../generated/resolvers.js";

function bytesOf(content: string, encoding: string | null | undefined): Buffer {
  if (encoding !== "BASE64") return Buffer.from(content, "utf8");
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(content)) throw badInput("input.file.content", "is not base64");
  return Buffer.from(content, "base64");
}

export const ImportTypes = {
  Query: {
    exportAtlas: (_: unknown, { format }: QueryExportAtlasArgs, { db, viewer }: Context) => exportAtlas(db, viewer, format),
  },
  Mutation: {
    previewImport: (_: unknown, { input }: MutationPreviewImportArgs, { db, viewer }: Context) =>
      previewImport(db, viewer, {
        file: input.file.name,
        format: input.file.format,
        content: bytesOf(input.file.content, input.file.encoding),
        mapping: input.mapping?.map((m) => ({ sheet: m.sheet, column: m.column, field: m.field ?? null })),
        source: input.source,
        visibility: input.visibility,
        fixes: input.fixes,
      }),
    applyImport: (_: unknown, { input }: MutationApplyImportArgs, { db, viewer }: Context) =>
      applyImport(db, viewer, {
        previewId: input.previewId,
        decisions: input.decisions?.map((d) => ({ key: d.key, action: d.action, id: d.id, overwrite: d.overwrite })),
        acceptAllConfident: input.acceptAllConfident,
        skipInvalidRows: input.skipInvalidRows,
        comment: input.comment,
      }),
  },
} satisfies Resolvers;
