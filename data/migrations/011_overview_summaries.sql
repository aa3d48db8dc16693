-- The overview's figures from small tallies instead of the placements
-- themselves, so that showing Overblik costs the same with a million
-- placements as with a thousand. Per scheme and per month (placement_months)
-- and per day (placement_days) they count the placements that start, the
-- placements that end (end_on: the last day they run), both also among the
-- residents, and the placements still holding person data whose delete-by
-- date falls there. From those sums:
--
--   running on day d      = starts up to d − ends before d
--   running in month m    = starts in m or before − ends before m
--   due for deletion on d = deletes up to d
--
-- each a sum of the months before and the days of the last month, so a
-- count reads at most a few hundred tally rows. The triggers below keep the
-- tallies in the transaction that writes the placement (insert, any update
-- of a counted column, anonymisation, deletion); data/overview_tally_test.go
-- checks them against a recount. Rows may fall to zero and stay: a zero
-- adds nothing.
CREATE TABLE placement_months (
    month           TEXT NOT NULL,    -- 'YYYY-MM'
    scheme_id       INTEGER NOT NULL,
    starts          INTEGER NOT NULL DEFAULT 0,
    resident_starts INTEGER NOT NULL DEFAULT 0,
    ends            INTEGER NOT NULL DEFAULT 0,
    resident_ends   INTEGER NOT NULL DEFAULT 0,
    deletes         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, scheme_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE placement_days (
    day             TEXT NOT NULL,    -- 'YYYY-MM-DD'
    scheme_id       INTEGER NOT NULL,
    starts          INTEGER NOT NULL DEFAULT 0,
    resident_starts INTEGER NOT NULL DEFAULT 0,
    ends            INTEGER NOT NULL DEFAULT 0,
    resident_ends   INTEGER NOT NULL DEFAULT 0,
    deletes         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, scheme_id)
) STRICT, WITHOUT ROWID;

-- What is already there.
INSERT INTO placement_days (day, scheme_id, starts, resident_starts, ends, resident_ends, deletes)
SELECT d, scheme_id, sum(s), sum(rs), sum(e), sum(re), sum(x) FROM (
    SELECT start_on AS d, scheme_id, 1 AS s, resident AS rs, 0 AS e, 0 AS re, 0 AS x FROM placements
    UNION ALL
    SELECT end_on, scheme_id, 0, 0, 1, resident, 0 FROM placements WHERE end_on IS NOT NULL
    UNION ALL
    SELECT delete_by, scheme_id, 0, 0, 0, 0, 1 FROM placements WHERE delete_by IS NOT NULL AND anonymised_at IS NULL)
GROUP BY d, scheme_id;

INSERT INTO placement_months (month, scheme_id, starts, resident_starts, ends, resident_ends, deletes)
SELECT substr(day, 1, 7), scheme_id, sum(starts), sum(resident_starts), sum(ends), sum(resident_ends), sum(deletes)
FROM placement_days GROUP BY substr(day, 1, 7), scheme_id;

-- Each trigger adds a placement's dates (+1) or takes them away (−1): one
-- row per date, which one upsert per tally folds in.
CREATE TRIGGER placement_tally_insert AFTER INSERT ON placements
BEGIN
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
END;

CREATE TRIGGER placement_tally_delete AFTER DELETE ON placements
BEGIN
    INSERT INTO placement_days (day, scheme_id, starts, resident_starts, ends, resident_ends, deletes)
    SELECT c1, OLD.scheme_id, c2, c3, c4, c5, c6 FROM (
        SELECT OLD.start_on AS c1, -1 AS c2, -OLD.resident AS c3, 0 AS c4, 0 AS c5, 0 AS c6
        UNION ALL SELECT OLD.end_on, 0, 0, -1, -OLD.resident, 0
        UNION ALL SELECT CASE WHEN OLD.anonymised_at IS NULL THEN OLD.delete_by END, 0, 0, 0, 0, -1)
    WHERE c1 IS NOT NULL
    ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, resident_starts = resident_starts + excluded.resident_starts,
        ends = ends + excluded.ends, resident_ends = resident_ends + excluded.resident_ends, deletes = deletes + excluded.deletes;
    INSERT INTO placement_months (month, scheme_id, starts, resident_starts, ends, resident_ends, deletes)
    SELECT substr(c1, 1, 7), OLD.scheme_id, c2, c3, c4, c5, c6 FROM (
        SELECT OLD.start_on AS c1, -1 AS c2, -OLD.resident AS c3, 0 AS c4, 0 AS c5, 0 AS c6
        UNION ALL SELECT OLD.end_on, 0, 0, -1, -OLD.resident, 0
        UNION ALL SELECT CASE WHEN OLD.anonymised_at IS NULL THEN OLD.delete_by END, 0, 0, 0, 0, -1)
    WHERE c1 IS NOT NULL
    ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, resident_starts = resident_starts + excluded.resident_starts,
        ends = ends + excluded.ends, resident_ends = resident_ends + excluded.resident_ends, deletes = deletes + excluded.deletes;
