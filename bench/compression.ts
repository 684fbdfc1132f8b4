/**
 * `npm run bench:compression`: bytes on the wire of the explorer's opening `networkCompact` (the
 * query index.html's boot script sends) without compression, with gzip and with brotli, and the
 * time to the last byte of each, at the bundled dataset's size and at generated sizes; plus the
 * size of a 304 revalidation. Real HTTP (node:http against the app on a local port), so the bytes
 * are what a browser would download. The machine's load average is recorded with the figures.
 * Writes bench/results/compression.{json,md}.
 *
 *   npm run bench:compression              # bundled and 10k
 *   npm run bench:compression -- bundled   # one size
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import type { Server } from "node:http";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";

import { createApp } from "../server/app.js";
import { DATA_DIR } from "../server/db/open.js";
import type { Dataset } from "../server/import/schema.js";
import { readDataset } from "../server/import/read-dataset.js";
import { NETWORK_QUERY } from "../web/src/api/network-query.js";
import { generateDataset } from "./generate.js";
import { openBenchStore } from "./store.js";

const RESULTS_DIR = new URL("./results/", import.meta.url);
const SIZES: Record<string, () => Dataset> = {
  bundled: () => readDataset(DATA_DIR),
  "10k": () => generateDataset({ organisations: 10_000, seed: 2024 }),
};
const ENCODINGS = ["identity", "gzip", "br"] as const;
const RUNS = 7;

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);
const round = (x: number) => Math.round(x * 10) / 10;
const loadAverage = () => loadavg().map((x) => round(x));

interface Answer {
  status: number;
  bytes: number;
  encoding: string;
  etag?: string;
  ms: number;
}

function fetchOpening(port: number, headers: Record<string, string>): Promise<Answer> {
  const body = JSON.stringify({ query: NETWORK_QUERY });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/graphql",
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...headers },
      },
      (res) => {
        let bytes = 0;
        res.on("data", (part: Buffer) => (bytes += part.length));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            bytes,
            encoding: String(res.headers["content-encoding"] ?? "identity"),
            etag: res.headers.etag,
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Row {
  size: string;
  nodes: number;
  encoding: string;
  bytes: number;
  ratio: number;
  medianMs: number;
  load: number[];
}

async function benchSize(label: string): Promise<{ rows: Row[]; notModifiedBytes: number }> {
  const data = SIZES[label]();
  const store = await openBenchStore(`compression-${label}`, data, log);
  const server: Server = createApp(store.db).createServer();
  try {
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const port = (server.address() as { port: number }).port;
    // Fills the read-model and result caches, so what follows measures serving, not computing.
    const first = await fetchOpening(port, { "accept-encoding": "identity" });
    if (first.status !== 200) throw new Error(`the opening query answered ${first.status}`);
    const rows: Row[] = [];
    let plain = 0;
    for (const encoding of ENCODINGS) {
      const answers: Answer[] = [];
      for (let i = 0; i < RUNS; i++) answers.push(await fetchOpening(port, { "accept-encoding": encoding }));
      if (answers[0].encoding !== encoding) throw new Error(`asked for ${encoding}, got ${answers[0].encoding}`);
      if (encoding === "identity") plain = answers[0].bytes;
      const row = {
        size: label,
        nodes: data.organisations.length,
        encoding,
        bytes: answers[0].bytes,
        ratio: round((answers[0].bytes / plain) * 1000) / 1000,
        medianMs: round(median(answers.map((a) => a.ms))),
        load: loadAverage(),
      };
      log(`${label} ${encoding}: ${row.bytes} bytes (${row.ratio}), median ${row.medianMs} ms, load ${row.load.join(" ")}`);
      rows.push(row);
    }
    const revalidated = await fetchOpening(port, { "accept-encoding": "br", "if-none-match": String(first.etag) });
    if (revalidated.status !== 304) throw new Error(`revalidation answered ${revalidated.status}, not 304`);
    return { rows, notModifiedBytes: revalidated.bytes };
  } finally {
    server.closeAllConnections();
    server.close();
    await store.close();
  }
}

const sizes = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const results: { size: string; rows: Row[]; notModifiedBytes: number }[] = [];
for (const label of sizes.length ? sizes : Object.keys(SIZES)) {
  if (!SIZES[label]) throw new Error(`Unknown size '${label}' (use ${Object.keys(SIZES).join(", ")})`);
  results.push({ size: label, ...(await benchSize(label)) });
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const lines = [
  "# Compression of the opening `networkCompact`",
  "",
  `Measured ${new Date().toISOString()} by \`npm run bench:compression\`: the boot script's query over real HTTP,`,
  `caches warm, ${RUNS} runs per encoding (brotli at the middleware's quality 4). Time is to the last byte on loopback.`,
  "",
  "| size | organisations | encoding | bytes | of plain | median ms | load (1/5/15 min) |",
  "|---|---:|---|---:|---:|---:|---|",
  ...results.flatMap((r) =>
    r.rows.map(
      (row) =>
        `| ${row.size} | ${row.nodes} | ${row.encoding} | ${row.bytes} (${kib(row.bytes)}) | ${(row.ratio * 100).toFixed(1)} % | ${row.medianMs} | ${row.load.join(" / ")} |`,
    ),
  ),
  "",
  ...results.map((r) => `A repeat with \`If-None-Match\` at ${r.size}: 304 with ${r.notModifiedBytes} body bytes.`),
  "",
];
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(new URL("compression.json", RESULTS_DIR), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(new URL("compression.md", RESULTS_DIR), `${lines.join("\n")}\n`);
log("wrote bench/results/compression.{json,md}");
