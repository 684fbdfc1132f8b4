/**
 * The embeddable page: the same app at /embed (the server lets any site frame that path only), with
 * minimal chrome — the map, its toolbar and legend, a story's text when the link holds one, and a
 * link that opens the same view in the full atlas.
 */

export const EMBED_PATH = "/embed";

export function isEmbed(pathname = window.location.pathname): boolean {
  return pathname.replace(/\/+$/, "") === EMBED_PATH;
}

/** The full atlas at the view the embed shows now (its query string holds the whole view). */
export function fullAtlasUrl(location: Pick<Location, "origin" | "search"> = window.location): string {
  return `${location.origin}/${location.search}`;
}

export interface EmbedSize {
  label: string;
  width: number;
  height: number;
}

export const EMBED_SIZES: readonly EmbedSize[] = [
  { label: "Small (480 × 360)", width: 480, height: 360 },
  { label: "Medium (720 × 480)", width: 720, height: 480 },
  { label: "Large (960 × 640)", width: 960, height: 640 },
];

/** The `<iframe>` code for the view at `location`, at `size`. */
export function embedCode(size: EmbedSize, location: Pick<Location, "origin" | "search"> = window.location): string {
  const src = `${location.origin}${EMBED_PATH}${location.search}`.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return `<iframe src="${src}" width="${size.width}" height="${size.height}" title="Coalition Atlas" style="border:1px solid #ddd" loading="lazy"></iframe>`;
}
