/**
 * Source titles for diffs and proposals, which store citations by source id. Read once and shared
 * by every change shown; read again when a change cites a source not seen yet (added since).
 */
import { useEffect, useState } from "react";

import { fetchSources } from "../api/edit";
import type { TitleOf } from "./diff";

let titles: Promise<Map<string, string>> | null = null;
/** Ids already looked for again and still not found (a source since deleted, or hidden): not read again for them. */
const unknown = new Set<string>();

const load = () =>
  (titles ??= fetchSources().then(
    (sources) => new Map(sources.map((s) => [s.id, s.title])),
    () => {
      titles = null;
      return new Map<string, string>();
    },
  ));

async function titlesFor(ids: readonly string[]): Promise<Map<string, string>> {
  const found = await load();
  const missing = ids.filter((id) => !found.has(id) && !unknown.has(id));
  if (!missing.length) return found;
  titles = null;
  const again = await load();
  for (const id of missing) if (!again.has(id)) unknown.add(id);
  return again;
}

/** `titleOf` for the given source ids (the id itself until the titles arrive, or for a source one may not read). */
export function useSourceTitles(ids: readonly string[]): TitleOf {
  const [map, setMap] = useState<Map<string, string>>(new Map());
  const key = [...new Set(ids)].sort().join(" ");
  useEffect(() => {
    let live = true;
    void titlesFor(key ? key.split(" ") : []).then((found) => live && setMap(found));
    return () => {
      live = false;
    };
  }, [key]);
  return (id) => map.get(id) ?? id;
}

/** The source ids cited in a change's halves (JSON lists of `{ state: { props: { citationSources } } }`). */
export function citedIn(...halves: string[]): string[] {
  type Half = { state: { props?: { citationSources?: unknown } } | null }[];
  return halves.flatMap((json) =>
    (JSON.parse(json) as Half).flatMap((h) => {
      const sources = h.state?.props?.citationSources;
      return Array.isArray(sources) ? (sources as string[]) : [];
    }),
  );
}
