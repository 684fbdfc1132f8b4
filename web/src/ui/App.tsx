/**
 * The explorer page: header (search, share and export), the graph with its toolbar and legend, and
 * the side panels (Details, View, Paths, Allies, Timeline, Table, Stories). Loads the network once, lays it
 * out (cache or worker), then hands the graph to the session, which owns Sigma.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { fetchExtras, fetchNetwork, type NodeRef } from "../api";
import { WAIT_FOR_LAYOUT_LIMIT } from "../api/network-query";
import type { LayoutWorker } from "../bindings/layout-worker";
import type { OpeningLayout, Session } from "../bindings/session";
import { localStorageOrMemory } from "../bindings/storage";
import { createDraftStore } from "../stories/draft-storage";
import { bindUrl } from "../bindings/url";
import { type AtlasDataset, createDataset } from "../graph";
import { AccountMenu } from "./AccountMenu";
import { ImportWizard } from "../import/ImportWizard";
import { can, createAccountStore, onAccountChange } from "../edit/account";
import { AddNodeDialog } from "../edit/AddNodeDialog";
import { seedPositions } from "../../../core/layout/seed";
import { createStore, decodeState, selectNode } from "../state";
import { fullAtlasUrl, isEmbed } from "./embed";
import { GraphView, MAP_ID } from "./GraphView";
import { Legend, YearBadge } from "./Legend";
import { LiveChanges } from "./LiveChanges";
import { SearchBox } from "./SearchBox";
import { ShareMenu } from "./ShareMenu";
import { type PanelContext, type PanelKey, panelOf, panelsFor } from "./panels";
import { Tabs } from "./Tabs";
import { Toolbar } from "./Toolbar";
import { useStore } from "./use-store";

const TAGLINE = "The migrant-rights movement as a network of networks — every tie cited.";

/** Performance marks the benchmark reads (with the renderer's `atlas:first-frame`). */
export const NETWORK_MARK = "atlas:network";
export const LAYOUT_MARK = "atlas:layout";

type Load = { type: "loading" } | { type: "error"; message: string } | { type: "ready"; dataset: AtlasDataset; layout: OpeningLayout };

