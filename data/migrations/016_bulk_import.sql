-- An import of many placements writes them a few hundred to a statement,
-- and then brings the summaries up to date with one statement per summary
-- table for a few thousand at a time (import_summaries.go), instead of the
-- trigger below doing it for each row: per row, the search index wrote a
-- segment of its own and merged it, and the tallies and counts were seven
-- upserts.
--
-- The import inserts the one row of bulk_import, writes the placements, adds
-- them to the summaries and deletes the row, all in its transaction, so no
-- other connection ever sees it and no row is ever committed (Check reports
-- one that is). Only the summaries and the search index wait for it; the
-- guards (the CPR guard, the position's enterprise, every CHECK) stay as
-- they were and refuse a bad row during an import too.
CREATE TABLE bulk_import (
    id INTEGER PRIMARY KEY CHECK (id = 1)
) STRICT;

-- 011's tally trigger, 012's count trigger and 015's search trigger, as
-- one trigger that waits for the import's row: a trigger costs SQLite a
-- call for every row even when its condition says no, and these three ran
-- for every placement an import wrote. Their statements are as they were.
DROP TRIGGER placement_tally_insert;
DROP TRIGGER placement_counts_insert;
DROP TRIGGER placement_search_insert;
CREATE TRIGGER placement_summaries_insert AFTER INSERT ON placements
WHEN NOT EXISTS (SELECT 1 FROM bulk_import)
BEGIN
    -- 011: the overview's tallies per day and per month.
    INSERT INTO placement_days (day, scheme_id, starts, resident_starts, ends, resident_ends, deletes)
    SELECT c1, NEW.scheme_id, c2, c3, c4, c5, c6 FROM (
        SELECT NEW.start_on AS c1, 1 AS c2, NEW.resident AS c3, 0 AS c4, 0 AS c5, 0 AS c6
        UNION ALL SELECT NEW.end_on, 0, 0, 1, NEW.resident, 0
        UNION ALL SELECT CASE WHEN NEW.anonymised_at IS NULL THEN NEW.delete_by END, 0, 0, 0, 0, 1)
    WHERE c1 IS NOT NULL
    ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, resident_starts = resident_starts + excluded.resident_starts,
        ends = ends + excluded.ends, resident_ends = resident_ends + excluded.resident_ends, deletes = deletes + excluded.deletes;
    INSERT INTO placement_months (month, scheme_id, starts, resident_starts, ends, resident_ends, deletes)
    SELECT substr(c1, 1, 7), NEW.scheme_id, c2, c3, c4, c5, c6 FROM (
        SELECT NEW.start_on AS c1, 1 AS c2, NEW.resident AS c3, 0 AS c4, 0 AS c5, 0 AS c6
        UNION ALL SELECT NEW.end_on, 0, 0, 1, NEW.resident, 0
        UNION ALL SELECT CASE WHEN NEW.anonymised_at IS NULL THEN NEW.delete_by END, 0, 0, 0, 0, 1)
    WHERE c1 IS NOT NULL
    ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, resident_starts = resident_starts + excluded.resident_starts,
        ends = ends + excluded.ends, resident_ends = resident_ends + excluded.resident_ends, deletes = deletes + excluded.deletes;

    -- 012: the list's counts.
    INSERT INTO placement_org_counts (organisation_id, n) VALUES (NEW.organisation_id, 1)
        ON CONFLICT (organisation_id) DO UPDATE SET n = n + 1;
    INSERT INTO placement_org_scheme_counts (scheme_id, organisation_id, n) VALUES (NEW.scheme_id, NEW.organisation_id, 1)
        ON CONFLICT (scheme_id, organisation_id) DO UPDATE SET n = n + 1;
    INSERT INTO placement_scheme_counts (scheme_id, n, ended) VALUES (NEW.scheme_id, 1, NEW.end_on IS NOT NULL)
        ON CONFLICT (scheme_id) DO UPDATE SET n = n + 1, ended = ended + (NEW.end_on IS NOT NULL);
    INSERT INTO placement_day_counts (scheme_id, day, starts, ends) VALUES (NEW.scheme_id, NEW.start_on, 1, 0)
        ON CONFLICT (scheme_id, day) DO UPDATE SET starts = starts + 1;
    INSERT INTO placement_day_counts (scheme_id, day, starts, ends)
        SELECT NEW.scheme_id, NEW.end_on, 0, 1 WHERE NEW.end_on IS NOT NULL
        ON CONFLICT (scheme_id, day) DO UPDATE SET ends = ends + 1;
    UPDATE placement_list_changes SET n = n + 1;

    -- 015: the pseudonyms' trigram index, for the ids that fit its rowids
    -- (what was the trigger's own condition).
    INSERT INTO placement_search (rowid, search_text)
        SELECT NEW.organisation_id * 4294967296 + NEW.id, NEW.search_text
        WHERE NEW.id BETWEEN 0 AND 4294967295 AND NEW.organisation_id BETWEEN 0 AND 2147483647;
END;
