/**
 * Writing a story: "Add current view as step" captures the explorer's view (filters, networks,
 * colours, layout, year, camera) and the nodes it highlights or has selected; the teacher writes
 * each step's title and text, adds citations and, if wanted, a question or a what-if (nodes the
 * network is shown without); "Export story" downloads
 * the file for data/stories/ once nothing is missing. The draft is kept in this browser.
 */
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from "react";

import type { SourceRef } from "../api";
import { downloadText } from "../bindings/download";
import type { Session } from "../bindings/session";
import { COLOR_LABELS, humanise, SIZE_LABELS } from "../graph";
import { type AtlasState, type Store } from "../state";
import {
  addDraftStep,
  addStepCitation,
  addStepFocus,
  addStepWhatIfNode,
  describeProblem,
  draftFromStory,
  draftId,
  draftProblems,
  type DraftStep,
  dropStepCamera,
  getEmptyDraft,
  type KnownIds,
  moveDraftStep,
  loadStoryFormat,
  recaptureStepView,
  removeDraftStep,
  removeStepCitation,
  removeStepFocus,
  removeStepWhatIfNode,
  setDraftField,
  setStepExercise,
  setStepWhatIf,
  setStepWhatIfMembers,
  slugify,
  stepFromView,
  stepProblems,
  type StoryDraft,
  type StoryFormat,
  type StoryProblem,
  storyFileName,
  storyFileText,
  toStoryFile,
  uncapturedParts,
  updateDraftStep,
} from "./index";
import { SearchBox } from "../ui/SearchBox";
import { useSessionState, useStore } from "../ui/use-store";

interface Props {
  drafts: Store<StoryDraft>;
  store: Store<AtlasState>;
  session: Session;
  sources: SourceRef[];
  /** Plays the draft from this step. */
  onPreview(step: number): void;
  onDone(): void;
}

