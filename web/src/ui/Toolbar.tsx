/** Layout and camera controls over the graph: force layout run/stop, sectors bands, zoom, reset. */
import type { Session } from "../bindings/session";
import { type AtlasState, setLayout, type Store } from "../state";
import { useSessionState, useStore } from "./use-store";

export function Toolbar({ session, store }: { session: Session; store: Store<AtlasState> }) {
  const layout = useStore(store, (s) => s.layout);
  const status = useSessionState(session, (s) => s.layout.type, "idle");
  const running = status === "running";
  return (
    <div className="toolbar" role="toolbar" aria-label="Layout and camera">
      <div className="segmented" role="group" aria-label="Layout">
        <button type="button" aria-pressed={layout === "force"} onClick={() => store.update(setLayout("force"))}>
          Force
        </button>
        <button type="button" aria-pressed={layout === "sectors"} onClick={() => store.update(setLayout("sectors"))}>
          Sectors
        </button>
      </div>
      <button
        type="button"
        aria-pressed={running}
        onClick={() => (running ? session.stopForce() : void session.startForce())}
        title="ForceAtlas2 in a background worker, over the visible graph"
      >
        {running ? "Stop layout" : "Run ForceAtlas2"}
      </button>
      <div className="segmented" role="group" aria-label="Zoom">
        <button type="button" onClick={() => session.zoom(1.5)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => session.zoom(1 / 1.5)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={() => session.resetCamera()}>
          Fit
        </button>
      </div>
      <span className="visually-hidden" role="status">
        {running ? "Layout running" : status === "animating" ? "Moving nodes" : ""}
      </span>
    </div>
  );
}
