/**
 * Mounts the session (the Sigma owner and its bindings) over the graph container, and makes the map
 * itself keyboard-operable: focused, the arrow keys walk the selected node's neighbours (order in
 * map-keyboard.ts), Enter selects and opens Details, Escape goes back, and a live region reads a
 * short summary of the node reached.
 */
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";

import { fetchMetrics } from "../api";
import { createSession, type OpeningLayout, type Session } from "../bindings/session";
import type { AtlasDataset } from "../graph";
import { type AtlasState, hoverNode, type Store, toMetricsRequest } from "../state";
import { brokerInfo, cycle, nodeSummary, nodesByTies, orderedNeighbours } from "./map-keyboard";

interface Props {
  dataset: AtlasDataset;
  layout: OpeningLayout;
  store: Store<AtlasState>;
  onSession(session: Session | null): void;
  /** Selects a node and opens Details (Enter on the map). */
  onOpen(id: string): void;
}

/** The map's id, the skip link's target. */
export const MAP_ID = "map";

export function GraphView({ dataset, layout, store, onSession, onOpen }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const sessionRef = useRef<Session | null>(null);
  // The neighbour the arrows reached (highlighted like a hover), not yet selected.
  const cursor = useRef<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  // Bridge scores per network filter, fetched the first time the keyboard needs them.
  const scores = useRef(new Map<string, Promise<Map<string, number>>>());

  useEffect(() => {
    if (!container.current) return;
    const session = createSession(container.current, dataset, layout, store);
    sessionRef.current = session;
    onSession(session);
    return () => {
      sessionRef.current = null;
      onSession(null);
      session.kill();
    };
  }, [dataset, layout, store, onSession]);

  // A selection made elsewhere (a click, search, a link in Details) restarts the walk from it.
  useEffect(() => {
    let previous = store.get().selectedId;
    return store.subscribe((s) => {
      if (s.selectedId === previous) return;
      previous = s.selectedId;
      cursor.current = null;
    });
  }, [store]);

  const bridgeScores = useCallback(() => {
    const metricsRequest = toMetricsRequest(store.get());
    const key = JSON.stringify(metricsRequest);
    let answer = scores.current.get(key);
    if (!answer) {
      answer = fetchMetrics(metricsRequest).then((m) => new Map(m.nodes.map((row) => [row.node.id, row.bridgeScore])));
      // A failed request is asked again next time rather than remembered.
      answer.catch(() => scores.current.delete(key));
      scores.current.set(key, answer);
    }
    return answer;
  }, [store]);

  /** Reads the summary of `id` (now, then again with the broker verdict once the scores are in). */
  const announce = useCallback(
    (id: string, position?: { index: number; of: number; from: string }) => {
      const session = sessionRef.current;
      if (!session) return;
      const data = session.dataset();
      setAnnouncement(nodeSummary(data, id, null, position));
      bridgeScores()
        .then((table) => {
          // Only if the walk has not moved on meanwhile.
          if ((cursor.current ?? store.get().selectedId) === id) setAnnouncement(nodeSummary(data, id, brokerInfo(table, id), position));
        })
        .catch(() => setAnnouncement(nodeSummary(data, id, null, position).replace("broker score loading", "broker score unavailable")));
    },
    [bridgeScores, store],
  );

  /** Highlights `id` as the walk's position and brings it on screen if it is off it. */
  const moveTo = useCallback(
    (id: string, position?: { index: number; of: number; from: string }) => {
      const session = sessionRef.current;
      if (!session) return;
      cursor.current = id;
      store.update(hoverNode(id));
      const p = session.renderer.viewportPosition(id);
      const box = container.current?.getBoundingClientRect();
      if (p && box && (p.x < 24 || p.y < 24 || p.x > box.width - 24 || p.y > box.height - 24)) session.focusNode(id);
      announce(id, position);
    },
    [announce, store],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const session = sessionRef.current;
      if (!session || event.target !== container.current || event.altKey || event.ctrlKey || event.metaKey) return;
      const { dataset: data, view } = session.state.get();
      const selected = store.get().selectedId;
      const anchor = selected !== null && data.index.has(selected) && view.nodeVisible[data.index.get(selected)!] ? selected : null;
      const list = anchor ? orderedNeighbours(data, view, anchor) : nodesByTies(data, view);
      const at = (id: string | null) =>
        anchor && id ? { index: list.indexOf(id) + 1, of: list.length, from: data.nodes[data.index.get(anchor)!].name } : undefined;
      let next: string | null;
      switch (event.key) {
        case "ArrowRight":
        case "ArrowDown":
          next = cycle(list, cursor.current, 1);
          break;
        case "ArrowLeft":
        case "ArrowUp":
          next = cycle(list, cursor.current, -1);
          break;
        case "Home":
          next = list[0] ?? null;
          break;
        case "End":
          next = list[list.length - 1] ?? null;
          break;
        case "Enter": {
          const id = cursor.current ?? anchor;
          if (!id) return;
          event.preventDefault();
          cursor.current = null;
          store.update(hoverNode(null));
          onOpen(id);
          announce(id);
          return;
        }
        case "Escape":
          if (cursor.current === null) return;
          event.preventDefault();
          cursor.current = null;
          store.update(hoverNode(null));
          if (anchor) announce(anchor);
          else setAnnouncement("");
          return;
        default:
          return;
      }
      event.preventDefault();
      if (next) moveTo(next, at(next));
      else setAnnouncement(anchor ? `${data.nodes[data.index.get(anchor)!].name} has no visible neighbours.` : "No node is shown.");
    },
    [announce, moveTo, onOpen, store],
  );

  return (
    <>
      <div
        ref={container}
        id={MAP_ID}
        className="graph-canvas"
        data-testid="graph-canvas"
        tabIndex={0}
        role="application"
        aria-roledescription="network map"
        aria-label="Network map"
        aria-describedby="map-keys"
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (cursor.current === null) return;
          cursor.current = null;
          store.update(hoverNode(null));
        }}
      />
      <p id="map-keys" className="visually-hidden">
        Arrow keys go through the selected node&apos;s neighbours in alphabetical order (with nothing selected, through the nodes with the
        most ties first); Home and End go to the first and last. Enter selects the node reached and opens its Details; Escape goes back to
        the selected node.
      </p>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="map-announcement">
        {announcement}
      </p>
    </>
  );
}
