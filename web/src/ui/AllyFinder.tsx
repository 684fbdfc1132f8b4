/**
 * Allies for the selected organisation: the API's link-prediction suggestions with their reasons;
 * choosing one highlights the two organisations and the campaigns, forums and issues they share.
 */
import { useEffect, useState } from "react";

import { type AllySuggestion, fetchAllies } from "../api";
import type { Session } from "../bindings/session";
import { sharedTies } from "../graph";
import { type AtlasState, clearEmphasis, setEmphasis, type Store } from "../state";
import { useSessionState, useStore } from "./use-store";

type Result =
  { type: "idle" } | { type: "loading" } | { type: "error"; message: string } | { type: "ready"; id: string; allies: AllySuggestion[] };

export function AllyFinder({
  store,
  session,
  onSelect,
}: {
  store: Store<AtlasState>;
  session: Session | null;
  onSelect(id: string): void;
}) {
  const selectedId = useStore(store, (s) => s.selectedId);
  const emphasis = useStore(store, (s) => s.emphasis);
  const [result, setResult] = useState<Result>({ type: "idle" });
  const [shown, setShown] = useState<string | null>(null);
  // States and intergovernmental bodies are not civil-society allies unless the reader asks.
  const [includeStates, setIncludeStates] = useState(false);
  const dataset = useSessionState(session, (s) => s.dataset, null) ?? undefined;
  const selected = selectedId && dataset ? dataset.nodes[dataset.index.get(selectedId) ?? -1] : undefined;
  const isOrganisation = selected?.kind === "ORGANISATION";

  useEffect(() => {
    if (!selectedId || !isOrganisation) {
      setResult({ type: "idle" });
      return;
    }
    const controller = new AbortController();
    setResult({ type: "loading" });
    setShown(null);
    fetchAllies(selectedId, controller.signal, includeStates)
      .then((allies) => setResult({ type: "ready", id: selectedId, allies }))
      .catch((error: Error) => {
        if (error.name !== "AbortError") setResult({ type: "error", message: error.message });
      });
    return () => controller.abort();
  }, [selectedId, isOrganisation, includeStates]);

  const show = (ally: AllySuggestion) => {
    if (!dataset || result.type !== "ready") return;
    const shared = ally.shared.map((n) => n.id);
    setShown(ally.node.id);
    store.update(
      setEmphasis({
        type: "ally",
        nodes: [result.id, ally.node.id, ...shared],
        edges: sharedTies(dataset, result.id, ally.node.id, shared),
      }),
    );
  };

  return (
    <section className="finder" aria-label="Ally finder">
      <h2>{selected && isOrganisation ? `Allies for ${selected.label}` : "Allies"}</h2>
      <p className="muted small">
        Organisations not yet tied to it that share its coalitions, campaigns, forums or partners first, then its issues — rarer shared
        items count more.
      </p>
      <label className="field-row">
        <input type="checkbox" checked={includeStates} onChange={(e) => setIncludeStates(e.target.checked)} />
        Include states and intergovernmental bodies
      </label>
      {!isOrganisation && <p>Select an organisation (click it, or search for it) to see suggested allies.</p>}
      {emphasis.type === "ally" && (
        <button type="button" onClick={() => store.update(clearEmphasis())}>
          Clear highlight
        </button>
      )}
      <div aria-live="polite">
        {result.type === "loading" && <p className="muted">Finding allies…</p>}
        {result.type === "error" && <p role="alert">{result.message}</p>}
        {result.type === "ready" && result.allies.length === 0 && (
          <p>No suggestions: it shares nothing yet with an organisation it is not tied to.</p>
        )}
        {result.type === "ready" && result.allies.length > 0 && (
          <ol className="allies">
            {result.allies.map((ally) => (
              <li key={ally.node.id} className={shown === ally.node.id && emphasis.type === "ally" ? "shown" : undefined}>
                <div className="ally-head">
                  <button type="button" className="link ally-name" onClick={() => onSelect(ally.node.id)}>
                    {ally.node.name}
                  </button>
                  <span className="muted small ally-score">score {ally.score.toFixed(2)}</span>
                  <button
                    type="button"
                    className="ally-show"
                    aria-pressed={shown === ally.node.id && emphasis.type === "ally"}
                    onClick={() => show(ally)}
                  >
                    Show shared
                  </button>
                </div>
                <ul className="reasons">
                  {ally.ties.map((tie, k) => (
                    <li key={k} className={tie.organisational ? undefined : "muted"}>
                      <span className="reason">{tie.reason}</span>
                      <span className="muted small"> — {citedIn(tie.edges)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

/** The documents a shared thing is cited from, each once, in order. */
function citedIn(edges: AllySuggestion["ties"][number]["edges"]): string {
  const titles = [...new Set(edges.flatMap((e) => e.citations.map((c) => c.source.title)))];
  return titles.length ? `cited in ${titles.join("; ")}` : "uncited";
}
