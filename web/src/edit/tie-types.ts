/**
 * Which tie types may join two nodes, read from the vocabulary's rules (core/vocabulary.ts: the
 * kinds allowed at each end, the roles a type carries), the same rules the server checks.
 */
import { type NodeKind, RELATIONSHIP_TYPES, type RelationshipType } from "../../../core/vocabulary";

export interface TieOption {
  type: RelationshipType;
  /** OUT: this node is the source; IN: the other end is. */
  direction: "OUT" | "IN";
  roles: readonly string[];
}

/** Every (type, direction) allowed between a node of kind `self` and one of kind `other`. */
export function tieOptions(self: NodeKind, other: NodeKind): TieOption[] {
  const options: TieOption[] = [];
  for (const [type, spec] of Object.entries(RELATIONSHIP_TYPES) as [RelationshipType, (typeof RELATIONSHIP_TYPES)[RelationshipType]][]) {
    const from: readonly NodeKind[] = spec.from;
    const to: readonly NodeKind[] = spec.to;
    if (from.includes(self) && to.includes(other)) options.push({ type, direction: "OUT", roles: spec.roles });
    if (from.includes(other) && to.includes(self)) options.push({ type, direction: "IN", roles: spec.roles });
  }
  return options;
}

export const tieKey = (o: Pick<TieOption, "type" | "direction">): string => `${o.type}:${o.direction}`;
