/** Sharing (the URL already holds the view; copy it) and exports of the current view. */
import { useRef, useState } from "react";

import type { Session } from "../bindings/session";
import { EMBED_SIZES, embedCode } from "./embed";

/** The Export menu: pictures drawn in the browser, data files from the server's exporter; all of the current view. */
const EXPORTS: { label: string; saved: string; action: (session: Session) => void | Promise<void> }[] = [
  { label: "PNG image of the view (2×)", saved: "PNG", action: (s) => s.exportPNG() },
  { label: "SVG image of the view", saved: "SVG", action: (s) => s.exportSVG() },
  { label: "GEXF (Gephi, Sigma.js, networkx)", saved: "GEXF", action: (s) => s.exportData("GEXF") },
  { label: "GraphML", saved: "GraphML", action: (s) => s.exportData("GRAPHML") },
  { label: "CSV of nodes (Gephi)", saved: "CSV of nodes", action: (s) => s.exportData("CSV", 0) },
  { label: "CSV of ties (Gephi)", saved: "CSV of ties", action: (s) => s.exportData("CSV", 1) },
  { label: "Excel workbook (Kumu)", saved: "Workbook", action: (s) => s.exportData("XLSX") },
  { label: "JSON (the atlas's data format)", saved: "JSON", action: (s) => s.exportData("JSON") },
];

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
          {EXPORTS.map(({ label, saved, action }) => (
            <button
              key={label}
              type="button"
              onClick={run(() =>
                Promise.resolve(action(session)).then(
                  () => say(`${saved} saved.`),
                  (error: unknown) => say(`The export failed: ${error instanceof Error ? error.message : String(error)}`),
                ),
              )}
            >
              {label}
            </button>
          ))}
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
