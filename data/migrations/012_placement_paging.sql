-- Summary counts for the Placeringer list, kept by triggers in the same
-- transaction that writes a placement, so a count or a jump deep into the
-- list reads a handful of rows instead of every placement. A row whose
-- counts fall to 0 is deleted by the same trigger, so each table holds
-- exactly what a recount of placements gives (staff_placement_counts_test.go).

-- Placements per enterprise: a jump to row N walks the enterprises in list
-- order summing these (one row each, not one per placement) and starts the
-- page inside the enterprise that holds row N.
CREATE TABLE placement_org_counts (
    organisation_id INTEGER PRIMARY KEY,
    n               INTEGER NOT NULL CHECK (n >= 0)
) STRICT;

-- Placements per scheme and enterprise: the same for a list filtered on a
-- scheme.
CREATE TABLE placement_org_scheme_counts (
    scheme_id       INTEGER NOT NULL,
    organisation_id INTEGER NOT NULL,
    n               INTEGER NOT NULL CHECK (n >= 0),
    PRIMARY KEY (scheme_id, organisation_id)
) STRICT, WITHOUT ROWID;

-- Placements per scheme, and how many of them have an end date.
CREATE TABLE placement_scheme_counts (
    scheme_id INTEGER PRIMARY KEY,
    n         INTEGER NOT NULL CHECK (n >= 0),
    ended     INTEGER NOT NULL CHECK (ended >= 0)
) STRICT;

-- Starts and ends per scheme and day. The placements running on day D are
-- all of them, less those starting after D, less those with an end before D
-- (all ended, less those ending on D or later): sums over the days after
-- D only, a few hundred rows for today however many placements there are.
CREATE TABLE placement_day_counts (
    scheme_id INTEGER NOT NULL,
    day       TEXT NOT NULL,
    starts    INTEGER NOT NULL CHECK (starts >= 0),
    ends      INTEGER NOT NULL CHECK (ends >= 0),
    PRIMARY KEY (scheme_id, day)
) STRICT, WITHOUT ROWID;

-- Bumped by every write that moves a row of the list to another place in
-- it (a placement added, removed or moved to another enterprise or scheme,
-- an enterprise renamed, archived or restored), so the store knows when the
-- enterprises' running sums it keeps for jumps must be read again.
CREATE TABLE placement_list_changes (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
) STRICT;
INSERT INTO placement_list_changes (id, n) VALUES (1, 0);

CREATE TRIGGER placement_list_org_moved AFTER UPDATE OF sort_key, archived_at ON organisations
WHEN OLD.sort_key IS NOT NEW.sort_key OR (OLD.archived_at IS NULL) IS NOT (NEW.archived_at IS NULL)
BEGIN
    UPDATE placement_list_changes SET n = n + 1;
END;

CREATE TRIGGER placement_list_org_deleted AFTER DELETE ON organisations
BEGIN
    UPDATE placement_list_changes SET n = n + 1;
END;

INSERT INTO placement_org_counts (organisation_id, n)
    SELECT organisation_id, count(*) FROM placements GROUP BY organisation_id;
INSERT INTO placement_org_scheme_counts (scheme_id, organisation_id, n)
    SELECT scheme_id, organisation_id, count(*) FROM placements GROUP BY scheme_id, organisation_id;
INSERT INTO placement_scheme_counts (scheme_id, n, ended)
    SELECT scheme_id, count(*), count(end_on) FROM placements GROUP BY scheme_id;
INSERT INTO placement_day_counts (scheme_id, day, starts, ends)
    SELECT scheme_id, day, sum(s), sum(e) FROM (
        SELECT scheme_id, start_on AS day, 1 AS s, 0 AS e FROM placements
        UNION ALL
        SELECT scheme_id, end_on, 0, 1 FROM placements WHERE end_on IS NOT NULL)
    GROUP BY scheme_id, day;

CREATE TRIGGER placement_counts_insert AFTER INSERT ON placements
BEGIN
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
END;

