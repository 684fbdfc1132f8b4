/**
 * TCP_NODELAY for the Bolt sockets. neo4j-driver 5 opens its sockets without it (its Python and
 * Rust siblings set it), so Nagle's algorithm holds a message written right after another until
 * the first is acknowledged, and the server's delayed ACK turns that into ~40 ms stalls: a
 * neighbourhood read on the 10k bench graph took 55 ms p50 with 10 ms of it in Neo4j, and 15 ms
 * with this. The driver has no option for it; the one hook it calls on every new socket is
 * `setKeepAlive(true)`, so that is where no-delay is switched on too. Harmless for other sockets:
 * Node's own HTTP server sets no-delay by default.
 */
import net from "node:net";

const PATCHED = Symbol.for("coalition-atlas.no-delay");

export function enableNoDelayForDriverSockets(): void {
  const proto = net.Socket.prototype as net.Socket & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const setKeepAlive = proto.setKeepAlive;
  proto.setKeepAlive = function (this: net.Socket, ...args: Parameters<net.Socket["setKeepAlive"]>) {
    this.setNoDelay(true);
    return setKeepAlive.apply(this, args);
  };
  proto[PATCHED] = true;
}
