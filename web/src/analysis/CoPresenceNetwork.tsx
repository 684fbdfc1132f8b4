/**
 * Forum co-presence as a network: the organisations of the heaviest ties on a circle, each tie a
 * line as thick as the occurrences the two shared. Hovering or focusing a tie (each is a focusable
 * control) names the two and the occurrences behind it, which stay shown after a click. An SVG of its
 * own beside the map: co-presence ties are not relationships, so they are not drawn into the graph.
 */
import { useMemo, useState } from "react";

import type { CoPresenceAnswer } from "../api";
import { coPresenceLayout } from "./co-presence-layout";

const SIZE = 320;

export function CoPresenceNetwork({ answer, onSelect }: { answer: CoPresenceAnswer; onSelect(id: string): void }) {
  const layout = useMemo(() => coPresenceLayout(answer, SIZE), [answer]);
  const [picked, setPicked] = useState<number | null>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  if (layout.ties.length === 0) return null;
  const shown = hovered ?? picked;
  const tie = shown === null ? null : layout.ties[shown];
  return (
    <figure className="co-presence-network">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="group" aria-label="Co-presence network">
        {layout.ties.map((t, k) => (
          <line
            key={`${t.source} ${t.target}`}
            x1={t.x1}
            y1={t.y1}
            x2={t.x2}
            y2={t.y2}
            strokeWidth={t.width}
            className={k === shown ? "tie active" : "tie"}
            data-tie={`${t.source} ${t.target}`}
            tabIndex={0}
            role="button"
            aria-label={`${t.sourceLabel} and ${t.targetLabel}: ${t.weight} shared`}
            onMouseEnter={() => setHovered(k)}
            onMouseLeave={() => setHovered(null)}
            onFocus={() => setHovered(k)}
            onBlur={() => setHovered(null)}
            onClick={() => setPicked(k)}
            onKeyDown={(event) => {
              if (event.key !== "Enter" && event.key !== " ") return;
              event.preventDefault();
              setPicked(k);
            }}
          />
        ))}
        {layout.nodes.map((n) => (
          <circle key={n.id} cx={n.x} cy={n.y} r={4} className="org" onClick={() => onSelect(n.id)}>
            <title>{n.label}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="small">
        {tie ? (
          <span className="tie-explained">
            <strong>
              {tie.sourceLabel} and {tie.targetLabel}
            </strong>{" "}
            shared {tie.weight}: {tie.occurrenceLabels.join("; ")}
          </span>
        ) : (
          <span className="muted">
            The {layout.ties.length} heaviest ties among {layout.nodes.length} organisations. Point at or click a tie to see where they met.
          </span>
        )}
      </figcaption>
    </figure>
  );
}
