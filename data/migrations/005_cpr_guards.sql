-- 005_cpr_guards: the schema's last guard against a CPR number in the
-- person-data text columns, for a file written by another tool (the program
-- itself refuses one earlier, in data/dk.FindCPR, with the field's message).
--
-- SQL cannot check a date or the century rule, so the guard holds the common
-- forms only, with a real day (01–31) and month (01–12): DDMMYY-SSSS,
-- DDMMYYSSSS, DD.MM.YY-SSSS and DD.MM.YYSSSS, where '-', '.', '/', '_', a
-- space, a no-break space, the dashes and the minus sign may stand for any
-- separator (one GLOB set), and never inside a longer run of digits. A row's
-- columns are tested as one text, each between spaces and joined by '|'
-- (neither a digit nor a separator, so no number is made across two
-- columns). P-numbers, CVR and EAN have columns of their own and are not
-- guarded here; neither are form drafts, which hold P-numbers as typed
-- (data/store_drafts_cpr.go leaves out every CPR number before a draft is
-- written).
--
-- The patterns are rows of cpr_globs, so each trigger names them once;
-- the rows are fixed.

CREATE TABLE cpr_globs (
    pattern TEXT PRIMARY KEY
) WITHOUT ROWID;

INSERT INTO cpr_globs (pattern) VALUES
    ('*[^0-9]0[1-9]0[1-9][0-9][0-9][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]0[1-9]1[0-2][0-9][0-9][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9]0[1-9][0-9][0-9][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9]1[0-2][0-9][0-9][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01]0[1-9][0-9][0-9][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01]1[0-2][0-9][0-9][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]0[1-9]0[1-9][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]0[1-9]1[0-2][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9]0[1-9][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9]1[0-2][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01]0[1-9][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01]1[0-2][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]0[1-9][-./_  ‐‑‒–—−]0[1-9][-./_  ‐‑‒–—−][0-9][0-9][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]0[1-9][-./_  ‐‑‒–—−]1[0-2][-./_  ‐‑‒–—−][0-9][0-9][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9][-./_  ‐‑‒–—−]0[1-9][-./_  ‐‑‒–—−][0-9][0-9][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9][-./_  ‐‑‒–—−]1[0-2][-./_  ‐‑‒–—−][0-9][0-9][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01][-./_  ‐‑‒–—−]0[1-9][-./_  ‐‑‒–—−][0-9][0-9][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01][-./_  ‐‑‒–—−]1[0-2][-./_  ‐‑‒–—−][0-9][0-9][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]0[1-9][-./_  ‐‑‒–—−]0[1-9][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]0[1-9][-./_  ‐‑‒–—−]1[0-2][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9][-./_  ‐‑‒–—−]0[1-9][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9][12][0-9][-./_  ‐‑‒–—−]1[0-2][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01][-./_  ‐‑‒–—−]0[1-9][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*'),
    ('*[^0-9]3[01][-./_  ‐‑‒–—−]1[0-2][-./_  ‐‑‒–—−][0-9][0-9][0-9][0-9][0-9][0-9][^0-9]*');

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
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.address, '') || ' | ' || coalesce(NEW.city, '') || ' | ' || coalesce(NEW.role, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (organisations)');
END;

CREATE TRIGGER organisations_no_cpr_update BEFORE UPDATE OF name, address, city, role, notes ON organisations
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.address, '') || ' | ' || coalesce(NEW.city, '') || ' | ' || coalesce(NEW.role, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (organisations)');
END;

CREATE TRIGGER contacts_no_cpr_insert BEFORE INSERT ON contacts
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.email, '') || ' | ' || coalesce(NEW.phone, '') || ' | ' || coalesce(NEW.role, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (contacts)');
END;

CREATE TRIGGER contacts_no_cpr_update BEFORE UPDATE OF name, title, email, phone, role, notes ON contacts
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.email, '') || ' | ' || coalesce(NEW.phone, '') || ' | ' || coalesce(NEW.role, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (contacts)');
END;

CREATE TRIGGER approvals_no_cpr_insert BEFORE INSERT ON approvals
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.reference, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (approvals)');
END;

CREATE TRIGGER approvals_no_cpr_update BEFORE UPDATE OF reference, notes ON approvals
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.reference, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (approvals)');
END;

CREATE TRIGGER premises_no_cpr_insert BEFORE INSERT ON premises
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.address, '') || ' | ' || coalesce(NEW.city, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (premises)');
END;

CREATE TRIGGER premises_no_cpr_update BEFORE UPDATE OF name, address, city, notes ON premises
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.address, '') || ' | ' || coalesce(NEW.city, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (premises)');
END;

CREATE TRIGGER rooms_no_cpr_insert BEFORE INSERT ON rooms
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (rooms)');
END;

CREATE TRIGGER rooms_no_cpr_update BEFORE UPDATE OF name, notes ON rooms
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (rooms)');
END;

CREATE TRIGGER leases_no_cpr_insert BEFORE INSERT ON leases
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW."use", '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (leases)');
END;

