/** The embedded Neo4j (the run's shared one) is closed to anyone without its generated password. */
import { randomBytes } from "node:crypto";
import { connect as connectTcp } from "node:net";

import neo4j, { type AuthToken } from "neo4j-driver";
import { describe, expect, inject, it } from "vitest";

async function firstErrorCode(auth: AuthToken | undefined, query = "RETURN 1"): Promise<string | undefined> {
  const driver = neo4j.driver(inject("neo4jUri"), auth);
  try {
    await driver.executeQuery(query);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  } finally {
    await driver.close();
  }
}

/** One masked WebSocket binary frame (clients must mask), payload under 126 bytes. */
function wsFrame(payload: Buffer): Buffer {
  const mask = randomBytes(4);
  return Buffer.concat([Buffer.from([0x82, 0x80 | payload.length]), mask, Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]))]);
}

/** A Bolt message in one chunk. */
const chunk = (message: number[]) => Buffer.from([0, message.length, ...message, 0, 0]);
const text = (value: string) => [0x80 + value.length, ...Buffer.from(value)];

/**
 * What a web page's script could do: open a WebSocket to the Bolt port from a foreign Origin, agree
 * on Bolt 5.4, say HELLO and log on without credentials. Resolves with everything the server sent.
 */
function boltOverWebSocketWithoutPassword(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    let step = 0;
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer within 10 s")));
    socket.on("error", reject);
    socket.on("close", () => resolve(received.toString("latin1")));
    socket.on("connect", () =>
      socket.write(
        `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}\r\nSec-WebSocket-Version: 13\r\nOrigin: https://attacker.example\r\n\r\n`,
      ),
    );
    socket.on("data", (data: Buffer) => {
      received = Buffer.concat([received, data]);
      const seen = received.toString("latin1");
      if (step === 0 && seen.includes("\r\n\r\n")) {
        step = 1; // upgraded: Bolt handshake, asking for 5.4 only
        socket.write(wsFrame(Buffer.from([0x60, 0x60, 0xb0, 0x17, 0, 0, 4, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])));
      } else if (step === 1 && received.length >= seen.indexOf("\r\n\r\n") + 4 + 6) {
        step = 2; // HELLO {user_agent, bolt_agent: {product}}, then LOGON {scheme: "none"}
        const hello = [
          0xb1,
          0x01,
          0xa2,
          ...text("user_agent"),
          ...text("probe/1.0"),
          ...text("bolt_agent"),
          0xa1,
          ...text("product"),
          ...text("probe/1.0"),
        ];
        const logon = [0xb1, 0x6a, 0xa1, ...text("scheme"), ...text("none")];
        socket.write(wsFrame(Buffer.concat([chunk(hello), chunk(logon)])));
      } else if (step === 2 && /Neo\.ClientError\.\w+\.\w+/.test(seen)) {
        socket.end();
      }
    });
  });
}

describe("embedded Neo4j security", () => {
  it("should refuse a WebSocket client from a web page that has no password", async () => {
    const answer = await boltOverWebSocketWithoutPassword(Number(new URL(inject("neo4jUri")).port));
    expect(answer).toMatch(/^HTTP\/1\.1 101/); // the WebSocket itself opens…
    expect(answer).toContain("Neo.ClientError.Security.Unauthorized"); // …but Bolt refuses to log on
  });

  it("should refuse a Bolt client without credentials", async () => {
    expect(await firstErrorCode(undefined)).toBe("Neo.ClientError.Security.Unauthorized");
  });

  it("should refuse Neo4j's default password and accept the generated one", async () => {
    expect(await firstErrorCode(neo4j.auth.basic("neo4j", "neo4j"))).toBe("Neo.ClientError.Security.Unauthorized");
    expect(await firstErrorCode(neo4j.auth.basic("neo4j", inject("neo4jPassword")))).toBeUndefined();
  });

  it("should not let LOAD CSV read local files", async () => {
    const code = await firstErrorCode(
      neo4j.auth.basic("neo4j", inject("neo4jPassword")),
      "LOAD CSV FROM 'file:///etc/hostname' AS row RETURN row",
    );
    expect(code).toBe("Neo.ClientError.Statement.ExternalResourceFailed");
  });
});
