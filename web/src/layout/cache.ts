/**
 * Opening layouts cached in localStorage, keyed by a fingerprint of the graph's topology, so a
 * second visit (or the 10k-node benchmark's warm run) draws its first frame without laying out.
 */
import { LAYOUT_CACHE_PREFIX as PREFIX } from "../api/network-query";
import type { AtlasDataset } from "../graph/types";

/** FNV-1a over ids and ties: equal for the same nodes and ties in the same order. */
export function fingerprint(dataset: AtlasDataset): string {
  let h = 2166136261;
  const mix = (text: string) => {
    for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
  };
  for (const node of dataset.nodes) mix(node.id);
  for (const e of dataset.edges) mix(`${e.source}>${e.target}:${e.type}`);
  return `${dataset.nodes.length}-${dataset.edges.length}-${(h >>> 0).toString(36)}`;
}

function encode(positions: Float64Array): string {
  const bytes = new Uint8Array(Float32Array.from(positions).buffer);
  let binary = "";
  for (let k = 0; k < bytes.length; k += 0x8000) binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return btoa(binary);
}

function decode(text: string, length: number): Float64Array | null {
  const binary = atob(text);
  if (binary.length !== length * 4) return null;
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  return Float64Array.from(new Float32Array(bytes.buffer));
}

export function readCachedLayout(storage: Storage | undefined, dataset: AtlasDataset): Float64Array | null {
  try {
    const text = storage?.getItem(PREFIX + fingerprint(dataset));
    return text ? decode(text, dataset.nodes.length * 2) : null;
  } catch {
    return null;
  }
}

export function writeCachedLayout(storage: Storage | undefined, dataset: AtlasDataset, positions: Float64Array): void {
  if (!storage) return;
  try {
    // One layout per browser is enough; drop older ones so the quota never fills up.
    for (let k = storage.length - 1; k >= 0; k--) {
      const key = storage.key(k);
      if (key?.startsWith(PREFIX)) storage.removeItem(key);
    }
    storage.setItem(PREFIX + fingerprint(dataset), encode(positions));
  } catch {
    // Private mode or a full quota: the layout is simply recomputed next time.
  }
}
