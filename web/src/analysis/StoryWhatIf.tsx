/**
 * A story step's what-if (core/story.ts `whatIf`): asks the server what the network would lose
 * without the step's bodies, over the step's own view, then adds the removed and cut-off bodies to the
 * step's emphasis with their marks (faded / ringed) and reads the summary out. The "why brokers
 * matter" moment of a story; nothing is changed.
 */
import { useEffect, useState } from "react";

import { fetchWhatIf, type WhatIfAnswer } from "../api";
import type { AtlasDataset } from "../graph";
import type { AtlasState, Store } from "../state";
import { toNetworkFilter } from "../state/filters";
import { stepView, type StoryStep, type StoryWhatIf as WhatIfStep } from "../stories/story";
import { whatIfEmphasis } from "./marks";

type Result = { type: "loading" } | { type: "error"; message: string } | { type: "ready"; answer: WhatIfAnswer };

/** The step's emphasis with the what-if's marks, if the player still shows that step. */
function markStep(store: Store<AtlasState>, stepIndex: number, answer: WhatIfAnswer, dataset: AtlasDataset) {
  store.update((state) => {
    if (state.story?.step !== stepIndex || state.emphasis.type !== "story") return state;
    const marked = whatIfEmphasis(answer, dataset);
    const nodes = [...new Set([...state.emphasis.nodes, ...marked.nodes.filter((id) => dataset.index.has(id))])];
    const edges = [...new Set([...state.emphasis.edges, ...marked.edges])];
    return { ...state, emphasis: { ...state.emphasis, nodes, edges, marks: marked.marks } };
  });
}

export function StoryWhatIf({
  step,
  whatIf,
  stepIndex,
  store,
  dataset,
}: {
  step: StoryStep;
  whatIf: WhatIfStep;
  stepIndex: number;
  store: Store<AtlasState>;
  dataset: AtlasDataset;
}) {
  const [result, setResult] = useState<Result>({ type: "loading" });
  const key = `${stepIndex}:${whatIf.remove.join(",")}:${whatIf.withMembers ?? false}`;
  useEffect(() => {
    const abort = new AbortController();
    setResult({ type: "loading" });
    fetchWhatIf(whatIf.remove, whatIf.withMembers ?? false, toNetworkFilter(stepView(step).filters), abort.signal).then(
      (answer) => {
        setResult({ type: "ready", answer });
        markStep(store, stepIndex, answer, dataset);
      },
      (error: Error) => {
        if (!abort.signal.aborted) setResult({ type: "error", message: error.message });
      },
    );
    return () => abort.abort();
    // The key names everything the request depends on (the step object changes identity on every render).
  }, [key, store, dataset]);

  return (
    <div className="story-what-if" aria-label="What if" role="group">
      <div role="status" aria-live="polite">
        {result.type === "loading" && <p className="muted">Working out what the network would lose…</p>}
        {result.type === "ready" && <p className="summary">{result.answer.summary}</p>}
      </div>
      {result.type === "error" && <p role="alert">{result.message}</p>}
      {result.type === "ready" && (
        <p className="small">
          Separate parts {result.answer.components.before} → {result.answer.components.after}; average reach{" "}
          {result.answer.averageReach.before.toFixed(1)} → {result.answer.averageReach.after.toFixed(1)}. Faded with a red ring: removed;
          blue ring: cut off.
        </p>
      )}
    </div>
  );
}
