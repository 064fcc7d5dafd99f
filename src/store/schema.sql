-- Parley's store, schema version 1.

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    all_offers INTEGER NOT NULL DEFAULT 1,
    daily_cap INTEGER NOT NULL,
    weekly_cap INTEGER NOT NULL,
    quiet_start INTEGER,
    quiet_end INTEGER,
    token_hash BLOB UNIQUE
);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    name TEXT NOT NULL
);

CREATE TABLE businesses (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    verified INTEGER NOT NULL,
    kind TEXT NOT NULL,
    quality TEXT NOT NULL,
    tier INTEGER NOT NULL,
    tier_since INTEGER NOT NULL,
    low_since INTEGER,
    budget INTEGER NOT NULL,
    token_hash BLOB UNIQUE
);

CREATE TABLE templates (
    id INTEGER PRIMARY KEY,
    business_id INTEGER NOT NULL REFERENCES businesses(id),
    name TEXT NOT NULL,
    requested_category TEXT NOT NULL,
    category TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    review_rule TEXT NOT NULL,
    review_note TEXT NOT NULL,
    allow_recategorise INTEGER NOT NULL,
    submitted_at INTEGER NOT NULL,
    approved_at INTEGER,
    paused_until INTEGER,
    pause_count INTEGER NOT NULL DEFAULT 0,
    quality TEXT NOT NULL,
    quality_since INTEGER NOT NULL,
    UNIQUE (business_id, name)
);

-- Every status change of a template: review, pauses, resumptions, disabling.
CREATE TABLE template_log (
    id INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES templates(id),
    at INTEGER NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX template_log_template ON template_log(template_id, at);

CREATE TABLE relations (
    user_id INTEGER NOT NULL REFERENCES users(id),
    business_id INTEGER NOT NULL REFERENCES businesses(id),
    subscribed INTEGER NOT NULL DEFAULT 0,
    blocked TEXT,
    blocked_at INTEGER,
    not_interested_at INTEGER,
    interested_at INTEGER,
    last_user_message_at INTEGER,
    -- 1 once the user knows this business: answered its first contact, wrote to it, subscribed.
    known INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, business_id)
) WITHOUT ROWID;
CREATE INDEX relations_subscribers ON relations(business_id, subscribed);

CREATE TABLE chats (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    contact_id INTEGER REFERENCES contacts(id),
    business_id INTEGER REFERENCES businesses(id),
    is_business INTEGER NOT NULL,
    title TEXT NOT NULL,
    verified INTEGER NOT NULL DEFAULT 0,
    muted INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0,
    unread INTEGER NOT NULL DEFAULT 0,
    last_at INTEGER,
    preview TEXT NOT NULL DEFAULT '',
    has_offers INTEGER NOT NULL DEFAULT 0,
    UNIQUE (user_id, contact_id),
    UNIQUE (user_id, business_id)
);
CREATE INDEX chats_recent ON chats(user_id, archived, last_at DESC, id DESC);
CREATE INDEX chats_unread_first ON chats(user_id, archived, (unread > 0) DESC, last_at DESC, id DESC);

-- What each tab of a user's chat list holds, kept up to date by the store as chats change (or
-- counted afresh after a big import), so that the first screen never counts a large inbox row
-- by row.
CREATE TABLE chat_counts (
    user_id INTEGER PRIMARY KEY,
    all_chats INTEGER NOT NULL DEFAULT 0,
    unread_chats INTEGER NOT NULL DEFAULT 0,
    personal INTEGER NOT NULL DEFAULT 0,
    business INTEGER NOT NULL DEFAULT 0,
    offers INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0,
    unread_messages INTEGER NOT NULL DEFAULT 0
);




