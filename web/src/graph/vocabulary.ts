/**
 * The atlas vocabulary as the web app reads it: the enum values (core/vocabulary.ts, equal to the
 * GraphQL enums, which a unit test checks) and their human labels (core/labels.ts), in one import.
 */
export {
  NODE_KINDS,
  type NodeKind,
  ORGANISATION_TYPES,
  type OrganisationType,
  REGIONS,
  type Region,
  RELATIONSHIP_TYPE_NAMES as RELATIONSHIP_TYPES,
  type RelationshipType,
  SCOPES,
  type Scope,
  SECTORS,
  type Sector,
} from "../../../core/vocabulary";
export { COALITION_TYPES, humanise, isOneOf, RELATIONSHIP_PHRASES, relationshipPhrase } from "../../../core/labels";
