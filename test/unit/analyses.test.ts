/**
 * The analyses' runner on a worker thread (server/analytics/analyses.ts): it keeps the last graph by
 * its key, so the columns cross to the thread once per graph, and says when it needs them.
 */
import { describe, expect, it } from "vitest";

import { type AnalysisMemo, type AnalysisRequest, runAnalysis } from "../../server/analytics/analyses.js";
import { coPresence, coPresenceSummary } from "../../server/analytics/co-presence.js";
import { whatIfIndex, whatIfRemove } from "../../server/analytics/what-if.js";
import { columnGraph } from "./_column-graph.js";

const graph = columnGraph(
  [
    { id: "p", sector: "LABOUR" },
    { id: "q", sector: "CIVIL_SOCIETY" },
    { id: "r" },
    { id: "f", kind: "FORUM", activeFrom: 2010, activeTo: 2010 },
  ],
  [
    { type: "APPEARED_AT", source: "p", target: "f", year: 2010 },
    { type: "APPEARED_AT", source: "q", target: "f", year: 2010 },
    { type: "PARTNERS_WITH", source: "q", target: "r" },
  ],
);
const CO_PRESENCE: AnalysisRequest = { analysis: "coPresence", options: {} };
const WHAT_IF: AnalysisRequest = { analysis: "whatIf", remove: ["f"], withMembers: false, listLimit: 10 };

describe("analyses", () => {
  describe("#runAnalysis", () => {
    it("should answer over the graph its key names, and ask for the columns of any other", () => {
      const memo: { last?: AnalysisMemo } = {};
      expect(runAnalysis(memo, "version 1", null, CO_PRESENCE)).toBeNull();
      const result = coPresence(graph);
      const expected = { analysis: "coPresence", summary: coPresenceSummary(result), result };
      expect(runAnalysis(memo, "version 1", graph.columns, CO_PRESENCE)).toEqual(expected);
      // The same graph again needs no columns.
      expect(runAnalysis(memo, "version 1", null, CO_PRESENCE)).toEqual(expected);
      expect(runAnalysis(memo, "version 2", null, CO_PRESENCE)).toBeNull();
    });

    it("should keep the what-if index of the graph for the next removal, and drop it with the graph", () => {
      const memo: { last?: AnalysisMemo } = {};
      const answer = runAnalysis(memo, "version 1", graph.columns, WHAT_IF);
      expect(answer).toMatchObject({ analysis: "whatIf", result: whatIfRemove(whatIfIndex(graph), ["f"], { listLimit: 10 }) });
      const index = memo.last!.whatIf;
      expect(index).toBeDefined();
      runAnalysis(memo, "version 1", null, { ...WHAT_IF, remove: ["q"] });
      expect(memo.last!.whatIf).toBe(index);
      runAnalysis(memo, "version 2", graph.columns, CO_PRESENCE);
      expect(memo.last!.whatIf).toBeUndefined();
    });
  });
});
