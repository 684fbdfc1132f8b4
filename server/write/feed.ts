/**
 * Live changes: every Change this server commits is announced to the `liveChanges` subscribers
 * (GraphQL over server-sent events, graphql-yoga's pub/sub). Each subscriber hears only of the
 * records it may see — a record is named when its state before or after the change is visible to the
 * subscriber's levels — and not at all of a change that touched nothing it may see, so an anonymous
 * subscriber never learns that a hidden record exists or changed.
 */
import { createPubSub, filter, map, pipe } from "graphql-yoga";

import type { Visibility } from "../../core/access.js";
import { deltasOfChange, visibilityOfState } from "../cache/incremental.js";
import type { ChangeProps } from "./types.js";

export interface ChangeNotice {
  id: string;
  version: number;
  at: string;
  operation: string;
  recordIds: string[];
}

/** The notice of `change` for a viewer of `levels`, or null when it touched nothing they may see. */
export function noticeFor(
  change: Pick<ChangeProps, "id" | "seq" | "at" | "operation" | "before" | "after">,
  levels: readonly Visibility[],
): ChangeNotice | null {
  const seen = deltasOfChange(change)
    .filter((d) => [d.before, d.after].some((state) => state !== null && levels.includes(visibilityOfState(state))))
    .map((d) => d.id);
  if (!seen.length) return null;
  return { id: change.id, version: change.seq, at: change.at, operation: change.operation, recordIds: [...new Set(seen)] };
}

export interface ChangeFeed {
  publish(change: ChangeProps): void;
  /** The notices for a subscriber of `levels`, from now on, until it goes away. */
  subscribe(levels: readonly Visibility[]): AsyncIterable<ChangeNotice>;
}

export function createChangeFeed(): ChangeFeed {
  const pubSub = createPubSub<{ change: [ChangeProps] }>();
  return {
    publish: (change) => pubSub.publish("change", change),
    subscribe: (levels) =>
      pipe(
        pubSub.subscribe("change"),
        map((change: ChangeProps) => noticeFor(change, levels)),
        filter((notice: ChangeNotice | null): notice is ChangeNotice => notice !== null),
      ),
  };
}
