/**
 * Seeded synthetic coalition graphs for benchmarks: organisations with a type/sector mix like the
 * bundled data's, networks and federations with members (a few large, many small), campaigns,
 * forums across 2002–2024, instruments and issues, every record cited from a synthetic source.
 * The output is a `Dataset`, so it goes through the same `toGraphRows` and load queries as data/.
 */
import { mulberry32 } from "../server/analytics/random.js";
import type { Dataset, OrganisationRecord, RelationshipRecord } from "../server/import/schema.js";

export interface GeneratorOptions {
  organisations: number;
  seed: number;
}

/** [type, sector, weight]: weights follow the bundled data, with more grassroots bodies. */
const ORGANISATION_MIX = [
  ["UNION_CONFEDERATION", "LABOUR", 14],
  ["TRADE_UNION", "LABOUR", 16],
  ["GLOBAL_UNION_FEDERATION", "LABOUR", 1],
  ["NETWORK", "LABOUR", 2],
  ["NGO", "LABOUR", 4],
  ["NGO", "CIVIL_SOCIETY", 18],
  ["MIGRANT_ORGANISATION", "CIVIL_SOCIETY", 16],
  ["NETWORK", "CIVIL_SOCIETY", 6],
  ["SOCIAL_MOVEMENT", "CIVIL_SOCIETY", 3],
  ["FAITH_BASED", "CIVIL_SOCIETY", 4],
  ["RESEARCH", "ACADEMIA", 5],
  ["FOUNDATION", "DONOR", 2],
  ["GOVERNMENT", "STATE", 6],
  ["INTERGOVERNMENTAL", "INTERGOVERNMENTAL", 2],
  ["EMPLOYERS", "BUSINESS", 1],
] as const;

const COUNTRIES = [
  "PH",
  "ID",
  "NP",
  "BD",
  "IN",
  "LK",
  "MY",
  "HK",
  "KE",
  "NG",
  "GH",
  "ZA",
  "MX",
  "US",
  "BR",
  "GB",
  "FR",
  "DE",
  "BE",
  "LB",
  "JO",
  "QA",
  "AE",
  "SA",
];
const WORDS = [
  "Migrant",
  "Workers",
  "Domestic",
  "Solidarity",
  "Rights",
  "Labour",
  "Justice",
  "Alliance",
  "Forum",
  "Centre",
  "Union",
  "Federation",
  "Council",
  "Action",
  "Women",
  "Youth",
  "Farmers",
  "Seafarers",
  "Care",
  "Builders",
];
const ISSUES = [
  "decent work",
  "domestic work",
  "fair recruitment",
  "social protection",
  "regularisation",
  "climate mobility",
  "trafficking",
  "remittances",
  "health",
  "gender",
  "organising",
  "return and reintegration",
  "detention",
  "children",
  "wage theft",
  "housing",
  "xenophobia",
  "labour inspection",
  "skills",
  "portability",
];

function pickWeighted<T extends readonly [string, string, number]>(rng: () => number, table: readonly T[]): T {
  const total = table.reduce((sum, row) => sum + row[2], 0);
  let r = rng() * total;
  for (const row of table) if ((r -= row[2]) < 0) return row;
  return table[table.length - 1];
}

/** Zipf-like index in [0, n): a few hubs, a long tail. */
const zipf = (rng: () => number, n: number, s = 1.1) => Math.min(n - 1, Math.floor(n * Math.pow(rng(), 1 + s)));

const pad = (i: number) => String(i).padStart(6, "0");
const cite = (rng: () => number, what: string) => [
  {
    source: `synthetic-${1 + Math.floor(rng() * 3)}`,
    locator: `Table ${1 + Math.floor(rng() * 40)}`,
    evidence: `Synthetic record: ${what}.`,
  },
];

