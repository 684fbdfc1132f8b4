/** A list of citations: source title (year), locator, and the evidence in the atlas's words. */
import type { Citation } from "../api";

export function Citations({ citations }: { citations: Citation[] }) {
  if (citations.length === 0) return null;
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
