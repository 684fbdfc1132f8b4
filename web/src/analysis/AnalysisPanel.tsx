/**
 * The structural analyses for people: brokerage roles, change between two years, forum co-presence
 * and what-if removal, each computed by the server over the graph the current filters show, read out
 * as a sentence (announced to screen readers) and a short list, and shown on the map on request.
 */
import { type FormEvent, type ReactNode, useState } from "react";

import { type BrokeragePartition, fetchBrokerage, fetchCoPresence, fetchWhatIf, fetchYearChange, type YearChangeAnswer } from "../api";
import { downloadText } from "../bindings/download";
import type { Session } from "../bindings/session";
import { facetValueLabel, type FilterFacet } from "../../../core/facets";
import type { AtlasDataset } from "../graph";
import { ANALYSIS_MARKS, type AnalysisMark, type AtlasState, clearEmphasis, type Emphasis, setEmphasis, type Store } from "../state";
import { toNetworkFilter } from "../state/filters";
import { Citations } from "../ui/Citations";
import { useSessionState, useStore } from "../ui/use-store";
import { CoPresenceNetwork } from "./CoPresenceNetwork";
import { MARK_LABELS, whatIfEmphasis, yearChangeEmphasis } from "./marks";
import { type Answer, summaryCSV, tablesXLSX } from "./tables";

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
    const range = { from: yearOrNull(from), to: yearOrNull(to), minShared: Number(minShared) };
    const remove = selectedId ? [selectedId] : [];
    const asked: Promise<Answer> =
      analysis === "brokerage"
        ? fetchBrokerage(partition, filter).then((value) => ({ analysis, value, partition }))
        : analysis === "diff"
          ? fetchYearChange(Number(from), Number(to), filter).then((value) => ({ analysis, value, from: Number(from), to: Number(to) }))
          : analysis === "coPresence"
            ? fetchCoPresence(range, filter).then((value) => ({ analysis, value, ...range }))
            : fetchWhatIf(remove, withMembers, filter).then((value) => ({ analysis, value, remove, withMembers }));
    asked.then(
      (answer) => setResult({ type: "ready", answer }),
      (error: Error) => setResult({ type: "error", message: error.message }),
    );
  };

  const show = (emphasis: Emphasis) => store.update(setEmphasis(emphasis));
  const label = labelIn(dataset);
  const filterWords = JSON.stringify(toNetworkFilter(filters));
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
      {/* Only the sentence is announced: the lists beside it are read on request. */}
      <div role="status" aria-live="polite" className="analysis-status">
        {result.type === "loading" && <p className="muted">Analysing…</p>}
        {result.type === "ready" && <p className="summary">{result.answer.value.summary}</p>}
      </div>
      {result.type === "error" && <p role="alert">{result.message}</p>}
      {result.type === "ready" && (
        <>
          <div className="analysis-export">
            <button
              type="button"
              onClick={() =>
                downloadText(`atlas-${result.answer.analysis}-summary.csv`, summaryCSV(result.answer, filterWords), "text/csv")
              }
            >
              Summary (CSV)
            </button>
            <button
              type="button"
              onClick={() =>
                void tablesXLSX(result.answer, filterWords, label).then((book) =>
                  downloadText(
                    `atlas-${result.answer.analysis}.xlsx`,
                    book,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  ),
                )
              }
            >
              Tables (XLSX)
            </button>
          </div>
          <AnswerView answer={result.answer} show={show} onSelect={onSelect} dataset={dataset} label={label} />
        </>
      )}
    </section>
  );
}

const facetOf = (partition: BrokeragePartition) => PARTITIONS.find((p) => p.key === partition)!.facet;

/** A node's name on the map, else its id (a body the current view does not hold). */
const labelIn = (dataset: AtlasDataset | null) => (id: string) => {
  const i = dataset?.index.get(id);
  return i === undefined ? id : dataset!.nodes[i].label;
};

