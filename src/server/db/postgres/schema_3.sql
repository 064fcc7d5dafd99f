-- Parley's server store on PostgreSQL, schema version 3 (SQLite's version 13): the user's
-- relations with businesses, the chats that start a dealing and the user's preferences take
-- the user's change numbers, so a page of changes carries only the businesses and preferences
-- that changed after the client's cursor. Numbers count per user (users.last_change, taken
-- under the user's row lock), so a change to a business or to its restrictions is given to
-- each user dealing with it: it stamps that user's relation (or chat) with the business with
-- the user's next number. Triggers take the numbers, so that no write, from any instance, can
-- forget one.
ALTER TABLE relations ADD COLUMN change BIGINT NOT NULL DEFAULT 0;
ALTER TABLE chats ADD COLUMN change BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN prefs_change BIGINT NOT NULL DEFAULT 0;

-- Every user's preferences take a number now, so that a first page always moves its cursor.
UPDATE users SET last_change = last_change + 1, prefs_change = last_change + 1;

CREATE INDEX relations_changes ON relations (user_id, change);
CREATE INDEX chats_changes ON chats (user_id, change) WHERE business_id IS NOT NULL;
CREATE INDEX chats_business ON chats (business_id) WHERE business_id IS NOT NULL;

-- The user's next change number, taken under the user's row lock; every server listening is
-- told once the transaction commits.
CREATE FUNCTION parley_next_change(of_user BIGINT) RETURNS BIGINT AS $$
DECLARE
    taken BIGINT;
BEGIN
    UPDATE users SET last_change = last_change + 1 WHERE id = of_user
        RETURNING last_change INTO taken;
    PERFORM pg_notify('parley_changes', of_user::TEXT);
    RETURN taken;
END;
$$ LANGUAGE plpgsql;

-- A relation or business chat written: it takes its user's next number.
CREATE FUNCTION parley_stamp_dealing() RETURNS TRIGGER AS $$
BEGIN
    NEW.change := parley_next_change(NEW.user_id);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- A user's relation with a business: subscribing, blocking, interest, replies, first contact.
CREATE TRIGGER relation_added BEFORE INSERT ON relations
    FOR EACH ROW EXECUTE FUNCTION parley_stamp_dealing();
CREATE TRIGGER relation_changed BEFORE UPDATE OF subscribed, blocked, blocked_at,
    not_interested_at, interested_at, last_user_message_at, known ON relations
    FOR EACH ROW
    WHEN (OLD.subscribed IS DISTINCT FROM NEW.subscribed OR OLD.blocked IS DISTINCT FROM NEW.blocked
        OR OLD.blocked_at IS DISTINCT FROM NEW.blocked_at
        OR OLD.not_interested_at IS DISTINCT FROM NEW.not_interested_at
        OR OLD.interested_at IS DISTINCT FROM NEW.interested_at
        OR OLD.last_user_message_at IS DISTINCT FROM NEW.last_user_message_at
        OR OLD.known IS DISTINCT FROM NEW.known)
    EXECUTE FUNCTION parley_stamp_dealing();

-- A business's first message to a user opens their chat before the message takes its number,
-- so the business reaches the client before its messages do.
CREATE TRIGGER business_chat_opened BEFORE INSERT ON chats
    FOR EACH ROW WHEN (NEW.business_id IS NOT NULL) EXECUTE FUNCTION parley_stamp_dealing();

-- A user's preferences: added with the user, changed in settings or by a device's time zone.
-- They take the user's next number.
CREATE FUNCTION parley_stamp_prefs() RETURNS TRIGGER AS $$
BEGIN
    NEW.last_change := NEW.last_change + 1;
    NEW.prefs_change := NEW.last_change;
    PERFORM pg_notify('parley_changes', NEW.id::TEXT);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER prefs_added BEFORE INSERT ON users
    FOR EACH ROW EXECUTE FUNCTION parley_stamp_prefs();
CREATE TRIGGER prefs_changed BEFORE UPDATE OF all_offers, daily_cap, weekly_cap, quiet_start,
    quiet_end, time_zone ON users
    FOR EACH ROW
    WHEN (OLD.all_offers IS DISTINCT FROM NEW.all_offers
        OR OLD.daily_cap IS DISTINCT FROM NEW.daily_cap
        OR OLD.weekly_cap IS DISTINCT FROM NEW.weekly_cap
        OR OLD.quiet_start IS DISTINCT FROM NEW.quiet_start
        OR OLD.quiet_end IS DISTINCT FROM NEW.quiet_end
        OR OLD.time_zone IS DISTINCT FROM NEW.time_zone)
    EXECUTE FUNCTION parley_stamp_prefs();

-- A business changed: every user dealing with it gets it again, through a new number on the
-- user's relation with it (or, with none, on their chat). Users are taken in id order, so two
-- changes fanning out at once never wait on each other in a cycle.
CREATE FUNCTION parley_fan_out(changed BIGINT) RETURNS VOID AS $$
DECLARE
    dealer BIGINT;
BEGIN
    FOR dealer IN
        SELECT user_id FROM relations WHERE business_id = changed
        UNION SELECT user_id FROM chats WHERE business_id = changed
        ORDER BY 1
    LOOP
        UPDATE relations SET change = parley_next_change(dealer)
            WHERE user_id = dealer AND business_id = changed;
        IF NOT FOUND THEN
            UPDATE chats SET change = parley_next_change(dealer)
                WHERE user_id = dealer AND business_id = changed;
        END IF;
    END LOOP;
END;
$$ LANGUAGE plpgsql;

-- A business's name, verified mark or kind: renaming, verification.
CREATE FUNCTION parley_business_changed() RETURNS TRIGGER AS $$
BEGIN
    PERFORM parley_fan_out(NEW.id);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER business_changed AFTER UPDATE OF name, verified, kind ON businesses
    FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.verified IS DISTINCT FROM NEW.verified
        OR OLD.kind IS DISTINCT FROM NEW.kind)
    EXECUTE FUNCTION parley_business_changed();

-- A restriction added, ended or removed changes its business for every user dealing with it.
CREATE FUNCTION parley_restriction_changed() RETURNS TRIGGER AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM parley_fan_out(NEW.business_id);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM parley_fan_out(OLD.business_id);
    ELSE
        PERFORM parley_fan_out(OLD.business_id);
        IF NEW.business_id <> OLD.business_id THEN
            PERFORM parley_fan_out(NEW.business_id);
        END IF;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER restriction_added AFTER INSERT OR DELETE ON restrictions
    FOR EACH ROW EXECUTE FUNCTION parley_restriction_changed();
CREATE TRIGGER restriction_changed AFTER UPDATE ON restrictions
    FOR EACH ROW
    WHEN (OLD.business_id IS DISTINCT FROM NEW.business_id OR OLD.kind IS DISTINCT FROM NEW.kind
        OR OLD.reason IS DISTINCT FROM NEW.reason OR OLD.start IS DISTINCT FROM NEW.start
        OR OLD.end_at IS DISTINCT FROM NEW.end_at)
    EXECUTE FUNCTION parley_restriction_changed();
