/**
 * View settings: appearance (colour and size), networks of networks (collapse / expand), and the
 * filters (kinds, organisation types, sectors, scopes, regions, relationship types). Hidden items
 * keep their place, so the picture never jumps.
 */
import { useMemo } from "react";

import type { Session } from "../bindings/session";
import { COLOR_LABELS, describeFold, foldSummary, SIZE_LABELS } from "../graph";
import {
  activeFacetCount,
  applyPreset,
  VIEW_PRESETS,
  type ViewPreset,
  type AtlasState,
  clearRevealed,
  COLOR_MODES,
  collapseGroups,
  expandGroups,
  facetSpec,
  facetValueLabel,
  FILTER_FACET_KEYS,
  type FilterFacet,
  resetFilters,
  setColorBy,
  setSizeBy,
  showEverything,
  SIZE_MODES,
  type Store,
  toggleFilterValue,
  type ColorMode,
  type SizeMode,
} from "../state";
import { ShapesToggle } from "../shapes/ShapesToggle";
import { useSessionState, useStore } from "./use-store";

export function ViewPanel({ store, session }: { store: Store<AtlasState>; session: Session }) {
  return (
    <section className="view-panel" aria-label="View settings">
      <div className="button-row presets" role="group" aria-label="Ready-made views">
        {(Object.keys(VIEW_PRESETS) as ViewPreset[]).map((key) => (
          <button key={key} type="button" onClick={() => store.update(applyPreset(key))}>
            {VIEW_PRESETS[key].label}
          </button>
        ))}
      </div>
      <Appearance store={store} session={session} />
      <Networks store={store} session={session} />
      <Filters store={store} session={session} />
    </section>
  );
}

function Appearance({ store, session }: { store: Store<AtlasState>; session: Session }) {
  const appearance = useStore(store, (s) => s.appearance);
  const metrics = useSessionState(session, (s) => s.metrics, { type: "idle" } as const);
  return (
    <fieldset className="group">
      <legend>Appearance</legend>
      <div className="field-row">
        <label htmlFor="color-by">Colour by</label>
        <select id="color-by" value={appearance.colorBy} onChange={(e) => store.update(setColorBy(e.target.value as ColorMode))}>
          {COLOR_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {COLOR_LABELS[mode]}
            </option>
          ))}
        </select>
      </div>
      <div className="field-row">
        <label htmlFor="size-by">Size by</label>
        <select id="size-by" value={appearance.sizeBy} onChange={(e) => store.update(setSizeBy(e.target.value as SizeMode))}>
          {SIZE_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {SIZE_LABELS[mode]}
            </option>
          ))}
        </select>
      </div>
      <ShapesToggle store={store} />
      <p className="muted small" role="status">
        {metrics.type === "loading" && "Computing metrics for this view…"}
        {metrics.type === "error" && `Metrics unavailable: ${metrics.message}`}
        {metrics.type === "ready" &&
          `Metrics of this view: ${metrics.summary.communities} communities (modularity ${metrics.summary.modularity.toFixed(2)}), ${metrics.summary.components} components, betweenness ${metrics.summary.method.toLowerCase()}.`}
      </p>
    </fieldset>
  );
}

