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
  const body = JSON.stringify(JSON.stringify({ query: NETWORK_QUERY }));
  const lines = [
    `var net=window.${PREFETCH_GLOBAL}=fetch("/graphql",{method:"POST",headers:{"content-type":"application/json",accept:"application/json"},body:${body}})`,
    `.then(function(r){return r.ok?r.json():null}).catch(function(){return null});`,
  ];
  // A throwaway WebGL context: the GPU process starts its (often software) backend now, in parallel,
  // instead of when Sigma asks for its contexts.
  lines.push(
    `try{var g=document.createElement("canvas").getContext("webgl2");var x=g&&g.getExtension("WEBGL_lose_context");if(x)x.loseContext()}catch(e){}`,
  );
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
