/**
 * Why the node in Details is not on the map, and the one click that shows it: a node reached by
 * search or a link may be filtered out, or not exist yet in the timeline's year. Without this the
 * camera pans to empty space and the person is left guessing.
 */
import { lastYear } from "../../../core/timeline";
import type { Session } from "../bindings/session";
import { passesFilters } from "../graph";
import {
  type AtlasState,
  facetSpec,
  FILTER_FACET_KEYS,
  type FiltersState,
  getAllFilters,
  revealNeighbourhood,
  setDatedOnly,
  setYear,
  type Store,
} from "../state";
import { useSessionState, useStore } from "./use-store";

/** Every facet open: each facet is then tried alone, to name the ones that hide the node. */
const NO_FILTERS: FiltersState = getAllFilters();

export function HiddenNotice({ id, store, session }: { id: string; store: Store<AtlasState>; session: Session | null }) {
  const view = useSessionState(session, (s) => s.view, null);
  const dataset = useSessionState(session, (s) => s.dataset, null);
  const filters = useStore(store, (s) => s.filters);
  const year = useStore(store, (s) => s.year);
  const datedOnly = useStore(store, (s) => s.datedOnly);
  const i = dataset?.index.get(id);
  if (!dataset || !view || i === undefined || view.nodeVisible[i]) return null;

  const node = dataset.nodes[i];
  const start = dataset.nodeStart[i];
  if (year !== null && start === null && datedOnly) {
    return (
      <Notice text="It is not on the map: the documents give it no date, and the timeline shows dated records only.">
        <button type="button" onClick={() => store.update(setDatedOnly(false))}>
          Show undated records
        </button>
      </Notice>
    );
  }
  if (year !== null && start !== null && start > year) {
    return (
      <Notice text={`It is not on the map: as of ${year} it does not exist yet (the documents date it from ${start}).`}>
        <button type="button" onClick={() => store.update(setYear(start))}>
          Go to {start}
        </button>
      </Notice>
    );
  }
  const last = lastYear(node.activeFrom, node.activeTo);
  if (year !== null && last !== null && last < year) {
    return (
      <Notice text={`It is not on the map: as of ${year} it no longer exists (the documents end it in ${last}).`}>
        <button type="button" onClick={() => store.update(setYear(last))}>
          Go to {last}
        </button>
      </Notice>
    );
  }
  const hiding = FILTER_FACET_KEYS.filter((facet) => !passesFilters(node, { ...NO_FILTERS, [facet]: filters[facet] }, dataset));
  const which = hiding.length ? hiding.map((facet) => `“${facetSpec(facet).label}”`).join(" and ") : "current";
  return (
    <Notice text={`It is not on the map: the ${which} filter${hiding.length > 1 ? "s hide" : " hides"} it.`}>
      <button type="button" onClick={() => store.update(revealNeighbourhood(id))}>
        Show it and its ties
      </button>
    </Notice>
  );
}

function Notice({ text, children }: { text: string; children: React.ReactNode }) {
  return (
    <div className="notice" role="status">
      <p>{text}</p>
      {children}
    </div>
  );
}
