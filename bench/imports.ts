/**
 * `npx tsx bench/imports.ts [nodes] [ties] [rows]`: how long a large import takes to preview (parse,
 * map, validate, match) and to apply (one transaction through the write layer), and the apply's
 * throughput in relationships per second, with the load average.
 *
 * First, the 50,000-row preview time (issue 11): a connections CSV of `rows` rows (default 50,000;
 * From, To, Type, Since) among the bundled organisations, by name, previewed by an editor: parsed,
 * mapped, validated and matched, each distinct name against the atlas. Then a GEXF of `nodes` invented
 * organisations and `ties` MEMBER_OF/PARTNERS_WITH ties among them is imported by an editor into a
 * bench store (bench/.stores/imports/) holding the bundled data, after a warm-up import a tenth its
 * size (so the timed one runs with planned queries, as on a running server). Logged only, with the
 * apply's Node-side time (event-loop busy: planning, validation, JSON, driver encoding) apart from
 * the time spent waiting on Neo4j, and with `BENCH_PROFILE=1` the functions the timed apply spent
 * its Node time in (a CPU profile through node:inspector).
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";

import { stringify } from "csv-stringify/sync";
import { MultiDirectedGraph } from "graphology";
import { write as writeGexf } from "graphology-gexf";

import type { Viewer } from "../server/auth/viewer.js";
import type { Database } from "../server/db/database.js";
import { DATA_DIR } from "../server/db/open.js";
import { applyImport, previewImport } from "../server/imports/preview.js";
import { readDataset } from "../server/import/read-dataset.js";
import { profiled } from "./cpu-profile.js";
import { openBenchStore } from "./store.js";

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);
const nodes = Number(process.argv[2] ?? 2000);
const ties = Number(process.argv[3] ?? 10_000);
const previewRows = Number(process.argv[4] ?? 50_000);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** A made-up name per index, so names are distinct and unlike the bundled ones. */
const WORDS = ["Harbour", "Valley", "Coastal", "Delta", "Upland", "Lagoon", "Prairie", "Summit", "Island", "Canyon"];
const nameOf = (i: number, prefix = "") => `${prefix}${WORDS[i % 10]} ${WORDS[Math.floor(i / 10) % 10]} Workers Guild ${i}`;

