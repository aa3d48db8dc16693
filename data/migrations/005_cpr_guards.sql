-- 005_cpr_guards: the schema's last guard against a CPR number in the
-- person-data text columns, for a file written by another tool (the program
-- itself refuses one earlier, in data/dk.FindCPR, with the field's message).
--
-- SQL cannot check a date or the century rule, so the guard holds the common
-- forms only, with a real day (01–31) and month (01–12): DDMMYY-SSSS,
-- DDMMYYSSSS, DD.MM.YY-SSSS and DD.MM.YYSSSS, where '.', '/', a space, a
-- no-break space, a hyphen, the dashes and the minus sign may stand for any
-- separator, and never inside a longer run of digits. The value is written
-- between two spaces with every separator turned into '-', so one pattern
-- per form and day/month range finds it anywhere in the text. P-numbers,
-- CVR and EAN have columns of their own and are not guarded here; neither
-- are form drafts, which hold P-numbers as typed (data/store_drafts_cpr.go
-- leaves out every CPR number before a draft is written).
--
-- The patterns are rows of cpr_globs, so each trigger names them once;
-- the rows are fixed.

CREATE TABLE cpr_globs (
    pattern TEXT PRIMARY KEY
) WITHOUT ROWID;

INSERT INTO cpr_globs (pattern) VALUES
    ('*[^0-9]0[1-9]0[1-9][0-9][0-9]-[0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]0[1-9]1[0-2][0-9][0-9]-[0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9]0[1-9][0-9][0-9]-[0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9]1[0-2][0-9][0-9]-[0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01]0[1-9][0-9][0-9]-[0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01]1[0-2][0-9][0-9]-[0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]0[1-9]0[1-9][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]0[1-9]1[0-2][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9]0[1-9][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9]1[0-2][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01]0[1-9][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01]1[0-2][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]0[1-9]-0[1-9]-[0-9][0-9]-[0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]0[1-9]-1[0-2]-[0-9][0-9]-[0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9]-0[1-9]-[0-9][0-9]-[0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9]-1[0-2]-[0-9][0-9]-[0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01]-0[1-9]-[0-9][0-9]-[0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01]-1[0-2]-[0-9][0-9]-[0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]0[1-9]-0[1-9]-[0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]0[1-9]-1[0-2]-[0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9]-0[1-9]-[0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9]-1[0-2]-[0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01]-0[1-9]-[0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01]-1[0-2]-[0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*');

CREATE TRIGGER cpr_globs_no_delete BEFORE DELETE ON cpr_globs
BEGIN
    SELECT RAISE(ABORT, 'CPR-vagtens mønstre kan ikke ændres');
END;

CREATE TRIGGER cpr_globs_no_update BEFORE UPDATE ON cpr_globs
BEGIN
    SELECT RAISE(ABORT, 'CPR-vagtens mønstre kan ikke ændres');
END;

CREATE TRIGGER cpr_globs_no_insert BEFORE INSERT ON cpr_globs
WHEN (SELECT count(*) FROM cpr_globs) >= 24
BEGIN
    SELECT RAISE(ABORT, 'CPR-vagtens mønstre kan ikke ændres');
END;

CREATE TRIGGER organisations_no_cpr_insert BEFORE INSERT ON organisations
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.address, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.city, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.role, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (organisations)');
END;

CREATE TRIGGER organisations_no_cpr_update BEFORE UPDATE OF name, address, city, role, notes ON organisations
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.address, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.city, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.role, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (organisations)');
END;

CREATE TRIGGER contacts_no_cpr_insert BEFORE INSERT ON contacts
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.email, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.phone, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.role, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (contacts)');
END;

CREATE TRIGGER contacts_no_cpr_update BEFORE UPDATE OF name, title, email, phone, role, notes ON contacts
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.email, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.phone, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.role, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (contacts)');
END;

CREATE TRIGGER approvals_no_cpr_insert BEFORE INSERT ON approvals
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.reference, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (approvals)');
END;

CREATE TRIGGER approvals_no_cpr_update BEFORE UPDATE OF reference, notes ON approvals
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.reference, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (approvals)');
END;

CREATE TRIGGER premises_no_cpr_insert BEFORE INSERT ON premises
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.address, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.city, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (premises)');
END;

CREATE TRIGGER premises_no_cpr_update BEFORE UPDATE OF name, address, city, notes ON premises
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.address, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.city, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (premises)');
END;

CREATE TRIGGER rooms_no_cpr_insert BEFORE INSERT ON rooms
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (rooms)');
END;

CREATE TRIGGER rooms_no_cpr_update BEFORE UPDATE OF name, notes ON rooms
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (rooms)');
END;

CREATE TRIGGER leases_no_cpr_insert BEFORE INSERT ON leases
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW."use", '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (leases)');
END;

CREATE TRIGGER leases_no_cpr_update BEFORE UPDATE OF "use", notes ON leases
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW."use", '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (leases)');
END;

CREATE TRIGGER positions_no_cpr_insert BEFORE INSERT ON positions
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (positions)');
END;

CREATE TRIGGER positions_no_cpr_update BEFORE UPDATE OF title, notes ON positions
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (positions)');
END;

CREATE TRIGGER placements_no_cpr_insert BEFORE INSERT ON placements
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.pseudonym, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (placements)');
END;

CREATE TRIGGER placements_no_cpr_update BEFORE UPDATE OF pseudonym, notes ON placements
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.pseudonym, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (placements)');
END;

CREATE TRIGGER schemes_no_cpr_insert BEFORE INSERT ON schemes
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (schemes)');
END;

CREATE TRIGGER schemes_no_cpr_update BEFORE UPDATE OF name ON schemes
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (schemes)');
END;

