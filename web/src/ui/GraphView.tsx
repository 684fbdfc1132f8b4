/** Mounts the session (the Sigma owner and its bindings) over the graph container. */
import { useEffect, useRef } from "react";

import { createSession, type OpeningLayout, type Session } from "../bindings/session";
import type { AtlasDataset } from "../graph";
import type { AtlasState, Store } from "../state";

interface Props {
  dataset: AtlasDataset;
  layout: OpeningLayout;
  store: Store<AtlasState>;
  onSession(session: Session | null): void;
}

export function GraphView({ dataset, layout, store, onSession }: Props) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const session = createSession(container.current, dataset, layout, store);
    onSession(session);
    return () => {
      onSession(null);
      session.kill();
    };
  }, [dataset, layout, store, onSession]);

  return <div ref={container} className="graph-canvas" data-testid="graph-canvas" />;
}
