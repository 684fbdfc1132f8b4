/** The bundled network as the API serves it, and small derivations the browser tests compare against. */
import { NETWORK_QUERY } from "../../web/src/api/network-query.js";
import type { CompactNetwork } from "../../web/src/graph/types.js";
import { type E2E, api } from "./_browser.js";

/** The whole network as the explorer's own first request gets it (opening layout included). */
export async function fetchNetwork(e2e: E2E): Promise<CompactNetwork> {
  return (await api<{ networkCompact: CompactNetwork }>(e2e, NETWORK_QUERY)).networkCompact;
}

/** The kinds the opening view shows (instruments and issues are one click away). */
export const OPENING_KINDS = ["ORGANISATION", "FORUM", "CAMPAIGN", "PERSON"];

export function openingNodeIds(c: CompactNetwork): string[] {
  return c.ids.filter((_, i) => OPENING_KINDS.includes(c.kinds[i]));
}

/** Neighbours of a node in the whole graph. */
export function neighbours(c: CompactNetwork, id: string): string[] {
  const i = c.ids.indexOf(id);
  const out = new Set<string>();
  c.sources.forEach((s, j) => {
    if (s === i) out.add(c.ids[c.targets[j]]);
    if (c.targets[j] === i) out.add(c.ids[s]);
  });
  out.delete(id);
  return [...out];
}

/** The organisations the movement is usually described by, that the data holds. */
export const FOCAL_IDS = ["mfa", "gcm", "pga", "idwf", "ituc", "via-campesina"];
