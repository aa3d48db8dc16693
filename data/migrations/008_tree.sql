-- 007_tree: the agreement tree's own facts. A sub-agreement names the
-- agreement it hangs under in agreements.parent_id (001); what this adds
-- sits in tables of its own, so that a signed agreement's row is never
-- touched: an accession is a Tillæg (a child agreement) that names the
-- organisation joining, and an agreement's ending is an event beside it.

-- A Tillæg by which one organisation joins the agreement it hangs under.
-- The organisation is a member from the Tillæg's valid_from once the
-- Tillæg is signed (data/agreement_accession.go).
CREATE TABLE agreement_accessions (
    agreement_id    INTEGER PRIMARY KEY REFERENCES agreements (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id)
) STRICT;
CREATE INDEX agreement_accessions_organisation ON agreement_accessions (organisation_id);

-- Only a draft becomes a Tillæg, and it stays one: the parties sign what
-- they were sent.
CREATE TRIGGER agreement_accessions_draft_only BEFORE INSERT ON agreement_accessions
WHEN (SELECT status FROM agreements WHERE id = NEW.agreement_id) IS NOT 'draft'
    OR (SELECT parent_id FROM agreements WHERE id = NEW.agreement_id) IS NULL
BEGIN
    SELECT RAISE(ABORT, 'en tiltrædelse er en kladde til et tillæg under den aftale, der tiltrædes');
END;

CREATE TRIGGER agreement_accessions_no_update BEFORE UPDATE ON agreement_accessions
BEGIN
    SELECT RAISE(ABORT, 'en tiltrædelse kan ikke ændres; slet kladden og lav en ny');
END;

-- How an agreement ended: notice given (opsigelse), it ran out (udløb) or
-- it was cancelled for breach (ophævelse), on a date, with a reason. One
-- ending per agreement; only a signed agreement ends, never before it
-- began.
CREATE TABLE agreement_endings (
    agreement_id INTEGER PRIMARY KEY REFERENCES agreements (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('opsigelse', 'udloeb', 'ophaevelse')),
    ended_on     TEXT NOT NULL CHECK (date(ended_on) IS ended_on),
    reason       TEXT NOT NULL CHECK (trim(reason) <> '' AND length(reason) <= 2000),
    created_at   TEXT NOT NULL
) STRICT;

CREATE TRIGGER agreement_endings_signed_only BEFORE INSERT ON agreement_endings
WHEN (SELECT status FROM agreements WHERE id = NEW.agreement_id) IS NOT 'signed'
    OR NEW.ended_on < coalesce((SELECT coalesce(valid_from, agreement_date) FROM agreements WHERE id = NEW.agreement_id), '')
BEGIN
    SELECT RAISE(ABORT, 'kun en underskrevet aftale kan afsluttes, og ikke før den begyndte');
END;

CREATE TRIGGER agreement_endings_no_update BEFORE UPDATE ON agreement_endings
BEGIN
    SELECT RAISE(ABORT, 'en aftales afslutning kan ikke ændres');
END;

CREATE TRIGGER agreement_endings_no_cpr_insert BEFORE INSERT ON agreement_endings
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.reason, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreement_endings)');
END;

CREATE TRIGGER agreement_endings_no_cpr_update BEFORE UPDATE OF reason ON agreement_endings
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.reason, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreement_endings)');
END;
