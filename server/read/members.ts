/**
 * A page of an organisation's members as the `membersPages` query reads it, and the key the members
 * DataLoader batches and caches requests by (server/graphql/context.ts; the resolvers are in
 * server/graphql/resolvers/members.ts).
 */
import type { NodeProps, RelationshipProps } from "./rows.js";

export interface MembersRequest {
  id: string;
  first: number;
  afterName: string | null;
  afterId: string | null;
}

export interface MemberRow {
  node: NodeProps;
  relationship: RelationshipProps & { direction: "IN" };
}

export function membersRequestKey(request: MembersRequest): string {
  return JSON.stringify([request.id, request.first, request.afterName, request.afterId]);
}
