/**
 * The search test set: what people type, and what they want. Each query names the node a person
 * typing it is after (by its id in data/), and how high it must come: first (`1`), or among the first
 * three (`3`) where the text is fairly shared by several nodes. Prints hit@1 and hit@3 over the whole set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApp } from "../../server/app.js";
import type { Database } from "../../server/db/database.js";
import { graphql as gql } from "../gql/index.js";
import { connectTestDb, graphql } from "../_helpers.js";

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await connectTestDb();
  app = createApp(db);
});

const SEARCH = gql(`query RankedSearch($text: String!) {
  search(text: $text, limit: 10) { score node { id name kind } }
}`);

type Case = [text: string, wanted: string, within: 1 | 3];

const ACRONYMS: Case[] = [
  ["ilo", "ilo", 1],
  ["ITUC", "ituc", 1],
  ["GFMD", "gfmd", 1],
  ["IDWF", "idwf", 1],
  ["PICUM", "picum", 1],
  ["mfa", "mfa", 1],
  ["IOM", "iom", 1],
  ["etuc", "etuc", 1],
  ["OHCHR", "ohchr", 1],
  ["WIEGO", "wiego", 1],
  ["J4DW", "j4dw", 1],
  ["afl-cio", "afl-cio", 1],
  ["AFL CIO", "afl-cio", 1],
  ["C189", "ilo-c189", 1],
  ["C143", "ilo-c143", 1],
  ["ICFTU APRO", "icftu-apro", 1],
  ["ICFTU", "icftu", 1],
  ["ITUC Africa", "ituc-africa", 1],
  ["UNDP", "undp", 1],
  ["SDGs", "sdgs", 1],
  ["DWA", "decent-work-agenda", 1],
  ["EU", "eu", 1],
  ["CARAM", "caram-asia", 1],
];

const FORUMS: Case[] = [
  ["GFMD Dhaka", "gfmd-2016-dhaka", 1],
  ["ILC 2011", "ilc-2011", 1],
  ["HLD 2006", "un-hld-2006", 1],
  ["GFMD 2012", "gfmd-2012-mauritius", 1],
  ["GFMD Mauritius", "gfmd-2012-mauritius", 1],
  ["GFMD 2008", "gfmd-2008", 1],
  ["ILC 2004", "ilc-2004", 1],
  ["International Labour Conference 2010", "ilc-2010", 1],
  ["PGA Mexico City", "pga-2010-mexico-city", 1],
  ["PGA 2010", "pga-2010-mexico-city", 1],
  ["WSFM 2012", "wsfm-2012", 1],
  ["World Social Forum on Migration 2012", "wsfm-2012", 1],
  ["High Level Dialogue 2006", "un-hld-2006", 1],
  ["UN HLD", "un-hld-2006", 1],
  ["GFMD 2024", "gfmd-2024", 3],
  ["ILC Geneva 2002", "ilc-2002", 1],
  ["90th ILC", "ilc-2002", 1],
  ["Abuja Forum", "abuja-forum-2023", 1],
];

const PLACES: Case[] = [
  ["Dhaka", "gfmd-2016-dhaka", 1],
  ["Mauritius", "gfmd-2012-mauritius", 3],
  ["Mexico City", "pga-2010-mexico-city", 1],
  ["Abuja", "abuja-forum-2023", 3],
  ["Kenya", "cotu-k", 3],
];

const OTHER_NAMES: Case[] = [
  ["International Labour Office", "ilo", 1],
  ["Global Coalition for Migration", "gcm", 1],
  ["Migrant Workers Convention", "icrmw", 1],
  ["Domestic Workers Convention", "ilo-c189", 1],
  ["COTU Kenya", "cotu-k", 1],
  ["UN Global Compact", "un-global-compact", 1],
  ["Via Campesina", "via-campesina", 1],
  ["La Via Campesina", "via-campesina", 1],
  ["People’s Global Action", "pga", 1],
  ["Peoples Global Action", "pga", 1],
  ["People's Global Action", "pga", 1],
  ["Decent Work Agenda", "decent-work-agenda", 1],
  ["Friedrich Ebert Stiftung", "fes", 1],
  ["ILO Multilateral Framework", "ilo-multilateral-framework", 1],
  ["Migrant Forum Asia", "mfa", 1],
  ["domestic workers federation", "idwf", 1],
  ["undocumented migrants", "irregular-migration", 3],
  ["Juan Somavia", "juan-samovia", 1],
  ["Marty Chen", "marty-chen", 1],
  ["UN Women", "un-women", 1],
  ["European Commission", "european-commission", 1],
  ["Return Directive", "eu-return-directive", 1],
  ["Ten Ways to Protect Undocumented Migrant Workers", "picum-ten-ways-2005", 1],
  ["Colombo Declaration", "colombo-declaration-2002", 1],
  ["kafala", "kafala-system", 1],
  ["xenophobia", "xenophobia", 1],
];

const SPELLINGS: Case[] = [
  ["International Labor Organization", "ilo", 1],
  ["International Labour Organisation", "ilo", 1],
  ["International Organisation for Migration", "iom", 1],
  ["World Commission on the Social Dimension of Globalization", "wcsdg", 1],
  ["labor migration", "labour-mobility", 3],
  ["Fair Globalization", "fair-globalisation", 1],
  ["ILO Decent Work Program", "decent-work-agenda", 1],
  ["Arab Migrant Resource Centre", "arab-migrant-resource-center", 1],
  ["Solidarity Centre", "solidarity-center", 1],
  ["regularization", "regularisation", 1],
  ["vía campesina", "via-campesina", 1],
];

const TYPOS: Case[] = [
  ["Via Campensina", "via-campesina", 1],
  ["Internatonal Domestic Workers Federation", "idwf", 1],
  ["Migrant Forun in Asia", "mfa", 1],
  ["PICUMM", "picum", 1],
  ["Oxfan", "oxfam", 1],
  ["ICRMW", "icrmw", 3],
  ["Intenational Trade Union Confederation", "ituc", 1],
  ["Global Forum on Migration and Developement", "gfmd", 1],
];

const SETS = {
  acronyms: ACRONYMS,
  "forum occurrences": FORUMS,
  places: PLACES,
  "other names": OTHER_NAMES,
  spellings: SPELLINGS,
  typos: TYPOS,
};
const ranks: { text: string; rank: number }[] = [];

afterAll(async () => {
  const total = ranks.length;
  const within = (n: number) => ranks.filter((r) => r.rank >= 1 && r.rank <= n).length;
  process.stdout.write(
    `[search set] ${total} queries: hit@1 ${within(1)}/${total} (${((100 * within(1)) / total).toFixed(1)}%), ` +
      `hit@3 ${within(3)}/${total} (${((100 * within(3)) / total).toFixed(1)}%)\n`,
  );
  await db.close();
});

describe("search test set", () => {
  it("should hold at least 60 queries", () => {
    expect(Object.values(SETS).flat().length).toBeGreaterThanOrEqual(60);
  });

  for (const [name, cases] of Object.entries(SETS)) {
    describe(name, () => {
      it.each(cases)("%s → %s (top %i)", async (text, wanted, within) => {
        const { data, errors } = await graphql(app, SEARCH, { text });
        expect(errors).toBeUndefined();
        const ids = data!.search.map((hit) => hit.node.id);
        const rank = ids.indexOf(wanted) + 1;
        ranks.push({ text, rank });
        expect(rank, `"${text}" gave ${ids.slice(0, 3).join(", ")}`).toBeGreaterThan(0);
        expect(rank, `"${text}" gave ${ids.slice(0, 3).join(", ")}`).toBeLessThanOrEqual(within);
      });
    });
  }

  it("should rank hits by relevance, highest first", async () => {
    const { data } = await graphql(app, SEARCH, { text: "GFMD 2023" });
    const scores = data!.search.map((hit) => hit.score);
    expect(scores.length).toBeGreaterThan(3);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
