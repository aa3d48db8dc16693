-- Guards beyond 001's triggers. SQLite's conflict clauses (INSERT OR
-- REPLACE, UPDATE OR REPLACE, REPLACE INTO) delete the row in the way
-- without firing its DELETE triggers, so a signed agreement's row, a
-- given signature or an event could be swapped under the triggers that
-- refuse to change them: each protected table refuses an insert or an
-- update that would collide with a protected row. Rows may not move from
-- a draft into a locked agreement either. And the audit log is a hash
-- chain (data/audit.go): each event carries the SHA-256 of the one before
-- it and of itself, so that an edited or removed event is found by
-- `partnerskab check`; events are never changed, only added.

CREATE TRIGGER agreements_no_replace BEFORE INSERT ON agreements
WHEN EXISTS (SELECT 1 FROM agreements WHERE (id = NEW.id OR number = NEW.number) AND status <> 'draft')
BEGIN
    SELECT RAISE(ABORT, 'en aftale, der er sendt til underskrift eller underskrevet, kan ikke erstattes');
END;

CREATE TRIGGER agreements_no_replace_update BEFORE UPDATE OF id, number ON agreements
WHEN NEW.id IS NOT OLD.id OR EXISTS (SELECT 1 FROM agreements WHERE number = NEW.number AND id <> OLD.id AND status <> 'draft')
BEGIN
    SELECT RAISE(ABORT, 'en aftale, der er sendt til underskrift eller underskrevet, kan ikke erstattes');
END;

CREATE TRIGGER agreement_parties_move_locked BEFORE UPDATE ON agreement_parties
WHEN (SELECT status FROM agreements WHERE id = NEW.agreement_id) IS NOT 'draft'
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg')
    WHERE 'signed' IN ((SELECT status FROM agreements WHERE id = NEW.agreement_id),
                       (SELECT status FROM agreements WHERE id = OLD.agreement_id));
    SELECT RAISE(ABORT, 'aftalens parter kan kun ændres, mens aftalen er en kladde');
END;

CREATE TRIGGER signatories_no_replace BEFORE INSERT ON signatories
WHEN EXISTS (SELECT 1 FROM signatories g JOIN agreements a ON a.id = g.agreement_id
    WHERE g.id = NEW.id AND a.status <> 'draft')
BEGIN
    SELECT RAISE(ABORT, 'aftalens underskrivere kan kun ændres, mens aftalen er en kladde');
END;

CREATE TRIGGER signatories_move_locked BEFORE UPDATE ON signatories
WHEN NEW.id IS NOT OLD.id OR (SELECT status FROM agreements WHERE id = NEW.agreement_id) IS NOT 'draft'
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg')
    WHERE 'signed' IN ((SELECT status FROM agreements WHERE id = NEW.agreement_id),
                       (SELECT status FROM agreements WHERE id = OLD.agreement_id));
    SELECT RAISE(ABORT, 'aftalens underskrivere kan kun ændres, mens aftalen er en kladde');
END;

CREATE TRIGGER signatures_no_replace BEFORE INSERT ON signatures
WHEN EXISTS (SELECT 1 FROM signatures WHERE id = NEW.id OR signatory_id = NEW.signatory_id)
BEGIN
    SELECT RAISE(ABORT, 'en afgivet underskrift kan ikke erstattes');
END;

CREATE TRIGGER agreement_scans_no_replace BEFORE INSERT ON agreement_scans
WHEN EXISTS (SELECT 1 FROM agreement_scans WHERE agreement_id = NEW.agreement_id)
BEGIN
    SELECT RAISE(ABORT, 'en vedhæftet scanning kan ikke erstattes');
END;

CREATE TRIGGER template_versions_no_replace BEFORE INSERT ON template_versions
WHEN EXISTS (SELECT 1 FROM template_versions WHERE id = NEW.id OR (template_id = NEW.template_id AND version = NEW.version))
BEGIN
    SELECT RAISE(ABORT, 'en skabelonversion kan ikke erstattes; gem en ny version');
END;

-- The chain: hash is the SHA-256 (hex) of the previous event's hash and
-- this event's id, time, kind, record, detail and signatory (audit.go says
-- exactly how). Rows from before this migration get theirs when it runs.
ALTER TABLE events ADD COLUMN hash TEXT CHECK (hash IS NULL OR length(hash) = 64);

CREATE TRIGGER events_chained BEFORE INSERT ON events
WHEN NEW.hash IS NULL
BEGIN
    SELECT RAISE(ABORT, 'en hændelse i loggen skal kædes til den forrige (hash mangler)');
END;

CREATE TRIGGER events_no_replace BEFORE INSERT ON events
WHEN EXISTS (SELECT 1 FROM events WHERE id = NEW.id)
BEGIN
    SELECT RAISE(ABORT, 'en hændelse i loggen kan ikke erstattes');
END;

-- Replaces 001's events_signed_no_update: no event is ever changed; the
-- one update allowed gives a row from before the chain its hash.
DROP TRIGGER events_signed_no_update;

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NOT (OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.id IS OLD.id AND NEW.at IS OLD.at
    AND NEW.kind IS OLD.kind AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
    AND NEW.detail IS OLD.detail AND NEW.signatory_id IS OLD.signatory_id)
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg')
    WHERE OLD.entity = 'aftale' AND (SELECT status FROM agreements WHERE id = OLD.entity_id) = 'signed';
    SELECT RAISE(ABORT, 'hændelsesloggen kan ikke ændres; der kan kun tilføjes hændelser');
END;