END;

-- An update takes the old dates away and adds the new ones, only when a
-- counted column really changed (a save writes every column).
CREATE TRIGGER placement_tally_update AFTER UPDATE OF start_on, end_on, scheme_id, resident, delete_by, anonymised_at ON placements
WHEN OLD.start_on IS NOT NEW.start_on OR OLD.end_on IS NOT NEW.end_on OR OLD.scheme_id IS NOT NEW.scheme_id
    OR OLD.resident IS NOT NEW.resident OR OLD.delete_by IS NOT NEW.delete_by
    OR (OLD.anonymised_at IS NULL) IS NOT (NEW.anonymised_at IS NULL)
BEGIN
    INSERT INTO placement_days (day, scheme_id, starts, resident_starts, ends, resident_ends, deletes)
    SELECT c1, c2, c3, c4, c5, c6, c7 FROM (
        SELECT OLD.start_on AS c1, OLD.scheme_id AS c2, -1 AS c3, -OLD.resident AS c4, 0 AS c5, 0 AS c6, 0 AS c7
        UNION ALL SELECT OLD.end_on, OLD.scheme_id, 0, 0, -1, -OLD.resident, 0
        UNION ALL SELECT CASE WHEN OLD.anonymised_at IS NULL THEN OLD.delete_by END, OLD.scheme_id, 0, 0, 0, 0, -1
        UNION ALL SELECT NEW.start_on, NEW.scheme_id, 1, NEW.resident, 0, 0, 0
        UNION ALL SELECT NEW.end_on, NEW.scheme_id, 0, 0, 1, NEW.resident, 0
        UNION ALL SELECT CASE WHEN NEW.anonymised_at IS NULL THEN NEW.delete_by END, NEW.scheme_id, 0, 0, 0, 0, 1)
    WHERE c1 IS NOT NULL
    ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, resident_starts = resident_starts + excluded.resident_starts,
        ends = ends + excluded.ends, resident_ends = resident_ends + excluded.resident_ends, deletes = deletes + excluded.deletes;
    INSERT INTO placement_months (month, scheme_id, starts, resident_starts, ends, resident_ends, deletes)
    SELECT substr(c1, 1, 7), c2, c3, c4, c5, c6, c7 FROM (
        SELECT OLD.start_on AS c1, OLD.scheme_id AS c2, -1 AS c3, -OLD.resident AS c4, 0 AS c5, 0 AS c6, 0 AS c7
        UNION ALL SELECT OLD.end_on, OLD.scheme_id, 0, 0, -1, -OLD.resident, 0
        UNION ALL SELECT CASE WHEN OLD.anonymised_at IS NULL THEN OLD.delete_by END, OLD.scheme_id, 0, 0, 0, 0, -1
        UNION ALL SELECT NEW.start_on, NEW.scheme_id, 1, NEW.resident, 0, 0, 0
        UNION ALL SELECT NEW.end_on, NEW.scheme_id, 0, 0, 1, NEW.resident, 0
        UNION ALL SELECT CASE WHEN NEW.anonymised_at IS NULL THEN NEW.delete_by END, NEW.scheme_id, 0, 0, 0, 0, 1)
    WHERE c1 IS NOT NULL
    ON CONFLICT DO UPDATE SET starts = starts + excluded.starts, resident_starts = resident_starts + excluded.resident_starts,
        ends = ends + excluded.ends, resident_ends = resident_ends + excluded.resident_ends, deletes = deletes + excluded.deletes;
END;

-- The chart reads placement_months now; the month indexes only it used
-- would cost every write for nothing.
DROP INDEX placements_end_month;
DROP INDEX placements_start_month;

-- The placements whose person data is due for deletion, read in their
-- order from an index that holds every column DuePlacements and the
-- overview's list read: a range bounded by how many are due, in a few
-- pages, instead of a row fetched from anywhere in the table for each. It
-- replaces placements_due (the same rows, without the columns).
DROP INDEX placements_due;
CREATE INDEX placements_due_rows ON placements (delete_by, id, organisation_id, pseudonym, position_id, scheme_id,
    hours_per_week, resident, target_group_id, start_on, end_on, case_closed_on, notes, anonymised_at, created_at,
    updated_at)
    WHERE delete_by IS NOT NULL AND anonymised_at IS NULL;

-- The agreements counted per status from an index.
CREATE INDEX agreements_status ON agreements (status);

-- The leases counted per status on a day (CountLeasesByStatus) and read
-- for what falls due (LeasesDue) from an index holding the terms those
-- read, narrower than the lease rows, which neither then opens.
CREATE INDEX leases_status ON leases (archived_at, end_on, notice_given_on, start_on, non_terminable_months,
    notice_months_landlord, notice_months_tenant, notice_given_by, tenant_id);

-- The enterprises still waiting for the steering group's approval, in
-- Danish order straight from an index of the enterprises alone.
CREATE INDEX organisations_enterprises ON organisations (sort_key, id, name, kind, archived_at)
    WHERE kind = 'virksomhed' AND archived_at IS NULL;
