-- Parley's store, schema version 11: the hashes of tokens revoked or replaced by
-- `parley serve revoke` and `parley serve reissue`, so a request with one is told it was
-- revoked rather than that it is unknown; and an index to prune old idempotency keys by age.
CREATE TABLE revoked_tokens (
    token_hash BLOB PRIMARY KEY,
    at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX applied_actions_at ON applied_actions(at);
