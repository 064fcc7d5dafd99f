-- A decision keeps the values its sentence is written from (JSON of model::DecisionFacts), so
-- that the sentence can be shown in the reader's language. Rows kept before have none and show
-- their stored English sentence.
ALTER TABLE messages ADD COLUMN facts TEXT;
ALTER TABLE decisions ADD COLUMN facts TEXT;

-- A strike keeps the values its detail is written from (JSON of model::StrikeFacts), and a
-- restriction the strike it answers (JSON of model::RestrictionCause).
ALTER TABLE strikes ADD COLUMN facts TEXT;
ALTER TABLE restrictions ADD COLUMN strike TEXT;

-- A template keeps what review found (JSON of model::ReviewFinding) beside its English note.
ALTER TABLE templates ADD COLUMN review_finding TEXT;
