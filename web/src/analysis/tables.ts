/**
 * An analysis answer as plain tables, for export: the summary (CSV: the question, what it was asked
 * with, the sentence) and every list behind it (XLSX, one sheet per table). Pure apart from
 * `tablesXLSX`, which loads exceljs only when a person asks for a workbook (it stays out of the
 * first frame).
 */
import type { BrokerageAnswer, BrokeragePartition, CoPresenceAnswer, WhatIfAnswer, YearChangeAnswer } from "../api";
import { toCSV } from "../graph/export";

/** One answer of the panel, with what it was asked with. */
export type Answer =
  | { analysis: "brokerage"; value: BrokerageAnswer; partition: BrokeragePartition }
  | { analysis: "diff"; value: YearChangeAnswer; from: number; to: number }
  | { analysis: "coPresence"; value: CoPresenceAnswer; from: number | null; to: number | null; minShared: number }
  | { analysis: "whatIf"; value: WhatIfAnswer; remove: string[]; withMembers: boolean };

type Cell = string | number | null;
export interface Table {
  /** Sheet name: at most 31 characters, none of \ / ? * [ ] : (Excel's rules). */
  name: string;
  columns: string[];
  rows: Cell[][];
}

export const ANALYSIS_TITLES: Record<Answer["analysis"], string> = {
  brokerage: "Brokers between groups",
  diff: "Change between two years",
  coPresence: "Who shared a room",
  whatIf: "What if an organisation left",
};

/** What the question was asked with, in words (the CSV's second column, the workbook's first sheet). */
export function askedWith(answer: Answer): string {
  switch (answer.analysis) {
    case "brokerage":
      return `groups by ${answer.partition.toLowerCase()}`;
    case "diff":
      return `from ${answer.from} to ${answer.to}`;
    case "coPresence":
      return `from ${answer.from ?? "the first year"} to ${answer.to ?? "the last year"}, at least ${answer.minShared} shared`;
    case "whatIf":
      return `remove ${answer.remove.join(", ")}${answer.withMembers ? " with its members" : ""}`;
  }
}

/** The summary as CSV: one header row and one row (analysis, asked with, summary). */
export function summaryCSV(answer: Answer, filter: string): string {
  return toCSV(
    [answer],
    [
      { header: "analysis", value: (a) => ANALYSIS_TITLES[a.analysis] },
      { header: "asked with", value: askedWith },
      { header: "filters", value: () => filter },
      { header: "summary", value: (a) => a.value.summary },
    ],
  );
}

const citationText = (c: { source: { title: string }; locator: string; evidence: string }) =>
  `${c.source.title}, ${c.locator}: ${c.evidence}`;
const datingCells = (d: YearChangeAnswer["appeared"][number]["datedBy"]): Cell[] => [
  d.year,
  d.recordKind === "RELATIONSHIP" ? "relationship" : "node",
  d.recordId,
  d.citations.map(citationText).join(" | ") || null,
];
const DATING_COLUMNS = ["year", "dated by", "dating record", "citation"];

/** Every table behind an answer, in the order the panel shows them. */
export function answerTables(answer: Answer, label: (id: string) => string): Table[] {
  switch (answer.analysis) {
    case "brokerage": {
      const roles = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"] as const;
      return [
        {
          name: "Brokers",
          columns: ["id", "organisation", "group", "total", ...roles],
          rows: answer.value.nodes.map((n) => [n.id, n.label, n.group, n.total, ...roles.map((r) => n.raw[r])]),
        },
        { name: "Roles", columns: ["role", "explanation"], rows: answer.value.roles.map((r) => [r.name, r.explanation]) },
      ];
    }
    case "diff": {
      const nodes = (list: YearChangeAnswer["appeared"]) => list.map((n) => [n.id, n.label, ...datingCells(n.datedBy)]);
      const ties = (list: YearChangeAnswer["tiesAppeared"]) =>
        list.map((t) => [t.id, t.type, label(t.source), label(t.target), t.role ?? null, ...datingCells(t.datedBy)]);
      const nodeColumns = ["id", "name", ...DATING_COLUMNS];
      const tieColumns = ["id", "type", "from", "to", "role", ...DATING_COLUMNS];
      return [
        { name: "Appeared", columns: nodeColumns, rows: nodes(answer.value.appeared) },
        { name: "Gone", columns: nodeColumns, rows: nodes(answer.value.gone) },
        { name: "Ties appeared", columns: tieColumns, rows: ties(answer.value.tiesAppeared) },
        { name: "Ties ended", columns: tieColumns, rows: ties(answer.value.tiesEnded) },
        {
          name: "Coalitions",
          columns: ["id", "coalition", "joined", "left"],
          rows: answer.value.coalitions.map((c) => [
            c.id,
            c.label,
            c.joined.map((t) => label(t.source)).join("; "),
            c.left.map((t) => label(t.source)).join("; "),
          ]),
        },
      ];
    }
    case "coPresence": {
      const occurrence = new Map(answer.value.occurrences.map((o) => [o.id, o.label]));
      return [
        {
          name: "Ties",
          columns: ["source", "source name", "target", "target name", "shared", "occurrences"],
          rows: answer.value.ties.map((t) => [
            t.source,
            t.sourceLabel,
            t.target,
            t.targetLabel,
            t.weight,
            t.occurrences.map((id) => occurrence.get(id) ?? id).join("; "),
          ]),
        },
      ];
    }
    case "whatIf": {
      const v = answer.value;
      return [
        {
          name: "Figures",
          columns: ["figure", "before", "after"],
          rows: [
            ["separate parts", v.components.before, v.components.after],
            ["average reach", v.averageReach.before, v.averageReach.after],
            ["union–NGO pairs connected", v.unionNgoPairs.connectedBefore, v.unionNgoPairs.connectedBefore - v.unionNgoPairs.disconnected],
            ["union–NGO pairs with a longer or no route", null, v.unionNgoPairs.lost],
          ],
        },
        { name: "Removed", columns: ["id", "name"], rows: v.removed.map((n) => [n.id, n.label]) },
        { name: "Cut off", columns: ["id", "name"], rows: v.cutOff.map((n) => [n.id, n.label]) },
      ];
    }
  }
}

/** The summary and every table as an XLSX workbook (exceljs, loaded on demand). */
export async function tablesXLSX(answer: Answer, filter: string, label: (id: string) => string): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  book.creator = "Coalition Atlas";
  const summary = book.addWorksheet("Summary");
  summary.addRows([
    ["analysis", ANALYSIS_TITLES[answer.analysis]],
    ["asked with", askedWith(answer)],
    ["filters", filter],
    ["summary", answer.value.summary],
  ]);
  for (const table of answerTables(answer, label)) {
    const sheet = book.addWorksheet(table.name);
    sheet.addRow(table.columns).font = { bold: true };
    sheet.addRows(table.rows);
  }
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}
