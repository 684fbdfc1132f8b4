/** Sharing (the URL already holds the view; copy it) and exports of the visible graph. */
import { useRef, useState } from "react";

import { downloadText } from "../bindings/download";
import type { Session } from "../bindings/session";
import { EMBED_SIZES, embedCode } from "./embed";

export function ShareMenu({ session }: { session: Session }) {
  const [message, setMessage] = useState("");
  const [copied, setCopied] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);
  const embedMenu = useRef<HTMLDetailsElement>(null);
  const [size, setSize] = useState(1);
  // Read when the menu opens, so the code holds the view as it is then.
  const [code, setCode] = useState("");
  // Runs an export and folds the menu away again.
  const run = (action: () => void | Promise<void>) => () => {
    if (menu.current) menu.current.open = false;
    void action();
  };
  const say = (text: string) => {
    setMessage(text);
    setTimeout(() => setMessage(""), 4000);
  };
  const copyLink = async () => {
    const link = window.location.href;
    try {
      await navigator.clipboard.writeText(link);
      say("Link to this view copied.");
      setCopied(true);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      window.prompt("Copy this link to the view:", link);
    }
  };
  return (
    <div className="share" role="group" aria-label="Share and export">
      {/* The button itself confirms the copy: a toast below the header would cover the panel tabs. */}
      <button type="button" aria-label="Copy link" onClick={() => void copyLink()}>
        {copied ? "Link copied ✓" : "Copy link"}
      </button>
      <details
        className="menu"
        ref={menu}
        onKeyDown={(e) => {
          // A menu closes on Escape, and focus goes back to what opened it.
          if (e.key !== "Escape" || !menu.current?.open) return;
          menu.current.open = false;
          menu.current.querySelector("summary")?.focus();
        }}
      >
        <summary>Export</summary>
        <div className="menu-items">
          <button type="button" onClick={run(() => session.exportPNG().then(() => say("PNG saved.")))}>
            PNG image of the view
          </button>
          <button type="button" onClick={run(() => downloadText("coalition-atlas.gexf", session.exportGEXF(), "application/gexf+xml"))}>
            GEXF (Gephi) of the visible graph
          </button>
          <button type="button" onClick={run(() => downloadText("coalition-atlas-nodes.csv", session.exportNodesCSV(), "text/csv"))}>
            CSV of visible nodes
          </button>
          <button type="button" onClick={run(() => downloadText("coalition-atlas-edges.csv", session.exportEdgesCSV(), "text/csv"))}>
            CSV of visible relationships
          </button>
        </div>
      </details>
      <details
        className="menu"
        ref={embedMenu}
        onToggle={() => {
          if (embedMenu.current?.open) setCode(embedCode(EMBED_SIZES[size]));
        }}
        onKeyDown={(e) => {
          if (e.key !== "Escape" || !embedMenu.current?.open) return;
          embedMenu.current.open = false;
          embedMenu.current.querySelector("summary")?.focus();
        }}
      >
        <summary>Embed</summary>
        <div className="menu-items embed-code">
          <label>
            Size{" "}
            <select
              value={size}
              onChange={(e) => {
                const next = Number(e.target.value);
                setSize(next);
                setCode(embedCode(EMBED_SIZES[next]));
              }}
            >
              {EMBED_SIZES.map((s, k) => (
                <option key={s.label} value={k}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Code to paste into your page (this view, on any site)
            <textarea readOnly rows={4} value={code} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard.writeText(code).then(
                () => say("Embed code copied."),
                () => say("Select the code and copy it."),
              )
            }
          >
            Copy code
          </button>
        </div>
      </details>
      <span className="toast visually-hidden" role="status">
        {message}
      </span>
    </div>
  );
}
