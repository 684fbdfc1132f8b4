/**
 * The import wizard, in the header: choose a file (CSV, XLSX, GEXF, GraphML or data/ JSON) and the
 * source it comes from, check the guessed column mapping, read the report of problems, review the
 * matches (accept all confident ones at once, or choose per record), and apply. The server reads,
 * checks and matches the file (parsing never runs on this page's thread); nothing is written before
 * Apply, and a contributor's import becomes a proposal. A disclosure like the Account menu, usable
 * by keyboard alone: every control is a native form control with a label.
 */
import { type FormEvent, useRef, useState } from "react";

import {
  CONNECTION_FIELDS,
  ELEMENT_FIELDS,
  readSavedMapping,
  retargetMapping,
  savedMappingJson,
  type MappingEntry,
} from "../../../core/import-mapping";
import { request } from "../api/client";
import {
  ApplyImportDocument,
  ImportProgressDocument,
  type ImportProgressQuery,
  type ImportDecisionAction,
  type ImportFormat,
  PreviewImportDocument,
  type PreviewImportMutation,
} from "../api/gql/graphql";
import "./import.css";

type Preview = PreviewImportMutation["previewImport"];

/** The import route: files up to ATLAS_IMPORT_LIMIT_MB (the 1 MB of /graphql would refuse most). */
const IMPORT_ENDPOINT = "/graphql/import";

const FORMATS: ImportFormat[] = ["CSV", "XLSX", "GEXF", "GRAPHML", "JSON"];
const EXTENSIONS: Record<string, ImportFormat> = { csv: "CSV", tsv: "CSV", xlsx: "XLSX", gexf: "GEXF", graphml: "GRAPHML", json: "JSON" };

/** The file's bytes as base64 (XLSX is binary; text files go as text). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type Decision = { action: ImportDecisionAction; id?: string };

/** The mapping state's key of a column (sheet and column names may hold any character). */
const keyOf = (sheet: string, column: string) => JSON.stringify([sheet, column]);

function toState(entries: readonly MappingEntry[]): Record<string, string> {
  return Object.fromEntries(entries.map((m) => [keyOf(m.sheet, m.column), m.field ?? ""]));
}

type Progress = NonNullable<ImportProgressQuery["importProgress"]>;

/** How often the wizard asks how far a preview is. */
const PROGRESS_POLL_MS = 400;

/** A progress id: random, from getRandomValues (randomUUID needs a secure context, plain http has none). */
function newProgressId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

const STEP_TEXT: Record<Progress["step"], (p: Progress) => string> = {
  READING: () => "Reading the file…",
  PARSED: (p) => `Read ${p.total.toLocaleString("en")} rows; checking them…`,
  MATCHING: (p) => `Matching records: ${p.done.toLocaleString("en")} of ${p.total.toLocaleString("en")}…`,
  PLANNING: () => "Checking the reviewed records against the atlas…",
  WRITING: (p) => `Writing records: ${p.done.toLocaleString("en")} of ${p.total.toLocaleString("en")} (one change: all or nothing)…`,
  COMMITTING: () => "Committing the import as one change…",
  DONE: () => "Finishing…",
  FAILED: () => "The import failed.",
};

/** Polls the server's progress under `progressId` until the returned stop is called; a failed poll just waits for the next. */
function pollProgress(progressId: string, show: (progress: Progress) => void): () => void {
  let polling = true;
  void (async () => {
    while (polling) {
      await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
      const answer = await request(ImportProgressDocument, { id: progressId }).catch(() => null);
      if (polling && answer?.importProgress) show(answer.importProgress);
    }
  })();
  return () => {
    polling = false;
  };
}

