/**
 * The structural analyses for people: brokerage roles, change between two years, forum co-presence
 * and what-if removal, each computed by the server over the graph the current filters show, read out
 * as a sentence (announced to screen readers) and a short list, and shown on the map on request.
 */
import { type FormEvent, type ReactNode, useState } from "react";

import {
  type BrokerageAnswer,
  type BrokeragePartition,
  type CoPresenceAnswer,
  fetchBrokerage,
  fetchCoPresence,
  fetchWhatIf,
  fetchYearChange,
  type WhatIfAnswer,
  type YearChangeAnswer,
} from "../api";
import type { Session } from "../bindings/session";
import { facetValueLabel, type FilterFacet } from "../../../core/facets";
import { type AtlasState, clearEmphasis, setEmphasis, type Store } from "../state";
import { toNetworkFilter } from "../state/filters";
import { useSessionState, useStore } from "../ui/use-store";

type Analysis = "brokerage" | "diff" | "coPresence" | "whatIf";
const ANALYSES: { key: Analysis; label: string }[] = [
  { key: "brokerage", label: "Brokers between groups" },
  { key: "diff", label: "Change between two years" },
  { key: "coPresence", label: "Who shared a room" },
  { key: "whatIf", label: "What if an organisation left" },
];
/** Each partition, and the filter facet whose value labels name its groups. */
const PARTITIONS: { key: BrokeragePartition; label: string; facet: FilterFacet }[] = [
  { key: "SECTOR", label: "sector", facet: "sectors" },
  { key: "REGION", label: "region", facet: "regions" },
  { key: "SCOPE", label: "scope", facet: "scopes" },
  { key: "TYPE", label: "organisation type", facet: "types" },
];
const SHOWN = 12;

type Answer =
  | { analysis: "brokerage"; value: BrokerageAnswer; partition: BrokeragePartition }
  | { analysis: "diff"; value: YearChangeAnswer }
  | { analysis: "coPresence"; value: CoPresenceAnswer }
  | { analysis: "whatIf"; value: WhatIfAnswer };
type Result = { type: "idle" } | { type: "loading" } | { type: "error"; message: string } | { type: "ready"; answer: Answer };

const yearOrNull = (text: string) => (text.trim() === "" ? null : Number(text));

