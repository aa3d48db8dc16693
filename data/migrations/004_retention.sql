-- 004_retention: every kind of person data has a retention period, every
-- anonymisation and deletion is written in a ledger (so a restored backup
-- can be brought back to what was deleted since, data/store_retention_restore.go),
-- and a signed agreement can be deleted whole once its retention is due,
-- through a purge permit, without loosening the guards for any other change.

-- The periods (DOMAIN.md: person data 1 year after the case, agreements
-- 5 years; the others are working assumptions, marked so in Indstillinger).
INSERT INTO settings (key, value) VALUES
    ('retention_contact_years', '1'),
    ('retention_meeting_years', '1'),
    ('retention_draft_days', '30'),
    ('retention_audit_years', '5'),
    ('retention_scan_years', '1')
ON CONFLICT (key) DO NOTHING;

-- The deletion ledger: which record (kind and id), what was done, when and
-- by whom (the operating-system user). Never the content: the ledger must
-- not keep what the deletion removed. uid makes an entry recognisable in
-- another copy of the database (a restored backup), whose ids may differ.
CREATE TABLE deletion_ledger (
    id        INTEGER PRIMARY KEY,
    uid       TEXT NOT NULL UNIQUE CHECK (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'),
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL CHECK (trim(actor) <> ''),
    kind      TEXT NOT NULL CHECK (kind IN ('placering', 'kontaktperson', 'møde', 'kladde', 'aftale', 'scanning', 'hændelse')),
    record_id INTEGER NOT NULL,
    -- a form draft's form name (its key is form and record id); '' otherwise
    form      TEXT NOT NULL DEFAULT '',
    action    TEXT NOT NULL CHECK (action IN ('anonymiseret', 'slettet'))
) STRICT;
CREATE INDEX deletion_ledger_record ON deletion_ledger (kind, record_id);

CREATE TRIGGER deletion_ledger_no_update BEFORE UPDATE ON deletion_ledger
BEGIN
    SELECT RAISE(ABORT, 'sletteloggen kan ikke ændres; der kan kun tilføjes');
END;

CREATE TRIGGER deletion_ledger_no_delete BEFORE DELETE ON deletion_ledger
BEGIN
    SELECT RAISE(ABORT, 'sletteloggen kan ikke ændres; der kan kun tilføjes');
END;

-- A purge permit lets the retention purge (data/retention_agreements.go)
-- delete one signed agreement, or clear one approved meeting's attendance
-- and notes. The Go code inserts the permit, purges and deletes the permit
-- in one transaction, so no permit is ever committed (Check reports one
-- that is); without a permit every guard below is exactly as before.
CREATE TABLE purge_permits (
    tbl    TEXT NOT NULL CHECK (tbl IN ('agreements', 'meetings')),
    row_id INTEGER NOT NULL,
    PRIMARY KEY (tbl, row_id)
) STRICT;

-- 001's guards on deleting a signed agreement and what belongs to it,
-- again, now with the permit as the one exception.
DROP TRIGGER agreements_signed_no_delete;
CREATE TRIGGER agreements_signed_no_delete BEFORE DELETE ON agreements
WHEN OLD.status = 'signed'
    AND NOT EXISTS (SELECT 1 FROM purge_permits WHERE tbl = 'agreements' AND row_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

DROP TRIGGER agreement_parties_signed_delete;
CREATE TRIGGER agreement_parties_signed_delete BEFORE DELETE ON agreement_parties
WHEN (SELECT status FROM agreements WHERE id = OLD.agreement_id) = 'signed'
    AND NOT EXISTS (SELECT 1 FROM purge_permits WHERE tbl = 'agreements' AND row_id = OLD.agreement_id)
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

DROP TRIGGER signatories_signed_delete;
CREATE TRIGGER signatories_signed_delete BEFORE DELETE ON signatories
WHEN (SELECT status FROM agreements WHERE id = OLD.agreement_id) = 'signed'
    AND NOT EXISTS (SELECT 1 FROM purge_permits WHERE tbl = 'agreements' AND row_id = OLD.agreement_id)
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

DROP TRIGGER signatures_signed_delete;
CREATE TRIGGER signatures_signed_delete BEFORE DELETE ON signatures
WHEN (SELECT a.status FROM signatories g JOIN agreements a ON a.id = g.agreement_id WHERE g.id = OLD.signatory_id) = 'signed'
    AND NOT EXISTS (SELECT 1 FROM purge_permits p JOIN signatories g ON g.agreement_id = p.row_id
        WHERE p.tbl = 'agreements' AND g.id = OLD.signatory_id)
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

-- A signature given on an agreement not (yet) signed by all stands too;
-- the retention purge of a cancelled or rejected agreement's scan and
-- signatures goes through a permit as well.
DROP TRIGGER signatures_no_delete;
CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
WHEN (SELECT a.status FROM signatories g JOIN agreements a ON a.id = g.agreement_id WHERE g.id = OLD.signatory_id) IS NOT 'signed'
    AND NOT EXISTS (SELECT 1 FROM purge_permits p JOIN signatories g ON g.agreement_id = p.row_id
        WHERE p.tbl = 'agreements' AND g.id = OLD.signatory_id)
BEGIN
    SELECT RAISE(ABORT, 'en afgivet underskrift kan ikke slettes');
END;

DROP TRIGGER agreement_scans_no_delete;
CREATE TRIGGER agreement_scans_no_delete BEFORE DELETE ON agreement_scans
WHEN (SELECT status FROM agreements WHERE id = OLD.agreement_id) = 'signed'
    AND NOT EXISTS (SELECT 1 FROM purge_permits WHERE tbl = 'agreements' AND row_id = OLD.agreement_id)
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

-- 003's guards on approved minutes, with the permit to clear an old
-- meeting's attendance and its notes (the minutes' personal remarks: who
-- sent regrets, who took the minutes). Title, date, agenda, decisions and
-- corrections stay: they are the partnership's record, not person data.
DROP TRIGGER meetings_approved_no_update;
CREATE TRIGGER meetings_approved_no_update BEFORE UPDATE ON meetings
WHEN OLD.status = 'godkendt' AND (NEW.body_id IS NOT OLD.body_id OR NEW.title IS NOT OLD.title
    OR NEW.held_on IS NOT OLD.held_on OR NEW.starts_at IS NOT OLD.starts_at OR NEW.ends_at IS NOT OLD.ends_at
    OR NEW.place IS NOT OLD.place OR NEW.status IS NOT OLD.status OR NEW.invited_on IS NOT OLD.invited_on
    OR NEW.approved_on IS NOT OLD.approved_on OR NEW.example IS NOT OLD.example
    OR NEW.created_at IS NOT OLD.created_at
    OR (NEW.notes IS NOT OLD.notes AND NOT (NEW.notes = ''
        AND EXISTS (SELECT 1 FROM purge_permits WHERE tbl = 'meetings' AND row_id = OLD.id))))
BEGIN
    SELECT RAISE(ABORT, 'referatet er godkendt og kan ikke ændres; tilføj en rettelse');
END;

DROP TRIGGER meeting_people_approved_delete;
CREATE TRIGGER meeting_people_approved_delete BEFORE DELETE ON meeting_people
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'godkendt'
    AND NOT EXISTS (SELECT 1 FROM purge_permits WHERE tbl = 'meetings' AND row_id = OLD.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'referatet er godkendt og kan ikke ændres; tilføj en rettelse');
END;

-- The audit log's person references. Events are immutable and chained
-- (002); an event whose detail names a person (a signatory in a signing
-- step, the text of a correction) is redacted when its record's retention
-- ends: the detail becomes '[slettet efter slettefristen]' and this table keeps, per redacted
-- event, the hash the event had. CheckChain (data/store_audit.go) checks a
-- redacted event against redacted_hash, which is computed like the chain's
-- hash over the event with the redacted detail and the original hash, so
-- the event's other fields are still covered and the chain goes on from
-- the original hash unchanged. The one update of an event allowed is that
-- redaction, and only with its row here.
CREATE TABLE event_redactions (
    event_id      INTEGER PRIMARY KEY REFERENCES events (id),
    redacted_hash TEXT NOT NULL CHECK (length(redacted_hash) = 64),
    at            TEXT NOT NULL
) STRICT;

CREATE TRIGGER event_redactions_no_update BEFORE UPDATE ON event_redactions
BEGIN
    SELECT RAISE(ABORT, 'hændelsesloggen kan ikke ændres; der kan kun tilføjes hændelser');
END;

CREATE TRIGGER event_redactions_no_delete BEFORE DELETE ON event_redactions
BEGIN
    SELECT RAISE(ABORT, 'hændelsesloggen kan ikke ændres; der kan kun tilføjes hændelser');
END;

DROP TRIGGER events_no_update;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NOT (OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.id IS OLD.id AND NEW.at IS OLD.at
    AND NEW.kind IS OLD.kind AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
    AND NEW.detail IS OLD.detail AND NEW.signatory_id IS OLD.signatory_id)
    AND NOT (NEW.detail = '[slettet efter slettefristen]' AND OLD.detail IS NOT NEW.detail
    AND NEW.hash IS OLD.hash AND NEW.id IS OLD.id AND NEW.at IS OLD.at
    AND NEW.kind IS OLD.kind AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
    AND NEW.signatory_id IS OLD.signatory_id
    AND EXISTS (SELECT 1 FROM event_redactions WHERE event_id = OLD.id))
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg')
    WHERE OLD.entity = 'aftale' AND (SELECT status FROM agreements WHERE id = OLD.entity_id) = 'signed';
    SELECT RAISE(ABORT, 'hændelsesloggen kan ikke ændres; der kan kun tilføjes hændelser');
END;

-- An agreement deleted at the end of its retention may be named on an
-- approved meeting's agenda: the item stays, without the link.
DROP TRIGGER agenda_items_approved_update;
CREATE TRIGGER agenda_items_approved_update BEFORE UPDATE ON agenda_items
WHEN ((SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'godkendt'
    OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'godkendt')
    AND NOT (NEW.agreement_id IS NULL AND OLD.agreement_id IS NOT NULL
        AND NEW.id IS OLD.id AND NEW.meeting_id IS OLD.meeting_id AND NEW.position IS OLD.position
        AND NEW.title IS OLD.title AND NEW.body IS OLD.body AND NEW.owner_id IS OLD.owner_id
        AND NEW.checklist_id IS OLD.checklist_id AND NEW.risk_id IS OLD.risk_id AND NEW.target_id IS OLD.target_id
        AND NEW.minutes IS OLD.minutes AND NEW.decision IS OLD.decision
        AND EXISTS (SELECT 1 FROM purge_permits WHERE tbl = 'agreements' AND row_id = OLD.agreement_id))
BEGIN
    SELECT RAISE(ABORT, 'referatet er godkendt og kan ikke ændres; tilføj en rettelse');
END;

-- A contact person anonymised at the end of the retention keeps only the
-- row that old meetings and action items point at; the name, title,
-- e-mail, phone, role and notes are gone and cannot come back.
ALTER TABLE contacts ADD COLUMN anonymised_at TEXT;

CREATE TRIGGER contacts_stay_anonymous BEFORE UPDATE ON contacts
WHEN OLD.anonymised_at IS NOT NULL AND (NEW.anonymised_at IS NULL OR NEW.name IS NOT OLD.name
    OR NEW.title IS NOT OLD.title OR NEW.email IS NOT OLD.email OR NEW.phone IS NOT OLD.phone
    OR NEW.role IS NOT OLD.role OR NEW.notes IS NOT OLD.notes)
BEGIN
    SELECT RAISE(ABORT, 'kontaktpersonen er anonymiseret; personoplysningerne kan ikke skrives igen');
END;
