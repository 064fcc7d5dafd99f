-- Parley's store, schema version 3: a broadcast that runs in parts (the business console's,
-- offline or through a server) keeps what it sends and to whom it has not sent yet, so each
-- part is one transaction and a broadcast left unfinished can be settled later.

-- The template's parameters, as a JSON array of strings.
ALTER TABLE broadcasts ADD COLUMN params TEXT NOT NULL DEFAULT '[]';
-- When a part was last sent (or the broadcast opened): an idle running broadcast is settled.
ALTER TABLE broadcasts ADD COLUMN touched_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX broadcasts_running ON broadcasts(business_id, touched_at) WHERE status = 'running';

-- The people a running broadcast has not sent to yet.
CREATE TABLE broadcast_pending (
    broadcast_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    PRIMARY KEY (broadcast_id, user_id)
) WITHOUT ROWID;
