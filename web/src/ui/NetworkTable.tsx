/** The accessible view of the graph: one row per visible node, in sync with the canvas selection. */
import type { AtlasGraph } from "../graph/build";

const humanise = (value: string | undefined) => (value ? value.toLowerCase().replace(/_/g, " ") : "");

export function NetworkTable({ graph, selectedId, onSelect }: { graph: AtlasGraph; selectedId: string | null; onSelect(id: string): void }) {
  const rows = graph
    .mapNodes((id, a) => ({ id, ...a }))
    .sort((a, b) => b.degree - a.degree || a.name.localeCompare(b.name));
  return (
    <div className="table-wrap">
      <table aria-label="Network table">
        <caption>
          {graph.order} nodes, {graph.size} relationships
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Type</th>
            <th scope="col">Ties</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} aria-selected={row.id === selectedId} className={row.id === selectedId ? "selected" : undefined}>
              <th scope="row">
                <button type="button" className="link" onClick={() => onSelect(row.id)}>
                  {row.name}
                </button>
              </th>
              <td>{humanise(row.kind)}</td>
              <td>{humanise(row.orgType)}</td>
              <td>{row.degree}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
