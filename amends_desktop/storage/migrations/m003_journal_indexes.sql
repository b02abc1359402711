-- Migration 3: indexes for the journal list at 100,000 entries.
-- Opening the list reads the live entries' ids in date order; without these it had to visit every
-- row (and decrypt every page) to check deleted_at. Partial indexes over live rows are covering
-- for the list's queries, so the ids come straight from the index.
CREATE INDEX entries_live_by_date ON entries(written_on, id) WHERE deleted_at IS NULL;
CREATE INDEX entries_live_by_kind ON entries(kind, written_on, id) WHERE deleted_at IS NULL;
CREATE INDEX entries_live_list ON entries(written_on, mood, craving, kind, plan_id, person_id) WHERE deleted_at IS NULL;
