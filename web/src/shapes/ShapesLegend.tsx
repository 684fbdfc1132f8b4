/** The shapes mode's key: each drawn coalition's colour and name (a button that selects it), and how many are left out. */
import type { Session } from "../bindings/session";
import { type AtlasState, selectNode, type Store } from "../state";
import { useSessionState } from "../ui/use-store";

export function ShapesLegend({ session, store }: { session: Session; store: Store<AtlasState> }) {
  const coalitions = useSessionState(session, (s) => s.coalitions, null);
  if (!coalitions) return null;
  const left = coalitions.total - coalitions.shown.length;
  return (
    <>
      <h2 className="legend-title" id="legend-coalitions">
        Coalitions (shaded regions round their members)
      </h2>
      {coalitions.shown.length === 0 ? (
        <p className="muted">No coalition has members in this view.</p>
      ) : (
        <ul aria-labelledby="legend-coalitions" className="legend-coalitions">
          {coalitions.shown.map((c) => (
            <li key={c.id}>
              <button type="button" className="link" onClick={() => store.update(selectNode(c.id))} title={c.name}>
                <span className="swatch region-swatch" style={{ background: c.color }} aria-hidden="true" />
                {c.label} <span className="muted">({c.memberIds.length})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {left > 0 && <p className="legend-note muted">{left} smaller coalitions are not shaded.</p>}
      <p className="legend-note muted">Zoom in to see the members, then their names.</p>
    </>
  );
}
