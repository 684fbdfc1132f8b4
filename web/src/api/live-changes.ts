/**
 * The live-changes subscription (`liveChanges`) as server-sent events: a streaming POST (EventSource
 * can only GET, and GET requests need the CSRF header it cannot send), read event by event. The
 * connection is retried after a pause when it drops; `stop()` ends it.
 */
export interface ChangeNotice {
  id: string;
  version: number;
  operation: string;
  recordIds: string[];
}

const SUBSCRIPTION = "subscription LiveChanges { liveChanges { id version operation recordIds } }";
const RETRY_MS = 5000;

/** The `data:` payloads of the complete events in `buffer`, and what is left of it. */
export function splitEvents(buffer: string): { payloads: string[]; rest: string } {
  const blocks = buffer.split("\n\n");
  const rest = blocks.pop() ?? "";
  const payloads = blocks
    .map((block) =>
      block
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trim())
        .join(""),
    )
    .filter((data) => data.length > 0);
  return { payloads, rest };
}

export function watchChanges(onNotice: (notice: ChangeNotice) => void): { stop(): void } {
  const controller = new AbortController();
  const connect = async () => {
    const response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query: SUBSCRIPTION }),
      signal: controller.signal,
    });
    if (!response.ok || !response.body) throw new Error(`live changes: HTTP ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const { payloads, rest } = splitEvents(buffer + value);
      buffer = rest;
      for (const payload of payloads) {
        const notice = (JSON.parse(payload) as { data?: { liveChanges?: ChangeNotice } }).data?.liveChanges;
        if (notice) onNotice(notice);
      }
    }
  };
  const loop = () => {
    connect()
      .catch(() => {})
      .finally(() => {
        if (!controller.signal.aborted) setTimeout(loop, RETRY_MS);
      });
  };
  loop();
  return { stop: () => controller.abort() };
}
