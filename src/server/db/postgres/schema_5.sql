-- Parley's server store on PostgreSQL, schema version 5: what a business's single send writes
-- once the rules have decided it, in one call instead of a dozen statements each waiting for
-- its answer. The caller holds the business's and the user's row locks and passes what the
-- policy engine decided; this only stores it, in the order the statements ran before: the chat
-- (found, or opened with the business's name and mark), the message with the user's next change
-- number, the chat's preview and counts, the business's reach of the user, the decision with the
-- next number, and the day's figures. Returns the message's id (none for a rejection).
CREATE FUNCTION parley_record_send(
    of_user BIGINT,
    of_business BIGINT,
    with_template BIGINT,
    in_broadcast BIGINT,
    in_category TEXT,
    sent_at BIGINT,
    outcome TEXT,
    reason TEXT,
    sentence TEXT,
    facts TEXT,
    body TEXT,
    kept_body TEXT,
    charge BIGINT,
    business_name TEXT,
    business_verified BOOLEAN,
    preview TEXT,
    day BIGINT
) RETURNS BIGINT AS $$
#variable_conflict use_column
DECLARE
    delivered BOOLEAN := outcome = 'deliver';
    chat BIGINT;
    message BIGINT;
BEGIN
    IF outcome <> 'reject' THEN
        SELECT c.id INTO chat FROM chats c
            WHERE c.user_id = of_user AND c.business_id = of_business;
        IF chat IS NULL THEN
            INSERT INTO chats (user_id, business_id, is_business, title, verified)
                VALUES (of_user, of_business, TRUE, business_name, business_verified)
                RETURNING id INTO chat;
        END IF;
        INSERT INTO messages (chat_id, user_id, business_id, direction, category, template_id,
                broadcast_id, body, sent_at, shown_at, delivered_at, outcome, reason, sentence,
                charge, facts, change)
            VALUES (chat, of_user, of_business, 'in', in_category, with_template, in_broadcast,
                body, sent_at, sent_at, CASE WHEN delivered THEN sent_at END, outcome, reason,
                sentence, charge, facts, parley_next_change(of_user))
            RETURNING id INTO message;
        IF delivered THEN
            UPDATE chats c SET preview = parley_record_send.preview,
                    last_at = greatest(coalesce(c.last_at, sent_at), sent_at),
                    unread = c.unread + 1,
                    has_offers = c.has_offers OR in_category = 'marketing'
                WHERE c.id = chat;
            IF with_template IS NOT NULL THEN
                INSERT INTO template_reach AS r (business_id, user_id, at)
                    VALUES (of_business, of_user, sent_at)
                    ON CONFLICT (business_id, user_id)
                        DO UPDATE SET at = greatest(r.at, excluded.at);
            END IF;
        END IF;
    END IF;
    INSERT INTO decisions (user_id, business_id, template_id, broadcast_id, category, at,
            outcome, reason, sentence, body, message_id, change, facts)
        VALUES (of_user, of_business, with_template, in_broadcast, in_category, sent_at,
            parley_record_send.outcome, parley_record_send.reason, parley_record_send.sentence,
            kept_body, message, parley_next_change(of_user), parley_record_send.facts);
    INSERT INTO metric_days AS m (business_id, template_id, broadcast_id, day, sent, delivered,
            held, rejected, credits)
        VALUES (of_business, coalesce(with_template, 0), coalesce(in_broadcast, 0),
            parley_record_send.day, 1, (outcome = 'deliver')::INT, (outcome = 'hold')::INT,
            (outcome = 'reject')::INT, charge)
        ON CONFLICT (business_id, template_id, broadcast_id, day) DO UPDATE SET
            sent = m.sent + 1, delivered = m.delivered + excluded.delivered,
            held = m.held + excluded.held, rejected = m.rejected + excluded.rejected,
            credits = m.credits + excluded.credits;
    IF outcome = 'reject' THEN
        INSERT INTO metric_rejects AS r (business_id, template_id, broadcast_id, day, reason, n)
            VALUES (of_business, coalesce(with_template, 0), coalesce(in_broadcast, 0),
                parley_record_send.day, parley_record_send.reason, 1)
            ON CONFLICT (business_id, template_id, broadcast_id, day, reason)
                DO UPDATE SET n = r.n + 1;
    END IF;
    RETURN message;
END;
$$ LANGUAGE plpgsql;
