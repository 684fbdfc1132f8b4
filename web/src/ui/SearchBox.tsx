/**
 * Search with suggestions (names, acronyms, aliases via the API's full-text search). Keyboard:
 * ↓/↑ move through suggestions, Enter picks (the first one when none is highlighted), Escape closes.
 */
import { useEffect, useId, useState } from "react";

import { type SearchHit, searchNodes } from "../api/queries";

export function SearchBox({ onPick }: { onPick(id: string): void }) {
  const [text, setText] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const listId = useId();

  useEffect(() => {
    const query = text.trim();
    if (!query) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchNodes(query, controller.signal)
        .then((result) => {
          setHits(result);
          setActive(-1);
          setOpen(true);
        })
        .catch((error: Error) => {
          if (error.name !== "AbortError") setHits([]);
        });
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onPick(hit.node.id);
    setText(hit.node.acronym ?? hit.node.name);
    setOpen(false);
  };

  return (
    <div className="search" role="search">
      <input
        type="search"
        aria-label="Search"
        placeholder="Search organisations, forums, campaigns…"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(hits.length - 1, i + 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => Math.max(-1, i - 1));
          } else if (e.key === "Enter") {
            e.preventDefault();
            pick(hits[active >= 0 ? active : 0]);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {open && hits.length > 0 && (
        <ul id={listId} role="listbox" className="suggestions">
          {hits.map((hit, i) => (
            <li
              key={hit.node.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(hit);
              }}
            >
              <span>{hit.node.name}</span>
              {hit.node.acronym && <span className="muted"> · {hit.node.acronym}</span>}
              <span className="kind">{hit.node.kind.toLowerCase()}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