CREATE TABLE messages (
    -- AUTOINCREMENT: a deleted message's id is never given to another one (clients know it).
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id INTEGER NOT NULL REFERENCES chats(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    business_id INTEGER REFERENCES businesses(id),
    direction TEXT NOT NULL,
    category TEXT,
    template_id INTEGER REFERENCES templates(id),
    broadcast_id INTEGER,
    body TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    -- When the message entered the chat (delivery, release, or sending by the user).
    shown_at INTEGER NOT NULL,
    delivered_at INTEGER,
    read_at INTEGER,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    sentence TEXT NOT NULL,
    feedback TEXT,
    feedback_at INTEGER,
    charge INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX messages_chat ON messages(chat_id, shown_at, id);
CREATE INDEX messages_held ON messages(user_id, sent_at) WHERE outcome = 'hold';
CREATE INDEX messages_marketing ON messages(user_id, delivered_at, business_id)
    WHERE category = 'marketing' AND outcome = 'deliver';
-- Whom a business reached, and with which template (the tier counts template messages only).
CREATE INDEX messages_business_reach ON messages(business_id, delivered_at, user_id, template_id)
    WHERE outcome = 'deliver' AND business_id IS NOT NULL AND direction = 'in';
CREATE INDEX messages_template_reach ON messages(template_id, delivered_at, user_id)
    WHERE outcome = 'deliver' AND template_id IS NOT NULL;

-- Every decision the policy engine made, rejections included. The body of a rejected message
-- is kept, except from a business the user blocked.
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL,
    business_id INTEGER NOT NULL,
    template_id INTEGER,
    broadcast_id INTEGER,
    category TEXT NOT NULL,
    at INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    sentence TEXT NOT NULL,
    body TEXT,
    message_id INTEGER
);
CREATE INDEX decisions_user_business ON decisions(user_id, business_id, at);
CREATE INDEX decisions_business ON decisions(business_id, at);

CREATE TABLE signals (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL,
    business_id INTEGER NOT NULL,
    template_id INTEGER,
    broadcast_id INTEGER,
    kind TEXT NOT NULL,
    reason TEXT,
    at INTEGER NOT NULL
);
CREATE INDEX signals_business ON signals(business_id, at);
CREATE INDEX signals_template ON signals(template_id, at);

CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL,
    business_id INTEGER NOT NULL,
    reason TEXT NOT NULL,
    also_block INTEGER NOT NULL,
    at INTEGER NOT NULL,
    evidence TEXT NOT NULL
);
CREATE INDEX reports_business ON reports(business_id, at);

CREATE TABLE strikes (
    id INTEGER PRIMARY KEY,
    business_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    cause TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX strikes_business ON strikes(business_id, at);

CREATE TABLE restrictions (
    id INTEGER PRIMARY KEY,
    business_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    start INTEGER NOT NULL,
    end_at INTEGER
);
CREATE INDEX restrictions_business ON restrictions(business_id, start);

CREATE TABLE quality_log (
    business_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    quality TEXT NOT NULL,
    tier INTEGER NOT NULL
);
CREATE INDEX quality_log_business ON quality_log(business_id, at);

CREATE TABLE broadcasts (
    id INTEGER PRIMARY KEY,
    business_id INTEGER NOT NULL,
    template_id INTEGER NOT NULL,
    category TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    audience INTEGER NOT NULL,
    unit_price INTEGER NOT NULL,
    reserved INTEGER NOT NULL,
    charged INTEGER NOT NULL DEFAULT 0,
    refunded INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL
);
CREATE INDEX broadcasts_business ON broadcasts(business_id, created_at);

-- Figures per business, template (0: none), broadcast (0: none) and day, kept up to date in
-- the transaction of each event so that metrics never count messages on screen.
CREATE TABLE metric_days (
    business_id INTEGER NOT NULL,
    template_id INTEGER NOT NULL,
    broadcast_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    sent INTEGER NOT NULL DEFAULT 0,
    delivered INTEGER NOT NULL DEFAULT 0,
    held INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    read INTEGER NOT NULL DEFAULT 0,
    interested INTEGER NOT NULL DEFAULT 0,
    not_interested INTEGER NOT NULL DEFAULT 0,
    blocks INTEGER NOT NULL DEFAULT 0,
    reports INTEGER NOT NULL DEFAULT 0,
    credits INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (business_id, template_id, broadcast_id, day)
) WITHOUT ROWID;
CREATE INDEX metric_days_template ON metric_days(template_id, day);
CREATE INDEX metric_days_broadcast ON metric_days(broadcast_id, day);

CREATE TABLE metric_rejects (
    business_id INTEGER NOT NULL,
    template_id INTEGER NOT NULL,
    broadcast_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    reason TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (business_id, template_id, broadcast_id, day, reason)
) WITHOUT ROWID;
