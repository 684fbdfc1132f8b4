/** All resolvers, as a list of per-type objects for makeExecutableSchema. */
import { AccountTypes } from "./account.js";
import { AdminTypes } from "./admin.js";
import { AnalysisTypes } from "./analyses.js";
import { ImportTypes } from "./imports.js";
import { ProvenanceTypes } from "./Citation.js";
import { NodeTypes } from "./Node.js";
import { MetricTypes } from "./metrics.js";
import { Query } from "./Query.js";
import { StoryTypes } from "./Story.js";
import { WriteTypes } from "./write.js";

export const resolvers = [
  { Query },
  NodeTypes,
  ProvenanceTypes,
  StoryTypes,
  MetricTypes,
  AccountTypes,
  AdminTypes,
  WriteTypes,
  ImportTypes,
  AnalysisTypes,
];