export function StoryEditor({ drafts, store, session, sources, onPreview, onDone }: Props) {
  const draft = useStore(drafts, (d) => d);
  const dataset = useSessionState(session, (s) => s.dataset, session.dataset());
  const [open, setOpen] = useState<number | null>(null);
  const [notice, setNotice] = useState("");
  const [fileProblems, setFileProblems] = useState<StoryProblem[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const known = useMemo<KnownIds>(() => ({ nodes: dataset.index, sources: new Set(sources.map((s) => s.id)) }), [dataset, sources]);
  // The story format (zod) loads when the editor opens; until then nothing can be exported.
  const [format, setFormat] = useState<StoryFormat | null>(null);
  useEffect(() => {
    let live = true;
    void loadStoryFormat().then((loaded) => live && setFormat(loaded));
    return () => {
      live = false;
    };
  }, []);
  const problems = useMemo(() => (format ? draftProblems(format, draft, known) : []), [format, draft, known]);
  const storyProblems = problems.filter((p) => !p.path.startsWith("steps."));
  const nameOf = (id: string) => {
    const i = dataset.index.get(id);
    return i === undefined ? id : dataset.nodes[i].name;
  };

  const addStep = () => {
    const state = store.get();
    const step = stepFromView(state, session.renderer.getCamera());
    drafts.update(addDraftStep(step));
    setOpen(draft.steps.length);
    const missing = uncapturedParts(state);
    setNotice(
      `Step ${draft.steps.length + 1} added${step.focus.length ? ` with ${step.focus.length} highlighted node${step.focus.length > 1 ? "s" : ""}` : ""}.` +
        (missing.length ? ` A step does not keep ${missing.join(" or ")}.` : ""),
    );
  };

  const exportStory = () => {
    const file = toStoryFile(draft);
    downloadText(storyFileName(file), storyFileText(file), "application/json");
    setNotice(`Saved ${storyFileName(file)}: put it in data/stories/ and run npm run data:check.`);
  };

  const openFile = async (file: File) => {
    const { parseStoryFile } = await loadStoryFormat();
    const result = parseStoryFile(await file.text(), known);
    if (result.type === "invalid") {
      setFileProblems(result.problems);
      setNotice(`${file.name} is not a story the atlas can use:`);
      return;
    }
    setFileProblems([]);
    if (draft.steps.length && !window.confirm("Replace the story you are writing with this file?")) return;
    drafts.update(() => draftFromStory(result.story));
    setOpen(null);
    setNotice(`Opened ${file.name}: ${result.story.steps.length} step${result.story.steps.length === 1 ? "" : "s"}.`);
  };

  return (
    <section className="story-editor" aria-label="Story editor">
      <div className="story-bar">
        <button type="button" className="link" onClick={onDone}>
          ← All stories
        </button>
      </div>
      <h2>Write a story</h2>
      <p className="muted small">
        Set up the graph as the class should see it — filters, year, colours, layout, camera — and select or highlight (a path, allies) the
        nodes to point at; then add it as a step. Every step needs a title, a text in your own words and at least one citation.
      </p>
      <Field label="Story title">
        {(id) => <input id={id} type="text" value={draft.title} onChange={(e) => drafts.update(setDraftField("title", e.target.value))} />}
      </Field>
      <Field label="Summary">
        {(id) => (
          <textarea id={id} rows={3} value={draft.summary} onChange={(e) => drafts.update(setDraftField("summary", e.target.value))} />
        )}
      </Field>
      <Field label="Story id (file name)">
        {(id) => (
          <input
            id={id}
            type="text"
            value={draft.id}
            placeholder={slugify(draft.title) || "e.g. c189-in-five-steps"}
            spellCheck={false}
            onChange={(e) => drafts.update(setDraftField("id", e.target.value))}
          />
        )}
      </Field>

      <div className="button-row">
        <button type="button" className="primary" onClick={addStep}>
          Add current view as step
        </button>
      </div>

      <h3>Steps ({draft.steps.length})</h3>
      {draft.steps.length === 0 && <p className="muted small">No steps yet.</p>}
      <ol className="draft-steps">
        {draft.steps.map((step, index) => (
          <li key={index}>
            {open === index ? (
              <StepEditor
                index={index}
                step={step}
                count={draft.steps.length}
                problems={stepProblems(problems, index)}
                drafts={drafts}
                store={store}
                session={session}
                sources={sources}
                nameOf={nameOf}
                onClose={() => setOpen(null)}
                onMoved={(to) => setOpen(to)}
                onPreview={() => onPreview(index)}
              />
            ) : (
              <div className="draft-step-summary">
                <span>
                  {index + 1}. <strong>{step.title.trim() || "(untitled step)"}</strong>
                  <span className="muted small">
                    {" "}
                    · {step.year ?? "all years"} · {step.focus.length} highlighted · {step.citations.length} citation
                    {step.citations.length === 1 ? "" : "s"}
                    {step.exercise ? " · question" : ""}
                    {step.whatIf ? " · what-if" : ""}
                  </span>
                  {stepProblems(problems, index).length > 0 && (
                    <span className="warning small"> · {stepProblems(problems, index).length} to fix</span>
                  )}
                </span>
                <button type="button" onClick={() => setOpen(index)} aria-label={`Edit step ${index + 1}`}>
                  Edit
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>

      {(problems.length > 0 || draft.steps.length === 0) && (
        <div className="problems">
          <h4>Before you can export</h4>
          <ul className="small">
            {draft.steps.length === 0 && <li>Add at least one step.</li>}
            {storyProblems.map((p, k) => (
              <li key={k}>{describeProblem(p)}</li>
            ))}
            {problems.length > storyProblems.length && (
              <li>
                {problems.length - storyProblems.length} thing{problems.length - storyProblems.length === 1 ? "" : "s"} to fix in the steps
                (open a step to see them).
              </li>
            )}
          </ul>
        </div>
      )}

      <div className="button-row">
        <button type="button" className="primary" onClick={exportStory} disabled={!format || problems.length > 0}>
          Export story
        </button>
        <button type="button" onClick={() => onPreview(0)} disabled={draft.steps.length === 0}>
          Preview
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Open a story file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          aria-label="Open a story file"
          tabIndex={-1}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void openFile(file);
          }}
        />
        <button
          type="button"
          onClick={() => {
            if (!window.confirm("Start a new story? The one you are writing will be cleared.")) return;
            drafts.update(getEmptyDraft);
            setOpen(null);
            setNotice("");
          }}
          disabled={draft.steps.length === 0 && !draft.title && !draft.summary}
        >
          Start over
        </button>
      </div>
      <p className="small" role="status">
        {notice}
      </p>
      {fileProblems.length > 0 && (
        <ul className="small warning">
          {fileProblems.map((p, k) => (
            <li key={k}>{describeProblem(p)}</li>
          ))}
        </ul>
      )}
      <p className="muted small">
        Exported as <code>{draftId(draft) || "…"}.json</code>. The draft stays in this browser until you start over.
      </p>
    </section>
  );
}

function Field({ label, children }: { label: string; children(id: string): ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

interface StepProps {
  index: number;
  step: DraftStep;
  count: number;
  problems: StoryProblem[];
  drafts: Store<StoryDraft>;
  store: Store<AtlasState>;
  session: Session;
  sources: SourceRef[];
  nameOf(id: string): string;
  onClose(): void;
  onMoved(to: number): void;
  onPreview(): void;
}

interface NodePickerProps {
  ids: readonly string[];
  nameOf(id: string): string;
  selectedId: string | null | undefined;
  removeLabel(name: string): string;
  /** The add button's text: with the selected node's name, or without one. */
  addLabel(name: string | null): string;
  searchLabel: string;
  onAdd(id: string): void;
  onRemove(id: string): void;
}

/** A step's list of nodes (highlighted, or removed in a what-if): chips, "add the selected node", and search. */
function NodePicker({ ids, nameOf, selectedId, removeLabel, addLabel, searchLabel, onAdd, onRemove }: NodePickerProps) {
  // A new key empties the search box after each pick.
  const [search, setSearch] = useState(0);
  return (
    <>
      {ids.length === 0 && <p className="muted small">None yet: select a node on the graph and add it, or search for one.</p>}
      <ul className="chips">
        {ids.map((id) => (
          <li key={id}>
            {nameOf(id)}{" "}
            <button type="button" className="chip-remove" aria-label={removeLabel(nameOf(id))} onClick={() => onRemove(id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" disabled={!selectedId || ids.includes(selectedId)} onClick={() => selectedId && onAdd(selectedId)}>
          {addLabel(selectedId ? nameOf(selectedId) : null)}
        </button>
      </div>
      <SearchBox
        key={search}
        label={searchLabel}
        visibleLabel
        onPick={(id) => {
          onAdd(id);
          setSearch((k) => k + 1);
        }}
      />
    </>
  );
}

function describeView(step: DraftStep): string {
  const v = step.view;
  const parts = [step.year === null ? "every year" : `as of ${step.year}`];
  if (v.filter?.kinds) parts.push(`shows ${v.filter.kinds.map((k) => humanise(k).toLowerCase()).join(", ")}`);
  const narrowed = Object.keys(v.filter ?? {}).filter((k) => k !== "kinds");
  if (narrowed.length) parts.push(`filtered by ${narrowed.map((k) => humanise(k).toLowerCase()).join(", ")}`);
  if (v.collapsed?.length) parts.push(`${v.collapsed.length} network${v.collapsed.length > 1 ? "s" : ""} collapsed`);
  if (v.colorBy) parts.push(`colour: ${COLOR_LABELS[v.colorBy].toLowerCase()}`);
  if (v.sizeBy) parts.push(`size: ${SIZE_LABELS[v.sizeBy].toLowerCase()}`);
  if (v.layout) parts.push(`${v.layout} layout`);
  if (v.shapes === "coalitions") parts.push("coalition shapes");
  parts.push(v.camera ? "this camera position" : "framed on the highlighted nodes");
  return parts.join(" · ");
}

function StepEditor({ index, step, count, problems, drafts, store, session, sources, nameOf, onClose, onMoved, onPreview }: StepProps) {
  const selectedId = useStore(store, (s) => s.selectedId);
  const [answerSearch, setAnswerSearch] = useState(0);
  const [citation, setCitation] = useState({ source: sources[0]?.id ?? "", locator: "", evidence: "" });
  const n = index + 1;
  const update = (patch: Partial<DraftStep>) => drafts.update(updateDraftStep(index, patch));
  const exercise = step.exercise;
  const whatIf = step.whatIf;

  return (
    <fieldset className="group draft-step">
      <legend>Step {n}</legend>
      <Field label="Step title">
        {(id) => <input id={id} type="text" value={step.title} onChange={(e) => update({ title: e.target.value })} />}
      </Field>
      <Field label="Text">
        {(id) => <textarea id={id} rows={5} value={step.body} onChange={(e) => update({ body: e.target.value })} />}
      </Field>

      <h4>Highlighted nodes</h4>
      <NodePicker
        ids={step.focus}
        nameOf={nameOf}
        selectedId={selectedId}
        removeLabel={(name) => `Remove ${name} from the highlighted nodes`}
        addLabel={(name) => (name ? `Add ${name}` : "Add the selected node")}
        searchLabel={`Add a node to step ${n}`}
        onAdd={(id) => drafts.update(addStepFocus(index, id))}
        onRemove={(id) => drafts.update(removeStepFocus(index, id))}
      />

      <h4>View</h4>
      <p className="small">{describeView(step)}</p>
      <div className="button-row">
        <button type="button" onClick={() => drafts.update(recaptureStepView(index, store.get(), session.renderer.getCamera()))}>
          Use the current view
        </button>
        {step.view.camera && (
          <button type="button" onClick={() => drafts.update(dropStepCamera(index))}>
            Frame the highlighted nodes instead
          </button>
        )}
      </div>

      <h4>Citations</h4>
      {step.citations.length === 0 && <p className="warning small">A step needs at least one citation before the story can be exported.</p>}
      <ul className="citations draft-citations">
        {step.citations.map((c, k) => (
          <li key={k}>
            <cite>{sources.find((s) => s.id === c.source)?.title ?? c.source}</cite>, {c.locator}: {c.evidence}{" "}
            <button
              type="button"
              className="link small"
              aria-label={`Remove citation ${k + 1}`}
              onClick={() => drafts.update(removeStepCitation(index, k))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <fieldset className="add-citation">
        <legend>Add a citation</legend>
        <Field label="Source">
          {(id) => (
            <select id={id} value={citation.source} onChange={(e) => setCitation({ ...citation, source: e.target.value })}>
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.authors[0]?.split(" ").slice(-1)[0] ?? s.id}
                  {s.year ? ` ${s.year}` : ""}: {s.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Locator (section, page, table)">
          {(id) => (
            <input id={id} type="text" value={citation.locator} onChange={(e) => setCitation({ ...citation, locator: e.target.value })} />
          )}
        </Field>
        <Field label="Evidence (what the source says, in your own words)">
          {(id) => (
            <textarea id={id} rows={2} value={citation.evidence} onChange={(e) => setCitation({ ...citation, evidence: e.target.value })} />
          )}
        </Field>
        <button
          type="button"
          disabled={!citation.source || !citation.locator.trim() || !citation.evidence.trim()}
          onClick={() => {
            drafts.update(addStepCitation(index, citation));
            setCitation({ ...citation, locator: "", evidence: "" });
          }}
        >
          Add citation
        </button>
      </fieldset>

      <h4>Question (optional)</h4>
      {!exercise ? (
        <button
          type="button"
          onClick={() => drafts.update(setStepExercise(index, { question: "", answers: [], explanation: "", hint: "" }))}
        >
          Add a question
        </button>
      ) : (
        <div className="draft-exercise">
          <Field label="Question">
            {(id) => (
              <input
                id={id}
                type="text"
                value={exercise.question}
                onChange={(e) => update({ exercise: { ...exercise, question: e.target.value } })}
              />
            )}
          </Field>
          <p className="field-label">Right answers</p>
          <ul className="chips">
            {exercise.answers.map((id) => (
              <li key={id}>
                {nameOf(id)}{" "}
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove ${nameOf(id)} from the right answers`}
                  onClick={() => update({ exercise: { ...exercise, answers: exercise.answers.filter((a) => a !== id) } })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button
              type="button"
              disabled={!selectedId || exercise.answers.includes(selectedId)}
              onClick={() => selectedId && update({ exercise: { ...exercise, answers: [...exercise.answers, selectedId] } })}
            >
              {selectedId ? `+ Add ${nameOf(selectedId)} as a right answer` : "Select a node on the map to add it as an answer"}
            </button>
          </div>
          <SearchBox
            key={answerSearch}
            label={`Add a right answer to step ${n}`}
            visibleLabel
            onPick={(id) => {
              if (!exercise.answers.includes(id)) update({ exercise: { ...exercise, answers: [...exercise.answers, id] } });
              setAnswerSearch((k) => k + 1);
            }}
          />
          <Field label="Explanation (shown after a right answer)">
            {(id) => (
              <textarea
                id={id}
                rows={2}
                value={exercise.explanation}
                onChange={(e) => update({ exercise: { ...exercise, explanation: e.target.value } })}
              />
            )}
          </Field>
          <Field label="Hint (shown after a wrong answer, optional)">
            {(id) => (
              <input
                id={id}
                type="text"
                value={exercise.hint}
                onChange={(e) => update({ exercise: { ...exercise, hint: e.target.value } })}
              />
            )}
          </Field>
          <button type="button" onClick={() => drafts.update(setStepExercise(index, null))}>
            Remove the question
          </button>
        </div>
      )}

      <h4>What if (optional)</h4>
      {!whatIf ? (
        <button type="button" onClick={() => drafts.update(setStepWhatIf(index, { remove: [] }))}>
          Add a what-if: remove nodes
        </button>
      ) : (
        <div className="draft-what-if">
          <p className="muted small">
            When the step plays, the atlas works out what the network would lose without these nodes (over the step&apos;s view), fades
            them, rings what they cut off and reads the figures out.
          </p>
          <p className="field-label">Nodes to remove</p>
          <NodePicker
            ids={whatIf.remove}
            nameOf={nameOf}
            selectedId={selectedId}
            removeLabel={(name) => `Keep ${name} in the what-if`}
            addLabel={(name) => (name ? `Remove ${name} in the what-if` : "Select a node on the map to remove it")}
            searchLabel={`Add a node to remove in step ${n}`}
            onAdd={(id) => drafts.update(addStepWhatIfNode(index, id))}
            onRemove={(id) => drafts.update(removeStepWhatIfNode(index, id))}
          />
          <label className="small">
            <input
              type="checkbox"
              checked={whatIf.withMembers ?? false}
              onChange={(e) => drafts.update(setStepWhatIfMembers(index, e.target.checked))}
            />{" "}
            Remove the direct members of removed networks too
          </label>
          <div className="button-row">
            <button type="button" onClick={() => drafts.update(setStepWhatIf(index, null))}>
              Remove the what-if
            </button>
          </div>
        </div>
      )}

      {problems.length > 0 && (
        <ul className="small warning step-problems">
          {problems.map((p, k) => (
            <li key={k}>{describeProblem(p)}</li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" onClick={onClose}>
          Done
        </button>
        <button type="button" onClick={onPreview}>
          Preview
        </button>
        <button
          type="button"
          onClick={() => {
            drafts.update(moveDraftStep(index, -1));
            onMoved(index - 1);
          }}
          disabled={index === 0}
          aria-label={`Move step ${n} up`}
        >
          ↑
        </button>
        <button
          type="button"
          onClick={() => {
            drafts.update(moveDraftStep(index, 1));
            onMoved(index + 1);
          }}
          disabled={index === count - 1}
          aria-label={`Move step ${n} down`}
        >
          ↓
        </button>
        <button
          type="button"
          onClick={() => {
            if (window.confirm(`Remove step ${n}?`)) {
              drafts.update(removeDraftStep(index));
              onClose();
            }
          }}
        >
          Remove step
        </button>
      </div>
    </fieldset>
  );
}