export function generateDataset({ organisations: count, seed }: GeneratorOptions): Dataset {
  const rng = mulberry32(seed);
  const name = () => Array.from({ length: 3 }, () => WORDS[Math.floor(rng() * WORDS.length)]).join(" ");
  const year = (from: number, to: number) => from + Math.floor(rng() * (to - from + 1));

  const sources = [1, 2, 3].map((i) => ({
    id: `synthetic-${i}`,
    title: `Synthetic source ${i}`,
    authors: ["Bench generator"],
    year: 2024,
    file: `synthetic-${i}.txt`,
    description: "Generated for benchmarks; not a real document.",
  }));
  const issues = ISSUES.flatMap((label, i) =>
    [0, 1].map((v) => ({ id: `issue-${i}-${v}`, name: v ? `${label} (regional)` : label, citations: cite(rng, "issue") })),
  );
  const instruments = Array.from({ length: 30 }, (_, i) => ({
    id: `instrument-${i}`,
    name: `Convention on ${ISSUES[i % ISSUES.length]} ${i}`,
    shortName: `C${200 + i}`,
    kind: "CONVENTION" as const,
    adopted: year(1990, 2023),
    citations: cite(rng, "instrument"),
  }));
  const forums = Array.from({ length: Math.max(50, Math.round(count / 100)) }, (_, i) => ({
    id: `forum-${pad(i)}`,
    name: `${["Global Forum", "Peoples' Assembly", "Regional Consultation", "Labour Conference"][i % 4]} ${2002 + (i % 23)} #${i}`,
    series: (["GFMD", "PGA", "REGIONAL_CONSULTATION", "ILC"] as const)[i % 4],
    kind: (["STATE_LED", "CIVIL_SOCIETY", "CONSULTATION", "ILO"] as const)[i % 4],
    year: 2002 + (i % 23),
    country: COUNTRIES[i % COUNTRIES.length],
    citations: cite(rng, "forum"),
  }));
  const campaigns = Array.from({ length: Math.max(20, Math.round(count / 50)) }, (_, i) => {
    const start = year(2002, 2022);
    return {
      id: `campaign-${pad(i)}`,
      name: `Campaign for ${ISSUES[i % ISSUES.length]} ${i}`,
      start,
      end: rng() < 0.6 ? Math.min(2024, start + year(1, 6)) : undefined,
      citations: cite(rng, "campaign"),
    };
  });

  const orgs: OrganisationRecord[] = Array.from({ length: count }, (_, i) => {
    const [type, sector] = pickWeighted(rng, ORGANISATION_MIX);
    const full = `${name()} ${i}`;
    const founded = rng() < 0.7 ? year(1950, 2024) : undefined;
    return {
      id: `org-${pad(i)}`,
      name: full,
      acronym:
        full
          .split(" ")
          .map((w) => w[0])
          .join("") + i,
      aliases: [],
      type,
      sector,
      scope: (["LOCAL", "NATIONAL", "REGIONAL", "GLOBAL"] as const)[
        type === "NETWORK" || type === "GLOBAL_UNION_FEDERATION" ? 2 + Math.floor(rng() * 2) : Math.floor(rng() * 3)
      ],
      country: COUNTRIES[Math.floor(rng() * COUNTRIES.length)],
      founded,
      citations: cite(rng, "organisation"),
    };
  });

  const relationships: RelationshipRecord[] = [];
  const seen = new Set<string>();
  const link = (type: string, source: string, target: string, extra: Partial<RelationshipRecord> = {}) => {
    const key = `${type}:${source}:${target}:${extra.role ?? ""}`;
    if (source === target || seen.has(key)) return;
    seen.add(key);
    relationships.push({ type, source, target, citations: cite(rng, type.toLowerCase()), ...extra });
  };

  // Coalitions: networks, federations and confederations; everyone else joins one or two of them,
  // big coalitions drawing most members, and about a third of coalitions join a bigger one.
  const coalitions = orgs.filter((o) => ["NETWORK", "GLOBAL_UNION_FEDERATION", "UNION_CONFEDERATION"].includes(o.type));
  const labourCoalitions = coalitions.filter((o) => o.sector === "LABOUR");
  const civilCoalitions = coalitions.filter((o) => o.sector !== "LABOUR");
  for (const org of orgs) {
    const pool = org.sector === "LABOUR" ? labourCoalitions : civilCoalitions;
    const isCoalition = coalitions.includes(org);
    if (isCoalition && rng() > 0.35) continue;
    const memberships = isCoalition ? 1 : 1 + Math.floor(rng() * 2);
    for (let m = 0; m < memberships && pool.length; m++) {
      const target = pool[zipf(rng, pool.length)];
      link("MEMBER_OF", org.id, target.id, {
        role: rng() < 0.2 ? "AFFILIATE" : "MEMBER",
        since: rng() < 0.5 ? year(Math.max(1950, org.founded ?? 1950), 2024) : undefined,
      });
    }
  }
  for (const org of orgs) {
    for (let k = 1 + Math.floor(rng() * 3); k > 0; k--) link("WORKS_ON", org.id, issues[zipf(rng, issues.length)].id);
    for (let k = Math.floor(rng() * 4); k > 0; k--) {
      const forum = forums[zipf(rng, forums.length, 0.6)];
      link("APPEARED_AT", org.id, forum.id, { role: rng() < 0.1 ? "ORGANISER" : "PARTICIPANT", year: forum.year });
    }
    if (rng() < 0.4)
      link("CAMPAIGNED_IN", org.id, campaigns[zipf(rng, campaigns.length, 0.5)].id, { role: rng() < 0.1 ? "LEAD" : "PARTICIPANT" });
    if (rng() < 0.3)
      link("PARTNERS_WITH", org.id, orgs[Math.floor(rng() * orgs.length)].id, {
        role: "PARTNER",
        since: rng() < 0.5 ? year(2000, 2024) : undefined,
      });
    if (rng() < 0.15) link("ADVOCATES", org.id, instruments[zipf(rng, instruments.length)].id);
    if (org.sector === "DONOR")
      for (let k = 3; k > 0; k--) link("SUPPORTS", org.id, orgs[Math.floor(rng() * orgs.length)].id, { role: "FUNDER" });
    if (org.type === "GOVERNMENT" && rng() < 0.5) link("RATIFIED", org.id, instruments[Math.floor(rng() * instruments.length)].id);
  }
  for (const campaign of campaigns) {
    link("TARGETS", campaign.id, instruments[Math.floor(rng() * instruments.length)].id);
    link("WORKS_ON", campaign.id, issues[Math.floor(rng() * issues.length)].id);
  }

  return { sources, organisations: orgs, forums, campaigns, instruments, people: [], issues, relationships, stories: [] };
}
