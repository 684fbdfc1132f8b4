/** Sharing (the URL already holds the view; copy it) and exports of the visible graph. */
import { useRef, useState } from "react";

import { downloadText } from "../bindings/download";
import type { Session } from "../bindings/session";

export function ShareMenu({ session }: { session: Session }) {
  const [message, setMessage] = useState("");
  const [copied, setCopied] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);
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
      <span className="toast visually-hidden" role="status">
        {message}
      </span>
    </div>
  );
}
