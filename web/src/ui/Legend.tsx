/** The timeline year the map shows, beside the toolbar (not over the nodes). */
export function YearBadge({ store }: { store: Store<AtlasState> }) {
  const year = useStore(store, (s) => s.year);
  return year === null ? null : (
    <p className="year-badge" aria-live="polite">
      As of {year}
    </p>
  );
}

/** The key to the picture, generated from the same scales that colour and size the nodes. */
import { useState } from "react";

import type { Session } from "../bindings/session";
import { BRIDGE_EDGE } from "../render/reducers";
import { ShapesLegend } from "../shapes/ShapesLegend";
import type { AtlasState, Store } from "../state";
import { useSessionState, useStore } from "./use-store";

const format = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toPrecision(2));

export function Legend({ session, store }: { session: Session; store: Store<AtlasState> }) {
  const legend = useSessionState(session, (s) => s.legend, []);
  const colorTitle = useSessionState(session, (s) => s.colorTitle, "");
  const size = useSessionState(session, (s) => s.size, null);
  const collapsed = useSessionState(session, (s) => s.view.collapsed.size, 0);
  const folded = useSessionState(session, (s) => s.view.folding.foldInto.size, 0);
  const shared = useSessionState(session, (s) => s.view.folding.shared.size, 0);
  const layout = useStore(store, (s) => s.layout);
  const year = useStore(store, (s) => s.year);
  // On a phone the legend starts folded, so it does not cover half the graph.
  const [openByDefault] = useState(() => window.matchMedia("(min-width: 761px)").matches);
  return (
    <>
      <details className="legend" open={openByDefault}>
        <summary>Legend</summary>
        <section aria-label="Legend">
          <h2 className="legend-title">{colorTitle}</h2>
          <ul>
            {legend.map((c) => (
              <li key={c.key}>
                <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
                {c.label} <span className="muted">({c.count})</span>
              </li>
            ))}
          </ul>
          {size && (
            <p className="legend-size">
              <span className="size-dots" aria-hidden="true">
                <span /> <span /> <span />
              </span>
              {size.title}
              {size.max !== null && size.max > 0 ? `, up to ${format(size.max)}` : ""}
            </p>
          )}
          {collapsed > 0 && (
            <p className="legend-note legend-folding">
              <span className="ring" aria-hidden="true" /> collapsed network, sized by members ({collapsed} collapsed, {folded} member
              {folded === 1 ? "" : "s"} folded in)
            </p>
          )}
          {shared > 0 && (
            <p className="legend-note legend-shared">
              <span className="ring shared" aria-hidden="true" /> member shared by collapsed networks, tied to each ({shared})
            </p>
          )}
          {layout === "sectors" && (
            <p className="legend-note">
              <span className="bridge-line" style={{ background: BRIDGE_EDGE }} aria-hidden="true" /> union–NGO tie (labour ↔ civil society)
            </p>
          )}
          {year !== null && <p className="legend-note muted">Pale: date unknown (the documents give no year)</p>}
          <ShapesLegend session={session} store={store} />
        </section>
      </details>
    </>
  );
}
