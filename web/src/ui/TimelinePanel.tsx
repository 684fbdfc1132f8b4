/**
 * The timeline: a year slider and a play button show the network as of each year (bodies and ties
 * appear when they start; ended ones turn pale), with that year's figures (the session's metrics
 * of the view, the answer the map's sizes read, so a year costs one request) and its dated, cited
 * events beside it.
 */
import { useEffect, useMemo, useRef, useState } from "react";

import { fetchTimeline, type TimelineEvent } from "../api";
import type { MetricsStatus, Session } from "../bindings/session";
import type { AtlasDataset } from "../graph";
import { type AtlasState, setDatedOnly, setYear, type Store } from "../state";
import { Citations } from "./Citations";
import { useSessionState, useStore } from "./use-store";

type Load = { type: "loading" } | { type: "error"; message: string } | { type: "ready"; events: TimelineEvent[] };

/** Where "play" starts when no year is set: the period the source documents cover. */
export const PLAY_FROM = 2002;
const STEP_MS = 1100;

export function TimelinePanel({ store, session, onSelect }: { store: Store<AtlasState>; session: Session; onSelect(id: string): void }) {
  const year = useStore(store, (s) => s.year);
  const datedOnly = useStore(store, (s) => s.datedOnly);
  const counts = useSessionState(session, (s) => s.view, null);
  const [load, setLoad] = useState<Load>({ type: "loading" });
  const [playing, setPlaying] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);
  const dataset = useSessionState(session, (s) => s.dataset, session.dataset());
  const metrics = useSessionState(session, (s) => s.metrics, IDLE);
  // The figures are needed while this panel is open, whatever the map's sizes and colours.
  useEffect(() => session.watchMetrics(), [session]);

  useEffect(() => {
    const controller = new AbortController();
    fetchTimeline({}, controller.signal)
      .then((events) => setLoad({ type: "ready", events }))
      .catch((error: Error) => {
        if (error.name !== "AbortError") setLoad({ type: "error", message: error.message });
      });
    return () => controller.abort();
  }, []);

  const events = load.type === "ready" ? load.events : [];
  const [min, max] = useMemo(() => {
    const years = events.map((e) => e.year);
    const lo = Math.min(dataset.years?.[0] ?? Infinity, ...years);
    const hi = Math.max(dataset.years?.[1] ?? -Infinity, ...years);
    return Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : [PLAY_FROM, new Date().getFullYear()];
  }, [events, dataset]);

  useEffect(() => {
    if (!playing) return;
    timer.current = setInterval(() => {
      const current = store.get().year;
      if (current === null || current >= max) {
        setPlaying(false);
        return;
      }
      store.update(setYear(current + 1));
    }, STEP_MS);
    return () => clearInterval(timer.current);
  }, [playing, max, store]);

  const play = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    if (year === null || year >= max) store.update(setYear(Math.max(min, Math.min(PLAY_FROM, max))));
    setPlaying(true);
  };

  const shownYear = year ?? max;
  const ofYear = events.filter((e) => e.year === shownYear);
  const upTo = events.filter((e) => e.year <= shownYear).length;

  return (
    <section className="timeline" aria-label="Timeline">
      <h2>Timeline</h2>
      <div className="timeline-controls">
        <button type="button" onClick={play} aria-pressed={playing}>
          {playing ? "Pause" : "Play"}
        </button>
        <label htmlFor="timeline-year" className="visually-hidden">
          Year
        </label>
        <input
          id="timeline-year"
          type="range"
          min={min}
          max={max}
          step={1}
          value={shownYear}
          aria-valuetext={year === null ? "All years" : String(year)}
          onChange={(e) => {
            setPlaying(false);
            store.update(setYear(Number(e.target.value)));
          }}
        />
        <output htmlFor="timeline-year" className="year-output">
          {year ?? "All"}
        </output>
        <button
          type="button"
          onClick={() => {
            setPlaying(false);
            store.update(setYear(null));
          }}
          disabled={year === null}
        >
          All years
        </button>
      </div>
      <p className="muted small">
        {year === null
          ? `Every year (${min}–${max}). Move the slider or press Play (from ${Math.max(min, Math.min(PLAY_FROM, max))}) to watch the network grow.`
          : `As of ${year}: ${counts?.nodeCount ?? "…"} nodes and ${counts?.edgeCount ?? "…"} ties shown; ${upTo} dated events so far.`}{" "}
        Undated bodies appear with their first dated tie; those with no dated tie at all are drawn faded in every year (date unknown) unless
        you leave them out. Bodies and ties with an end year are gone after it.
      </p>
      <YearFigures status={metrics} year={year} dataset={dataset} />
      <label className="small">
        <input type="checkbox" checked={datedOnly} onChange={(e) => store.update(setDatedOnly(e.target.checked))} /> Leave out bodies and
        ties with no date
      </label>
      {load.type === "loading" && <p className="muted">Loading events…</p>}
      {load.type === "error" && <p role="alert">{load.message}</p>}
      {load.type === "ready" && (
        <>
          <h3>
            {shownYear}: {ofYear.length} event{ofYear.length === 1 ? "" : "s"}
          </h3>
          <ol className="events" aria-label={`Events of ${shownYear}`}>
            {ofYear.map((event, k) => (
              <li key={k}>
                <span className="event-kind">{event.kind.toLowerCase().replace(/_/g, " ")}</span> {event.label}
                {event.nodes.length > 0 && (
                  <span className="event-nodes">
                    {" "}
                    {event.nodes.map((n) => (
                      <button key={n.id} type="button" className="link chip" onClick={() => onSelect(n.id)}>
                        {n.acronym ?? n.name}
                      </button>
                    ))}
                  </span>
                )}
                <Citations citations={event.citations} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

const IDLE: MetricsStatus = { type: "idle" };
/** Organisations named as the ones most between others. */
const MOST_BETWEEN = 3;

/** The figures of the network shown: components, communities, density, and who lies most between others. */
function YearFigures({ status, year, dataset }: { status: MetricsStatus; year: number | null; dataset: AtlasDataset }) {
  const when = year === null ? "Every year" : `As of ${year}`;
  if (status.type === "error") return <p role="alert">{status.message}</p>;
  if (status.type !== "ready") return <p className="muted small year-figures">{when}: working out the figures…</p>;
  const { components, communities, modularity, density } = status.summary;
  const between = [...status.table]
    .filter(([id, m]) => m.betweenness > 0 && dataset.nodes[dataset.index.get(id) ?? -1]?.kind === "ORGANISATION")
    .sort(([a, x], [b, y]) => y.betweenness - x.betweenness || (a < b ? -1 : 1))
    .slice(0, MOST_BETWEEN)
    .map(([id]) => dataset.nodes[dataset.index.get(id)!].label);
  return (
    <p className="small year-figures">
      {when}: {components} component{components === 1 ? "" : "s"}, {communities} communit{communities === 1 ? "y" : "ies"} (modularity{" "}
      {modularity.toFixed(2)}), density {density.toFixed(3)}.{" "}
      {between.length > 0 ? `Most between others: ${between.join(", ")}.` : "No organisation lies between others."}
    </p>
  );
}
