/** Plan of createSource: a document or web page users can cite (title, URL, publisher, date). */
import type { Viewer } from "../auth/viewer.js";
import type { TxRunner } from "../db/database.js";
import { badInput } from "../graphql/errors.js";
import { sourceRowFrom } from "./records.js";
import { lockNodes, lockSources } from "./store.js";
import type { Plan } from "./types.js";

export interface CreateSourceInput {
  id: string;
  title: string;
  url: string;
  publisher?: string | null;
  date?: string | null;
  description?: string | null;
}

export async function planCreateSource(run: TxRunner, input: CreateSourceInput, _viewer: Viewer): Promise<Plan> {
  const record = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
  // The description defaults to the title: data/ requires one, a user adding a web page may have none.
  const after = sourceRowFrom({ ...record, description: input.description ?? input.title });
  if ((await lockSources(run, [after.id])).size || (await lockNodes(run, [after.id])).size)
    throw badInput("id", `'${after.id}' is already taken`);
  return { records: [{ kind: "source", id: after.id, before: null, after }] };
}
