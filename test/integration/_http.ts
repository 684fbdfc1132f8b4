/** Raw HTTP against a real listening app: node:http, so headers, encodings and bodies are exactly what was sent. */
import { request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sends the body in chunks with Transfer-Encoding: chunked (no Content-Length). */
  chunks?: Iterable<Buffer>;
}

export function send(url: string, options: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (options.chunks) {
      // Stops writing once the answer arrives, as a real client would when refused mid-upload.
      let answered = false;
      req.once("response", () => (answered = true));
      const iterator = options.chunks[Symbol.iterator]();
      const pump = () => {
        const next = iterator.next();
        if (answered || next.done) return void req.end();
        if (req.write(next.value)) setImmediate(pump);
        else req.once("drain", pump);
      };
      pump();
      return;
    }
    req.end(options.body);
  });
}

export const JSON_HEADERS = { "content-type": "application/json", accept: "application/json" };

export function post(
  url: string,
  query: string,
  headers: Record<string, string> = {},
  variables: Record<string, unknown> = {},
): Promise<RawResponse> {
  return send(url, { method: "POST", headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify({ query, variables }) });
}
