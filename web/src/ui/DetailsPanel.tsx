/**
 * The selected node: fields, figures, relationships grouped by type with their citations and links
 * to the neighbours; actions to expand its neighbourhood into the view, collapse or expand a
 * network's members, and jump to its allies or to paths from it.
 */
import { useEffect, useState } from "react";

import { fetchNode, type NodeDetails, type NodeRef, type NodeRelationship } from "../api";
import type { Session } from "../bindings/session";
import { describeFold, foldSummary, humanise, neighbourIds, RELATIONSHIP_PHRASES } from "../graph";
import { type AtlasState, collapseGroups, expandGroups, revealNeighbourhood, type Store } from "../state";
import type { AccountStore } from "../edit/account";
import { NodeEditActions } from "../edit/NodeEditActions";
import { TieEditActions } from "../edit/TieEditActions";
import { Citations } from "./Citations";
import { HiddenNotice } from "./HiddenNotice";
import { useSessionState, useStore } from "./use-store";
import { DateNote } from "./DateNote";

type Load = { type: "idle" } | { type: "loading" } | { type: "error"; message: string } | { type: "ready"; node: NodeDetails };

interface Props {
  id: string | null;
  /** Read the node again when this changes (sign-in, an applied edit). */
  dataKey?: number;
  store: Store<AtlasState>;
  session: Session | null;
  onSelect(id: string): void;
  /** Opens the path finder (from this node) or the ally finder. */
  onOpen(panel: "paths" | "allies", seed?: NodeRef): void;
  /** Edit controls (for contributors and up) and what to do after an applied edit. */
  edit?: { account: AccountStore; onChanged(): void };
}

function dates(r: NodeRelationship): string {
  if (r.year) return ` (${r.year})`;
  if (r.since || r.until) return ` (${r.since ?? "…"}–${r.until ?? ""})`;
  return "";
}

