import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { DATA_DIR } from "../../server/db/open.js";
import {
  buildFingerprint,
  checkOwnWords,
  decodeHashes,
  encodeHashes,
  FINGERPRINT_FILE,
  indexFingerprint,
  NameList,
  normaliseWords,
  sharedRuns,
} from "../../server/import/own-words.js";
import { readDataset } from "../../server/import/read-dataset.js";
import type { Dataset } from "../../server/import/schema.js";

const DOC =
  "Migrant rights organisations around the world and their regional networks formed the People’s Global Action on Migration, " +
  "Development and Human Rights[footnoteRef:11] in response to the state-led process and closed-door deliberations of the GFMD.";
const index = indexFingerprint(buildFingerprint([{ source: "doc", file: "000.txt", text: DOC }]));
const noNames = new NameList([]);

describe("own-words", () => {
  describe("#normaliseWords", () => {
    it("should ignore case, punctuation, apostrophe styles and accents, and read & as and", () => {
      expect(normaliseWords("People’s GLOBAL  action—on Migración & Development")).toEqual([
        "peoples",
        "global",
        "action",
        "on",
        "migracion",
        "and",
        "development",
      ]);
      expect(normaliseWords("People's global action")).toEqual(normaliseWords("peoples Global ACTION"));
    });
  });

  describe("#encodeHashes", () => {
    it("should round-trip sorted 40-bit values, dropping repeats", () => {
      const values = [2 ** 40 - 1, 0, 127, 128, 16384, 2 ** 39 + 12345, 128];
      expect([...decodeHashes(encodeHashes(values))]).toEqual([...new Set(values)].sort((a, b) => a - b));
    });
  });

  describe("#buildFingerprint", () => {
    it("should hold hashes only, never the document's words", () => {
      const fingerprint = buildFingerprint([{ source: "doc", file: "000.txt", text: DOC }]);
      expect(fingerprint.sources.doc.shingles).toBe(normaliseWords(DOC.replace("[footnoteRef:11]", "")).length - 6);
      expect(JSON.stringify(fingerprint)).not.toMatch(/deliberations|closed|regional/i);
    });

    it("should be refused when built with other parameters", () => {
      const fingerprint = { ...buildFingerprint([{ source: "doc", file: "000.txt", text: DOC }]), words: 8 };
      expect(() => indexFingerprint(fingerprint as never)).toThrowError(/data:fingerprint/);
    });
  });

  describe("#sharedRuns", () => {
    it("should find a copied run of seven words whatever its case and punctuation", () => {
      const runs = sharedRuns("They say: the STATE-LED process, and closed door deliberations of the forum.", index, noNames);
      expect(runs).toEqual([{ text: "the state led process and closed door deliberations of the", words: 10, sources: ["doc"] }]);
    });

    it("should read across the documents' footnote marks", () => {
      expect(sharedRuns("on Migration, Development and Human Rights in response to it", index, noNames)).toHaveLength(1);
    });

    it("should let six shared words pass", () => {
      expect(sharedRuns("formed in response to the state-led reforms", index, noNames)).toEqual([]);
    });

    it("should not count the words of a name or title, but count the rest", () => {
      const names = new NameList(["People's Global Action on Migration, Development and Human Rights"]);
      // 13 shared words, 11 of them the PGA's name: 2 are our own, so the run is allowed.
      expect(
        sharedRuns("networks formed the People's Global Action on Migration, Development and Human Rights today", index, names),
      ).toEqual([]);
      // The same name inside a longer copy still leaves 7 copied words.
      const copied =
        "their regional networks formed the People's Global Action on Migration, Development and Human Rights in response to the";
      expect(sharedRuns(copied, index, names)).toEqual([expect.objectContaining({ words: 9 })]);
    });
  });

  describe("#checkOwnWords", () => {
    const cite = (evidence: string) => [{ source: "doc", locator: "para 1", evidence }];
    const dataset: Dataset = {
      sources: [{ id: "doc", title: "A paper", authors: ["A. Author"], file: "000.txt", description: "Our summary." }],
      organisations: [
        {
          id: "pga",
          name: "PGA",
          type: "NETWORK",
          sector: "CIVIL_SOCIETY",
          scope: "GLOBAL",
          description: "A coalition.",
          citations: cite("Regional networks set it up as an answer to the GFMD."),
        },
      ],
      forums: [{ id: "gfmd-2012", name: "GFMD 2012", series: "GFMD", kind: "STATE_LED", citations: cite("A meeting.") }],
      campaigns: [],
      instruments: [],
      people: [],
      issues: [],
      relationships: [
        {
          type: "APPEARED_AT",
          source: "pga",
          target: "gfmd-2012",
          note: "the process and closed-door deliberations of the GFMD",
          citations: cite("Seen there."),
        },
      ],
      stories: [
        {
          type: "coalition-atlas/story",
          version: 1,
          id: "story",
          title: "A story",
          summary: "Short.",
          steps: [
            {
              title: "Step",
              body: "It answered the state-led process and closed-door deliberations.",
              focus: ["pga"],
              citations: cite("Says so."),
            },
          ],
        },
      ],
    };

    it("should name the file, record and field of each copy, with the run and its document", () => {
      const problems = checkOwnWords(dataset, index, (id) => `stories/01-${id}.json`);
      expect(problems).toEqual([
        {
          file: "relationships.json",
          record: "#0 (appeared_at:pga:gfmd-2012)",
          field: "note",
          message: 'shares 8 words with doc: "process and closed door deliberations of the gfmd"; rewrite it in our own words',
        },
        {
          file: "stories/01-story.json",
          record: "story",
          field: "steps.0.body",
          message: 'shares 8 words with doc: "the state led process and closed door deliberations"; rewrite it in our own words',
        },
      ]);
    });

    it("should pass the bundled data against its committed fingerprint", () => {
      const fingerprint = indexFingerprint(JSON.parse(readFileSync(join(DATA_DIR, FINGERPRINT_FILE), "utf8")));
      expect([...fingerprint.keys()].sort()).toEqual(
        readDataset(DATA_DIR)
          .sources.map((s) => s.id)
          .sort(),
      );
      expect(checkOwnWords(readDataset(DATA_DIR), fingerprint)).toEqual([]);
    });
  });
});
