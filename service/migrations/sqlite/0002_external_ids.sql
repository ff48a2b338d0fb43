-- Users issued by a host site's backend (gRPC IssueUserToken) carry the host's own user id.
ALTER TABLE users ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX users_by_external_id ON users (external_id) WHERE external_id IS NOT NULL;
