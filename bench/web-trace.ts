/**
 * Reads a Chromium performance trace (devtools.timeline categories) and measures, per frame of the
 * page's main thread: JavaScript time (V8 running our code: event handlers, rAF callbacks, timers,
 * microtasks), main-thread busy time (every task, including style, paint and WebGL command
 * submission), and wall time between frames. Frames are delimited by BeginMainThreadFrame.
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export interface Distribution {
  p50: number;
  p95: number;
  max: number;
  mean: number;
  n: number;
}

export interface FrameStats {
  frames: number;
  /** rAF callbacks that ran (frames in which Sigma rendered). */
  animationFrames: number;
  durationMs: number;
  jsPerFrameMs: Distribution;
  busyPerFrameMs: Distribution;
  wallPerFrameMs: Distribution;
}

/** Events whose time is JavaScript execution on the main thread (nested ones are merged). */
const JS_EVENTS = new Set([
  "FunctionCall",
  "FireAnimationFrame",
  "EventDispatch",
  "TimerFire",
  "RunMicrotasks",
  "EvaluateScript",
  "v8.compile",
]);

export function distribution(samples: number[]): Distribution {
  if (samples.length === 0) return { p50: 0, p95: 0, max: 0, mean: 0, n: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted[sorted.length - 1]),
    mean: round(samples.reduce((a, b) => a + b, 0) / samples.length),
    n: samples.length,
  };
}

/** Union of the intervals of the named events (µs), sorted. */
function union(events: TraceEvent[], names: Set<string>): [number, number][] {
  const raw: [number, number][] = [];
  const open = new Map<string, number>();
  for (const e of events) {
    if (!names.has(e.name)) continue;
    if (e.ph === "X") raw.push([e.ts, e.ts + (e.dur ?? 0)]);
    else if (e.ph === "B") open.set(`${e.name}:${e.tid}`, e.ts);
    else if (e.ph === "E") {
      const start = open.get(`${e.name}:${e.tid}`);
      if (start !== undefined) raw.push([start, e.ts]);
      open.delete(`${e.name}:${e.tid}`);
    }
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of raw) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

function perWindow(intervals: [number, number][], bounds: number[]): number[] {
  const out: number[] = [];
  let k = 0;
  for (let f = 0; f + 1 < bounds.length; f++) {
    const [start, end] = [bounds[f], bounds[f + 1]];
    let sum = 0;
    while (k < intervals.length && intervals[k][1] <= start) k++;
    for (let i = k; i < intervals.length && intervals[i][0] < end; i++)
      sum += Math.min(intervals[i][1], end) - Math.max(intervals[i][0], start);
    out.push(sum / 1000);
  }
  return out;
}

export function frameStats(trace: { traceEvents?: TraceEvent[] } | TraceEvent[]): FrameStats {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === "M" && e.name === "thread_name") threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
  const main = events.filter((e) => threadNames.get(`${e.pid}:${e.tid}`) === "CrRendererMain");
  // The page's renderer is the one running animation frames.
  const perPid = new Map<number, number>();
  for (const e of main) if (e.name === "FireAnimationFrame") perPid.set(e.pid, (perPid.get(e.pid) ?? 0) + 1);
  const pid = [...perPid].sort((a, b) => b[1] - a[1])[0]?.[0];
  const page = main.filter((e) => e.pid === pid).sort((a, b) => a.ts - b.ts);
  const bounds = page.filter((e) => e.name === "BeginMainThreadFrame").map((e) => e.ts);
  const js = perWindow(union(page, JS_EVENTS), bounds);
  const busy = perWindow(union(page, new Set(["RunTask"])), bounds);
  const wall = bounds.slice(1).map((t, k) => (t - bounds[k]) / 1000);
  return {
    frames: Math.max(0, bounds.length - 1),
    animationFrames: page.filter((e) => e.name === "FireAnimationFrame").length,
    durationMs: bounds.length > 1 ? Math.round((bounds[bounds.length - 1] - bounds[0]) / 1000) : 0,
    jsPerFrameMs: distribution(js),
    busyPerFrameMs: distribution(busy),
    wallPerFrameMs: distribution(wall),
  };
}
