/**
 * Plays a story: one step at a time (buttons, ← and →, or the list of steps), each step setting
 * its view, year and highlighted nodes on the graph, with its text and citations here; a step with
 * a question checks the node the learner clicks (or picks in the table) and says why, aloud too.
 */
import { useEffect, useMemo, useRef, useState } from "react";

import type { Citation, SourceRef } from "../api";
import type { Session } from "../bindings/session";
import { type AtlasState, type Store, type StoryPosition } from "../state";
import { type AnswerCheck, checkAnswer, showStoryStep, stepLink, type StoryFile } from "./index";
import { StoryWhatIf } from "../analysis/StoryWhatIf";
import { Citations } from "../ui/Citations";
import { ownsArrowKeys } from "../ui/keys";
import { useSessionState } from "../ui/use-store";

interface Props {
  story: StoryFile;
  position: StoryPosition;
  sources: Map<string, SourceRef>;
  store: Store<AtlasState>;
  session: Session;
  onClose(): void;
  /** A learner answered a question (by clicking the graph or picking in the table). */
  onAnswer(): void;
}

type Feedback = { key: string; id: string; check: AnswerCheck } | { key: string; id: null; check: { type: "revealed" } };

export function StoryPlayer({ story, position, sources, store, session, onClose, onAnswer }: Props) {
  const dataset = useSessionState(session, (s) => s.dataset, session.dataset());
  const view = useSessionState(session, (s) => s.view, null);
  const index = Math.min(position.step, story.steps.length - 1);
  const step = story.steps[index];
  const stepKey = `${story.id}:${index}`;
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [copied, setCopied] = useState("");

  const go = (to: number) => {
    if (to < 0 || to >= story.steps.length) return;
    store.update(showStoryStep(story, to, session.dataset(), { draft: position.draft }));
  };
  const goRef = useRef(go);
  goRef.current = go;

  // ← and → step through the story wherever the focus is, unless a control uses them itself.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
      if (ownsArrowKeys(event.target)) return;
      event.preventDefault();
      const at = store.get().story?.step ?? 0;
      goRef.current(at + (event.key === "ArrowRight" ? 1 : -1));
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [store]);

  // The question: the next node selected (a click on the graph, a row of the table) is the answer.
  const exercise = step.exercise;
  useEffect(() => {
    if (!exercise) return;
    let previous = store.get().selectedId;
    return store.subscribe((s) => {
      if (s.selectedId === previous) return;
      previous = s.selectedId;
      if (!s.selectedId || s.story?.step !== index) return;
      const id = s.selectedId;
      setFeedback((current) =>
        current?.key === stepKey && current.check.type === "right" ? current : { key: stepKey, id, check: checkAnswer(exercise, id) },
      );
      onAnswer();
    });
  }, [exercise, store, stepKey, index, onAnswer]);

  const nameOf = (id: string) => {
    const i = dataset.index.get(id);
    return i === undefined ? id : dataset.nodes[i].name;
  };
  const focus = step.focus.filter((id) => dataset.index.has(id));
  const offMap = view ? focus.filter((id) => !view.nodeVisible[dataset.index.get(id)!]) : [];
  const citations = useMemo<Citation[]>(
    () =>
      step.citations.map((c) => {
        const source = sources.get(c.source);
        return {
          locator: c.locator,
          evidence: c.evidence,
          source: { id: c.source, title: source?.title ?? c.source, year: source?.year ?? null },
        };
      }),
    [step, sources],
  );
  const current = feedback?.key === stepKey ? feedback : null;

  // The feedback can be below the fold of the panel (long steps, a phone): bring it into view.
  const feedbackBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (current) feedbackBox.current?.scrollIntoView({ block: "nearest" });
  }, [current]);

  const copyLink = async () => {
    const link = stepLink(`${window.location.origin}${window.location.pathname}`, story.id, index);
    try {
      await navigator.clipboard.writeText(link);
      setCopied("Link to this step copied.");
    } catch {
      window.prompt("Copy this link to the step:", link);
    }
    setTimeout(() => setCopied(""), 4000);
  };

  return (
    <article className="story-player" aria-label="Story player">
      <div className="story-bar">
        <button type="button" className="link" onClick={onClose}>
          {position.draft ? "← Back to editing" : "← All stories"}
        </button>
        {!position.draft && (
          <button type="button" className="link" onClick={() => void copyLink()}>
            Copy link to this step
          </button>
        )}
        <span className="toast" role="status">
          {copied}
        </span>
      </div>
      <h2>
        {position.draft && <span className="muted">Preview: </span>}
        {story.title}
      </h2>
      <div className="story-nav" role="group" aria-label="Steps">
        <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
          ← Previous
        </button>
        <span className="story-progress">
          Step {index + 1} of {story.steps.length}
          <span className="muted"> · {step.year === undefined ? "all years" : `as of ${step.year}`}</span>
        </span>
        <button type="button" onClick={() => go(index + 1)} disabled={index === story.steps.length - 1}>
          Next →
        </button>
      </div>
      <p className="visually-hidden" role="status">
        Step {index + 1} of {story.steps.length}: {step.title}
      </p>
      <section className="story-step" aria-labelledby="story-step-title">
        <h3 id="story-step-title">{step.title}</h3>
        <p className="story-body">{step.body}</p>
        <p className="small story-focus">
          <span className="muted">Highlighted:</span> {focus.map(nameOf).join(" · ")}
        </p>
        {offMap.length > 0 && (
          <p className="small warning">
            Not on the map in this step’s view{step.year !== undefined ? ` (as of ${step.year})` : ""}: {offMap.map(nameOf).join(", ")}.
          </p>
        )}
        {step.whatIf && <StoryWhatIf step={step} whatIf={step.whatIf} stepIndex={index} store={store} dataset={dataset} />}
        {exercise && (
          <div className="exercise" role="group" aria-label="Question">
            <p className="question">
              <strong>Question:</strong> {exercise.question}
            </p>
            <p className="muted small">Click a node on the graph, or pick a row in the Table tab.</p>
            <div ref={feedbackBox} className={`feedback ${current?.check.type ?? ""}`} role="status" aria-live="polite">
              {current?.check.type === "right" && (
                <p>
                  <strong>Right: {nameOf(current.id!)}.</strong> {exercise.explanation}
                </p>
              )}
              {current?.check.type === "wrong" && (
                <p>
                  <strong>Not {nameOf(current.id!)}.</strong> {exercise.hint ?? "Look again at the highlighted nodes."} Try again.
                </p>
              )}
              {current?.check.type === "revealed" && (
                <p>
                  <strong>Answer: {exercise.answers.map(nameOf).join(" or ")}.</strong> {exercise.explanation}
                </p>
              )}
            </div>
            {current?.check.type !== "right" && current?.check.type !== "revealed" && (
              <button
                type="button"
                className="link small"
                onClick={() => setFeedback({ key: stepKey, id: null, check: { type: "revealed" } })}
              >
                Show the answer
              </button>
            )}
          </div>
        )}
        <h4>Sources</h4>
        <Citations citations={citations} />
      </section>
      <details className="story-steps">
        <summary>All steps</summary>
        <ol>
          {story.steps.map((s, k) => (
            <li key={k}>
              <button type="button" className="link" aria-current={k === index ? "step" : undefined} onClick={() => go(k)}>
                {s.title}
              </button>
              {s.year !== undefined && <span className="muted small"> ({s.year})</span>}
              {s.exercise && <span className="muted small"> · question</span>}
            </li>
          ))}
        </ol>
      </details>
      <p className="muted small">Tip: ← and → step through the story.</p>
    </article>
  );
}
