-- 013_cpr_guard_prefilter: the CPR guards of 005, 008, 009 and 010, each
-- with the same test, but first a cheap one that every CPR form must pass.
--
-- Every pattern in cpr_globs ends in a CPR number's last four digits and a
-- non-digit, and before those four digits stands a digit or a separator,
-- and before that a digit (the year's last digit and a separator, or the
-- year's two digits). A text that holds no such run of seven characters
-- can match none of the patterns, so
-- the 24 patterns need only be tried on a text that holds one: most texts
-- (names, titles, a pseudonym like P00123, "Række 12") hold none, and their
-- insert or update no longer tests 24 patterns. SQLite tests the left side of
-- AND first and leaves the EXISTS untried when it is false.
--
-- data/cpr_guard_test.go holds that every pattern implies the run of seven,
-- that each guard's two texts are one and the same, and that every guard
-- still refuses each CPR form in each of its columns.
--
-- Each trigger is dropped and made again with its old name, table, columns
-- and message.

DROP TRIGGER organisations_no_cpr_insert;
CREATE TRIGGER organisations_no_cpr_insert BEFORE INSERT ON organisations
WHEN ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.address, '') || ' | ' || coalesce(NEW.city, '') || ' | ' || coalesce(NEW.role, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.address, '') || ' | ' || coalesce(NEW.city, '') || ' | ' || coalesce(NEW.role, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (organisations)');
END;

DROP TRIGGER organisations_no_cpr_update;
CREATE TRIGGER organisations_no_cpr_update BEFORE UPDATE OF name, address, city, role, notes ON organisations
WHEN ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.address, '') || ' | ' || coalesce(NEW.city, '') || ' | ' || coalesce(NEW.role, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.address, '') || ' | ' || coalesce(NEW.city, '') || ' | ' || coalesce(NEW.role, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (organisations)');
END;

DROP TRIGGER contacts_no_cpr_insert;
CREATE TRIGGER contacts_no_cpr_insert BEFORE INSERT ON contacts
WHEN ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.email, '') || ' | ' || coalesce(NEW.phone, '') || ' | ' || coalesce(NEW.role, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.email, '') || ' | ' || coalesce(NEW.phone, '') || ' | ' || coalesce(NEW.role, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (contacts)');
END;

DROP TRIGGER contacts_no_cpr_update;
CREATE TRIGGER contacts_no_cpr_update BEFORE UPDATE OF name, title, email, phone, role, notes ON contacts
WHEN ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.email, '') || ' | ' || coalesce(NEW.phone, '') || ' | ' || coalesce(NEW.role, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.email, '') || ' | ' || coalesce(NEW.phone, '') || ' | ' || coalesce(NEW.role, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (contacts)');
END;

DROP TRIGGER approvals_no_cpr_insert;
CREATE TRIGGER approvals_no_cpr_insert BEFORE INSERT ON approvals
WHEN ' ' || coalesce(NEW.reference, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.reference, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (approvals)');
END;

DROP TRIGGER approvals_no_cpr_update;
CREATE TRIGGER approvals_no_cpr_update BEFORE UPDATE OF reference, notes ON approvals
WHEN ' ' || coalesce(NEW.reference, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.reference, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (approvals)');
END;

DROP TRIGGER premises_no_cpr_insert;
CREATE TRIGGER premises_no_cpr_insert BEFORE INSERT ON premises
WHEN ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.address, '') || ' | ' || coalesce(NEW.city, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.address, '') || ' | ' || coalesce(NEW.city, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (premises)');
END;

DROP TRIGGER premises_no_cpr_update;
CREATE TRIGGER premises_no_cpr_update BEFORE UPDATE OF name, address, city, notes ON premises
WHEN ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.address, '') || ' | ' || coalesce(NEW.city, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.address, '') || ' | ' || coalesce(NEW.city, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (premises)');
END;

DROP TRIGGER rooms_no_cpr_insert;
CREATE TRIGGER rooms_no_cpr_insert BEFORE INSERT ON rooms
WHEN ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (rooms)');
END;

DROP TRIGGER rooms_no_cpr_update;
CREATE TRIGGER rooms_no_cpr_update BEFORE UPDATE OF name, notes ON rooms
WHEN ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (rooms)');
END;

DROP TRIGGER leases_no_cpr_insert;
CREATE TRIGGER leases_no_cpr_insert BEFORE INSERT ON leases
WHEN ' ' || coalesce(NEW."use", '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW."use", '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (leases)');
END;

DROP TRIGGER leases_no_cpr_update;
CREATE TRIGGER leases_no_cpr_update BEFORE UPDATE OF "use", notes ON leases
WHEN ' ' || coalesce(NEW."use", '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW."use", '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (leases)');
END;

DROP TRIGGER positions_no_cpr_insert;
CREATE TRIGGER positions_no_cpr_insert BEFORE INSERT ON positions
WHEN ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (positions)');
END;

DROP TRIGGER positions_no_cpr_update;
CREATE TRIGGER positions_no_cpr_update BEFORE UPDATE OF title, notes ON positions
WHEN ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (positions)');
END;

DROP TRIGGER placements_no_cpr_insert;
CREATE TRIGGER placements_no_cpr_insert BEFORE INSERT ON placements
WHEN ' ' || coalesce(NEW.pseudonym, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.pseudonym, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (placements)');
END;

DROP TRIGGER placements_no_cpr_update;
CREATE TRIGGER placements_no_cpr_update BEFORE UPDATE OF pseudonym, notes ON placements
WHEN ' ' || coalesce(NEW.pseudonym, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.pseudonym, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (placements)');
END;

DROP TRIGGER schemes_no_cpr_insert;
CREATE TRIGGER schemes_no_cpr_insert BEFORE INSERT ON schemes
WHEN ' ' || coalesce(NEW.name, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (schemes)');
END;

DROP TRIGGER schemes_no_cpr_update;
CREATE TRIGGER schemes_no_cpr_update BEFORE UPDATE OF name ON schemes
WHEN ' ' || coalesce(NEW.name, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (schemes)');
END;

DROP TRIGGER target_groups_no_cpr_insert;
CREATE TRIGGER target_groups_no_cpr_insert BEFORE INSERT ON target_groups
WHEN ' ' || coalesce(NEW.name, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (target_groups)');
END;

DROP TRIGGER target_groups_no_cpr_update;
CREATE TRIGGER target_groups_no_cpr_update BEFORE UPDATE OF name ON target_groups
WHEN ' ' || coalesce(NEW.name, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (target_groups)');
END;

DROP TRIGGER targets_no_cpr_insert;
CREATE TRIGGER targets_no_cpr_insert BEFORE INSERT ON targets
WHEN ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.unit, '') || ' | ' || coalesce(NEW.evidence, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.unit, '') || ' | ' || coalesce(NEW.evidence, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (targets)');
END;

DROP TRIGGER targets_no_cpr_update;
CREATE TRIGGER targets_no_cpr_update BEFORE UPDATE OF name, unit, evidence, notes ON targets
WHEN ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.unit, '') || ' | ' || coalesce(NEW.evidence, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.unit, '') || ' | ' || coalesce(NEW.evidence, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (targets)');
END;

DROP TRIGGER templates_no_cpr_insert;
CREATE TRIGGER templates_no_cpr_insert BEFORE INSERT ON templates
WHEN ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.description, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.description, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (templates)');
END;

DROP TRIGGER templates_no_cpr_update;
CREATE TRIGGER templates_no_cpr_update BEFORE UPDATE OF name, description ON templates
WHEN ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.description, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.description, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (templates)');
END;

DROP TRIGGER template_versions_no_cpr_insert;
CREATE TRIGGER template_versions_no_cpr_insert BEFORE INSERT ON template_versions
WHEN ' ' || coalesce(NEW.body, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.body, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (template_versions)');
END;

DROP TRIGGER template_versions_no_cpr_update;
CREATE TRIGGER template_versions_no_cpr_update BEFORE UPDATE OF body ON template_versions
WHEN ' ' || coalesce(NEW.body, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.body, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (template_versions)');
END;

DROP TRIGGER agreements_no_cpr_insert;
CREATE TRIGGER agreements_no_cpr_insert BEFORE INSERT ON agreements
WHEN ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.body, '') || ' | ' || coalesce(NEW.place, '') || ' | ' || coalesce(NEW.rejected_reason, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.body, '') || ' | ' || coalesce(NEW.place, '') || ' | ' || coalesce(NEW.rejected_reason, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreements)');
END;

DROP TRIGGER agreements_no_cpr_update;
CREATE TRIGGER agreements_no_cpr_update BEFORE UPDATE OF title, body, place, rejected_reason ON agreements
WHEN ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.body, '') || ' | ' || coalesce(NEW.place, '') || ' | ' || coalesce(NEW.rejected_reason, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.body, '') || ' | ' || coalesce(NEW.place, '') || ' | ' || coalesce(NEW.rejected_reason, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreements)');
END;

DROP TRIGGER agreement_parties_no_cpr_insert;
CREATE TRIGGER agreement_parties_no_cpr_insert BEFORE INSERT ON agreement_parties
WHEN ' ' || coalesce(NEW.role, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.role, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreement_parties)');
END;

DROP TRIGGER agreement_parties_no_cpr_update;
CREATE TRIGGER agreement_parties_no_cpr_update BEFORE UPDATE OF role ON agreement_parties
WHEN ' ' || coalesce(NEW.role, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.role, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreement_parties)');
END;

DROP TRIGGER signatories_no_cpr_insert;
CREATE TRIGGER signatories_no_cpr_insert BEFORE INSERT ON signatories
WHEN ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.organisation_name, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.organisation_name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (signatories)');
END;

DROP TRIGGER signatories_no_cpr_update;
CREATE TRIGGER signatories_no_cpr_update BEFORE UPDATE OF name, title, organisation_name ON signatories
WHEN ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.organisation_name, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' | ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.organisation_name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (signatories)');
END;

DROP TRIGGER signatures_no_cpr_insert;
CREATE TRIGGER signatures_no_cpr_insert BEFORE INSERT ON signatures
WHEN ' ' || coalesce(NEW.typed_name, '') || ' | ' || coalesce(NEW.place, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.typed_name, '') || ' | ' || coalesce(NEW.place, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (signatures)');
END;

DROP TRIGGER signatures_no_cpr_update;
CREATE TRIGGER signatures_no_cpr_update BEFORE UPDATE OF typed_name, place ON signatures
WHEN ' ' || coalesce(NEW.typed_name, '') || ' | ' || coalesce(NEW.place, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.typed_name, '') || ' | ' || coalesce(NEW.place, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (signatures)');
END;

DROP TRIGGER bodies_no_cpr_insert;
CREATE TRIGGER bodies_no_cpr_insert BEFORE INSERT ON bodies
WHEN ' ' || coalesce(NEW.name, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (bodies)');
END;

DROP TRIGGER bodies_no_cpr_update;
CREATE TRIGGER bodies_no_cpr_update BEFORE UPDATE OF name ON bodies
WHEN ' ' || coalesce(NEW.name, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.name, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (bodies)');
END;

DROP TRIGGER memberships_no_cpr_insert;
CREATE TRIGGER memberships_no_cpr_insert BEFORE INSERT ON memberships
WHEN ' ' || coalesce(NEW.role, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.role, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (memberships)');
END;

DROP TRIGGER memberships_no_cpr_update;
CREATE TRIGGER memberships_no_cpr_update BEFORE UPDATE OF role ON memberships
WHEN ' ' || coalesce(NEW.role, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.role, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (memberships)');
END;

DROP TRIGGER meetings_no_cpr_insert;
CREATE TRIGGER meetings_no_cpr_insert BEFORE INSERT ON meetings
WHEN ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.place, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.place, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (meetings)');
END;

DROP TRIGGER meetings_no_cpr_update;
CREATE TRIGGER meetings_no_cpr_update BEFORE UPDATE OF title, place, notes ON meetings
WHEN ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.place, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.place, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (meetings)');
END;

DROP TRIGGER checklist_items_no_cpr_insert;
CREATE TRIGGER checklist_items_no_cpr_insert BEFORE INSERT ON checklist_items
WHEN ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.description, '') || ' | ' || coalesce(NEW.decision, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.description, '') || ' | ' || coalesce(NEW.decision, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (checklist_items)');
END;

DROP TRIGGER checklist_items_no_cpr_update;
CREATE TRIGGER checklist_items_no_cpr_update BEFORE UPDATE OF title, description, decision ON checklist_items
WHEN ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.description, '') || ' | ' || coalesce(NEW.decision, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.description, '') || ' | ' || coalesce(NEW.decision, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (checklist_items)');
END;

DROP TRIGGER risks_no_cpr_insert;
CREATE TRIGGER risks_no_cpr_insert BEFORE INSERT ON risks
WHEN ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.description, '') || ' | ' || coalesce(NEW.response, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.description, '') || ' | ' || coalesce(NEW.response, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (risks)');
END;

DROP TRIGGER risks_no_cpr_update;
CREATE TRIGGER risks_no_cpr_update BEFORE UPDATE OF title, description, response ON risks
WHEN ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.description, '') || ' | ' || coalesce(NEW.response, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.description, '') || ' | ' || coalesce(NEW.response, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (risks)');
END;

DROP TRIGGER grants_no_cpr_insert;
CREATE TRIGGER grants_no_cpr_insert BEFORE INSERT ON grants
WHEN ' ' || coalesce(NEW.grantor, '') || ' | ' || coalesce(NEW.purpose, '') || ' | ' || coalesce(NEW.project, '') || ' | ' || coalesce(NEW.conditions, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.grantor, '') || ' | ' || coalesce(NEW.purpose, '') || ' | ' || coalesce(NEW.project, '') || ' | ' || coalesce(NEW.conditions, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (grants)');
END;

DROP TRIGGER grants_no_cpr_update;
CREATE TRIGGER grants_no_cpr_update BEFORE UPDATE OF grantor, purpose, project, conditions, notes ON grants
WHEN ' ' || coalesce(NEW.grantor, '') || ' | ' || coalesce(NEW.purpose, '') || ' | ' || coalesce(NEW.project, '') || ' | ' || coalesce(NEW.conditions, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.grantor, '') || ' | ' || coalesce(NEW.purpose, '') || ' | ' || coalesce(NEW.project, '') || ' | ' || coalesce(NEW.conditions, '') || ' | ' || coalesce(NEW.notes, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (grants)');
END;

DROP TRIGGER grant_reports_no_cpr_insert;
CREATE TRIGGER grant_reports_no_cpr_insert BEFORE INSERT ON grant_reports
WHEN ' ' || coalesce(NEW.what, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.what, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (grant_reports)');
END;

DROP TRIGGER grant_reports_no_cpr_update;
CREATE TRIGGER grant_reports_no_cpr_update BEFORE UPDATE OF what ON grant_reports
WHEN ' ' || coalesce(NEW.what, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.what, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (grant_reports)');
END;

DROP TRIGGER agenda_items_no_cpr_insert;
CREATE TRIGGER agenda_items_no_cpr_insert BEFORE INSERT ON agenda_items
WHEN ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.body, '') || ' | ' || coalesce(NEW.minutes, '') || ' | ' || coalesce(NEW.decision, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.body, '') || ' | ' || coalesce(NEW.minutes, '') || ' | ' || coalesce(NEW.decision, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agenda_items)');
END;

DROP TRIGGER agenda_items_no_cpr_update;
CREATE TRIGGER agenda_items_no_cpr_update BEFORE UPDATE OF title, body, minutes, decision ON agenda_items
WHEN ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.body, '') || ' | ' || coalesce(NEW.minutes, '') || ' | ' || coalesce(NEW.decision, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.title, '') || ' | ' || coalesce(NEW.body, '') || ' | ' || coalesce(NEW.minutes, '') || ' | ' || coalesce(NEW.decision, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agenda_items)');
END;

DROP TRIGGER action_items_no_cpr_insert;
CREATE TRIGGER action_items_no_cpr_insert BEFORE INSERT ON action_items
WHEN ' ' || coalesce(NEW.what, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.what, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (action_items)');
END;

DROP TRIGGER action_items_no_cpr_update;
CREATE TRIGGER action_items_no_cpr_update BEFORE UPDATE OF what ON action_items
WHEN ' ' || coalesce(NEW.what, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.what, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (action_items)');
END;

DROP TRIGGER meeting_corrections_no_cpr_insert;
CREATE TRIGGER meeting_corrections_no_cpr_insert BEFORE INSERT ON meeting_corrections
WHEN ' ' || coalesce(NEW.text, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.text, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (meeting_corrections)');
END;

DROP TRIGGER meeting_corrections_no_cpr_update;
CREATE TRIGGER meeting_corrections_no_cpr_update BEFORE UPDATE OF text ON meeting_corrections
WHEN ' ' || coalesce(NEW.text, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.text, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (meeting_corrections)');
END;

DROP TRIGGER agreement_endings_no_cpr_insert;
CREATE TRIGGER agreement_endings_no_cpr_insert BEFORE INSERT ON agreement_endings
WHEN ' ' || coalesce(NEW.reason, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.reason, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreement_endings)');
END;

DROP TRIGGER agreement_endings_no_cpr_update;
CREATE TRIGGER agreement_endings_no_cpr_update BEFORE UPDATE OF reason ON agreement_endings
WHEN ' ' || coalesce(NEW.reason, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.reason, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreement_endings)');
END;

DROP TRIGGER premises_cadastral_no_cpr_insert;
CREATE TRIGGER premises_cadastral_no_cpr_insert BEFORE INSERT ON premises
WHEN ' ' || NEW.cadastral_district || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || NEW.cadastral_district || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (premises)');
END;

DROP TRIGGER premises_cadastral_no_cpr_update;
CREATE TRIGGER premises_cadastral_no_cpr_update BEFORE UPDATE OF cadastral_district ON premises
WHEN ' ' || NEW.cadastral_district || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || NEW.cadastral_district || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (premises)');
END;

DROP TRIGGER agreements_journal_no_cpr_insert;
CREATE TRIGGER agreements_journal_no_cpr_insert BEFORE INSERT ON agreements
WHEN ' ' || coalesce(NEW.journal_number, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.journal_number, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreements)');
END;

DROP TRIGGER agreements_journal_no_cpr_update;
CREATE TRIGGER agreements_journal_no_cpr_update BEFORE UPDATE OF journal_number ON agreements
WHEN ' ' || coalesce(NEW.journal_number, '') || ' ' GLOB '*[0-9][-./_  ‐‑‒–—−0-9][0-9][0-9][0-9][0-9][^0-9]*'
    AND EXISTS (SELECT 1 FROM cpr_globs WHERE ' ' || coalesce(NEW.journal_number, '') || ' ' GLOB pattern)
BEGIN
    SELECT RAISE(ABORT, 'ligner et CPR-nummer; CPR-numre må ikke gemmes (agreements)');
END;