/** Offers the text as a file download (the saved mapping). */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ImportWizard() {
  const menu = useRef<HTMLDetailsElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>("CSV");
  const [sourceTitle, setSourceTitle] = useState("");
  const [sourceUrl, setSourceUrl] = useState("");
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [mappingName, setMappingName] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  /** The server's progress of the preview in flight; "apply" while an import is written. */
  const [progress, setProgress] = useState<Progress | "upload" | "apply" | null>(null);

  const pick = (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setMapping({});
    const ext = chosen?.name.split(".").pop()?.toLowerCase() ?? "";
    if (EXTENSIONS[ext]) setFormat(EXTENSIONS[ext]);
  };

  const runPreview = async (event?: FormEvent, chosen: Record<string, string> = mapping) => {
    event?.preventDefault();
    if (!file) return;
    setBusy(true);
    setError("");
    setStatus("Reading and checking the file…");
    const progressId = newProgressId();
    setProgress("upload");
    const stopPolling = pollProgress(progressId, setProgress);
    try {
      const binary = format === "XLSX";
      const content = binary ? await base64Of(file) : await file.text();
      const result = await request(
        PreviewImportDocument,
        {
          input: {
            file: { name: file.name, format, content, encoding: binary ? "BASE64" : "TEXT" },
            progressId,
            source: sourceTitle && sourceUrl ? { title: sourceTitle, url: sourceUrl } : null,
            mapping: Object.entries(chosen).map(([key, field]) => {
              const [sheet, column] = JSON.parse(key) as [string, string];
              return { sheet, column, field: field || null };
            }),
          },
        },
        undefined,
        IMPORT_ENDPOINT,
      );
      setPreview(result.previewImport);
      // The server's mapping is the guess with every choice laid over (a saved mapping's sheet
      // renamed to this file's): keep it, so the next check sends this file's sheet names only.
      setMapping(toState(result.previewImport.mapping.map((m) => ({ sheet: m.sheet, column: m.column, field: m.field ?? null }))));
      setDecisions({});
      const p = result.previewImport;
      const errors = p.problems.filter((x) => x.severity === "ERROR").length;
      setStatus(`${p.items.length} records and ${p.connectionCount} ties read; ${errors} problem${errors === 1 ? "" : "s"}.`);
    } catch (failure) {
      setError((failure as Error).message);
      setStatus("");
    } finally {
      stopPolling();
      setProgress(null);
      setBusy(false);
    }
  };

  /** The mapping as the table shows it: the preview's, with the person's changes laid over. */
  const currentMapping = (): MappingEntry[] =>
    (preview?.mapping ?? []).map((m) => {
      const chosen = mapping[keyOf(m.sheet, m.column)];
      return { sheet: m.sheet, column: m.column, field: chosen === undefined ? (m.field ?? null) : chosen || null };
    });

  const saveMapping = () => {
    const name = mappingName.trim() || file?.name.replace(/\.[^.]+$/, "") || "mapping";
    download(`${name.replace(/[^\p{L}\p{N} ._-]+/gu, "-")}.mapping.json`, savedMappingJson(name, currentMapping()));
    setStatus(`Mapping “${name}” saved as a file: choose it under Saved mapping next time, or pass it to npm run import -- --mapping.`);
  };

  const loadMapping = async (chosenFile: File | null) => {
    if (!chosenFile) return;
    setError("");
    try {
      const saved = readSavedMapping(await chosenFile.text());
      const entries = preview
        ? retargetMapping(
            saved.mapping,
            preview.sheets.map((s) => s.name),
          )
        : saved.mapping;
      const next = toState(entries);
      setMapping(next);
      if (saved.name) setMappingName(saved.name);
      setStatus(`Mapping “${saved.name ?? chosenFile.name}” loaded: ${entries.length} columns.`);
      if (preview) await runPreview(undefined, next);
    } catch (failure) {
      setError(`${chosenFile.name} ${(failure as Error).message}.`);
    }
  };

  const acceptAllConfident = () => {
    if (!preview) return;
    const next = { ...decisions };
    for (const item of preview.items)
      if (item.status === "CONFIDENT" && !item.duplicateOf) next[item.key] = { action: "MATCH", id: item.candidates[0]?.id };
    setDecisions(next);
  };

  const apply = async () => {
    if (!preview) return;
    setBusy(true);
    setError("");
    setProgress("apply");
    const progressId = newProgressId();
    const stopPolling = pollProgress(progressId, setProgress);
    try {
      const result = await request(
        ApplyImportDocument,
        {
          input: {
            previewId: preview.id,
            progressId,
            skipInvalidRows: true,
            decisions: Object.entries(decisions).map(([key, d]) => ({ key, action: d.action, id: d.id ?? null })),
          },
        },
        undefined,
        IMPORT_ENDPOINT,
      );
      const outcome = result.applyImport;
      setStatus(
        outcome.status === "APPLIED"
          ? `Imported: ${outcome.change?.recordIds.length ?? 0} records written as one change. Reload the map to see them.`
          : `Sent for review as one proposal: ${outcome.proposal?.summary ?? ""}.`,
      );
      setPreview(null);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      stopPolling();
      setProgress(null);
      setBusy(false);
    }
  };

  const fieldsFor = (sheet: string) =>
    preview?.sheets.find((s) => s.name === sheet)?.role === "CONNECTIONS" ? CONNECTION_FIELDS : ELEMENT_FIELDS;
  const decisionValue = (key: string) => {
    const d = decisions[key];
    return d ? (d.action === "MATCH" ? `MATCH:${d.id ?? ""}` : d.action) : "";
  };

  return (
    <details
      className="menu import"
      ref={menu}
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !menu.current?.open) return;
        menu.current.open = false;
        menu.current.querySelector("summary")?.focus();
      }}
    >
      <summary>Import</summary>
      <div className="menu-items import-wizard">
        <form onSubmit={(event) => void runPreview(event)} aria-label="Import a file">
          <label>
            File
            <input
              name="file"
              type="file"
              accept=".csv,.tsv,.xlsx,.gexf,.graphml,.json"
              onChange={(e) => pick(e.currentTarget.files?.[0] ?? null)}
            />
          </label>
          <label>
            Format
            <select name="format" value={format} onChange={(e) => setFormat(e.currentTarget.value as ImportFormat)}>
              {FORMATS.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          </label>
          <label>
            Source title
            <input
              name="sourceTitle"
              value={sourceTitle}
              onChange={(e) => setSourceTitle(e.currentTarget.value)}
              placeholder="Coalition survey 2026"
            />
          </label>
          <label>
            Source URL
            <input
              name="sourceUrl"
              type="url"
              value={sourceUrl}
              onChange={(e) => setSourceUrl(e.currentTarget.value)}
              placeholder="https://…"
            />
          </label>
          <label>
            Saved mapping
            <input
              name="savedMapping"
              type="file"
              accept=".json,application/json"
              onChange={(e) => void loadMapping(e.currentTarget.files?.[0] ?? null)}
            />
          </label>
          <button type="submit" disabled={!file || busy}>
            Preview
          </button>
        </form>
        {progress && (
          <div className="import-progress">
            {/* Without value the bar is indeterminate: sending the file, checking or committing the import. */}
            <progress
              aria-label="Import progress"
              max={typeof progress === "object" && progress.total > 0 ? progress.total : undefined}
              value={
                typeof progress === "object" && (progress.step === "MATCHING" || progress.step === "WRITING") ? progress.done : undefined
              }
            />
            <span>
              {progress === "upload"
                ? "Sending the file…"
                : progress === "apply"
                  ? "Writing the import as one change…"
                  : STEP_TEXT[progress.step](progress)}
            </span>
          </div>
        )}
        <p className="import-status" role="status">
          {status}
        </p>
        <p className="import-error" role="alert">
          {error}
        </p>
        {preview && (
          <>
            <h2>Columns</h2>
            <table className="import-mapping">
              <thead>
                <tr>
                  <th scope="col">Sheet</th>
                  <th scope="col">Column</th>
                  <th scope="col">Field</th>
                </tr>
              </thead>
              <tbody>
                {preview.mapping.map((m) => {
                  const key = keyOf(m.sheet, m.column);
                  return (
                    <tr key={key}>
                      <td>{m.sheet}</td>
                      <td>{m.column}</td>
                      <td>
                        <select
                          aria-label={`Field of column ${m.column}`}
                          value={mapping[key] ?? m.field ?? ""}
                          onChange={(e) => setMapping({ ...mapping, [key]: e.currentTarget.value })}
                        >
                          <option value="">(ignore)</option>
                          {fieldsFor(m.sheet).map((f) => (
                            <option key={f}>{f}</option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <button type="button" onClick={() => void runPreview()} disabled={busy}>
              Check again with this mapping
            </button>
            <div className="import-save-mapping">
              <label>
                Mapping name
                <input
                  name="mappingName"
                  value={mappingName}
                  onChange={(e) => setMappingName(e.currentTarget.value)}
                  placeholder="ACME survey"
                />
              </label>
              <button type="button" onClick={saveMapping}>
                Save mapping
              </button>
            </div>
            <h2>Problems</h2>
            {preview.problems.length === 0 ? (
              <p>None.</p>
            ) : (
              <ul className="import-problems">
                {preview.problems.map((p, i) => (
                  <li key={i} className={p.severity === "ERROR" ? "import-problem-error" : ""}>
                    {p.severity === "ERROR" ? "Error" : "Note"}:{" "}
                    {[p.sheet, p.row !== null && p.row !== undefined ? `row ${p.row}` : null, p.column ? `column ${p.column}` : null]
                      .filter(Boolean)
                      .join(", ")}{" "}
                    — {p.message}
                  </li>
                ))}
              </ul>
            )}
            <h2>Matches</h2>
            <button type="button" onClick={acceptAllConfident}>
              Accept all confident matches
            </button>
            <table className="import-items">
              <thead>
                <tr>
                  <th scope="col">Record</th>
                  <th scope="col">Found</th>
                  <th scope="col">Decision</th>
                </tr>
              </thead>
              <tbody>
                {preview.items
                  .filter((item) => !item.duplicateOf)
                  .map((item) => (
                    <tr key={item.key}>
                      <td>
                        {item.name}
                        {item.row ? (
                          <span className="import-where">
                            {" "}
                            ({item.sheet} row {item.row})
                          </span>
                        ) : null}
                      </td>
                      <td>
                        {item.status === "NEW"
                          ? "new"
                          : `${item.status.toLowerCase()}: ${item.candidates.map((c) => `${c.name} (${Math.round(c.score * 100)}%)`).join(", ")}`}
                      </td>
                      <td>
                        <select
                          aria-label={`Decision for ${item.name}`}
                          value={decisionValue(item.key)}
                          onChange={(e) => {
                            const value = e.currentTarget.value;
                            const next = { ...decisions };
                            if (!value) delete next[item.key];
                            else if (value.startsWith("MATCH:")) next[item.key] = { action: "MATCH", id: value.slice(6) };
                            else next[item.key] = { action: value as ImportDecisionAction };
                            setDecisions(next);
                          }}
                        >
                          <option value="">{item.status === "NEW" ? "(add as new)" : "(undecided)"}</option>
                          {item.candidates.map((c) => (
                            <option key={c.id} value={`MATCH:${c.id}`}>
                              Same as {c.name}
                            </option>
                          ))}
                          {item.canBeNew && <option value="NEW">Add as new</option>}
                          <option value="SKIP">Skip</option>
                        </select>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
            <button type="button" onClick={() => void apply()} disabled={busy || !preview.canApply}>
              Apply import
            </button>
          </>
        )}
      </div>
    </details>
  );
}
