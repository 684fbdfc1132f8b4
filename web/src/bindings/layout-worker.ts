/**
 * The opening layout: the one the server sent with the network, else from the cache when this
 * browser has seen the same graph, else from the layout worker index.html started (fed as soon as
 * the network answered), else from a worker started here.
 */
import { BOOT_LAYOUT_GLOBAL } from "../api/network-query";
import type { AtlasDataset, CompactNetwork } from "../graph";
import { readCachedLayout, writeCachedLayout } from "../layout/cache";
import type { InitialLayoutRequest } from "../layout/initial.worker";
import { localStorageOrMemory } from "./storage";

declare global {
  interface Window {
    /** The opening layout index.html's inline script started in a worker (network-query.ts), taken once. */
    [BOOT_LAYOUT_GLOBAL]?: Promise<Float64Array | null>;
  }
}

export interface LayoutWorker {
  /** The layout the server sent, or this browser cached for the same graph, if any. */
  cached(dataset: AtlasDataset): Float64Array | null;
  compute(network: CompactNetwork, dataset: AtlasDataset): Promise<Float64Array>;
}

function takeBootLayout(): Promise<Float64Array | null> | undefined {
  const early = window[BOOT_LAYOUT_GLOBAL];
  window[BOOT_LAYOUT_GLOBAL] = undefined;
  return early;
}

function computeInWorker(network: CompactNetwork): Promise<Float64Array> {
  const worker = new Worker(new URL("../layout/initial.worker.ts", import.meta.url), { type: "module" });
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Float64Array>) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.onerror = (event) => {
      reject(new Error(event.message || "The layout worker failed."));
      worker.terminate();
    };
    const request: InitialLayoutRequest = { data: network };
    worker.postMessage(request);
  });
}

export function createLayoutWorker(): LayoutWorker {
  const storage = localStorageOrMemory();
  return {
    cached: (dataset) => dataset.layout ?? readCachedLayout(storage, dataset),
    async compute(network, dataset) {
      const cached = dataset.layout ?? readCachedLayout(storage, dataset);
      if (cached) return cached;
      const early = await takeBootLayout();
      const positions = early && early.length === 2 * dataset.nodes.length ? early : await computeInWorker(network);
      writeCachedLayout(storage, dataset, positions);
      return positions;
    },
  };
}
