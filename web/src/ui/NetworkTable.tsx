/**
 * The accessible view of the graph: the visible nodes and relationships as tables, sortable by any
 * column, in sync with the canvas (the selected node's row is marked and scrolled to; moving
 * through rows with ↑/↓ highlights the node on the canvas; Enter selects it).
 */
import { METRIC_OF } from "../../../core/metrics";
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";

import type { Session } from "../bindings/session";
import { humanise, visibleDegree } from "../graph";
import { type AtlasState, hoverNode, type Store } from "../state";
import { useSessionState, useStore } from "./use-store";

const PAGE = 200;

interface Column<R> {
  key: string;
  label: string;
  value(row: R): string | number;
  numeric?: boolean;
}

interface NodeRow {
  id: string;
  name: string;
  kind: string;
  type: string;
  sector: string;
  region: string;
  ties: number;
  metric: number | null;
}

interface EdgeRow {
  id: string;
  source: string;
  sourceName: string;
  type: string;
  target: string;
  targetName: string;
  year: number | null;
  weight: number;
}

type Sort = { key: string; descending: boolean };

const NODE_COLUMNS: Column<NodeRow>[] = [
  { key: "name", label: "Name", value: (r) => r.name },
  // An organisation's type, or the kind of anything else: one column, so the table fits a phone
  // (the sector is in Details and in the node's colour).
  { key: "type", label: "Type", value: (r) => r.type || r.kind },
  { key: "ties", label: "Ties", value: (r) => r.ties, numeric: true },
];

const EDGE_COLUMNS: Column<EdgeRow>[] = [
  { key: "source", label: "From", value: (r) => r.sourceName },
  { key: "type", label: "Relationship", value: (r) => humanise(r.type).toLowerCase() },
  { key: "target", label: "To", value: (r) => r.targetName },
  { key: "year", label: "Year", value: (r) => r.year ?? 0, numeric: true },
];

const NODE_SORT: Sort = { key: "ties", descending: true };
const EDGE_SORT: Sort = { key: "source", descending: false };
const nodeRowId = (r: NodeRow) => r.id;
const edgeRowId = (r: EdgeRow) => r.id;
const edgeRowNode = (r: EdgeRow) => r.source;
const formatNode = (c: Column<NodeRow>, r: NodeRow) =>
  c.key === "metric" ? (r.metric === null ? "—" : r.metric.toPrecision(3)) : c.value(r);
const formatEdge = (c: Column<EdgeRow>, r: EdgeRow) =>
  c.key === "year" ? (r.year ?? "") : c.key === "type" && r.weight > 1 ? `${c.value(r)} ×${r.weight}` : c.value(r);

function sortRows<R>(rows: R[], columns: Column<R>[], sort: Sort): R[] {
  const column = columns.find((c) => c.key === sort.key) ?? columns[0];
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return sign * order || String(columns[0].value(a)).localeCompare(String(columns[0].value(b)));
  });
}

export function NetworkTable({ store, session, onSelect }: { store: Store<AtlasState>; session: Session; onSelect(id: string): void }) {
  const [which, setWhich] = useState<"nodes" | "edges">("nodes");
  const view = useSessionState(session, (s) => s.view, null);
  const sizeBy = useStore(store, (s) => s.appearance.sizeBy);
  const metrics = useSessionState(session, (s) => s.metrics, { type: "idle" } as const);
  const dataset = useSessionState(session, (s) => s.dataset, session.dataset());

  const nodeRows = useMemo<NodeRow[]>(() => {
    if (!view) return [];
    const degree = visibleDegree(dataset, view);
    const table = metrics.type === "ready" ? metrics.table : null;
    const rows: NodeRow[] = [];
    dataset.nodes.forEach((node, i) => {
      if (!view.nodeVisible[i]) return;
      rows.push({
        id: node.id,
        name: view.collapsed.has(node.id) ? `${node.name} (+${dataset.groups.get(node.id)?.memberIds.length ?? 0} folded)` : node.name,
        kind: humanise(node.kind).replace(/s$/, ""),
        type: humanise(node.type),
        sector: humanise(node.sector),
        region: humanise(node.region),
        ties: degree[i],
        metric: sizeBy === "degree" ? null : (table?.get(node.id)?.[sizeBy] ?? null),
      });
    });
    return rows;
  }, [dataset, view, metrics, sizeBy]);

  const edgeRows = useMemo<EdgeRow[]>(() => {
    if (!view) return [];
    const rows: EdgeRow[] = [];
    const label = (id: string) => dataset.nodes[dataset.index.get(id)!].label;
    dataset.edges.forEach((e, j) => {
      if (!view.edgeVisible[j]) return;
      const s = dataset.nodes[e.source];
      const t = dataset.nodes[e.target];
      rows.push({
        id: e.id,
        source: s.id,
        sourceName: s.label,
        type: e.type,
        target: t.id,
        targetName: t.label,
        year: dataset.edgeStart[j],
        weight: 1,
      });
    });
    for (const p of view.proxies) {
      rows.push({
        id: p.key,
        source: p.source,
        sourceName: label(p.source),
        type: p.type,
        target: p.target,
        targetName: label(p.target),
        year: null,
        weight: p.weight,
      });
    }
    return rows;
  }, [dataset, view]);

  const nodeColumns = useMemo<Column<NodeRow>[]>(
    () => [
      ...NODE_COLUMNS,
      ...(sizeBy === "degree"
        ? []
        : [{ key: "metric", label: METRIC_OF[sizeBy].header, value: (r: NodeRow) => r.metric ?? -1, numeric: true }]),
    ],
    [sizeBy],
  );

  return (
    <section className="table-panel" aria-label="Network table view">
      <div className="segmented" role="group" aria-label="Table of">
        <button type="button" aria-pressed={which === "nodes"} onClick={() => setWhich("nodes")}>
          Nodes ({nodeRows.length})
        </button>
        <button type="button" aria-pressed={which === "edges"} onClick={() => setWhich("edges")}>
          Relationships ({edgeRows.length})
        </button>
      </div>
      {which === "nodes" ? (
        <SortableTable
          rows={nodeRows}
          columns={nodeColumns}
          defaultSort={NODE_SORT}
          caption={`${nodeRows.length} nodes, ${edgeRows.length} relationships visible`}
          store={store}
          rowId={nodeRowId}
          nodeOf={nodeRowId}
          onSelect={onSelect}
          format={formatNode}
        />
      ) : (
        <SortableTable
          rows={edgeRows}
          columns={EDGE_COLUMNS}
          defaultSort={EDGE_SORT}
          caption={`${edgeRows.length} relationships visible`}
          store={store}
          rowId={edgeRowId}
          nodeOf={edgeRowNode}
          onSelect={onSelect}
          format={formatEdge}
        />
      )}
    </section>
  );
}

