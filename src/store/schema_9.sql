-- Parley's store, schema version 9: templates have a life. An edit or a resubmission makes a
-- new version, reviewed again; the version it replaces is kept here. A deleted template keeps
-- its row (status 'deleted'), its versions, its history and its figures.
ALTER TABLE templates ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE template_versions (
    id INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES templates(id),
    version INTEGER NOT NULL,
    requested_category TEXT NOT NULL,
    category TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    review_rule TEXT NOT NULL,
    review_note TEXT NOT NULL,
    submitted_at INTEGER NOT NULL,
    approved_at INTEGER,
    replaced_at INTEGER NOT NULL,
    UNIQUE (template_id, version)
);
