/** A tie said in words from its source's side, as the "Add a tie" form offers it: "MFA member of GCM". */
import type { NodeRef, NodeRelationship } from "../api";
import { humanise, RELATIONSHIP_PHRASES } from "../graph";

export function tiePhrase(node: NodeRef, tie: Pick<NodeRelationship, "type" | "direction" | "other">): string {
  const verb = (RELATIONSHIP_PHRASES[tie.type]?.out ?? humanise(tie.type)).toLowerCase();
  const [from, to] = tie.direction === "OUT" ? [node.name, tie.other.name] : [tie.other.name, node.name];
  return `${from} ${verb} ${to}`;
}