interface TableProps<R> {
  rows: R[];
  columns: Column<R>[];
  defaultSort: Sort;
  caption: string;
  store: Store<AtlasState>;
  rowId(row: R): string;
  /** The node a row stands for (a relationship's source). */
  nodeOf(row: R): string;
  onSelect(id: string): void;
  format(column: Column<R>, row: R): string | number;
}

function SortableTable<R>({ rows, columns, defaultSort, caption, store, rowId, nodeOf, onSelect, format }: TableProps<R>) {
  const [sort, setSort] = useState<Sort>(defaultSort);
  const [page, setPage] = useState(0);
  const [focusIndex, setFocusIndex] = useState(0);
  const selectedId = useStore(store, (s) => s.selectedId);
  const body = useRef<HTMLTableSectionElement>(null);
  const sorted = useMemo(() => sortRows(rows, columns, sort), [rows, columns, sort]);
  const pages = Math.max(1, Math.ceil(sorted.length / PAGE));
  const current = Math.min(page, pages - 1);
  const visible = sorted.slice(current * PAGE, current * PAGE + PAGE);

  // Follow the canvas selection: show its page, mark and scroll to its row.
  useEffect(() => {
    if (!selectedId) return;
    const index = sorted.findIndex((r) => nodeOf(r) === selectedId);
    if (index < 0) return;
    setPage(Math.floor(index / PAGE));
    setFocusIndex(index % PAGE);
    requestAnimationFrame(() =>
      body.current?.querySelector<HTMLElement>("tr[aria-current='true']")?.scrollIntoView({ block: "nearest", inline: "start" }),
    );
  }, [selectedId, sorted, nodeOf]);

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(visible.length - 1, index));
    setFocusIndex(clamped);
    const row = body.current?.querySelectorAll<HTMLTableRowElement>("tr")[clamped];
    row?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, row: R, index: number) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: visible.length - 1,
      PageDown: index + 10,
      PageUp: index - 10,
    };
    if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onSelect(nodeOf(row));
    }
  };

  const sortBy = (key: string) => {
    setSort((s) =>
      s.key === key ? { key, descending: !s.descending } : { key, descending: columns.find((c) => c.key === key)?.numeric ?? false },
    );
    setPage(0);
  };

  return (
    <div className="table-wrap">
      <table aria-label="Network table">
        <caption>
          {caption}
          {pages > 1 && ` — rows ${current * PAGE + 1}–${current * PAGE + visible.length} of ${sorted.length}`}. Sort with the column
          buttons; move with ↑/↓, select with Enter.
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.descending ? "descending" : "ascending") : undefined}>
                <button type="button" className="sort" onClick={() => sortBy(c.key)}>
                  {c.label}
                  <span aria-hidden="true">{sort.key === c.key ? (sort.descending ? " ▼" : " ▲") : ""}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {visible.map((row, index) => {
            const id = nodeOf(row);
            const selected = id === selectedId;
            return (
              <tr
                key={rowId(row)}
                tabIndex={index === Math.min(focusIndex, visible.length - 1) ? 0 : -1}
                aria-current={selected ? "true" : undefined}
                className={selected ? "selected" : undefined}
                onKeyDown={(e) => onKeyDown(e, row, index)}
                onFocus={() => {
                  setFocusIndex(index);
                  store.update(hoverNode(id));
                }}
                onBlur={() => store.update(hoverNode(null))}
                onClick={() => onSelect(id)}
              >
                {columns.map((c, k) =>
                  k === 0 ? (
                    <th key={c.key} scope="row">
                      {format(c, row)}
                    </th>
                  ) : (
                    <td key={c.key} className={c.numeric ? "num" : undefined}>
                      {format(c, row)}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {pages > 1 && (
        <div className="button-row pager">
          <button type="button" onClick={() => setPage(current - 1)} disabled={current === 0}>
            Previous rows
          </button>
          <span className="muted small">
            Page {current + 1} of {pages}
          </span>
          <button type="button" onClick={() => setPage(current + 1)} disabled={current >= pages - 1}>
            Next rows
          </button>
        </div>
      )}
    </div>
  );
}
