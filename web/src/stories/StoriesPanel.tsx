/**
 * The Stories panel: the bundled teaching stories to play, the player while one is playing (also
 * when a link to a step was opened), and the editor a teacher writes a story in.
 */
import { useEffect, useMemo, useRef, useState } from "react";

import { fetchStories, type SourceRef } from "../api";
import type { Session } from "../bindings/session";
import { type AtlasState, type Store } from "../state";
import { closeStory, draftFromStory, showStoryStep, type StoryDraft, type StoryFile, toStoryFile } from "./index";
import { StoryEditor } from "./StoryEditor";
import { StoryPlayer } from "./StoryPlayer";
import { useSessionState, useStore } from "../ui/use-store";

type Load = { type: "loading" } | { type: "error"; message: string } | { type: "ready"; stories: StoryFile[]; sources: SourceRef[] };

interface Props {
  store: Store<AtlasState>;
  session: Session | null;
  drafts: Store<StoryDraft>;
  onAnswer(): void;
}

export function StoriesPanel({ store, session, drafts, onAnswer }: Props) {
  const [load, setLoad] = useState<Load>({ type: "loading" });
  const [writing, setWriting] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const position = useStore(store, (s) => s.story);
  const draft = useStore(drafts, (d) => d);
  const arrived = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    fetchStories(controller.signal)
      .then(({ stories, sources }) => setLoad({ type: "ready", stories, sources }))
      .catch((error: Error) => {
        if (error.name !== "AbortError") setLoad({ type: "error", message: error.message });
      });
    return () => controller.abort();
  }, []);

  const stories = load.type === "ready" ? load.stories : null;
  const sources = useMemo(() => (load.type === "ready" ? load.sources : []), [load]);
  const sourceMap = useMemo(() => new Map(sources.map((s) => [s.id, s])), [sources]);
  const draftStory = useMemo(() => toStoryFile(draft), [draft]);
  const playing = position
    ? position.draft
      ? draftStory.steps.length
        ? draftStory
        : null
      : (stories?.find((s) => s.id === position.id) ?? null)
    : null;

  // A link to a step (?story=…&step=…): show that step once the story and the opening layout are in.
  useEffect(() => {
    if (arrived.current || !stories || !session) return;
    arrived.current = true;
    const at = store.get().story;
    if (!at || at.draft) return;
    const story = stories.find((s) => s.id === at.id);
    if (!story) {
      setMissing(at.id);
      store.update(closeStory());
      return;
    }
    void session.layoutDone.then(() => {
      if (store.get().story?.id === story.id) store.update(showStoryStep(story, at.step, session.dataset()));
    });
  }, [stories, session, store]);

  // Membership groups arrive after the first frame: a step that collapses networks is shown again with them.
  const groupsReady = useSessionState(session, (s) => s.dataset.groups.size > 0, false);
  const latest = useRef({ playing, session });
  latest.current = { playing, session };
  useEffect(() => {
    const { playing: story, session: current } = latest.current;
    const at = store.get().story;
    if (!groupsReady || !current || !story || !at || !story.steps[at.step]?.view?.collapsed?.length) return;
    store.update(showStoryStep(story, at.step, current.dataset(), { draft: at.draft }));
  }, [groupsReady, store]);

  const play = (story: StoryFile, step = 0, preview = false) => {
    if (!session) return;
    setMissing(null);
    store.update(showStoryStep(story, step, session.dataset(), { draft: preview }));
  };

  if (load.type === "loading") return <p className="muted">Loading stories…</p>;
  if (load.type === "error") return <p role="alert">Could not load the stories: {load.message}</p>;
  if (!session) return <p className="muted">Loading the network…</p>;

  if (position && playing) {
    return (
      <StoryPlayer
        story={playing}
        position={position}
        sources={sourceMap}
        store={store}
        session={session}
        onAnswer={onAnswer}
        onClose={() => {
          store.update(closeStory());
          setWriting(position.draft);
        }}
      />
    );
  }

  if (writing) {
    return (
      <StoryEditor
        drafts={drafts}
        store={store}
        session={session}
        sources={sources}
        onPreview={(step) => play(toStoryFile(drafts.get()), step, true)}
        onDone={() => setWriting(false)}
      />
    );
  }

  return (
    <section className="stories" aria-label="Stories">
      <h2>Stories</h2>
      <p className="muted small">
        Guided, cited tours of how the coalitions were built. Each step sets the graph — year, filters, highlighted organisations — and has
        a link of its own to share with a class. Step with the buttons or with ← and →.
      </p>
      {missing && <p role="alert">There is no story “{missing}” in the atlas.</p>}
      <ol className="story-list">
        {load.stories.map((story) => {
          const questions = story.steps.filter((s) => s.exercise).length;
          return (
            <li key={story.id}>
              <h3>{story.title}</h3>
              <p className="small">{story.summary}</p>
              <p className="muted small">
                {story.steps.length} steps{questions ? ` · ${questions} question${questions > 1 ? "s" : ""}` : ""}
              </p>
              <div className="button-row">
                <button type="button" className="primary" onClick={() => play(story)} aria-label={`Play “${story.title}”`}>
                  Play
                </button>
                <button
                  type="button"
                  onClick={() => {
                    if (drafts.get().steps.length && !window.confirm("Replace the story you are writing with a copy of this one?")) return;
                    drafts.update(() => draftFromStory(story));
                    setWriting(true);
                  }}
                  aria-label={`Edit a copy of “${story.title}”`}
                >
                  Edit a copy
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <h3>Your own story</h3>
      <p className="small">
        {draft.steps.length
          ? `You are writing “${draft.title.trim() || "an untitled story"}” (${draft.steps.length} step${draft.steps.length === 1 ? "" : "s"}).`
          : "Build a story from views of the graph and export it for data/stories/."}
      </p>
      <button type="button" onClick={() => setWriting(true)}>
        {draft.steps.length ? "Continue writing" : "Write a story"}
      </button>
    </section>
  );
}
