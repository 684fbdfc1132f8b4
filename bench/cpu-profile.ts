/**
 * With BENCH_PROFILE=1, a bench's phase runs under the V8 profiler (node:inspector) and the
 * functions it spent most time in are logged: self time, and total time with callees (each sample
 * counted once per distinct function on its stack). Without it, the phase just runs.
 */
import { Session } from "node:inspector/promises";

export async function profiled<T>(label: string, log: (line: string) => void, work: () => Promise<T>): Promise<T> {
  if (!process.env.BENCH_PROFILE) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    session.disconnect();
    const interval = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples?.length ?? 1);
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const nameOf = (id: number) => {
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
      return `${functionName || "(anonymous)"} ${url.replace(/^.*\//, "")}:${lineNumber + 1}`;
    };
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    for (const node of profile.nodes) {
      const ms = (node.hitCount ?? 0) * interval;
      if (!ms) continue;
      self.set(nameOf(node.id), (self.get(nameOf(node.id)) ?? 0) + ms);
      const seen = new Set<string>();
      for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) seen.add(nameOf(id));
      for (const name of seen) total.set(name, (total.get(name) ?? 0) + ms);
    }
    const top = (map: Map<string, number>, n: number) =>
      [...map]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([f, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${f}`)
        .join("\n");
    log(`${label}: CPU profile, self time:\n${top(self, 30)}`);
    log(`${label}: … total time (with callees):\n${top(total, 60)}`);
  }
}