CREATE TRIGGER placement_counts_delete AFTER DELETE ON placements
BEGIN
    UPDATE placement_org_counts SET n = n - 1 WHERE organisation_id = OLD.organisation_id;
    DELETE FROM placement_org_counts WHERE organisation_id = OLD.organisation_id AND n = 0;
    UPDATE placement_org_scheme_counts SET n = n - 1
        WHERE scheme_id = OLD.scheme_id AND organisation_id = OLD.organisation_id;
    DELETE FROM placement_org_scheme_counts
        WHERE scheme_id = OLD.scheme_id AND organisation_id = OLD.organisation_id AND n = 0;
    UPDATE placement_scheme_counts SET n = n - 1, ended = ended - (OLD.end_on IS NOT NULL)
        WHERE scheme_id = OLD.scheme_id;
    DELETE FROM placement_scheme_counts WHERE scheme_id = OLD.scheme_id AND n = 0;
    UPDATE placement_day_counts SET starts = starts - 1 WHERE scheme_id = OLD.scheme_id AND day = OLD.start_on;
    UPDATE placement_day_counts SET ends = ends - 1 WHERE scheme_id = OLD.scheme_id AND day = OLD.end_on;
    DELETE FROM placement_day_counts WHERE scheme_id = OLD.scheme_id AND day IN (OLD.start_on, OLD.end_on)
        AND starts = 0 AND ends = 0;
    UPDATE placement_list_changes SET n = n + 1;
END;

-- A move to another enterprise, scheme or period counts as the old row
-- leaving and the new one arriving; an edit of anything else costs nothing.
CREATE TRIGGER placement_counts_update AFTER UPDATE OF organisation_id, scheme_id, start_on, end_on ON placements
WHEN OLD.organisation_id IS NOT NEW.organisation_id OR OLD.scheme_id IS NOT NEW.scheme_id
    OR OLD.start_on IS NOT NEW.start_on OR OLD.end_on IS NOT NEW.end_on
BEGIN
    UPDATE placement_org_counts SET n = n - 1 WHERE organisation_id = OLD.organisation_id;
    DELETE FROM placement_org_counts WHERE organisation_id = OLD.organisation_id AND n = 0;
    UPDATE placement_org_scheme_counts SET n = n - 1
        WHERE scheme_id = OLD.scheme_id AND organisation_id = OLD.organisation_id;
    DELETE FROM placement_org_scheme_counts
        WHERE scheme_id = OLD.scheme_id AND organisation_id = OLD.organisation_id AND n = 0;
    UPDATE placement_scheme_counts SET n = n - 1, ended = ended - (OLD.end_on IS NOT NULL)
        WHERE scheme_id = OLD.scheme_id;
    DELETE FROM placement_scheme_counts WHERE scheme_id = OLD.scheme_id AND n = 0;
    UPDATE placement_day_counts SET starts = starts - 1 WHERE scheme_id = OLD.scheme_id AND day = OLD.start_on;
    UPDATE placement_day_counts SET ends = ends - 1 WHERE scheme_id = OLD.scheme_id AND day = OLD.end_on;
    DELETE FROM placement_day_counts WHERE scheme_id = OLD.scheme_id AND day IN (OLD.start_on, OLD.end_on)
        AND starts = 0 AND ends = 0;
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
END;

-- Search-as-you-type over the organisations: a trigram index of their
-- folded search text finds the few that hold a typed word of three letters
-- or more without reading all 10.000 (the query still checks instr, so the
-- index only narrows the rows, it never decides a match). It holds names,
-- CVR numbers, towns and roles, no person data.
CREATE VIRTUAL TABLE organisation_search USING fts5(search_text, content='organisations', content_rowid='id',
    tokenize='trigram');
INSERT INTO organisation_search (organisation_search) VALUES ('rebuild');

CREATE TRIGGER organisation_search_insert AFTER INSERT ON organisations
BEGIN
    INSERT INTO organisation_search (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;

CREATE TRIGGER organisation_search_delete AFTER DELETE ON organisations
BEGIN
    INSERT INTO organisation_search (organisation_search, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
END;

CREATE TRIGGER organisation_search_update AFTER UPDATE OF search_text ON organisations
WHEN OLD.search_text IS NOT NEW.search_text
BEGIN
    INSERT INTO organisation_search (organisation_search, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
    INSERT INTO organisation_search (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;
