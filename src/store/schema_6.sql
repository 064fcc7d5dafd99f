-- Parley's store, schema version 6: the user blocks and reports friends, not only businesses.
-- These stay on the user's device and never count towards any business's quality or figures.
ALTER TABLE contacts ADD COLUMN blocked TEXT;
ALTER TABLE contacts ADD COLUMN blocked_at INTEGER;

CREATE TABLE contact_reports (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    contact_id INTEGER NOT NULL REFERENCES contacts(id),
    reason TEXT NOT NULL,
    also_block INTEGER NOT NULL,
    at INTEGER NOT NULL,
    evidence TEXT NOT NULL
);
CREATE INDEX contact_reports_by_contact ON contact_reports (contact_id, at);
