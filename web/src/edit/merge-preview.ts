/**
 * What merging a duplicate into a kept node will do to the duplicate's ties, said before it is
 * done; mirrors the server's plan (server/write/nodes.ts planMergeNodes). Pure, so it tests in Node.
 */
import type { NodeDetails, NodeRelationship } from "../api";

export interface MergePreview {
  /** Ties that move to the kept node as new ties. */
  move: number;
  /** Ties that join a tie the kept node already has (same type, direction, other end and role): their citations are added. */
  join: number;
  /** Ties between the two, which would become a tie of the node with itself: removed, their citations kept on the node. */
  drop: number;
  /** Names that become aliases of the kept node. */
  aliases: string[];
}

const sameTie = (a: NodeRelationship, b: NodeRelationship) =>
  a.type === b.type && a.direction === b.direction && a.other.id === b.other.id && (a.role ?? null) === (b.role ?? null);

export function mergePreview(keep: NodeDetails, duplicate: NodeDetails): MergePreview {
  const preview: MergePreview = { move: 0, join: 0, drop: 0, aliases: [] };
  for (const tie of duplicate.relationships) {
    if (tie.other.id === keep.id) preview.drop += 1;
    else if (keep.relationships.some((mine) => sameTie(mine, tie))) preview.join += 1;
    else preview.move += 1;
  }
  preview.aliases = [...new Set([duplicate.name, ...duplicate.aliases])].filter((a) => a !== keep.name && !keep.aliases.includes(a));
  return preview;
}

const ties = (n: number) => `${n} tie${n === 1 ? "" : "s"}`;

/** "Its 5 ties move to MFA (2 of them join ties MFA already has; 1 between the two is removed …)." */
export function mergeSummary(keep: NodeDetails, duplicate: NodeDetails, p: MergePreview): string[] {
  const lines = [`${duplicate.name} will be deleted.`];
  const moving = p.move + p.join;
  if (moving) {
    const joined = p.join
      ? ` (${p.join} of them join ${p.join === 1 ? "a tie" : "ties"} ${keep.name} already has, adding their citations)`
      : "";
    lines.push(`Its ${ties(moving)} move to ${keep.name}${joined}.`);
  }
  if (p.drop)
    lines.push(
      `${p.drop === 1 ? "1 tie" : `${p.drop} ties`} between the two ${p.drop === 1 ? "is" : "are"} removed; their citations stay on ${keep.name}.`,
    );
  if (!moving && !p.drop) lines.push("It has no ties to move.");
  if (p.aliases.length)
    lines.push(
      `${p.aliases.map((a) => `“${a}”`).join(", ")} become${p.aliases.length === 1 ? "s" : ""} ${p.aliases.length === 1 ? "an alias" : "aliases"} of ${keep.name}.`,
    );
  lines.push("History keeps the merge, and an editor can revert it there.");
  return lines;
}