CREATE TRIGGER leases_no_cpr_update BEFORE UPDATE OF "use", notes ON leases
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW."use", '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (leases)');
END;

CREATE TRIGGER positions_no_cpr_insert BEFORE INSERT ON positions
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (positions)');
END;

CREATE TRIGGER positions_no_cpr_update BEFORE UPDATE OF title, notes ON positions
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (positions)');
END;

CREATE TRIGGER placements_no_cpr_insert BEFORE INSERT ON placements
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.pseudonym, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (placements)');
END;

CREATE TRIGGER placements_no_cpr_update BEFORE UPDATE OF pseudonym, notes ON placements
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.pseudonym, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (placements)');
END;

CREATE TRIGGER schemes_no_cpr_insert BEFORE INSERT ON schemes
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (schemes)');
END;

CREATE TRIGGER schemes_no_cpr_update BEFORE UPDATE OF name ON schemes
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (schemes)');
END;

CREATE TRIGGER target_groups_no_cpr_insert BEFORE INSERT ON target_groups
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (target_groups)');
END;

CREATE TRIGGER target_groups_no_cpr_update BEFORE UPDATE OF name ON target_groups
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (target_groups)');
END;

CREATE TRIGGER targets_no_cpr_insert BEFORE INSERT ON targets
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.unit, '') || ' | ' || coalesce(NEW.evidence, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (targets)');
END;

CREATE TRIGGER targets_no_cpr_update BEFORE UPDATE OF name, unit, evidence, notes ON targets
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.unit, '') || ' | ' || coalesce(NEW.evidence, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (targets)');
END;

CREATE TRIGGER templates_no_cpr_insert BEFORE INSERT ON templates
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.description, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (templates)');
END;

CREATE TRIGGER templates_no_cpr_update BEFORE UPDATE OF name, description ON templates
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.description, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (templates)');
END;

CREATE TRIGGER template_versions_no_cpr_insert BEFORE INSERT ON template_versions
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.body, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (template_versions)');
END;

CREATE TRIGGER template_versions_no_cpr_update BEFORE UPDATE OF body ON template_versions
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.body, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (template_versions)');
END;

CREATE TRIGGER agreements_no_cpr_insert BEFORE INSERT ON agreements
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.body, '') || ' | ' || coalesce(NEW.place, '') || ' | ' || coalesce(NEW.rejected_reason, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreements)');
END;

CREATE TRIGGER agreements_no_cpr_update BEFORE UPDATE OF title, body, place, rejected_reason ON agreements
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.body, '') || ' | ' || coalesce(NEW.place, '') || ' | ' || coalesce(NEW.rejected_reason, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreements)');
END;

CREATE TRIGGER agreement_parties_no_cpr_insert BEFORE INSERT ON agreement_parties
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.role, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreement_parties)');
END;

CREATE TRIGGER agreement_parties_no_cpr_update BEFORE UPDATE OF role ON agreement_parties
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.role, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreement_parties)');
END;

CREATE TRIGGER signatories_no_cpr_insert BEFORE INSERT ON signatories
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.organisation_name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (signatories)');
END;

CREATE TRIGGER signatories_no_cpr_update BEFORE UPDATE OF name, title, organisation_name ON signatories
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.organisation_name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (signatories)');
END;

