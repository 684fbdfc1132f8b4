/** Ids for new records: lower-case slugs (core/record-parts.ts `idSchema`) made from a name. */

export function slugify(text: string, maxLength = 48): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
  return slug || "record";
}

/** A slug with a short random suffix, for records whose names need not be unique (sources). */
export const uniqueSlug = (text: string): string => `${slugify(text, 40)}-${Math.random().toString(36).slice(2, 7)}`;
