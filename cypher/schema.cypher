// Constraints and indexes of the atlas graph. Every statement is idempotent (IF NOT EXISTS) and
// runs at each start-up before anything is read or loaded.

// One id space for every node the atlas shows (organisations, forums, campaigns, instruments, people, issues).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// The documents every fact is cited from.
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;

// Teaching stories (data/stories/*.json).
CREATE CONSTRAINT story_id IF NOT EXISTS FOR (s:Story) REQUIRE s.id IS UNIQUE;

// Bookkeeping of the loaded dataset (its content hash keys the analytics cache).
CREATE CONSTRAINT dataset_meta_id IF NOT EXISTS FOR (m:DatasetMeta) REQUIRE m.id IS UNIQUE;

CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);

// Full-text search over names, acronyms, short names and aliases; the folding analyzer makes it
// case- and accent-insensitive, fuzzy terms in the query handle small typos.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.acronym, n.shortName, n.aliases]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };

// Accounts (server/auth): users, their sign-in sessions and API tokens. None of them is an Entity,
// so they never appear in search, graphs or exports. Tokens are stored only as SHA-256 hashes.
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE;
CREATE CONSTRAINT user_username IF NOT EXISTS FOR (u:User) REQUIRE u.username IS UNIQUE;
CREATE CONSTRAINT session_token_hash IF NOT EXISTS FOR (s:Session) REQUIRE s.tokenHash IS UNIQUE;
CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.tokenHash IS UNIQUE;
// The curation record (server/write/): changes (append-only, ordered by `seq`, the data version they
// made), proposals awaiting review, and tombstones of bundled records users deleted (so a reload
// does not bring them back). None carries the Entity label, so none appears in search or graphs.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE;
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (p:Proposal) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT tombstone_id IF NOT EXISTS FOR (t:Tombstone) REQUIRE t.id IS UNIQUE;
