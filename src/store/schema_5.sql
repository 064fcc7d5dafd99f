-- Parley's store, schema version 5: when the other side read one of the user's own messages
-- (a friend's reply shows they read what came before it).
ALTER TABLE messages ADD COLUMN seen_at INTEGER;