export function App({ layoutWorker }: { layoutWorker: LayoutWorker }) {
  const store = useMemo(() => createStore(decodeState(new URLSearchParams(window.location.search))), []);
  const selectedId = useStore(store, (s) => s.selectedId);
  const [load, setLoad] = useState<Load>({ type: "loading" });
  const [session, setSession] = useState<Session | null>(null);
  const drafts = useMemo(() => createDraftStore(localStorageOrMemory()), []);
  const [tab, setTab] = useState<PanelKey>(() => (store.get().story ? "stories" : store.get().selectedId ? "details" : "view"));
  const [pathSeed, setPathSeed] = useState<NodeRef | null>(null);
  const tabRef = useRef(tab);
  tabRef.current = tab;
  const account = useMemo(() => createAccountStore(), []);
  // Bumped when what this viewer may see changed (sign-in or out, an applied edit): the graph and
  // the open panels read again.
  const [dataKey, setDataKey] = useState(0);
  const reloadData = useCallback(() => setDataKey((k) => k + 1), []);
  useEffect(() => onAccountChange(account, reloadData), [account, reloadData]);
  const canAdd = useStore(account, (a) => can(a, "contributor"));
  const panels = panelsFor(useStore(account, (a) => a?.role ?? null));
  // The name typed in the search box that found nothing, while the "Add …" dialog is open.
  const [adding, setAdding] = useState<string | null>(null);

  useEffect(() => bindUrl(store), [store]);

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      const network = await fetchNetwork(controller.signal);
      performance.mark(NETWORK_MARK);
      const dataset = createDataset(network);
      const cached = layoutWorker.cached(dataset);
      if (cached) performance.mark(LAYOUT_MARK);
      const layout: OpeningLayout = {
        seed: cached ?? seedPositions(dataset),
        final: cached !== null,
        compute: () =>
          layoutWorker.compute(network, dataset).then((positions) => {
            performance.mark(LAYOUT_MARK);
            return positions;
          }),
        wait: dataset.nodes.length <= WAIT_FOR_LAYOUT_LIMIT,
      };
      if (!controller.signal.aborted) setLoad({ type: "ready", dataset, layout });
    })().catch((error: Error) => {
      if (error.name !== "AbortError") setLoad({ type: "error", message: error.message });
    });
    return () => controller.abort();
  }, [layoutWorker, dataKey]);

  // Groups and scopes come after the first frame (on big graphs, after the opening layout too: the
  // server reads the whole graph twice for them).
  useEffect(() => {
    if (!session) return;
    const controller = new AbortController();
    const big = session.dataset().nodes.length > WAIT_FOR_LAYOUT_LIMIT;
    session.firstFrame
      .then(() => (big ? session.layoutDone : undefined))
      .then(() => fetchExtras(controller.signal))
      .then((extras) => session.setExtras(extras))
      .catch(() => {
        // Without them networks cannot be collapsed nor scopes filtered; everything else works.
      });
    return () => controller.abort();
  }, [session]);

  // A newly selected node (a click on the canvas) opens Details, unless a panel that works with the
  // selection (paths, allies, table) is open.
  useEffect(() => {
    let previous = store.get().selectedId;
    return store.subscribe((s) => {
      if (s.selectedId === previous) return;
      previous = s.selectedId;
      if (s.selectedId && (tabRef.current === "view" || tabRef.current === "timeline")) setTab("details");
    });
  }, [store]);

  const select = useCallback(
    (id: string, options: { openDetails?: boolean } = {}) => {
      store.update(selectNode(id));
      session?.focusNode(id);
      if (options.openDetails !== false) setTab("details");
    },
    [store, session],
  );

  // A learner answering a story's question from the table sees the feedback in the Stories panel.
  const onStoryAnswer = useCallback(() => setTab("stories"), []);

  const panelContext: PanelContext = {
    store,
    session,
    drafts,
    selectedId,
    pathSeed,
    select,
    openPanel: (next, seed) => {
      if (seed) setPathSeed(seed);
      setTab(next);
    },
    onStoryAnswer,
    account,
    dataKey,
    reloadData,
  };

  const ready = load.type === "ready" ? load : null;

  // On a phone the map stays in view while a story plays (it sticks above the story's text), and
  // Play brings the text up under it instead of leaving the page scrolled past the map.
  const playing = useStore(store, (s) => s.story !== null);
  const embed = useMemo(() => isEmbed(), []);
  const panelsRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (playing && window.matchMedia("(max-width: 760px)").matches) panelsRef.current?.scrollIntoView({ block: "start" });
  }, [playing]);

  return (
    <div className={embed ? "app embed" : "app"}>
      {/* Past the header's controls straight to the map (focusing it without writing #map into the URL). */}
      <a
        className="skip-link"
        href={`#${MAP_ID}`}
        onClick={(event) => {
          const map = document.getElementById(MAP_ID);
          if (!map) return;
          event.preventDefault();
          map.focus();
        }}
      >
        Skip to the map
      </a>
      {embed ? (
        <header>
          <h1>Coalition Atlas</h1>
          {/* The embed's query string is the whole view: the full atlas opens on the same one. */}
          <a href={fullAtlasUrl()} target="_blank" rel="noopener" onClick={(event) => (event.currentTarget.href = fullAtlasUrl())}>
            Open in the full atlas ↗
          </a>
        </header>
      ) : (
        <header>
          <h1>Coalition Atlas</h1>
          {/* One line that gives way to the menus: cut short on narrow screens, whole on hover. */}
          <p className="tagline" title={TAGLINE}>
            {TAGLINE}
          </p>
          <SearchBox
            label="Search"
            placeholder="Search organisations, forums, campaigns…"
            onPick={(id) => select(id)}
            onAdd={canAdd ? setAdding : undefined}
          />
          {session && <ShareMenu session={session} />}
          <ImportWizard />
          <AccountMenu store={account} />
          <LiveChanges />
        </header>
      )}
      <main className={playing ? "story-playing" : undefined}>
        <section className="graph-pane" aria-label="Network graph">
          {/* The toolbar, year and legend sit above and below the map, never on its nodes. */}
          {session && (
            <div className="graph-bar">
              <Toolbar session={session} store={store} />
              <YearBadge store={store} />
            </div>
          )}
          <div className="graph-stage">
            {load.type === "loading" && <p className="status">Loading the network…</p>}
            {load.type === "error" && (
              <p className="status" role="alert">
                Could not load the network: {load.message}
              </p>
            )}
            {ready && <GraphView dataset={ready.dataset} layout={ready.layout} store={store} onSession={setSession} onOpen={select} />}
          </div>
          {session && <Legend session={session} store={store} />}
        </section>
        {embed ? (
          playing && (
            <aside aria-label="Story" ref={panelsRef}>
              {panelOf("stories").render(panelContext)}
            </aside>
          )
        ) : (
          <aside aria-label="Panels" ref={panelsRef}>
            <Tabs<PanelKey> tabs={panels} active={panels.some((p) => p.key === tab) ? tab : "details"} onChange={setTab}>
              {(key) => panelOf(key).render(panelContext)}
            </Tabs>
          </aside>
        )}
      </main>
      {adding !== null && (
        <AddNodeDialog
          name={adding}
          onClose={() => setAdding(null)}
          onApplied={(id) => {
            setAdding(null);
            reloadData();
            store.update(selectNode(id));
            setTab("details");
          }}
        />
      )}
    </div>
  );
}
