-- Parley's store, schema version 10: each user has an IANA time zone (e.g. Europe/Madrid) that
-- quiet hours follow; NULL until a device gives its own, and UTC until then.
ALTER TABLE users ADD COLUMN time_zone TEXT;
