/** Mounts the Sigma renderer over a graph, runs the layout worker, and mirrors store state into it. */
import { useEffect, useRef } from "react";

import type { AtlasGraph } from "../graph/build";
import { runForceAtlas2 } from "../layout/forceatlas2";
import { createRenderer, type Renderer } from "../render/renderer";
import { type AtlasState, hoverNode, selectNode } from "../state/atlas";
import type { Store } from "../state/store";

interface Props {
  graph: AtlasGraph;
  store: Store<AtlasState>;
  onRenderer(renderer: Renderer | null): void;
}

export function GraphView({ graph, store, onRenderer }: Props) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const renderer = createRenderer(container.current, graph, {
      onClickNode: (id) => store.update(selectNode(id)),
      onClickStage: () => store.update(selectNode(null)),
      onHoverNode: (id) => store.update(hoverNode(id)),
    });
    const unsubscribe = store.subscribe((s) => renderer.setState(s));
    renderer.setState(store.get());
    const layout = runForceAtlas2(graph);
    onRenderer(renderer);
    return () => {
      layout.stop();
      unsubscribe();
      onRenderer(null);
      renderer.kill();
    };
  }, [graph, store, onRenderer]);

  return <div ref={container} className="graph-canvas" data-testid="graph-canvas" />;
}
