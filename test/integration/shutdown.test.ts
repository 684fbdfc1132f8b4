/**
 * SIGTERM drains: the real `npm start` entry point (server/main.ts) runs as a child process over
 * the test Neo4j; a request still uploading its body when the signal arrives must get its answer.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";

import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";

import { freePort } from "../../server/db/embedded.js";

let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

async function startServer(port: number): Promise<ChildProcess> {
  const started = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: {
      ...process.env,
      NEO4J_URI: inject("neo4jUri"),
      NEO4J_PASSWORD: inject("neo4jPassword"),
      PORT: String(port),
      ATLAS_CACHE_MB: "0",
      ATLAS_SHUTDOWN_TIMEOUT_S: "20",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((ready, failed) => {
    started.stdout?.on("data", (part: Buffer) => {
      output += part.toString();
      if (output.includes("is ready on")) ready();
    });
    started.stderr?.on("data", (part: Buffer) => (output += part.toString()));
    started.once("exit", (code) => failed(new Error(`server exited with ${code} before it was ready:\n${output}`)));
  });
  return started;
}

describe("shutdown", () => {
  it("should finish a request in flight on SIGTERM, then exit cleanly", async () => {
    const port = await freePort();
    child = await startServer(port);
    const body = JSON.stringify({ query: "{ __typename }" });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/graphql",
          method: "POST",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (res) => {
          let text = "";
          res.on("data", (part: Buffer) => (text += part.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", reject);
      // Half the body now, the rest after the signal: the request is in flight when SIGTERM lands.
      req.write(body.slice(0, 10));
      setTimeout(() => {
        child?.kill("SIGTERM");
        setTimeout(() => req.end(body.slice(10)), 800);
      }, 300);
    });
    const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));
    const result = await answer;
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ data: { __typename: "Query" } });
    expect(await exited).toBe(0);
  });
});
