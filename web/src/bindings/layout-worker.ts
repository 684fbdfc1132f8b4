/**
 * The opening layout: from the cache when this browser has seen the same graph, else from the
 * layout worker (started before the network arrives, so it is warm by then).
 */
import type { AtlasDataset, CompactNetwork } from "../graph";
import { readCachedLayout, writeCachedLayout } from "../layout/cache";
import type { InitialLayoutRequest } from "../layout/initial.worker";

export interface LayoutWorker {
  compute(network: CompactNetwork, dataset: AtlasDataset): Promise<Float64Array>;
  dispose(): void;
}

export function createLayoutWorker(): LayoutWorker {
  const worker = new Worker(new URL("../layout/initial.worker.ts", import.meta.url), { type: "module" });
  return {
    compute(network, dataset) {
      const cached = readCachedLayout(window.localStorage, dataset);
      if (cached) return Promise.resolve(cached);
      return new Promise((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<Float64Array>) => {
          writeCachedLayout(window.localStorage, dataset, event.data);
          resolve(event.data);
        };
        worker.onerror = (event) => reject(new Error(event.message || "The layout worker failed."));
        const request: InitialLayoutRequest = { data: network };
        worker.postMessage(request);
      });
    },
    dispose: () => worker.terminate(),
  };
}
