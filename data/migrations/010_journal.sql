-- 007_journal: the agreement's journal number in the municipality's
-- records system (free text, kept trimmed and short) and its KLE number:
-- the subject "27.12.00" with an optional action facet "27.12.00 G01",
-- stored in that one form (data/agreement_journal.go writes it so).

ALTER TABLE agreements ADD COLUMN journal_number TEXT NOT NULL DEFAULT ''
    CHECK (journal_number = trim(journal_number) AND length(journal_number) <= 60);

ALTER TABLE agreements ADD COLUMN kle_number TEXT NOT NULL DEFAULT ''
    CHECK (kle_number = ''
        OR kle_number GLOB '[0-9][0-9].[0-9][0-9].[0-9][0-9]'
        OR kle_number GLOB '[0-9][0-9].[0-9][0-9].[0-9][0-9] [A-Z][0-9][0-9]');

CREATE TRIGGER agreements_journal_no_cpr_insert BEFORE INSERT ON agreements
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.journal_number, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreements)');
END;

CREATE TRIGGER agreements_journal_no_cpr_update BEFORE UPDATE OF journal_number ON agreements
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.journal_number, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreements)');
END;