/** The key to the marks an answer puts on the map. */
function MarkKey({ marks }: { marks: AnalysisMark[] }) {
  return (
    <ul className="mark-key" aria-label="Map key">
      {ANALYSIS_MARKS.filter((m) => marks.includes(m)).map((mark) => (
        <li key={mark} className={`mark-${mark}`}>
          {MARK_LABELS[mark]}
        </li>
      ))}
    </ul>
  );
}

type Dating = YearChangeAnswer["appeared"][number]["datedBy"];

/** The record that dates a change, and what the documents say about it. */
function DatedBy({ dating, label }: { dating: Dating; label: (id: string) => string }) {
  const record =
    dating.source && dating.target ? `the tie ${label(dating.source)} → ${label(dating.target)}` : `${label(dating.recordId)}'s own date`;
  return (
    <span className="dated-by">
      <span className="muted small">
        {dating.year}, dated by {record}
      </span>
      <Citations citations={dating.citations} />
    </span>
  );
}

function AnswerView({
  answer,
  show,
  onSelect,
  dataset,
  label,
}: {
  answer: Answer;
  show(emphasis: Emphasis): void;
  onSelect(id: string): void;
  dataset: AtlasDataset | null;
  label(id: string): string;
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
          <button type="button" onClick={() => show({ type: "analysis", nodes: top.map((n) => n.id), edges: [] })}>
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
      const { appeared, gone, tiesAppeared, tiesEnded, coalitions, counts } = answer.value;
      const nodeItems = (nodes: typeof appeared) =>
        nodes.map((n) => ({
          key: n.id,
          body: (
            <>
              {link(n.id, n.label)} <DatedBy dating={n.datedBy} label={label} />
            </>
          ),
        }));
      const tieItems = (ties: typeof tiesAppeared) =>
        ties.map((t) => ({
          key: t.id,
          body: (
            <>
              {link(t.source, label(t.source))} <span className="muted small">{t.type.replace(/_/g, " ").toLowerCase()}</span>{" "}
              {link(t.target, label(t.target))} <DatedBy dating={t.datedBy} label={label} />
            </>
          ),
        }));
      // `count`: every change of the kind; the server lists the first few hundred of each.
      const section = (title: string, count: number, items: { key: string; body: ReactNode }[]) =>
        count > 0 && (
          <>
            <h3>
              {title} ({count})
            </h3>
            {list(items)}
          </>
        );
      return (
        <>
          <button type="button" onClick={() => show(yearChangeEmphasis(answer.value))}>
            Show the changes on the map
          </button>
          <MarkKey marks={["added", "removed"]} />
          {section("Appeared", counts.appeared, nodeItems(appeared))}
          {section("Gone", counts.gone, nodeItems(gone))}
          {section("Ties that appeared", counts.tiesAppeared, tieItems(tiesAppeared))}
          {section("Ties that ended", counts.tiesEnded, tieItems(tiesEnded))}
          {section(
            "Coalitions that changed",
            counts.coalitions,
            coalitions.map((c) => ({
              key: c.id,
              body: (
                <>
                  {link(c.id, c.label)} — {c.joinedCount} joined, {c.leftCount} left
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
          <button
            type="button"
            onClick={() => show({ type: "analysis", nodes: [...new Set(ties.flatMap((t) => [t.source, t.target]))], edges: [] })}
          >
            Show them on the map
          </button>
          <CoPresenceNetwork answer={answer.value} onSelect={onSelect} />
          {answer.value.ties.length < answer.value.tieCount && (
            <p className="muted small">
              The server lists the {answer.value.ties.length} heaviest of the {answer.value.tieCount} ties (and so does the export).
            </p>
          )}
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
      const { cutOff, components, averageReach, unionNgoPairs } = answer.value;
      return (
        <>
          <button type="button" onClick={() => show(whatIfEmphasis(answer.value, dataset))}>
            Show what is cut off
          </button>
          <MarkKey marks={["removed", "cutOff"]} />
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
