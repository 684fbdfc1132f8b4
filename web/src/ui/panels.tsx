/**
 * The side panels, registered once: a panel is added here (key, tab label, how it renders) and the
 * tab list, its keyboard order and the panel area follow. App supplies what panels share.
 */
import type { ReactNode } from "react";

import type { NodeRef } from "../api";
import type { Session } from "../bindings/session";
import { type Role, roleAtLeast } from "../../../core/access";
import type { AccountStore } from "../edit/account";
import type { AtlasState, Store } from "../state";
import type { StoryDraft } from "../stories";
import { AnalysisPanel } from "../analysis/AnalysisPanel";
import { HistoryPanel } from "../edit/HistoryPanel";
import { RecentChanges } from "../edit/RecentChanges";
import { ReviewPanel } from "../edit/ReviewPanel";
import { UsersPanel } from "../edit/UsersPanel";
import { StoriesPanel } from "../stories/StoriesPanel";
import { AllyFinder } from "./AllyFinder";
import { DetailsPanel } from "./DetailsPanel";
import { NetworkTable } from "./NetworkTable";
import { PathFinder } from "./PathFinder";
import { TimelinePanel } from "./TimelinePanel";
import { ViewPanel } from "./ViewPanel";

/** What the app hands every panel. */
export interface PanelContext {
  store: Store<AtlasState>;
  /** Null until the graph is drawn. */
  session: Session | null;
  drafts: Store<StoryDraft>;
  selectedId: string | null;
  /** The path finder's first end, when Details asked for a path from a node. */
  pathSeed: NodeRef | null;
  select(id: string, options?: { openDetails?: boolean }): void;
  /** Opens another panel (Details opens Paths and Allies), with a path seed for Paths. */
  openPanel(key: PanelKey, seed?: NodeRef): void;
  /** A story's question was answered elsewhere (the table): show the feedback in Stories. */
  onStoryAnswer(): void;
  /** Who is signed in (edit controls follow the role). */
  account: AccountStore;
  /** Changes whenever the data this viewer sees may have changed; panels read again. */
  dataKey: number;
  /** Reads the graph and the panels again (after an applied edit). */
  reloadData(): void;
}

export interface Panel {
  key: string;
  label: string;
  /** Shown only from this role up (the server checks every request anyway). */
  role?: Role;
  render(context: PanelContext): ReactNode;
}

const elsewhere = (c: PanelContext) => (id: string) => c.select(id, { openDetails: false });

export const PANELS = [
  {
    key: "details",
    label: "Details",
    render: (c) => (
      <DetailsPanel
        id={c.selectedId}
        dataKey={c.dataKey}
        edit={{ account: c.account, onChanged: c.reloadData }}
        store={c.store}
        session={c.session}
        onSelect={(id) => c.select(id)}
        onOpen={(next, seed) => c.openPanel(next, seed)}
      />
    ),
  },
  { key: "view", label: "View", render: (c) => (c.session ? <ViewPanel store={c.store} session={c.session} /> : null) },
  {
    key: "paths",
    label: "Paths",
    render: (c) => <PathFinder store={c.store} session={c.session} seed={c.pathSeed} onSelect={elsewhere(c)} />,
  },
  { key: "allies", label: "Allies", render: (c) => <AllyFinder store={c.store} session={c.session} onSelect={elsewhere(c)} /> },
  {
    key: "analysis",
    label: "Analysis",
    render: (c) => <AnalysisPanel store={c.store} session={c.session} onSelect={elsewhere(c)} />,
  },
  {
    key: "timeline",
    label: "Timeline",
    render: (c) => (c.session ? <TimelinePanel store={c.store} session={c.session} onSelect={elsewhere(c)} /> : null),
  },
  {
    key: "table",
    label: "Table",
    render: (c) => (c.session ? <NetworkTable store={c.store} session={c.session} onSelect={elsewhere(c)} /> : null),
  },
  {
    key: "stories",
    label: "Stories",
    render: (c) => <StoriesPanel store={c.store} session={c.session} drafts={c.drafts} onAnswer={c.onStoryAnswer} />,
  },
  {
    key: "history",
    label: "History",
    render: (c) => <HistoryPanel id={c.selectedId} dataKey={c.dataKey} account={c.account} onChanged={c.reloadData} />,
  },
  {
    key: "review",
    label: "Review",
    role: "contributor",
    render: (c) => <ReviewPanel account={c.account} dataKey={c.dataKey} onChanged={c.reloadData} />,
  },
  { key: "changes", label: "Changes", render: (c) => <RecentChanges account={c.account} dataKey={c.dataKey} onChanged={c.reloadData} /> },
  { key: "users", label: "Users", role: "admin", render: (c) => <UsersPanel account={c.account} /> },
] as const satisfies readonly Panel[];

export type PanelKey = (typeof PANELS)[number]["key"];

export const panelOf = (key: PanelKey): Panel => PANELS.find((p) => p.key === key)!;

/** The panels a viewer of this role gets. */
export const panelsFor = (role: Role | null) => PANELS.filter((p: Panel) => !p.role || roleAtLeast(role, p.role));
