/** All resolvers, as a list of per-type objects for makeExecutableSchema. */
import { ProvenanceTypes } from "./Citation.js";
import { NodeTypes } from "./Node.js";
import { Query } from "./Query.js";
import { StoryTypes } from "./Story.js";

export const resolvers = [{ Query }, NodeTypes, ProvenanceTypes, StoryTypes];
