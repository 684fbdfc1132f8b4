// Accounts (server/auth): users, sessions and API tokens. Users are `User` nodes, never `Entity`;
// a session or token hangs off its user by SESSION_OF / TOKEN_OF. Times of expiry are epoch
// milliseconds passed in as $now, so the server's clock (and a test's) decides.

// name: createUser
// Creates a user; the username constraint refuses a duplicate.
CREATE (u:User {id: $id, username: $username, role: $role, passwordHash: $passwordHash, disabled: false, createdAt: datetime()})
RETURN u.id AS id, u.username AS username, u.role AS role, u.disabled AS disabled, toString(u.createdAt) AS createdAt
// ---

// name: userCredentials
// What sign-in checks: the user's id, role, password hash and whether they are disabled.
MATCH (u:User {username: $username})
RETURN u.id AS id, u.username AS username, u.role AS role, u.passwordHash AS passwordHash, u.disabled AS disabled
// ---

// name: userById
// One user as the API shows them (no password hash).
MATCH (u:User {id: $id})
RETURN u.id AS id, u.username AS username, u.role AS role, u.disabled AS disabled, toString(u.createdAt) AS createdAt
// ---

// name: allUsers
// Every user, by username (no password hashes).
MATCH (u:User)
RETURN u.id AS id, u.username AS username, u.role AS role, u.disabled AS disabled, toString(u.createdAt) AS createdAt
ORDER BY u.username
// ---

// name: setUserRole
// Changes a user's role; takes effect on their next request (sessions read the role each time).
MATCH (u:User {username: $username})
SET u.role = $role
RETURN u.id AS id, u.username AS username, u.role AS role, u.disabled AS disabled, toString(u.createdAt) AS createdAt
// ---

// name: setUserDisabled
// Disables (or re-enables) a user; disabling also deletes every session of theirs.
MATCH (u:User {username: $username})
SET u.disabled = $disabled
WITH u
CALL (u) {
  MATCH (s:Session)-[:SESSION_OF]->(u)
  WHERE $disabled
  DETACH DELETE s
}
RETURN u.id AS id, u.username AS username, u.role AS role, u.disabled AS disabled, toString(u.createdAt) AS createdAt
// ---

// name: setUserPassword
// Replaces a user's password hash and deletes their sessions (everyone signs in again).
MATCH (u:User {username: $username})
SET u.passwordHash = $passwordHash
WITH u
CALL (u) {
  MATCH (s:Session)-[:SESSION_OF]->(u)
  DETACH DELETE s
}
RETURN u.id AS id, u.username AS username, u.role AS role, u.disabled AS disabled, toString(u.createdAt) AS createdAt
// ---

// name: createSession
// Starts a session for an enabled user and drops their expired ones. No row: no such enabled user.
MATCH (u:User {id: $userId})
WHERE NOT u.disabled
CALL (u) {
  MATCH (old:Session)-[:SESSION_OF]->(u)
  WHERE old.expiresAt <= $now
  DETACH DELETE old
}
CREATE (s:Session {tokenHash: $tokenHash, createdAt: $now, expiresAt: $expiresAt})-[:SESSION_OF]->(u)
RETURN s.expiresAt AS expiresAt
// ---

// name: deleteSession
// Ends one session (sign-out).
MATCH (s:Session {tokenHash: $tokenHash})
DETACH DELETE s
RETURN count(*) AS count
// ---

// name: viewerBySession
// The enabled user behind an unexpired session.
MATCH (s:Session {tokenHash: $tokenHash})-[:SESSION_OF]->(u:User)
WHERE s.expiresAt > $now AND NOT u.disabled
RETURN u.id AS userId, u.username AS username, u.role AS role
// ---

// name: viewerByApiToken
// The enabled user an API token belongs to.
MATCH (t:ApiToken {tokenHash: $tokenHash})-[:TOKEN_OF]->(u:User)
WHERE NOT u.disabled
RETURN u.id AS userId, u.username AS username, u.role AS role
// ---

// name: createApiToken
// Creates an API token for a user. No row: no such user.
MATCH (u:User {username: $username})
CREATE (t:ApiToken {id: $id, name: $name, tokenHash: $tokenHash, createdAt: datetime()})-[:TOKEN_OF]->(u)
RETURN t.id AS id, t.name AS name, toString(t.createdAt) AS createdAt, u.username AS username
// ---

// name: apiTokens
// API tokens (never their hashes), of one user or, with $username null, of everyone.
MATCH (t:ApiToken)-[:TOKEN_OF]->(u:User)
WHERE $username IS NULL OR u.username = $username
RETURN t.id AS id, t.name AS name, toString(t.createdAt) AS createdAt, u.username AS username
ORDER BY u.username, t.createdAt
// ---

// name: revokeApiToken
// Deletes an API token, if it belongs to $username (or to anyone, with $username null).
MATCH (t:ApiToken {id: $id})-[:TOKEN_OF]->(u:User)
WHERE $username IS NULL OR u.username = $username
DETACH DELETE t
RETURN count(*) AS count