CREATE TRIGGER target_groups_no_cpr_insert BEFORE INSERT ON target_groups
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (target_groups)');
END;

CREATE TRIGGER target_groups_no_cpr_update BEFORE UPDATE OF name ON target_groups
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (target_groups)');
END;

CREATE TRIGGER targets_no_cpr_insert BEFORE INSERT ON targets
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.unit, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.evidence, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (targets)');
END;

CREATE TRIGGER targets_no_cpr_update BEFORE UPDATE OF name, unit, evidence, notes ON targets
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.unit, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.evidence, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (targets)');
END;

CREATE TRIGGER templates_no_cpr_insert BEFORE INSERT ON templates
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.description, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (templates)');
END;

CREATE TRIGGER templates_no_cpr_update BEFORE UPDATE OF name, description ON templates
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.description, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (templates)');
END;

CREATE TRIGGER template_versions_no_cpr_insert BEFORE INSERT ON template_versions
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.body, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (template_versions)');
END;

CREATE TRIGGER template_versions_no_cpr_update BEFORE UPDATE OF body ON template_versions
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.body, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (template_versions)');
END;

CREATE TRIGGER agreements_no_cpr_insert BEFORE INSERT ON agreements
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.body, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.place, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.rejected_reason, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreements)');
END;

CREATE TRIGGER agreements_no_cpr_update BEFORE UPDATE OF title, body, place, rejected_reason ON agreements
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.body, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.place, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.rejected_reason, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreements)');
END;

CREATE TRIGGER agreement_parties_no_cpr_insert BEFORE INSERT ON agreement_parties
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.role, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreement_parties)');
END;

CREATE TRIGGER agreement_parties_no_cpr_update BEFORE UPDATE OF role ON agreement_parties
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.role, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreement_parties)');
END;

CREATE TRIGGER signatories_no_cpr_insert BEFORE INSERT ON signatories
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.organisation_name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (signatories)');
END;

CREATE TRIGGER signatories_no_cpr_update BEFORE UPDATE OF name, title, organisation_name ON signatories
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.organisation_name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (signatories)');
END;

CREATE TRIGGER signatures_no_cpr_insert BEFORE INSERT ON signatures
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.typed_name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.place, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (signatures)');
END;

CREATE TRIGGER signatures_no_cpr_update BEFORE UPDATE OF typed_name, place ON signatures
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.typed_name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.place, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (signatures)');
END;

CREATE TRIGGER bodies_no_cpr_insert BEFORE INSERT ON bodies
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (bodies)');
END;

CREATE TRIGGER bodies_no_cpr_update BEFORE UPDATE OF name ON bodies
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (bodies)');
END;

CREATE TRIGGER memberships_no_cpr_insert BEFORE INSERT ON memberships
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.role, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (memberships)');
END;

CREATE TRIGGER memberships_no_cpr_update BEFORE UPDATE OF role ON memberships
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.role, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (memberships)');
END;

CREATE TRIGGER meetings_no_cpr_insert BEFORE INSERT ON meetings
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.place, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (meetings)');
END;

CREATE TRIGGER meetings_no_cpr_update BEFORE UPDATE OF title, place, notes ON meetings
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.place, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (meetings)');
END;

CREATE TRIGGER checklist_items_no_cpr_insert BEFORE INSERT ON checklist_items
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.description, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.decision, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (checklist_items)');
END;

CREATE TRIGGER checklist_items_no_cpr_update BEFORE UPDATE OF title, description, decision ON checklist_items
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.description, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.decision, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (checklist_items)');
END;

CREATE TRIGGER risks_no_cpr_insert BEFORE INSERT ON risks
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.description, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.response, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (risks)');
END;

CREATE TRIGGER risks_no_cpr_update BEFORE UPDATE OF title, description, response ON risks
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.description, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.response, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (risks)');
END;

CREATE TRIGGER grants_no_cpr_insert BEFORE INSERT ON grants
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.grantor, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.purpose, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.project, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.conditions, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (grants)');
END;

CREATE TRIGGER grants_no_cpr_update BEFORE UPDATE OF grantor, purpose, project, conditions, notes ON grants
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.grantor, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.purpose, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.project, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.conditions, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.notes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (grants)');
END;

CREATE TRIGGER grant_reports_no_cpr_insert BEFORE INSERT ON grant_reports
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.what, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (grant_reports)');
END;

CREATE TRIGGER grant_reports_no_cpr_update BEFORE UPDATE OF what ON grant_reports
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.what, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (grant_reports)');
END;

CREATE TRIGGER agenda_items_no_cpr_insert BEFORE INSERT ON agenda_items
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.body, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.minutes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.decision, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agenda_items)');
END;

CREATE TRIGGER agenda_items_no_cpr_update BEFORE UPDATE OF title, body, minutes, decision ON agenda_items
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.title, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.body, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.minutes, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern
    OR ' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.decision, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agenda_items)');
END;

CREATE TRIGGER action_items_no_cpr_insert BEFORE INSERT ON action_items
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.what, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (action_items)');
END;

CREATE TRIGGER action_items_no_cpr_update BEFORE UPDATE OF what ON action_items
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.what, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (action_items)');
END;

CREATE TRIGGER meeting_corrections_no_cpr_insert BEFORE INSERT ON meeting_corrections
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.text, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (meeting_corrections)');
END;

CREATE TRIGGER meeting_corrections_no_cpr_update BEFORE UPDATE OF text ON meeting_corrections
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE
' ' || replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.text, '.', '-'), '/', '-'), ' ', '-'), char(160), '-'), char(8208), '-'), char(8209), '-'), char(8210), '-'), char(8211), '-'), char(8212), '-'), char(8722), '-') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (meeting_corrections)');
END;
