-- Parley's store: businesses, the users' relations with them, their restrictions, the chats
-- that start a dealing and the users' preferences take change numbers from the same counter as
-- messages, so a page of changes carries only the businesses and preferences that changed
-- after the client's cursor. Triggers take the numbers, so that no write can forget one; a
-- business chat takes its number where it is opened (`Tx::ensure_chat`, before the chat's first
-- message takes its own), so that a bulk import of chats does not pay for it.
ALTER TABLE businesses ADD COLUMN change INTEGER NOT NULL DEFAULT 0;
ALTER TABLE relations ADD COLUMN change INTEGER NOT NULL DEFAULT 0;
ALTER TABLE chats ADD COLUMN change INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN prefs_change INTEGER NOT NULL DEFAULT 0;

CREATE INDEX businesses_changes ON businesses(change);
CREATE INDEX relations_changes ON relations(user_id, change);
CREATE INDEX chats_changes ON chats(user_id, change) WHERE business_id IS NOT NULL;

-- A business's name, verified mark or kind: registration, verification, renaming.
CREATE TRIGGER business_registered AFTER INSERT ON businesses
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'change';
    UPDATE businesses SET change = (SELECT value FROM counters WHERE name = 'change') WHERE id = new.id;
END;

CREATE TRIGGER business_changed AFTER UPDATE OF name, verified, kind ON businesses
WHEN old.name IS NOT new.name OR old.verified IS NOT new.verified OR old.kind IS NOT new.kind
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'change';
    UPDATE businesses SET change = (SELECT value FROM counters WHERE name = 'change') WHERE id = new.id;
END;

-- A restriction added, ended or removed changes its business for every user dealing with it.
CREATE TRIGGER restriction_added AFTER INSERT ON restrictions
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'change';
    UPDATE businesses SET change = (SELECT value FROM counters WHERE name = 'change') WHERE id = new.business_id;
END;

CREATE TRIGGER restriction_changed AFTER UPDATE OF business_id, kind, reason, start, end_at ON restrictions
WHEN old.business_id IS NOT new.business_id OR old.kind IS NOT new.kind OR old.reason IS NOT new.reason
    OR old.start IS NOT new.start OR old.end_at IS NOT new.end_at
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'change';
    UPDATE businesses SET change = (SELECT value FROM counters WHERE name = 'change')
    WHERE id IN (old.business_id, new.business_id);
END;

CREATE TRIGGER restriction_removed AFTER DELETE ON restrictions
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'change';
    UPDATE businesses SET change = (SELECT value FROM counters WHERE name = 'change') WHERE id = old.business_id;
END;

-- A user's relation with a business: subscribing, blocking, interest, replies, first contact.
CREATE TRIGGER relation_added AFTER INSERT ON relations
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'change';
    UPDATE relations SET change = (SELECT value FROM counters WHERE name = 'change')
    WHERE user_id = new.user_id AND business_id = new.business_id;
END;

CREATE TRIGGER relation_changed AFTER UPDATE OF subscribed, blocked, blocked_at, not_interested_at,
    interested_at, last_user_message_at, known ON relations
WHEN old.subscribed IS NOT new.subscribed OR old.blocked IS NOT new.blocked
    OR old.blocked_at IS NOT new.blocked_at OR old.not_interested_at IS NOT new.not_interested_at
    OR old.interested_at IS NOT new.interested_at
    OR old.last_user_message_at IS NOT new.last_user_message_at OR old.known IS NOT new.known
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'change';
    UPDATE relations SET change = (SELECT value FROM counters WHERE name = 'change')
    WHERE user_id = new.user_id AND business_id = new.business_id;
END;

-- A user's preferences: added with the user, changed in settings or by a device's time zone.
CREATE TRIGGER prefs_added AFTER INSERT ON users
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'change';
    UPDATE users SET prefs_change = (SELECT value FROM counters WHERE name = 'change') WHERE id = new.id;
END;

CREATE TRIGGER prefs_changed AFTER UPDATE OF all_offers, daily_cap, weekly_cap, quiet_start, quiet_end,
    time_zone ON users
WHEN old.all_offers IS NOT new.all_offers OR old.daily_cap IS NOT new.daily_cap
    OR old.weekly_cap IS NOT new.weekly_cap OR old.quiet_start IS NOT new.quiet_start
    OR old.quiet_end IS NOT new.quiet_end OR old.time_zone IS NOT new.time_zone
BEGIN
    UPDATE counters SET value = value + 1 WHERE name = 'change';
    UPDATE users SET prefs_change = (SELECT value FROM counters WHERE name = 'change') WHERE id = new.id;
END;
