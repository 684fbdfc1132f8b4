/**
 * The first frame's critical path, started from index.html before the app's JavaScript has loaded:
 * the network request (the whole graph, columnar, with the server's opening layout) and, should an
 * answer come without a layout in a browser with none cached, the layout worker fed with it as soon
 * as it lands. The build inlines `bootScript()`.
 */
export const NETWORK_QUERY = `query Network {
  networkCompact {
    ids names labels kinds types sectors regions activeFrom activeTo
    sources targets edgeIds edgeTypes edgeActiveFrom edgeActiveTo layout
  }
}`;

/** The opening request as a GET (a query is safe), which the HTTP cache can revalidate. */
export const NETWORK_URL = `/graphql?query=${encodeURIComponent(NETWORK_QUERY.replace(/\s+/g, " "))}`;

/** Where the boot script leaves the early request (a promise of the JSON body, or null). */
export const PREFETCH_GLOBAL = "__atlasNetwork";
/** Where it leaves the early layout (a promise of the positions, or null). */
export const BOOT_LAYOUT_GLOBAL = "__atlasLayout";
/**
 * Up to this many nodes the first frame waits for the opening layout (computed while the app
 * loads); above it the first frame shows the seeded spiral and the layout runs afterwards, so it
 * does not compete with the first frame for the CPU.
 */
export const WAIT_FOR_LAYOUT_LIMIT = 3000;

/** localStorage keys of cached layouts start with this. */
export const LAYOUT_CACHE_PREFIX = "atlas-layout:v1:";

/** The inline script (ES5, no dependencies); `workerUrl` is the built layout worker, if known. */
export function bootScript(workerUrl: string | null): string {
  const lines = [
    // A GET, so the browser's HTTP cache keeps the answer: the server tags it with an ETag and
    // `no-cache`, a returning visitor revalidates and gets 304 (no body, no compression on the server).
    `var net=window.${PREFETCH_GLOBAL}=fetch(${JSON.stringify(NETWORK_URL)},{headers:{accept:"application/json","x-graphql-yoga-csrf":"1"}})`,
    `.then(function(r){return r.ok?r.json():null}).catch(function(){return null});`,
  ];
  // No throwaway WebGL context to warm the GPU process up: creating one blocks this parser-blocking
  // script (and so the app's start) for 70 ms on a quiet machine and over a second on a busy one.
  if (workerUrl) {
    lines.push(
      `try{var cached=false;for(var i=0;i<localStorage.length;i++)if((localStorage.key(i)||"").indexOf(${JSON.stringify(LAYOUT_CACHE_PREFIX)})===0)cached=true;`,
      `if(!cached&&window.Worker)window.${BOOT_LAYOUT_GLOBAL}=net.then(function(b){var n=b&&b.data&&b.data.networkCompact;`,
      // The server sends the opening layout; the worker only runs for an answer without one.
      `if(!n||n.layout||n.ids.length>${WAIT_FOR_LAYOUT_LIMIT})return null;`,
      `return new Promise(function(done){var w=new Worker(${JSON.stringify(workerUrl)},{type:"module"});`,
      `w.onmessage=function(e){done(e.data);w.terminate()};w.onerror=function(){done(null)};w.postMessage({data:n})})})}catch(e){}`,
    );
  }
  return `(function(){${lines.join("")}})();`;
}