CREATE TRIGGER signatures_no_cpr_insert BEFORE INSERT ON signatures
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.typed_name, '') || ' | ' || coalesce(NEW.place, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (signatures)');
END;

CREATE TRIGGER signatures_no_cpr_update BEFORE UPDATE OF typed_name, place ON signatures
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.typed_name, '') || ' | ' || coalesce(NEW.place, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (signatures)');
END;

CREATE TRIGGER bodies_no_cpr_insert BEFORE INSERT ON bodies
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (bodies)');
END;

CREATE TRIGGER bodies_no_cpr_update BEFORE UPDATE OF name ON bodies
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (bodies)');
END;

CREATE TRIGGER memberships_no_cpr_insert BEFORE INSERT ON memberships
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.role, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (memberships)');
END;

CREATE TRIGGER memberships_no_cpr_update BEFORE UPDATE OF role ON memberships
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.role, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (memberships)');
END;

CREATE TRIGGER meetings_no_cpr_insert BEFORE INSERT ON meetings
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.place, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (meetings)');
END;

CREATE TRIGGER meetings_no_cpr_update BEFORE UPDATE OF title, place, notes ON meetings
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.place, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (meetings)');
END;

CREATE TRIGGER checklist_items_no_cpr_insert BEFORE INSERT ON checklist_items
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.description, '') || ' | ' || coalesce(NEW.decision, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (checklist_items)');
END;

CREATE TRIGGER checklist_items_no_cpr_update BEFORE UPDATE OF title, description, decision ON checklist_items
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.description, '') || ' | ' || coalesce(NEW.decision, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (checklist_items)');
END;

CREATE TRIGGER risks_no_cpr_insert BEFORE INSERT ON risks
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.description, '') || ' | ' || coalesce(NEW.response, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (risks)');
END;

CREATE TRIGGER risks_no_cpr_update BEFORE UPDATE OF title, description, response ON risks
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.description, '') || ' | ' || coalesce(NEW.response, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (risks)');
END;

CREATE TRIGGER grants_no_cpr_insert BEFORE INSERT ON grants
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.grantor, '') || ' | ' || coalesce(NEW.purpose, '') || ' | ' || coalesce(NEW.project, '') || ' | ' || coalesce(NEW.conditions, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (grants)');
END;

CREATE TRIGGER grants_no_cpr_update BEFORE UPDATE OF grantor, purpose, project, conditions, notes ON grants
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.grantor, '') || ' | ' || coalesce(NEW.purpose, '') || ' | ' || coalesce(NEW.project, '') || ' | ' || coalesce(NEW.conditions, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (grants)');
END;

CREATE TRIGGER grant_reports_no_cpr_insert BEFORE INSERT ON grant_reports
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.what, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (grant_reports)');
END;

CREATE TRIGGER grant_reports_no_cpr_update BEFORE UPDATE OF what ON grant_reports
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.what, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (grant_reports)');
END;

CREATE TRIGGER agenda_items_no_cpr_insert BEFORE INSERT ON agenda_items
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.body, '') || ' | ' || coalesce(NEW.minutes, '') || ' | ' || coalesce(NEW.decision, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agenda_items)');
END;

CREATE TRIGGER agenda_items_no_cpr_update BEFORE UPDATE OF title, body, minutes, decision ON agenda_items
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.body, '') || ' | ' || coalesce(NEW.minutes, '') || ' | ' || coalesce(NEW.decision, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agenda_items)');
END;

CREATE TRIGGER action_items_no_cpr_insert BEFORE INSERT ON action_items
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.what, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (action_items)');
END;

CREATE TRIGGER action_items_no_cpr_update BEFORE UPDATE OF what ON action_items
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.what, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (action_items)');
END;

CREATE TRIGGER meeting_corrections_no_cpr_insert BEFORE INSERT ON meeting_corrections
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.text, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (meeting_corrections)');
END;

CREATE TRIGGER meeting_corrections_no_cpr_update BEFORE UPDATE OF text ON meeting_corrections
WHEN EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.text, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (meeting_corrections)');
END;
