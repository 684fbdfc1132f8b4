/** Mounts the session (the Sigma owner and its bindings) over the graph container. */
import { useEffect, useRef } from "react";

import { createSession, type Session } from "../bindings/session";
import type { AtlasDataset } from "../graph";
import type { AtlasState, Store } from "../state";

interface Props {
  dataset: AtlasDataset;
  positions: Float64Array;
  store: Store<AtlasState>;
  onSession(session: Session | null): void;
}

export function GraphView({ dataset, positions, store, onSession }: Props) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const session = createSession(container.current, dataset, positions, store);
    onSession(session);
    return () => {
      onSession(null);
      session.kill();
    };
  }, [dataset, positions, store, onSession]);

  return <div ref={container} className="graph-canvas" data-testid="graph-canvas" />;
}
