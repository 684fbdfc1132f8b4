/**
 * The History tab: every change to the selected record and to its ties (a tie's changes are its
 * own records), newest first, with diffs, and Revert for editors.
 */
import { useEffect, useState } from "react";

import { fetchNode } from "../api";
import { type Change, fetchHistory } from "../api/edit";
import { useStore } from "../ui/use-store";
import { type AccountStore, can } from "./account";
import { ChangeView } from "./ChangeView";

interface Props {
  id: string | null;
  dataKey: number;
  account: AccountStore;
  onChanged(): void;
}

type Load = { type: "idle" } | { type: "loading" } | { type: "error"; message: string } | { type: "ready"; changes: Change[] };

async function historyWithTies(id: string, signal: AbortSignal): Promise<Change[]> {
  const node = await fetchNode(id, signal);
  const ids = [id, ...(node?.relationships.map((r) => r.id) ?? [])];
  const lists = await Promise.all(ids.map((record) => fetchHistory(record, signal).catch(() => [] as Change[])));
  const byId = new Map(lists.flat().map((c) => [c.id, c]));
  return [...byId.values()].sort((a, b) => b.seq - a.seq);
}

export function HistoryPanel({ id, dataKey, account, onChanged }: Props) {
  const editor = useStore(account, (a) => can(a, "editor"));
  const [load, setLoad] = useState<Load>({ type: "idle" });
  useEffect(() => {
    if (!id) return setLoad({ type: "idle" });
    const controller = new AbortController();
    setLoad({ type: "loading" });
    historyWithTies(id, controller.signal).then(
      (changes) => setLoad({ type: "ready", changes }),
      (error: Error) => error.name !== "AbortError" && setLoad({ type: "error", message: error.message }),
    );
    return () => controller.abort();
  }, [id, dataKey]);

  return (
    <section
      // Focusable, so a reader with nothing to press can still scroll a long history by keyboard (axe: scrollable-region-focusable).
      tabIndex={0}
      className="history"
      aria-label="History"
      aria-busy={load.type === "loading"}
    >
      {load.type === "idle" && <p className="muted">Select a node to see what changed in it and who changed it.</p>}
      {load.type === "loading" && <p className="muted">Loading…</p>}
      {load.type === "error" && <p role="alert">{load.message}</p>}
      {load.type === "ready" && load.changes.length === 0 && (
        <p className="muted">No one has changed this record since it was loaded from the bundled data.</p>
      )}
      {load.type === "ready" && (
        <ol className="changes">
          {load.changes.map((c) => (
            <li key={c.id}>
              <ChangeView change={c} onReverted={editor ? onChanged : undefined} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
