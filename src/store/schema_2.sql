-- Parley's store, schema version 2: what a server and its clients need to stay in step.

-- A counter of changes: every message a user sees carries the change that last touched it,
-- so a client asks for "everything after change N" and never misses one.
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, value) VALUES ('change', 0);

ALTER TABLE messages ADD COLUMN change INTEGER NOT NULL DEFAULT 0;
-- The idempotency key of the user action that wrote an outgoing message, so a client can
-- replace its own copy with the server's.
ALTER TABLE messages ADD COLUMN client_key TEXT;
-- Only stamped messages (a server's) are indexed: a client's copies all have change 0.
CREATE INDEX messages_changes ON messages(user_id, change, id) WHERE change > 0;

-- Decisions carry their change too, so a user's client learns what the rules rejected.
ALTER TABLE decisions ADD COLUMN change INTEGER NOT NULL DEFAULT 0;
CREATE INDEX decisions_changes ON decisions(user_id, change, id) WHERE change > 0;

-- Held messages the user deleted, so clients delete them too.
CREATE TABLE message_tombstones (
    message_id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL,
    change INTEGER NOT NULL
);
CREATE INDEX message_tombstones_changes ON message_tombstones(user_id, change, message_id);

-- Server side: user actions already applied, by idempotency key, with their result.
CREATE TABLE applied_actions (
    user_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    result TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
) WITHOUT ROWID;

-- Client side: user actions applied locally and waiting for the server, in order.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    action TEXT NOT NULL,
    -- The local copy of an outgoing message, replaced when the server's arrives.
    local_message INTEGER,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