function gexfFile(nodes: number, ties: number, prefix = ""): string {
  const graph = new MultiDirectedGraph();
  for (let i = 0; i < nodes; i++)
    graph.addNode(`n${i}`, { label: nameOf(i, prefix), kind: "ORGANISATION", org_type: "TRADE_UNION", sector: "LABOUR", scope: "LOCAL" });
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const seen = new Set<string>();
  while (seen.size < ties) {
    const a = Math.floor(random() * nodes);
    const b = Math.floor(random() * nodes);
    const type = random() < 0.5 ? "MEMBER_OF" : "PARTNERS_WITH";
    const key = `${type}:${a}:${b}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    graph.addEdge(`n${a}`, `n${b}`, { label: type, kind: type });
  }
  return writeGexf(graph, { version: "1.3" });
}

/** A connections CSV of `rows` seeded random ties between the named organisations (no self-ties). */
function connectionsCsv(names: string[], rows: number): string {
  let seed = 11;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const records: (string | number)[][] = [];
  while (records.length < rows) {
    const a = Math.floor(random() * names.length);
    const b = Math.floor(random() * names.length);
    if (a === b) continue;
    records.push([names[a], names[b], random() < 0.5 ? "Member of" : "Partners with", 1990 + Math.floor(random() * 35)]);
  }
  return stringify(records, { header: true, columns: ["From", "To", "Type", "Since"] });
}

/** Time spent in each named query, to show where an import's time goes (Neo4j or Node). */
const queryMs = new Map<string, number>();
function timed(db: Database): Database {
  const time = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      queryMs.set(name, (queryMs.get(name) ?? 0) + performance.now() - started);
    }
  };
  return {
    ...db,
    read: (query, ...params) => time(query.name, () => db.read(query, ...params)),
    write: (query, ...params) => time(query.name, () => db.write(query, ...params)),
    // The whole transaction too: its commit is time no query shows.
    writeTransaction: (work) =>
      time("(transaction)", () => db.writeTransaction((run) => work((query, ...params) => time(query.name, () => run(query, ...params))))),
  } as Database;
}

function logQueries(phase: string): void {
  const top = [...queryMs].sort((a, b) => b[1] - a[1]).slice(0, 8);
  log(`${phase} queries: ${top.map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(", ") || "none"}`);
  queryMs.clear();
}

const dataset = readDataset(DATA_DIR);
const store = await openBenchStore("imports", dataset, log);
try {
  const editor: Viewer = { userId: "bench-editor", username: "bench-editor", role: "editor" };
  const db = timed(store.db);

  if (previewRows > 0) {
    const csv = Buffer.from(
      connectionsCsv(
        dataset.organisations.map((o) => o.name),
        previewRows,
      ),
    );
    log(
      `connections CSV of ${previewRows} rows among ${dataset.organisations.length} bundled organisations: ${(csv.length / 1e6).toFixed(1)} MB; load ${load()}`,
    );
    // Twice: the first on a store just opened (queries not yet planned), the second as on a running server.
    for (const run of ["cold", "warm"]) {
      const steps: string[] = [];
      const started = performance.now();
      const preview = await previewImport(
        db,
        editor,
        {
          file: "connections.csv",
          format: "CSV",
          content: csv,
          source: { title: `Import bench preview ${Date.now()}`, url: "https://example.org/import-bench" },
        },
        (step) => {
          if (steps.at(-1) !== step) steps.push(`${step} ${(performance.now() - started).toFixed(0)} ms`);
        },
      );
      const ms = performance.now() - started;
      const byStatus = new Map<string, number>();
      for (const item of preview.items) byStatus.set(item.status, (byStatus.get(item.status) ?? 0) + 1);
      log(
        `${previewRows}-row preview (${run}): ${ms.toFixed(0)} ms (validated, matched, previewed: ${preview.connectionCount} connections, ${preview.problems.length} problems, ${preview.items.length} names matched: ${[...byStatus].map(([s, n]) => `${n} ${s}`).join(", ")}; steps: ${steps.join(", ")}); load ${load()}`,
      );
      logQueries(`${previewRows}-row preview (${run})`);
    }
  }

  /** Previews and applies one file; returns the times. */
  const importOnce = async (content: Buffer, ties: number, label: string) => {
    let started = performance.now();
    const preview = await previewImport(db, editor, {
      file: `${label}.gexf`,
      format: "GEXF",
      content,
      source: { title: `Import bench ${label} ${Date.now()}`, url: "https://example.org/import-bench" },
    });
    const previewMs = performance.now() - started;
    log(
      `${label} preview: ${previewMs.toFixed(0)} ms (${preview.problems.length} problems, ${preview.items.length} items); load ${load()}`,
    );
    logQueries(`${label} preview`);
    started = performance.now();
    const busy = performance.eventLoopUtilization();
    const outcome = await profiled(label, log, () =>
      applyImport(db, editor, { previewId: preview.id, acceptAllConfident: true, skipInvalidRows: true }),
    );
    const applyMs = performance.now() - started;
    // The inspector session keeps the event loop busy, so under the profiler its "(idle)" line says it instead.
    const nodeMs = process.env.BENCH_PROFILE ? "see the profile" : `${performance.eventLoopUtilization(busy).active.toFixed(0)} ms`;
    const written = outcome.status === "APPLIED" ? outcome.change.recordIds.length : 0;
    log(
      `${label} apply: ${applyMs.toFixed(0)} ms for ${written} records (Node busy ${nodeMs}, waiting on Neo4j the rest), ${((ties / applyMs) * 1000).toFixed(0)} relationships/s; load ${load()}`,
    );
    logQueries(`${label} apply`);
  };
  // `ties` 0: the preview figure alone.
  if (ties > 0) {
    // A warm-up import first: a running server has its queries planned and compiled, and so should the bench.
    const warmNodes = Math.max(50, Math.round(nodes / 10));
    const warmTies = Math.max(100, Math.round(ties / 10));
    // Leaves the store as it was (the warm-up's names would otherwise be ambiguous matches of the timed ones).
    const removeImported = () =>
      store.db.driver.executeQuery("MATCH (n:Entity) WHERE n.origin = 'user' DETACH DELETE n", {}, { database: store.db.database });
    await removeImported(); // what a run that failed half-way left
    await importOnce(Buffer.from(gexfFile(warmNodes, warmTies, "Warm ")), warmTies, "warm-up");
    await removeImported();
    const content = Buffer.from(gexfFile(nodes, ties));
    log(`GEXF of ${nodes} nodes and ${ties} ties: ${(content.length / 1e6).toFixed(1)} MB; load ${load()}`);
    await importOnce(content, ties, "timed");
    await removeImported();
  }
} finally {
  await store.close();
}
