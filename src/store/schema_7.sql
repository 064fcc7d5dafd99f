-- Parley's store, schema version 7: a business lists its conversations, most recent first.
-- (A user's own messages read by the business carry messages.seen_at, from version 5.)
CREATE INDEX chats_business_recent ON chats(business_id, last_at DESC, id DESC)
    WHERE business_id IS NOT NULL;
