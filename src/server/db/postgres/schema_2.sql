-- Parley's server store on PostgreSQL, schema version 2 (SQLite's version 12): each business's
-- last template delivery to each user, so the messaging tier's check reads a few rows instead
-- of the business's whole day of messages; and the idempotency keys of business sends, so a
-- send retried with its key is answered as the first time instead of decided again.
CREATE TABLE template_reach (
    business_id BIGINT NOT NULL REFERENCES businesses (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    at BIGINT NOT NULL,
    PRIMARY KEY (business_id, user_id)
);
CREATE INDEX template_reach_at ON template_reach (business_id, at);
INSERT INTO template_reach (business_id, user_id, at)
    SELECT business_id, user_id, max(delivered_at) FROM messages
    WHERE outcome = 'deliver' AND business_id IS NOT NULL AND direction = 'in'
        AND template_id IS NOT NULL AND delivered_at IS NOT NULL
    GROUP BY business_id, user_id;

-- Business sends already answered, by idempotency key, with their answer.
CREATE TABLE applied_sends (
    business_id BIGINT NOT NULL REFERENCES businesses (id),
    key TEXT NOT NULL,
    result TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (business_id, key)
);
CREATE INDEX applied_sends_at ON applied_sends (at);