export function AnalysisPanel({
  store,
  session,
  onSelect,
}: {
  store: Store<AtlasState>;
  session: Session | null;
  onSelect(id: string): void;
}) {
  const filters = useStore(store, (s) => s.filters);
  const selectedId = useStore(store, (s) => s.selectedId);
  const emphasis = useStore(store, (s) => s.emphasis);
  const dataset = useSessionState(session, (s) => s.dataset, null);
  const selected = selectedId && dataset ? dataset.nodes[dataset.index.get(selectedId) ?? -1] : undefined;
  const [analysis, setAnalysis] = useState<Analysis>("brokerage");
  const [partition, setPartition] = useState<BrokeragePartition>("SECTOR");
  const [from, setFrom] = useState("2005");
  const [to, setTo] = useState("2015");
  const [minShared, setMinShared] = useState("1");
  const [withMembers, setWithMembers] = useState(false);
  const [result, setResult] = useState<Result>({ type: "idle" });

  const run = (event: FormEvent) => {
    event.preventDefault();
    const filter = toNetworkFilter(filters);
    setResult({ type: "loading" });
    store.update(clearEmphasis());
    const asked: Promise<Answer> =
      analysis === "brokerage"
        ? fetchBrokerage(partition, filter).then((value) => ({ analysis, value, partition }))
        : analysis === "diff"
          ? fetchYearChange(Number(from), Number(to), filter).then((value) => ({ analysis, value }))
          : analysis === "coPresence"
            ? fetchCoPresence({ from: yearOrNull(from), to: yearOrNull(to), minShared: Number(minShared) }, filter).then((value) => ({
                analysis,
                value,
              }))
            : fetchWhatIf(selectedId ? [selectedId] : [], withMembers, filter).then((value) => ({ analysis, value }));
    asked.then(
      (answer) => setResult({ type: "ready", answer }),
      (error: Error) => setResult({ type: "error", message: error.message }),
    );
  };

  const show = (nodes: string[], edges: string[] = []) => store.update(setEmphasis({ type: "analysis", nodes, edges }));
  const canRun = analysis !== "whatIf" || Boolean(selectedId);

  return (
    <section className="finder analysis" aria-label="Analysis">
      <h2>Analysis</h2>
      <form onSubmit={run}>
        <label>
          Question{" "}
          <select value={analysis} onChange={(e) => (setAnalysis(e.target.value as Analysis), setResult({ type: "idle" }))}>
            {ANALYSES.map((a) => (
              <option key={a.key} value={a.key}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        {analysis === "brokerage" && (
          <label>
            Groups by{" "}
            <select value={partition} onChange={(e) => setPartition(e.target.value as BrokeragePartition)}>
              {PARTITIONS.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {(analysis === "diff" || analysis === "coPresence") && (
          <div className="years">
            <label>
              From <input type="number" inputMode="numeric" min={1800} max={2100} value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label>
              To <input type="number" inputMode="numeric" min={1800} max={2100} value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
          </div>
        )}
        {analysis === "coPresence" && (
          <label>
            At least <input type="number" min={1} max={1000} value={minShared} onChange={(e) => setMinShared(e.target.value)} /> shared
          </label>
        )}
        {analysis === "whatIf" && (
          <>
            <p>{selected ? `Remove ${selected.label} (the selected node).` : "Select a node (click it, or search for it) to remove it."}</p>
            <label>
              <input type="checkbox" checked={withMembers} onChange={(e) => setWithMembers(e.target.checked)} /> with its members
            </label>
          </>
        )}
        <button type="submit" disabled={!canRun || result.type === "loading"}>
          Analyse
        </button>
      </form>
      <p className="muted small">Over what the current filters show; nothing is changed.</p>
      {emphasis.type === "analysis" && (
        <button type="button" onClick={() => store.update(clearEmphasis())}>
          Clear highlight
        </button>
      )}
      <div aria-live="polite">
        {result.type === "loading" && <p className="muted">Analysing…</p>}
        {result.type === "error" && <p role="alert">{result.message}</p>}
        {result.type === "ready" && <AnswerView answer={result.answer} show={show} onSelect={onSelect} />}
      </div>
    </section>
  );
}

const facetOf = (partition: BrokeragePartition) => PARTITIONS.find((p) => p.key === partition)!.facet;

function AnswerView({
  answer,
  show,
  onSelect,
}: {
  answer: Answer;
  show(nodes: string[], edges?: string[]): void;
  onSelect(id: string): void;
}) {
  const link = (id: string, label: string) => (
    <button type="button" className="link" onClick={() => onSelect(id)}>
      {label}
    </button>
  );
  const list = (items: { key: string; body: ReactNode }[]) => (
    <ol className="analysis-list">
      {items.slice(0, SHOWN).map((item) => (
        <li key={item.key}>{item.body}</li>
      ))}
    </ol>
  );
  switch (answer.analysis) {
    case "brokerage": {
      const top = answer.value.nodes.filter((n) => n.total > 0).slice(0, SHOWN);
      return (
        <>
          <p className="summary">{answer.value.summary}</p>
          <button type="button" onClick={() => show(top.map((n) => n.id))}>
            Show top brokers on the map
          </button>
          {list(
            top.map((n) => ({
              key: n.id,
              body: (
                <>
                  {link(n.id, n.label)}{" "}
                  <span className="muted small">{n.group ? facetValueLabel(facetOf(answer.partition), n.group) : "no group"}</span> —{" "}
                  {answer.value.roles
                    .map((role) => [role.name, n.raw[role.name as keyof typeof n.raw]] as const)
                    .filter(([, count]) => typeof count === "number" && count > 0)
                    .map(([name, count]) => `${name} ${count}`)
                    .join(", ")}
                </>
              ),
            })),
          )}
          <dl className="roles">
            {answer.value.roles.map((role) => (
              <div key={role.name}>
                <dt>{role.name}</dt>
                <dd>{role.explanation}</dd>
              </div>
            ))}
          </dl>
        </>
      );
    }
    case "diff": {
      const { appeared, gone, tiesAppeared, tiesEnded, coalitions, summary } = answer.value;
      return (
        <>
          <p className="summary">{summary}</p>
          <button
            type="button"
            onClick={() =>
              show(
                [...appeared.map((n) => n.id), ...gone.map((n) => n.id)],
                [...tiesAppeared, ...tiesEnded].map((t) => t.id),
              )
            }
          >
            Show the changes on the map
          </button>
          <h3>Appeared ({appeared.length})</h3>
          {list(
            appeared.map((n) => ({
              key: n.id,
              body: (
                <>
                  {link(n.id, n.label)} <span className="muted small">{n.datedBy.year}</span>
                </>
              ),
            })),
          )}
          {gone.length > 0 && <h3>Gone ({gone.length})</h3>}
          {gone.length > 0 &&
            list(
              gone.map((n) => ({
                key: n.id,
                body: (
                  <>
                    {link(n.id, n.label)} <span className="muted small">{n.datedBy.year}</span>
                  </>
                ),
              })),
            )}
          {coalitions.length > 0 && <h3>Coalitions that changed</h3>}
          {coalitions.length > 0 &&
            list(
              coalitions.map((c) => ({
                key: c.id,
                body: (
                  <>
                    {link(c.id, c.label)} — {c.joined.length} joined, {c.left.length} left
                  </>
                ),
              })),
            )}
        </>
      );
    }
    case "coPresence": {
      const label = new Map(answer.value.occurrences.map((o) => [o.id, o.label]));
      const ties = [...answer.value.ties].sort((a, b) => b.weight - a.weight).slice(0, SHOWN);
      return (
        <>
          <p className="summary">{answer.value.summary}</p>
          <button type="button" onClick={() => show([...new Set(ties.flatMap((t) => [t.source, t.target]))])}>
            Show them on the map
          </button>
          {list(
            ties.map((t) => ({
              key: `${t.source} ${t.target}`,
              body: (
                <>
                  {link(t.source, t.sourceLabel)} and {link(t.target, t.targetLabel)} — {t.weight} shared:{" "}
                  <span className="muted small">{t.occurrences.map((id) => label.get(id) ?? id).join("; ")}</span>
                </>
              ),
            })),
          )}
        </>
      );
    }
    case "whatIf": {
      const { removed, cutOff, components, averageReach, unionNgoPairs, summary } = answer.value;
      return (
        <>
          <p className="summary">{summary}</p>
          <button type="button" onClick={() => show([...removed.map((n) => n.id), ...cutOff.map((n) => n.id)])}>
            Show what is cut off
          </button>
          <table>
            <tbody>
              <tr>
                <th scope="row">Separate parts</th>
                <td>
                  {components.before} → {components.after}
                </td>
              </tr>
              <tr>
                <th scope="row">Average reach</th>
                <td>
                  {averageReach.before.toFixed(1)} → {averageReach.after.toFixed(1)}
                </td>
              </tr>
              <tr>
                <th scope="row">Union–NGO pairs with a longer or no route</th>
                <td>
                  {unionNgoPairs.lost} of {unionNgoPairs.connectedBefore}
                </td>
              </tr>
            </tbody>
          </table>
          {cutOff.length > 0 && <h3>Cut off ({cutOff.length})</h3>}
          {cutOff.length > 0 && list(cutOff.map((n) => ({ key: n.id, body: link(n.id, n.label) })))}
        </>
      );
    }
  }
}
