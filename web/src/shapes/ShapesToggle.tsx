/** The View panel's switch for the coalition shapes mode (kept in the URL as `shapes=coalitions`). */
import { type AtlasState, setShapes, type Store } from "../state";
import { useStore } from "../ui/use-store";

export function ShapesToggle({ store }: { store: Store<AtlasState> }) {
  const shapes = useStore(store, (s) => s.shapes);
  return (
    <div className="field-row">
      <label>
        <input
          type="checkbox"
          checked={shapes === "coalitions"}
          onChange={(e) => store.update(setShapes(e.target.checked ? "coalitions" : "none"))}
        />{" "}
        Coalition shapes
      </label>
    </div>
  );
}