function Fields({ node }: { node: NodeDetails }) {
  const rows: [string, string | number | null | undefined][] = [
    ["Kind", humanise(node.kind).replace(/s$/, "")],
    ["Acronym", node.acronym],
    ["Type", node.type && humanise(node.type)],
    ["Sector", node.sector && humanise(node.sector)],
    ["Scope", node.scope && humanise(node.scope)],
    ["Country", node.country],
    ["Region", node.region && humanise(node.region)],
    ["Founded", node.founded],
    ["Dissolved", node.dissolved],
    ["Members in the atlas", node.memberCount || null],
    ["Series", node.series && humanise(node.series)],
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

export function DetailsPanel({ id, dataKey, store, session, onSelect, onOpen, edit }: Props) {
  const [load, setLoad] = useState<Load>({ type: "idle" });

  useEffect(() => {
    if (!id) {
      setLoad({ type: "idle" });
      return;
    }
    const controller = new AbortController();
    setLoad({ type: "loading" });
    fetchNode(id, controller.signal)
      .then((node) => setLoad(node ? { type: "ready", node } : { type: "error", message: `There is no node '${id}' in the atlas.` }))
      .catch((error: Error) => {
        if (error.name !== "AbortError") setLoad({ type: "error", message: error.message });
      });
    return () => controller.abort();
  }, [id, dataKey]);

  return (
    <section className="details" aria-label="Details" aria-live="polite" aria-busy={load.type === "loading"}>
      {load.type === "idle" && (
        <div className="muted intro">
          <p>Click a node, a row of the table, or search to see its details and cited relationships.</p>
          <p>
            Ringed nodes are networks standing for their members; <strong>View</strong> changes colours, sizes, filters and layout;{" "}
            <strong>Paths</strong> links two organisations; <strong>Allies</strong> suggests partners; <strong>Timeline</strong> replays the
            years.
          </p>
        </div>
      )}
      {load.type === "loading" && <p className="muted">Loading…</p>}
      {load.type === "error" && <p role="alert">{load.message}</p>}
      {load.type === "ready" && (
        <NodeDetailsView node={load.node} store={store} session={session} onSelect={onSelect} onOpen={onOpen} edit={edit} />
      )}
    </section>
  );
}

function Actions({
  node,
  store,
  session,
  onOpen,
}: {
  node: NodeDetails;
  store: Store<AtlasState>;
  session: Session | null;
  onOpen: Props["onOpen"];
}) {
  const revealed = useStore(store, (s) => s.revealed.includes(node.id));
  const collapsed = useStore(store, (s) => s.collapsed.includes(node.id));
  const view = useSessionState(session, (s) => s.view, null);
  const dataset = useSessionState(session, (s) => s.dataset, null) ?? undefined;
  const summary = dataset && view ? foldSummary(dataset, view, node.id) : null;
  // The collapsed networks it folds into or is shared by, and the open ones it could fold into.
  const holders = dataset?.groupsOf.get(node.id) ?? [];
  const foldable = holders.filter((id) => !view?.collapsed.has(id));
  const labelOf = (id: string) => dataset?.nodes[dataset.index.get(id)!].label ?? id;
  const hiddenNeighbours =
    dataset && view ? neighbourIds(dataset, node.id).filter((other) => !view.nodeVisible[dataset.index.get(other)!]).length : 0;
  const ref: NodeRef = { id: node.id, name: node.name, kind: node.kind, acronym: node.acronym };

  return (
    <div className="actions" role="group" aria-label="Actions">
      <button type="button" onClick={() => store.update(revealNeighbourhood(node.id))} disabled={revealed || hiddenNeighbours === 0}>
        {revealed
          ? "Neighbourhood expanded"
          : hiddenNeighbours
            ? `Expand: show ${hiddenNeighbours} hidden neighbour${hiddenNeighbours > 1 ? "s" : ""}`
            : "Expand (all neighbours shown)"}
      </button>
      {summary && (
        <button type="button" onClick={() => store.update(collapsed ? expandGroups([node.id]) : collapseGroups([node.id]))}>
          {collapsed
            ? `Expand its ${summary.members} member${summary.members > 1 ? "s" : ""}`
            : `Collapse its ${summary.members} member${summary.members > 1 ? "s" : ""} into it`}
        </button>
      )}
      {summary && collapsed && (
        <p className="small fold-summary" role="status">
          {describeFold(summary, true)}
        </p>
      )}
      {view?.folding.shared.has(node.id) && (
        <p className="small fold-summary">Shared by {view.folding.shared.get(node.id)!.map(labelOf).join(", ")} (collapsed)</p>
      )}
      {foldable.map((id) => (
        <button key={id} type="button" onClick={() => store.update(collapseGroups([id]))}>
          Fold into {labelOf(id)}
        </button>
      ))}
      {node.kind === "ORGANISATION" && (
        <button type="button" onClick={() => onOpen("allies")}>
          Suggest allies
        </button>
      )}
      <button type="button" onClick={() => onOpen("paths", ref)}>
        Paths from here
      </button>
    </div>
  );
}

function NodeDetailsView({ node, store, session, onSelect, onOpen, edit }: { node: NodeDetails } & Omit<Props, "id">) {
  const groups = new Map<string, NodeRelationship[]>();
  for (const r of node.relationships) {
    const key = `${r.type}:${r.direction}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return (
    <article>
      <h2>{node.name}</h2>
      {node.description && <p>{node.description}</p>}
      <HiddenNotice id={node.id} store={store} session={session} />
      <Actions node={node} store={store} session={session} onOpen={onOpen} />
      {edit && <NodeEditActions node={node} account={edit.account} onChanged={edit.onChanged} />}
      <Fields node={node} />
      <DateNote id={node.id} session={session} />
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
        const [type, direction] = key.split(":") as [keyof typeof RELATIONSHIP_PHRASES, string];
        const phrase = RELATIONSHIP_PHRASES[type] ?? { out: humanise(type), in: `${humanise(type)} (incoming)` };
        return (
          <section key={key} className="rel-group" aria-label={direction === "OUT" ? phrase.out : phrase.in}>
            <h4>
              {direction === "OUT" ? phrase.out : phrase.in} · {rels.length}
            </h4>
            <ul>
              {rels.map((r) => (
                <li key={`${r.id}:${r.direction}`}>
                  <button type="button" className="link" onClick={() => onSelect(r.other.id)}>
                    {r.other.name}
                  </button>
                  {r.role ? ` — ${humanise(r.role).toLowerCase()}` : ""}
                  {dates(r)}
                  {r.note ? `. ${r.note.charAt(0).toUpperCase()}${r.note.slice(1)}` : ""}
                  {edit && <TieEditActions node={node} tie={r} account={edit.account} onChanged={edit.onChanged} />}
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
