/**
 * How far a preview or an apply is, for the wizard's progress bar: the browser names a progress id
 * of its own choosing when it sends previewImport or applyImport, and polls `importProgress(id)`
 * while it waits. Kept in memory for ten minutes, and only for the user who started the import (an
 * id is no secret).
 */
export type ImportStep = "READING" | "PARSED" | "MATCHING" | "PLANNING" | "WRITING" | "COMMITTING" | "DONE" | "FAILED";

export interface ImportProgress {
  step: ImportStep;
  done: number;
  total: number;
}

interface Entry extends ImportProgress {
  ownerId: string;
  updatedAt: number;
}

const KEEP_MS = 10 * 60_000;
const MAX_ENTRIES = 10_000;
const entries = new Map<string, Entry>();

function prune(now: number) {
  for (const [id, entry] of entries) if (now - entry.updatedAt > KEEP_MS || entries.size > MAX_ENTRIES) entries.delete(id);
}

/** Records a step; an id another user already uses is left alone (theirs stays theirs). */
export function reportProgress(id: string, ownerId: string, progress: ImportProgress): void {
  const now = Date.now();
  const current = entries.get(id);
  if (current && current.ownerId !== ownerId) return;
  if (!current) prune(now);
  entries.set(id, { ...progress, ownerId, updatedAt: now });
}

/** The progress of the user's own preview, or null (unknown, expired or someone else's). */
export function progressOf(id: string, ownerId: string): ImportProgress | null {
  const entry = entries.get(id);
  if (!entry || entry.ownerId !== ownerId || Date.now() - entry.updatedAt > KEEP_MS) return null;
  return { step: entry.step, done: entry.done, total: entry.total };
}
