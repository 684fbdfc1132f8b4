/** Colour key of the graph, generated from the same table the renderer colours with. */
import { CATEGORIES } from "../graph/appearance";
import type { AtlasGraph } from "../graph/build";

export function Legend({ graph }: { graph: AtlasGraph }) {
  const counts = new Map<string, number>();
  graph.forEachNode((_, a) => counts.set(a.category, (counts.get(a.category) ?? 0) + 1));
  return (
    <section className="legend" aria-label="Legend">
      <ul>
        {CATEGORIES.filter((c) => counts.has(c.key)).map((c) => (
          <li key={c.key}>
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
            {c.label} <span className="muted">({counts.get(c.key)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
