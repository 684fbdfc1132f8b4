/**
 * Search with suggestions (names, acronyms, aliases via the API's full-text search), as an ARIA
 * combobox. Keyboard: ↓/↑ move through suggestions, Enter picks (the first one when none is
 * highlighted), Escape closes. Used in the header and, labelled From/To, by the path finder.
 */
import { useEffect, useId, useState } from "react";

import { type NodeRef, type SearchHit, searchNodes } from "../api";
import type { NodeKind } from "../graph";
import { humanise } from "../graph";

interface Props {
  label: string;
  placeholder?: string;
  kinds?: NodeKind[];
  /** Text shown in the box (e.g. the picked node's name); the box is editable either way. */
  value?: string;
  onPick(id: string, node: NodeRef): void;
  /**
   * For a box that holds a choice (the path finder's From/To): called as soon as the text is edited,
   * so the earlier choice is dropped rather than silently kept under text that names another node.
   */
  onUnpick?(): void;
  visibleLabel?: boolean;
  /** Offered ("Add …") when no hit is called exactly what was typed: starts a new record named by the text. */
  onAdd?(text: string): void;
}

/**
 * What tells a hit apart from others with similar names: its acronym or short name, its year (a
 * forum's, a campaign's start, an instrument's adoption) and its place, e.g. "GFMD · 2016 · Dhaka".
 */
export function hitDetail({ node }: SearchHit): string {
  const short = node.acronym ?? node.shortName;
  const year = node.year ?? node.start ?? node.adopted;
  return [short !== node.name ? short : null, year, node.city ?? (node.kind === "FORUM" ? node.country : null)]
    .filter((part) => part !== null && part !== undefined && part !== "")
    .join(" · ");
}

export function SearchBox({ label, placeholder, kinds, value, onPick, onUnpick, visibleLabel = false, onAdd }: Props) {
  const [text, setText] = useState(value ?? "");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [searched, setSearched] = useState("");
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState(false);
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const kindsKey = kinds?.join(",");

  // A new choice shows its name; a dropped one (value "") leaves what the person is typing alone.
  useEffect(() => {
    if (value) setText(value);
  }, [value]);

  useEffect(() => {
    const query = text.trim();
    if (!query || !typed) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchNodes(query, controller.signal, kindsKey ? (kindsKey.split(",") as NodeKind[]) : undefined)
        .then((result) => {
          setHits(result);
          setSearched(query);
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
  }, [text, typed, kindsKey]);

  const pick = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onPick(hit.node.id, hit.node);
    setText(hit.node.acronym ?? hit.node.name);
    setTyped(false);
    setOpen(false);
  };

  const expanded = open && hits.length > 0;
  // "Add …" is offered once the typed text was searched and no hit is called exactly that: search
  // matches any word, so a new name often finds others sharing a word ("… Workers …").
  const wanted = text.trim().toLowerCase();
  const searchedNow = typed && searched !== "" && searched === text.trim();
  const calledThat = hits.some(({ node }) => [node.name, node.acronym, node.shortName].some((n) => n?.trim().toLowerCase() === wanted));
  const canAdd = onAdd !== undefined && searchedNow && !calledThat;
  const nothingFound = canAdd && hits.length === 0;
  // Typed text that is not a chosen node blocks the search, and says so.
  const unchosen = onUnpick !== undefined && typed && text.trim() !== "";
  return (
    <div className="search" role={label === "Search" ? "search" : undefined}>
      {visibleLabel && (
        <label htmlFor={id} className="field-label">
          {label}
        </label>
      )}
      <input
        id={id}
        type="text"
        aria-label={visibleLabel ? undefined : label}
        placeholder={placeholder}
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={unchosen ? hintId : undefined}
        aria-invalid={unchosen || undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setTyped(true);
          onUnpick?.();
        }}
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
            if (nothingFound) onAdd?.(text.trim());
            else pick(hits[active >= 0 ? active : 0]);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {unchosen && (
        <p id={hintId} className="hint small">
          Choose “{text.trim()}” from the suggestions (↓ then Enter) to use it as {label}.
        </p>
      )}
      {canAdd && (
        <button type="button" className="search-add" onClick={() => onAdd(text.trim())}>
          Add “{text.trim()}”…
        </button>
      )}
      <ul id={listId} role="listbox" aria-label={`${label} suggestions`} className="suggestions" hidden={!expanded}>
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
            <span className="name">{hit.node.name}</span>
            <span className="meta">
              {[hitDetail(hit), humanise(hit.node.kind).replace(/s$/, "").toLowerCase()].filter(Boolean).join(" · ")}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