function Networks({ store, session }: { store: Store<AtlasState>; session: Session }) {
  const collapsed = useStore(store, (s) => s.collapsed);
  const revealed = useStore(store, (s) => s.revealed);
  const dataset = useSessionState(session, (s) => s.dataset, session.dataset());
  const view = useSessionState(session, (s) => s.view, session.state.get().view);
  // Every network with members can be collapsed, however many of them other networks share.
  const groups = useMemo(
    () =>
      [...dataset.groups.values()]
        .filter((g) => g.directMemberIds.length > 0)
        .map((g) => ({ ...g, label: dataset.nodes[dataset.index.get(g.id)!].label }))
        .sort((a, b) => b.directMemberIds.length - a.directMemberIds.length || a.label.localeCompare(b.label)),
    [dataset],
  );
  return (
    <fieldset className="group">
      <legend>Networks of networks</legend>
      <p className="muted small">
        A collapsed network stands for its members (ringed, sized by members); their ties join it. A member of two collapsed networks stays
        visible, tied to both.
      </p>
      <div className="button-row">
        <button
          type="button"
          onClick={() => store.update(collapseGroups(groups.map((g) => g.id)))}
          disabled={collapsed.length === groups.length}
        >
          Collapse all
        </button>
        <button type="button" onClick={() => store.update(expandGroups("all"))} disabled={collapsed.length === 0}>
          Expand all
        </button>
      </div>
      <ul className="checklist">
        {groups.map((g) => (
          <li key={g.id}>
            <label>
              <input
                type="checkbox"
                checked={collapsed.includes(g.id)}
                onChange={(e) => store.update(e.target.checked ? collapseGroups([g.id]) : expandGroups([g.id]))}
              />
              Collapse {g.label}{" "}
              <span className="muted">({describeFold(foldSummary(dataset, view, g.id)!, view.collapsed.has(g.id))})</span>
            </label>
          </li>
        ))}
      </ul>
      {revealed.length > 0 && (
        <p className="small">
          Expanded neighbourhoods: {revealed.map((id) => dataset.nodes[dataset.index.get(id)!]?.label ?? id).join(", ")}.{" "}
          <button type="button" className="link" onClick={() => store.update(clearRevealed())}>
            Clear
          </button>
        </p>
      )}
    </fieldset>
  );
}

function Filters({ store, session }: { store: Store<AtlasState>; session: Session }) {
  const filters = useStore(store, (s) => s.filters);
  const counts = useSessionState(session, (s) => s.view, null);
  const dataset = useSessionState(session, (s) => s.dataset, session.dataset());
  // How many nodes (ties for relationship types) carry each value, over the whole dataset.
  const totals = useMemo(() => {
    const out = new Map<string, number>();
    const add = (facet: FilterFacet, value: string | null | undefined) => {
      if (!value) return;
      const key = `${facet}:${value}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    };
    for (const facet of FILTER_FACET_KEYS) {
      const spec = facetSpec(facet);
      if (spec.on === "node") for (const node of dataset.nodes) add(facet, spec.valueOf(node, dataset));
      else for (const edge of dataset.edges) add(facet, spec.valueOf(edge));
    }
    return out;
  }, [dataset]);

  return (
    <fieldset className="group">
      <legend>Filters {activeFacetCount(filters) > 0 && <span className="muted">({activeFacetCount(filters)} active)</span>}</legend>
      {counts && (
        <p className="muted small" role="status">
          Showing {counts.nodeCount} of {dataset.nodes.length} nodes and {counts.edgeCount} ties.
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={() => store.update(resetFilters())}>
          Opening filters
        </button>
        <button type="button" onClick={() => store.update(showEverything())}>
          Show everything
        </button>
      </div>
      {FILTER_FACET_KEYS.map((facet) => {
        const spec = facetSpec(facet);
        const late = spec.on === "node" && spec.lateValues === true;
        const values = (spec.values as readonly string[]).filter((v) => late || totals.has(`${facet}:${v}`));
        const shown = filters[facet];
        return (
          <fieldset key={facet} className="facet">
            <legend>{spec.label}</legend>
            <ul className="checklist columns">
              {values.map((value) => (
                <li key={value}>
                  <label>
                    <input
                      type="checkbox"
                      name={facet}
                      value={value}
                      checked={shown === null || shown.includes(value as never)}
                      onChange={(e) => store.update(toggleFilterValue(facet, value, e.target.checked))}
                    />
                    {facetValueLabel(facet, value)}{" "}
                    {totals.has(`${facet}:${value}`) && <span className="muted">{totals.get(`${facet}:${value}`)}</span>}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
    </fieldset>
  );
}
