/** The explorer page: header with search, the graph with its legend, and the Details / table sidebar. */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { fetchNetwork } from "../api/queries";
import { type AtlasGraph, buildGraph } from "../graph/build";
import type { Renderer } from "../render/renderer";
import { getEmptyAtlasState, selectNode } from "../state/atlas";
import { createStore } from "../state/store";
import { DetailsPanel } from "./DetailsPanel";
import { GraphView } from "./GraphView";
import { Legend } from "./Legend";
import { NetworkTable } from "./NetworkTable";
import { SearchBox } from "./SearchBox";
import { useStore } from "./use-store";

type Load = { type: "loading" } | { type: "error"; message: string } | { type: "ready"; graph: AtlasGraph };

export function App() {
  const store = useMemo(() => createStore(getEmptyAtlasState()), []);
  const selectedId = useStore(store, (s) => s.selectedId);
  const [load, setLoad] = useState<Load>({ type: "loading" });
  const renderer = useRef<Renderer | null>(null);
  const onRenderer = useCallback((r: Renderer | null) => {
    renderer.current = r;
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetchNetwork(controller.signal)
      .then((data) => setLoad({ type: "ready", graph: buildGraph(data) }))
      .catch((error: Error) => {
        if (error.name !== "AbortError") setLoad({ type: "error", message: error.message });
      });
    return () => controller.abort();
  }, []);

  const select = useCallback(
    (id: string) => {
      store.update(selectNode(id));
      renderer.current?.focusNode(id);
    },
    [store],
  );

  return (
    <div className="app">
      <header>
        <h1>Coalition Atlas</h1>
        <p className="tagline">The migrant-rights movement as a network of networks — every tie cited.</p>
        <SearchBox onPick={select} />
      </header>
      <main>
        <section className="graph-pane" aria-label="Network graph">
          {load.type === "loading" && <p className="status">Loading the network…</p>}
          {load.type === "error" && (
            <p className="status" role="alert">
              Could not load the network: {load.message}
            </p>
          )}
          {load.type === "ready" && (
            <>
              <GraphView graph={load.graph} store={store} onRenderer={onRenderer} />
              <Legend graph={load.graph} />
            </>
          )}
        </section>
        <aside>
          <DetailsPanel id={selectedId} onSelect={select} />
          {load.type === "ready" && <NetworkTable graph={load.graph} selectedId={selectedId} onSelect={select} />}
        </aside>
      </main>
    </div>
  );
}
