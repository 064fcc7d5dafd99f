-- Parley's store, schema version 7: a business lists its conversations, those with messages
-- it has not read first, then the most recent. (A user's own messages read by the business
-- carry messages.seen_at, from version 5.)
CREATE INDEX chats_business_recent ON chats(business_id, last_at DESC, id DESC)
    WHERE business_id IS NOT NULL;
CREATE INDEX messages_unseen_by_business ON messages(business_id, chat_id)
    WHERE direction = 'out' AND seen_at IS NULL AND business_id IS NOT NULL;
