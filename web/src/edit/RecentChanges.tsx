/** The Changes tab: the atlas's recent changes, newest first, a page at a time; Revert for editors. */
import { useEffect, useState } from "react";

import { type Change, fetchChanges } from "../api/edit";
import { useStore } from "../ui/use-store";
import { type AccountStore, can } from "./account";
import { ChangeView } from "./ChangeView";

const PAGE = 20;

interface Props {
  account: AccountStore;
  dataKey: number;
  onChanged(): void;
}

export function RecentChanges({ account, dataKey, onChanged }: Props) {
  const editor = useStore(account, (a) => can(a, "editor"));
  const [changes, setChanges] = useState<Change[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  const load = async (after: string | null, signal?: AbortSignal) => {
    setBusy(true);
    try {
      const page = await fetchChanges(PAGE, after, signal);
      setChanges((earlier) => (after ? [...earlier, ...page.changes] : page.changes));
      setCursor(page.endCursor);
      setMore(page.hasNextPage);
      setError("");
    } catch (failure) {
      if ((failure as Error).name !== "AbortError") setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
  }, [dataKey]);

  return (
    <section
      // Focusable, so a reader with nothing to press can still scroll a long history by keyboard (axe: scrollable-region-focusable).
      tabIndex={0}
      className="recent-changes"
      aria-label="Recent changes"
      aria-busy={busy}
    >
      <h2>Recent changes</h2>
      {error && <p role="alert">{error}</p>}
      {!busy && !error && changes.length === 0 && <p className="muted">No one has edited the atlas yet.</p>}
      <ol className="changes">
        {changes.map((c) => (
          <li key={c.id}>
            <ChangeView change={c} onReverted={editor ? onChanged : undefined} />
          </li>
        ))}
      </ol>
      {more && (
        <button type="button" disabled={busy} onClick={() => void load(cursor)}>
          Older changes
        </button>
      )}
    </section>
  );
}
