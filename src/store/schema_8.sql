-- Parley's store, schema version 8: platform reviewers with their tokens, their decisions on
-- disabled or suspended businesses, and the businesses' requests for a review.
CREATE TABLE reviewers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    token_hash BLOB
);

CREATE TABLE review_decisions (
    id INTEGER PRIMARY KEY,
    business_id INTEGER NOT NULL REFERENCES businesses(id),
    reviewer_id INTEGER NOT NULL REFERENCES reviewers(id),
    verdict TEXT NOT NULL,
    reason TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX review_decisions_business ON review_decisions (business_id, at);

CREATE TABLE review_requests (
    id INTEGER PRIMARY KEY,
    business_id INTEGER NOT NULL REFERENCES businesses(id),
    note TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX review_requests_business ON review_requests (business_id, at);
