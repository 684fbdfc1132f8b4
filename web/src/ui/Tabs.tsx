/**
 * The side panels as ARIA tabs: ←/→/Home/End move between tabs, each panel is a labelled region.
 * A panel mounts the first time its tab opens (the opening frame renders only the visible one) and
 * stays mounted while hidden afterwards, so a path search survives a look at Details.
 */
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from "react";

interface Props<K extends string> {
  /** The tabs in order (the panel registry, ui/panels.tsx). */
  tabs: readonly { key: K; label: string }[];
  active: K;
  onChange(key: K): void;
  children(key: K, active: boolean): ReactNode;
}

export function Tabs<K extends string>({ tabs: TABS, active, onChange, children }: Props<K>) {
  const id = useId();
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const [visited, setVisited] = useState<Set<K>>(() => new Set([active]));
  if (!visited.has(active)) setVisited(new Set([...visited, active]));

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.key === active);
    const next =
      event.key === "ArrowRight"
        ? (index + 1) % TABS.length
        : event.key === "ArrowLeft"
          ? (index - 1 + TABS.length) % TABS.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    onChange(TABS[next].key);
    refs.current.get(TABS[next].key)?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label="Panels" className="tablist" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab.key}
            ref={(el) => {
              if (el) refs.current.set(tab.key, el);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.key}`}
            aria-selected={tab.key === active}
            aria-controls={`${id}-panel-${tab.key}`}
            tabIndex={tab.key === active ? 0 : -1}
            onClick={() => onChange(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {TABS.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${id}-panel-${tab.key}`}
          aria-labelledby={`${id}-tab-${tab.key}`}
          className="tabpanel"
          hidden={tab.key !== active}
        >
          {visited.has(tab.key) && children(tab.key, tab.key === active)}
        </div>
      ))}
    </div>
  );
}
