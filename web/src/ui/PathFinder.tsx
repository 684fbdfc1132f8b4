/**
 * Paths between two nodes: the k shortest chains from the API, each spelled out step by step with
 * the relationship, its direction and its citations; the chosen one is highlighted on the map.
 */
import { useEffect, useState } from "react";

import { fetchPaths, type NodeRef, type Path } from "../api";
import type { Session } from "../bindings/session";
import { RELATIONSHIP_PHRASES } from "../graph";
import { type AtlasState, clearEmphasis, setEmphasis, type Store } from "../state";
import { Citations } from "./Citations";
import { SearchBox } from "./SearchBox";
import { useStore } from "./use-store";

type Result = { type: "idle" } | { type: "loading" } | { type: "error"; message: string } | { type: "ready"; paths: Path[] };

interface Props {
  store: Store<AtlasState>;
  session: Session | null;
  seed?: NodeRef | null;
  onSelect(id: string): void;
}

const nameOf = (n: NodeRef) => n.acronym ?? n.name;

export function PathFinder({ store, seed, onSelect }: Props) {
  const [from, setFrom] = useState<NodeRef | null>(seed ?? null);
  const [to, setTo] = useState<NodeRef | null>(null);
  const [maxLength, setMaxLength] = useState(4);
  // Shared themes introduce nobody, so paths walk organisational ties unless the reader asks.
  const [throughTopics, setThroughTopics] = useState(false);
  const [result, setResult] = useState<Result>({ type: "idle" });
  const [shown, setShown] = useState(0);
  const emphasis = useStore(store, (s) => s.emphasis);

  useEffect(() => {
    if (seed) setFrom(seed);
  }, [seed]);

  const show = (paths: Path[], k: number) => {
    setShown(k);
    const path = paths[k];
    if (path) store.update(setEmphasis({ type: "path", nodes: path.nodes.map((n) => n.id), edges: path.edges.map((e) => e.id) }));
  };

  // Editing an end drops its choice and the answer for the old pair, so no path is shown under a name it is not for.
  const unpick = (setEnd: (node: NodeRef | null) => void) => {
    setEnd(null);
    setResult({ type: "idle" });
  };

  const find = (topics = throughTopics) => {
    if (!from || !to) return;
    setResult({ type: "loading" });
    fetchPaths(from.id, to.id, maxLength, undefined, topics)
      .then((paths) => {
        setResult({ type: "ready", paths });
        if (paths.length) show(paths, 0);
        else store.update(clearEmphasis());
      })
      .catch((error: Error) => setResult({ type: "error", message: error.message }));
  };

  return (
    <section className="finder" aria-label="Path finder">
      <h2>Paths between two nodes</h2>
      <p className="muted small">
        Who could introduce whom: the shortest chains of cited ties between organisations, people, campaigns and forums.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          find();
        }}
      >
        <SearchBox
          label="From"
          visibleLabel
          value={from ? nameOf(from) : ""}
          onPick={(_, node) => setFrom(node)}
          onUnpick={() => unpick(setFrom)}
        />
        <SearchBox label="To" visibleLabel value={to ? nameOf(to) : ""} onPick={(_, node) => setTo(node)} onUnpick={() => unpick(setTo)} />
        <div className="field-row">
          <label htmlFor="path-max">At most</label>
          <select id="path-max" value={maxLength} onChange={(e) => setMaxLength(Number(e.target.value))}>
            {[2, 3, 4, 5, 6].map((n) => (
              <option key={n} value={n}>
                {n} steps
              </option>
            ))}
          </select>
        </div>
        <label className="field-row">
          <input type="checkbox" checked={throughTopics} onChange={(e) => setThroughTopics(e.target.checked)} />
          Also through shared issues and instruments
        </label>
        <div className="button-row">
          <button type="submit" disabled={!from || !to || result.type === "loading"}>
            Find paths
          </button>
          {emphasis.type === "path" && (
            <button type="button" onClick={() => store.update(clearEmphasis())}>
              Clear highlight
            </button>
          )}
        </div>
      </form>
      <div aria-live="polite">
        {result.type === "loading" && <p className="muted">Looking for paths…</p>}
        {result.type === "error" && <p role="alert">{result.message}</p>}
        {result.type === "ready" && result.paths.length === 0 && from && to && (
          <div className="no-route">
            {throughTopics ? (
              <p>
                No path of at most {maxLength} steps joins {nameOf(from)} and {nameOf(to)}, even through shared issues and instruments.
              </p>
            ) : (
              // Saying what was walked keeps "no route" from reading as "no relation at all".
              <>
                <p>
                  No chain of organisational ties of at most {maxLength} steps joins {nameOf(from)} and {nameOf(to)}. The path finder walks
                  membership, support, partnership, founding, shared campaigns, shared forum occurrences and people; a shared issue or
                  instrument introduces nobody, so it is left out unless asked for.
                </p>
                <button
                  type="button"
                  onClick={() => {
                    setThroughTopics(true);
                    find(true);
                  }}
                >
                  Look through shared issues and instruments too
                </button>
              </>
            )}
          </div>
        )}
        {result.type === "ready" && result.paths.length > 0 && (
          <ol className="paths">
            {result.paths.map((path, k) => (
              <li key={k} className={k === shown && emphasis.type === "path" ? "path shown" : "path"}>
                <div className="path-head">
                  <strong>
                    Path {k + 1} · {path.length} step{path.length > 1 ? "s" : ""}
                  </strong>
                  <button type="button" aria-pressed={k === shown && emphasis.type === "path"} onClick={() => show(result.paths, k)}>
                    Show on map
                  </button>
                </div>
                <ol className="chain">
                  {path.edges.map((edge, s) => {
                    const a = path.nodes[s];
                    const b = path.nodes[s + 1];
                    const forward = edge.source === a.id;
                    const phrase = RELATIONSHIP_PHRASES[edge.type]?.out.toLowerCase() ?? edge.type;
                    return (
                      <li key={edge.id}>
                        {s === 0 && (
                          <button type="button" className="link" onClick={() => onSelect(a.id)}>
                            {nameOf(a)}
                          </button>
                        )}
                        <span className="step">
                          {forward
                            ? ` — ${phrase}${edge.role ? ` (${edge.role.toLowerCase().replace(/_/g, " ")})` : ""} → `
                            : ` ← ${phrase}${edge.role ? ` (${edge.role.toLowerCase().replace(/_/g, " ")})` : ""} — `}
                        </span>
                        <button type="button" className="link" onClick={() => onSelect(b.id)}>
                          {nameOf(b)}
                        </button>
                        <Citations citations={edge.citations} />
                      </li>
                    );
                  })}
                </ol>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
