/**
 * The side panels as ARIA tabs: ←/→/Home/End move between tabs, each panel is a labelled region.
 * Panels stay mounted while hidden (a path search survives a look at Details); heavy ones are told
 * whether they are showing.
 */
import { type KeyboardEvent, type ReactNode, useId, useRef } from "react";

export const TABS = [
  { key: "details", label: "Details" },
  { key: "view", label: "View" },
  { key: "paths", label: "Paths" },
  { key: "allies", label: "Allies" },
  { key: "timeline", label: "Timeline" },
  { key: "table", label: "Table" },
] as const;

export type TabKey = (typeof TABS)[number]["key"];

interface Props {
  active: TabKey;
  onChange(key: TabKey): void;
  children(key: TabKey, active: boolean): ReactNode;
}

export function Tabs({ active, onChange, children }: Props) {
  const id = useId();
  const refs = useRef(new Map<TabKey, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.findIndex((t) => t.key === active);
    const next =
      event.key === "ArrowRight" ? (index + 1) % TABS.length
      : event.key === "ArrowLeft" ? (index - 1 + TABS.length) % TABS.length
      : event.key === "Home" ? 0
      : event.key === "End" ? TABS.length - 1
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
          {children(tab.key, tab.key === active)}
        </div>
      ))}
    </div>
  );
}
