/**
 * "Date unknown" in Details: the documents give this record no date, so the timeline cannot say when
 * it was there (core/timeline.ts). It is drawn faded in a year view, and the timeline's "leave out
 * what has no date" filter hides it; this says so where the reader looks at the record.
 */
import type { Session } from "../bindings/session";
import { useSessionState } from "./use-store";

export function DateNote({ id, session }: { id: string; session: Session | null }) {
  const dataset = useSessionState(session, (s) => s.dataset, null);
  const i = dataset?.index.get(id);
  if (!dataset || i === undefined || dataset.nodeStart[i] !== null) return null;
  return (
    <p className="date-note" role="note">
      <strong>Date unknown.</strong> The documents do not say when it was active: on the timeline it is drawn faded, and “Leave out bodies
      and ties with no date” hides it.
    </p>
  );
}
