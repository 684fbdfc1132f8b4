/**
 * The what-if step of the story format (core/story.ts): a step may ask what the network loses
 * without some bodies; the ids it removes are checked like every other id of a story.
 */
import { describe, expect, it } from "vitest";

import { checkStoryIds, validateStory } from "../../core/story.js";

const story = (whatIf: unknown) => ({
  type: "coalition-atlas/story",
  version: 1,
  id: "brokers",
  title: "Brokers",
  summary: "What a broker holds together.",
  steps: [
    {
      title: "Without the hub",
      body: "Take the hub away and see who is cut off.",
      focus: ["hub"],
      whatIf,
      citations: [{ source: "doc", locator: "p. 1", evidence: "The hub links the others." }],
    },
  ],
});
const known = { nodes: new Set(["hub", "spoke"]), sources: new Set(["doc"]) };

describe("story what-if steps", () => {
  describe("#validateStory", () => {
    it("should keep a step's what-if with its ids and members flag", () => {
      const parsed = validateStory(story({ remove: ["hub"], withMembers: true }), known);
      expect(parsed.type).toBe("ok");
      if (parsed.type === "ok") expect(parsed.story.steps[0].whatIf).toEqual({ remove: ["hub"], withMembers: true });
    });

    it("should refuse an empty removal or an unknown key, naming the field", () => {
      const empty = validateStory(story({ remove: [] }), known);
      expect(empty.type === "invalid" && empty.problems.map((p) => p.path)).toContain("steps.0.whatIf.remove");
      const extra = validateStory(story({ remove: ["hub"], keep: ["spoke"] }), known);
      expect(extra.type).toBe("invalid");
    });
  });

  describe("#checkStoryIds", () => {
    it("should report a removed id that is not a node", () => {
      const parsed = validateStory(story({ remove: ["hub", "nowhere"] }));
      expect(parsed.type).toBe("ok");
      if (parsed.type !== "ok") return;
      expect(checkStoryIds(parsed.story, known)).toEqual([{ path: "steps.0.whatIf.remove.1", message: "unknown node id 'nowhere'" }]);
    });
  });
});
