-- Parley's store, schema version 4: a broadcast refused for its budget is kept, with what it
-- needed and what the budget held, so the business sees the refusal in its history.

-- For status 'refused': the credits the eligible audience needed, and the budget then.
ALTER TABLE broadcasts ADD COLUMN needed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE broadcasts ADD COLUMN available INTEGER NOT NULL DEFAULT 0;
