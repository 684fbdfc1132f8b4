/** The selected node's fields, figures and relationships (grouped by type), each with its citations. */
import { useEffect, useState } from "react";

import { type Citation, fetchNode, type NodeDetails, type NodeRelationship } from "../api/queries";

type Load = { type: "idle" } | { type: "loading" } | { type: "error"; message: string } | { type: "ready"; node: NodeDetails };

const humanise = (value: string) => value.toLowerCase().replace(/_/g, " ");

function Citations({ citations }: { citations: Citation[] }) {
  return (
    <ul className="citations">
      {citations.map((c, i) => (
        <li key={i}>
          <cite>{c.source.title}</cite>
          {c.source.year ? ` (${c.source.year})` : ""}, {c.locator}: {c.evidence}
        </li>
      ))}
    </ul>
  );
}

function dates(r: NodeRelationship): string {
  if (r.year) return ` (${r.year})`;
  if (r.since || r.until) return ` (${r.since ?? "…"}–${r.until ?? ""})`;
  return "";
}

function Fields({ node }: { node: NodeDetails }) {
  const rows: [string, string | number | null | undefined][] = [
    ["Kind", humanise(node.kind)],
    ["Acronym", node.acronym],
    ["Type", node.type && humanise(node.type)],
    ["Sector", node.sector && humanise(node.sector)],
    ["Scope", node.scope && humanise(node.scope)],
    ["Country", node.country],
    ["Region", node.region && humanise(node.region)],
    ["Founded", node.founded],
    ["Series", node.series],
    ["Year", node.year],
    ["City", node.city],
    ["Short name", node.shortName],
    ["Adopted", node.adopted],
    ["Start", node.start],
    ["End", node.end],
    ["Goal", node.goal],
    ["Outcome", node.outcome],
    ["Also known as", node.aliases.length ? node.aliases.join(", ") : null],
  ];
  return (
    <dl className="fields">
      {rows
        .filter(([, v]) => v !== null && v !== undefined && v !== "")
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

export function DetailsPanel({ id, onSelect }: { id: string | null; onSelect(id: string): void }) {
  const [load, setLoad] = useState<Load>({ type: "idle" });

  useEffect(() => {
    if (!id) {
      setLoad({ type: "idle" });
      return;
    }
    const controller = new AbortController();
    setLoad({ type: "loading" });
    fetchNode(id, controller.signal)
      .then((node) => setLoad(node ? { type: "ready", node } : { type: "error", message: `No node '${id}'.` }))
      .catch((error: Error) => {
        if (error.name !== "AbortError") setLoad({ type: "error", message: error.message });
      });
    return () => controller.abort();
  }, [id]);

  return (
    <section className="details" aria-label="Details" aria-live="polite">
      {load.type === "idle" && <p className="muted">Click a node or search to see its details and cited relationships.</p>}
      {load.type === "loading" && <p className="muted">Loading…</p>}
      {load.type === "error" && <p role="alert">{load.message}</p>}
      {load.type === "ready" && <NodeDetailsView node={load.node} onSelect={onSelect} />}
    </section>
  );
}

function NodeDetailsView({ node, onSelect }: { node: NodeDetails; onSelect(id: string): void }) {
  const groups = new Map<string, NodeRelationship[]>();
  for (const r of node.relationships) {
    const key = `${r.type}:${r.direction}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return (
    <article>
      <h2>{node.name}</h2>
      {node.description && <p>{node.description}</p>}
      <Fields node={node} />
      {node.figures && node.figures.length > 0 && (
        <>
          <h3>Figures</h3>
          <ul className="figures">
            {node.figures.map((f, i) => (
              <li key={i}>
                {f.note}
                {f.year ? ` (${f.year})` : ""}
                <Citations citations={f.citations} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Relationships ({node.relationships.length})</h3>
      {[...groups].map(([key, rels]) => {
        const [type, direction] = key.split(":");
        return (
          <section key={key} className="rel-group">
            <h4>
              {direction === "OUT" ? humanise(type) : `${humanise(type)} (incoming)`} · {rels.length}
            </h4>
            <ul>
              {rels.map((r) => (
                <li key={`${r.id}:${r.direction}`}>
                  <button type="button" className="link" onClick={() => onSelect(r.other.id)}>
                    {r.other.name}
                  </button>
                  {r.role ? ` — ${humanise(r.role)}` : ""}
                  {dates(r)}
                  {r.note ? `. ${r.note}` : ""}
                  <Citations citations={r.citations} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <h3>Sources</h3>
      <Citations citations={node.citations} />
    </article>
  );
}
