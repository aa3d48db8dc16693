-- The whole model of Partnerskab. Dates are ISO text (YYYY-MM-DD) checked
-- with date(x) IS x, which also refuses days that do not exist; instants are
-- RFC 3339 UTC text; money is integer øre. Names carry a sort_key computed in
-- Go from the Danish collation, so lists sort Æ, Ø, Å after Z through a plain
-- index that any SQLite tool can read.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE organisations (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL CHECK (trim(name) <> ''),
    sort_key       BLOB NOT NULL,
    search_text    TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('kommune', 'kommunal_enhed', 'boligorganisation',
                       'helhedsplan', 'sekretariat', 'virksomhed', 'andet')),
    parent_id      INTEGER REFERENCES organisations (id),
    cvr            TEXT CHECK (cvr IS NULL OR (length(cvr) = 8 AND cvr NOT GLOB '*[^0-9]*')),
    p_number       TEXT CHECK (p_number IS NULL OR (length(p_number) = 10 AND p_number NOT GLOB '*[^0-9]*')),
    ean            TEXT CHECK (ean IS NULL OR (length(ean) = 13 AND ean NOT GLOB '*[^0-9]*')),
    rsv            TEXT NOT NULL DEFAULT 'ukendt' CHECK (rsv IN ('ja', 'nej', 'ukendt')),
    rsv_checked_on TEXT CHECK (rsv_checked_on IS NULL OR date(rsv_checked_on) IS rsv_checked_on),
    address        TEXT NOT NULL DEFAULT '',
    postcode       TEXT NOT NULL DEFAULT '',
    city           TEXT NOT NULL DEFAULT '',
    role           TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    archived_at    TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
-- A municipal unit shares its municipality's CVR; every other CVR is unique,
-- archived organisations included (restore the old one instead of a twin).
CREATE UNIQUE INDEX organisations_cvr ON organisations (cvr)
    WHERE cvr IS NOT NULL AND kind <> 'kommunal_enhed';
-- The list's index also holds the search text, so search-as-you-type
-- filters inside the index and reads a table row only for a match.
CREATE INDEX organisations_list ON organisations (archived_at IS NOT NULL, sort_key, id, search_text);

CREATE TABLE contacts (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    name            TEXT NOT NULL CHECK (trim(name) <> ''),
    sort_key        BLOB NOT NULL,
    title           TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL DEFAULT '',
    valid_from      TEXT CHECK (valid_from IS NULL OR date(valid_from) IS valid_from),
    valid_to        TEXT CHECK (valid_to IS NULL OR date(valid_to) IS valid_to),
    notes           TEXT NOT NULL DEFAULT '',
    case_closed_on  TEXT CHECK (case_closed_on IS NULL OR date(case_closed_on) IS case_closed_on),
    delete_by       TEXT CHECK (delete_by IS NULL OR date(delete_by) IS delete_by),
    archived_at     TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from)
) STRICT;
CREATE INDEX contacts_organisation ON contacts (organisation_id, sort_key);

-- Approvals: the helhedsplan's steering group approving an enterprise, and
-- the approvals a lease of common rooms needs.
CREATE TABLE approvals (
    id              INTEGER PRIMARY KEY,
    body            TEXT NOT NULL CHECK (body IN ('styregruppe', 'afdelingsmoede', 'bestyrelse', 'datterselskab')),
    organisation_id INTEGER REFERENCES organisations (id),
    lease_id        INTEGER REFERENCES leases (id) ON DELETE CASCADE,
    approved_on     TEXT CHECK (approved_on IS NULL OR date(approved_on) IS approved_on),
    reference       TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((organisation_id IS NULL) <> (lease_id IS NULL)),
    CHECK ((body = 'styregruppe') = (organisation_id IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX approvals_organisation ON approvals (organisation_id, body) WHERE organisation_id IS NOT NULL;
CREATE UNIQUE INDEX approvals_lease ON approvals (lease_id, body) WHERE lease_id IS NOT NULL;

CREATE TABLE premises (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    sort_key    BLOB NOT NULL,
    search_text TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    postcode    TEXT NOT NULL DEFAULT '',
    city        TEXT NOT NULL DEFAULT '',
    owner_id    INTEGER REFERENCES organisations (id),
    notes       TEXT NOT NULL DEFAULT '',
    archived_at TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (postcode = '' OR (length(postcode) = 4 AND postcode NOT GLOB '*[^0-9]*'))
) STRICT;
CREATE INDEX premises_list ON premises (sort_key, id);

CREATE TABLE rooms (
    id          INTEGER PRIMARY KEY,
    premises_id INTEGER NOT NULL REFERENCES premises (id),
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    sort_key    BLOB NOT NULL,
    -- folded room name, premises name and kind, kept by the Go code, so
    -- that search-as-you-type (rooms and leases) needs no Danish folding in SQL
    search_text TEXT NOT NULL DEFAULT '',
    area_m2     REAL NOT NULL CHECK (area_m2 > 0),
    kind        TEXT NOT NULL DEFAULT 'andet' CHECK (kind IN ('vaerksted', 'koekken', 'cafe', 'moedelokale', 'lager', 'andet')),
    shared      INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
    notes       TEXT NOT NULL DEFAULT '',
    archived_at TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX rooms_premises ON rooms (premises_id, sort_key);

CREATE TABLE leases (
    id                     INTEGER PRIMARY KEY,
    landlord_id            INTEGER NOT NULL REFERENCES organisations (id),
    tenant_id              INTEGER NOT NULL REFERENCES organisations (id),
    start_on               TEXT NOT NULL CHECK (date(start_on) IS start_on),
    end_on                 TEXT CHECK (end_on IS NULL OR date(end_on) IS end_on),
    handover_on            TEXT CHECK (handover_on IS NULL OR date(handover_on) IS handover_on),
    non_terminable_months  INTEGER NOT NULL DEFAULT 0 CHECK (non_terminable_months >= 0),
    notice_months_landlord INTEGER NOT NULL DEFAULT 3 CHECK (notice_months_landlord >= 0),
    notice_months_tenant   INTEGER NOT NULL DEFAULT 3 CHECK (notice_months_tenant >= 0),
    rent_ore_per_m2_year   INTEGER NOT NULL DEFAULT 0 CHECK (rent_ore_per_m2_year >= 0),
    deposit_months         REAL NOT NULL DEFAULT 0 CHECK (deposit_months >= 0),
    utilities              TEXT NOT NULL DEFAULT 'aconto' CHECK (utilities IN ('inkluderet', 'aconto', 'maalt')),
    use                    TEXT NOT NULL DEFAULT '',
    vat                    INTEGER NOT NULL DEFAULT 0 CHECK (vat IN (0, 1)),
    subletting             INTEGER NOT NULL DEFAULT 0 CHECK (subletting IN (0, 1)),
    notice_given_on        TEXT CHECK (notice_given_on IS NULL OR date(notice_given_on) IS notice_given_on),
    notice_given_by        TEXT CHECK (notice_given_by IS NULL OR notice_given_by IN ('udlejer', 'lejer')),
    -- delvis udlejning: the side-activity company (datterselskab) must approve too
    partial_letting        INTEGER NOT NULL DEFAULT 0 CHECK (partial_letting IN (0, 1)),
    notes                  TEXT NOT NULL DEFAULT '',
    archived_at            TEXT,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    CHECK (end_on IS NULL OR end_on >= start_on),
    CHECK (landlord_id <> tenant_id),
    CHECK ((notice_given_on IS NULL) = (notice_given_by IS NULL))
) STRICT;
CREATE INDEX leases_tenant ON leases (tenant_id);
CREATE INDEX leases_landlord ON leases (landlord_id);

CREATE TABLE lease_rooms (
    lease_id INTEGER NOT NULL REFERENCES leases (id) ON DELETE CASCADE,
    room_id  INTEGER NOT NULL REFERENCES rooms (id),
    PRIMARY KEY (lease_id, room_id)
) STRICT;
CREATE INDEX lease_rooms_room ON lease_rooms (room_id);

-- Two leases of the same room must not overlap in time (the Go code says
-- which lease is in the way; these triggers guard the file itself).
CREATE TRIGGER lease_rooms_no_overlap BEFORE INSERT ON lease_rooms
WHEN EXISTS (
    SELECT 1 FROM lease_rooms lr
    JOIN leases other ON other.id = lr.lease_id
    JOIN leases this ON this.id = NEW.lease_id
    WHERE lr.room_id = NEW.room_id AND lr.lease_id <> NEW.lease_id
      AND other.archived_at IS NULL AND this.archived_at IS NULL
      AND other.start_on <= coalesce(this.end_on, '9999-12-31')
      AND this.start_on <= coalesce(other.end_on, '9999-12-31'))
BEGIN
    SELECT RAISE(ABORT, 'lejemål overlapper et andet lejemål af samme lokale');
END;

CREATE TRIGGER leases_no_overlap BEFORE UPDATE OF start_on, end_on, archived_at ON leases
WHEN NEW.archived_at IS NULL AND EXISTS (
    SELECT 1 FROM lease_rooms mine
    JOIN lease_rooms lr ON lr.room_id = mine.room_id AND lr.lease_id <> mine.lease_id
    JOIN leases other ON other.id = lr.lease_id
    WHERE mine.lease_id = NEW.id AND other.archived_at IS NULL
      AND other.start_on <= coalesce(NEW.end_on, '9999-12-31')
      AND NEW.start_on <= coalesce(other.end_on, '9999-12-31'))
BEGIN
    SELECT RAISE(ABORT, 'lejemål overlapper et andet lejemål af samme lokale');
END;

-- Employment schemes and target groups are editable lists: reforms rename them.
-- A scheme's code is its stable name for the program (the seeded ones keep
-- theirs across renames); warn_weeks is how long the scheme should last (a
-- work placement 13 weeks) before a placement in it gets a warning.
CREATE TABLE schemes (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
    subsidised  INTEGER NOT NULL DEFAULT 0 CHECK (subsidised IN (0, 1)),
    flex        INTEGER NOT NULL DEFAULT 0 CHECK (flex IN (0, 1)),
    counts_as_job INTEGER NOT NULL DEFAULT 1 CHECK (counts_as_job IN (0, 1)),
    warn_weeks  INTEGER CHECK (warn_weeks IS NULL OR (warn_weeks > 0 AND warn_weeks <= 520)),
    position    INTEGER NOT NULL DEFAULT 0,
    archived_at TEXT,
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

CREATE TABLE target_groups (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
    position    INTEGER NOT NULL DEFAULT 0,
    archived_at TEXT,
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

CREATE TABLE positions (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    title           TEXT NOT NULL CHECK (trim(title) <> ''),
    hours_per_week  REAL NOT NULL DEFAULT 37 CHECK (hours_per_week > 0 AND hours_per_week <= 80),
    count           INTEGER NOT NULL DEFAULT 1 CHECK (count > 0),
    scheme_id       INTEGER REFERENCES schemes (id),
    notes           TEXT NOT NULL DEFAULT '',
    archived_at     TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX positions_organisation ON positions (organisation_id);

-- Placements record people by initials or a pseudonym only: never a CPR
-- number, health details, ethnicity or benefit amounts (GDPR art. 9). The
-- pseudonym may hold no run of six digits (a CPR number always has one, an
-- initial never). An anonymised placement keeps only what the counts need
-- (enterprise, scheme, position, hours, resident, dates); its pseudonym,
-- notes and target group (a proxy for ethnic origin) are gone for good.
-- search_text is the folded pseudonym, for search-as-you-type.
CREATE TABLE placements (
    id              INTEGER PRIMARY KEY,
    pseudonym       TEXT NOT NULL CHECK (trim(pseudonym) <> '' AND length(pseudonym) <= 40
                        AND pseudonym NOT GLOB '*[0-9][0-9][0-9][0-9][0-9][0-9]*'),
    search_text     TEXT NOT NULL DEFAULT '',
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    position_id     INTEGER REFERENCES positions (id),
    scheme_id       INTEGER NOT NULL REFERENCES schemes (id),
    hours_per_week  REAL NOT NULL DEFAULT 0 CHECK (hours_per_week >= 0 AND hours_per_week <= 80),
    resident        INTEGER NOT NULL DEFAULT 0 CHECK (resident IN (0, 1)),
    target_group_id INTEGER REFERENCES target_groups (id),
    start_on        TEXT NOT NULL CHECK (date(start_on) IS start_on),
    end_on          TEXT CHECK (end_on IS NULL OR date(end_on) IS end_on),
    case_closed_on  TEXT CHECK (case_closed_on IS NULL OR date(case_closed_on) IS case_closed_on),
    delete_by       TEXT CHECK (delete_by IS NULL OR date(delete_by) IS delete_by),
    notes           TEXT NOT NULL DEFAULT '',
    anonymised_at   TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (end_on IS NULL OR end_on >= start_on),
    CHECK (anonymised_at IS NULL OR (pseudonym = 'anonymiseret' AND search_text = 'anonymiseret'
        AND notes = '' AND target_group_id IS NULL))
) STRICT;
-- The list walks enterprises in Danish order and, for each, this index in
-- its own order (newest start first); the filters (scheme, active on a day,
-- the typed text) are answered inside the index, so paging deep into
-- 100.000 placements reads no table row it does not show.
CREATE INDEX placements_list ON placements (organisation_id, start_on DESC, id, scheme_id, end_on, search_text);
CREATE INDEX placements_position ON placements (position_id) WHERE position_id IS NOT NULL;
CREATE INDEX placements_due ON placements (delete_by) WHERE delete_by IS NOT NULL AND anonymised_at IS NULL;

-- A placement's position must be one of its enterprise's positions.
CREATE TRIGGER placements_position_insert BEFORE INSERT ON placements
WHEN NEW.position_id IS NOT NULL
    AND (SELECT organisation_id FROM positions WHERE id = NEW.position_id) IS NOT NEW.organisation_id
BEGIN
    SELECT RAISE(ABORT, 'stillingen hører til en anden virksomhed end placeringen');
END;

CREATE TRIGGER placements_position_update BEFORE UPDATE OF position_id, organisation_id ON placements
WHEN NEW.position_id IS NOT NULL
    AND (SELECT organisation_id FROM positions WHERE id = NEW.position_id) IS NOT NEW.organisation_id
BEGIN
    SELECT RAISE(ABORT, 'stillingen hører til en anden virksomhed end placeringen');
END;

CREATE TRIGGER positions_keep_placements BEFORE UPDATE OF organisation_id ON positions
WHEN EXISTS (SELECT 1 FROM placements WHERE position_id = NEW.id AND organisation_id IS NOT NEW.organisation_id)
BEGIN
    SELECT RAISE(ABORT, 'stillingen hører til en anden virksomhed end placeringen');
END;

-- Anonymisation cannot be undone: the person data it removed is gone.
CREATE TRIGGER placements_stay_anonymous BEFORE UPDATE OF anonymised_at ON placements
WHEN OLD.anonymised_at IS NOT NULL AND NEW.anonymised_at IS NULL
BEGIN
    SELECT RAISE(ABORT, 'en anonymiseret placering kan ikke gøres personhenførbar igen');
END;

-- What the overview counts (data/overview.go), read from indexes alone: the
-- placements running on a day (no end, or an end on or after it: two ranges
-- of placements_ends, also for the targets' ActiveCounts), and the
-- chart's placements per month and scheme (grouped in index order, so no
-- sorting of 100.000 rows).
CREATE INDEX placements_ends ON placements (end_on, scheme_id, start_on, resident);
CREATE INDEX placements_end_month ON placements (substr(end_on, 1, 7), scheme_id);
CREATE INDEX placements_start_month ON placements (substr(start_on, 1, 7), scheme_id);

-- Targets: a goal with a deadline; measure says how the current value is
-- counted (from placements, or entered by hand).
CREATE TABLE targets (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (trim(name) <> ''),
    goal         REAL NOT NULL CHECK (goal >= 0),
    unit         TEXT NOT NULL DEFAULT '',
    deadline     TEXT CHECK (deadline IS NULL OR date(deadline) IS deadline),
    measure      TEXT NOT NULL DEFAULT 'manuel' CHECK (measure IN ('besatte_job', 'fleksjob', 'manuel')),
    manual_value REAL NOT NULL DEFAULT 0,
    notes        TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE templates (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
    sort_key    BLOB NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    archived_at TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX templates_list ON templates (archived_at IS NOT NULL, sort_key, id);

-- Every save of a changed body is a new version; an agreement records the
-- version it came from, so versions are history: never changed, and gone
-- only with their template (which Go deletes only when no agreement uses it).
CREATE TABLE template_versions (
    id          INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES templates (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL CHECK (version > 0),
    body        TEXT NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    created_at  TEXT NOT NULL,
    UNIQUE (template_id, version)
) STRICT;

CREATE TRIGGER template_versions_no_update BEFORE UPDATE ON template_versions
BEGIN
    SELECT RAISE(ABORT, 'en skabelonversion kan ikke ændres; gem en ny version');
END;

CREATE TRIGGER template_versions_no_delete BEFORE DELETE ON template_versions
WHEN EXISTS (SELECT 1 FROM templates WHERE id = OLD.template_id)
BEGIN
    SELECT RAISE(ABORT, 'en skabelonversion kan ikke slettes for sig; den er historik');
END;

CREATE TABLE agreements (
    id                  INTEGER PRIMARY KEY,
    number              TEXT NOT NULL UNIQUE,
    title               TEXT NOT NULL CHECK (trim(title) <> ''),
    template_version_id INTEGER REFERENCES template_versions (id),
    status              TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'pending', 'signed', 'rejected', 'cancelled')),
    body                TEXT NOT NULL DEFAULT '',
    body_sha256         TEXT,
    parent_id           INTEGER REFERENCES agreements (id),
    lease_id            INTEGER REFERENCES leases (id),
    place               TEXT NOT NULL DEFAULT '',
    agreement_date      TEXT CHECK (agreement_date IS NULL OR date(agreement_date) IS agreement_date),
    valid_from          TEXT CHECK (valid_from IS NULL OR date(valid_from) IS valid_from),
    valid_to            TEXT CHECK (valid_to IS NULL OR date(valid_to) IS valid_to),
    parallel_signing    INTEGER NOT NULL DEFAULT 0 CHECK (parallel_signing IN (0, 1)),
    allow_typed         INTEGER NOT NULL DEFAULT 0 CHECK (allow_typed IN (0, 1)),
    example             INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),
    sent_at             TEXT,
    signed_at           TEXT,
    rejected_reason     TEXT NOT NULL DEFAULT '',
    rejected_by         INTEGER REFERENCES signatories (id),
    rejected_at         TEXT,
    sealed_pdf          BLOB,
    sealed_sha256       TEXT,
    case_closed_on      TEXT CHECK (case_closed_on IS NULL OR date(case_closed_on) IS case_closed_on),
    delete_by           TEXT CHECK (delete_by IS NULL OR date(delete_by) IS delete_by),
    -- folded number, title and parties' names, kept by the Go code, for search-as-you-type
    search_text         TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_to >= valid_from),
    CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;
CREATE INDEX agreements_list ON agreements (agreement_date DESC, number DESC, id);
CREATE INDEX agreements_template_version ON agreements (template_version_id) WHERE template_version_id IS NOT NULL;

-- An agreement's text, parties and signatories can be changed only while it
-- is a draft: once sent for signing, the parties sign what they were sent.
CREATE TRIGGER agreements_text_locked BEFORE UPDATE OF body, template_version_id ON agreements
WHEN OLD.status NOT IN ('draft', 'signed') AND (NEW.body IS NOT OLD.body OR NEW.template_version_id IS NOT OLD.template_version_id)
BEGIN
    SELECT RAISE(ABORT, 'aftalens tekst kan kun ændres, mens aftalen er en kladde');
END;

-- The signing (data/signing.go). Status 'signed' is set only together with
-- the sealed PDF and its SHA-256, once every signatory has signed, and only
-- from 'pending'; a rejection names who and why. These guard UPDATE: rows
-- inserted in one piece (tests, imports) are the caller's business.
CREATE TRIGGER agreements_signed_needs_seal BEFORE UPDATE OF status ON agreements
WHEN NEW.status = 'signed' AND OLD.status <> 'signed' AND (OLD.status <> 'pending' OR NEW.sealed_pdf IS NULL
    OR length(NEW.sealed_sha256) IS NOT 64 OR NEW.signed_at IS NULL
    OR EXISTS (SELECT 1 FROM signatories g WHERE g.agreement_id = NEW.id
        AND NOT EXISTS (SELECT 1 FROM signatures x WHERE x.signatory_id = g.id)))
BEGIN
    SELECT RAISE(ABORT, 'aftalen kan kun låses som underskrevet fra Til underskrift, med alle underskrifter og den forseglede PDF');
END;

CREATE TRIGGER agreements_seal_only_when_signed BEFORE UPDATE OF sealed_pdf, sealed_sha256 ON agreements
WHEN OLD.status <> 'signed' AND NEW.status <> 'signed' AND (NEW.sealed_pdf IS NOT NULL OR NEW.sealed_sha256 IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'den forseglede PDF gemmes kun sammen med status Underskrevet');
END;

CREATE TRIGGER agreements_rejected_says_why BEFORE UPDATE OF status ON agreements
WHEN NEW.status = 'rejected' AND OLD.status <> 'rejected' AND (trim(NEW.rejected_reason) = '' OR NEW.rejected_by IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'en afvisning skal sige hvem og hvorfor');
END;

-- A signed agreement is immutable: a change is an amendment (Tillæg).
CREATE TRIGGER agreements_signed_no_update BEFORE UPDATE ON agreements
WHEN OLD.status = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

CREATE TRIGGER agreements_signed_no_delete BEFORE DELETE ON agreements
WHEN OLD.status = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

CREATE TABLE agreement_parties (
    agreement_id    INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    role            TEXT NOT NULL DEFAULT '',
    position        INTEGER NOT NULL,
    PRIMARY KEY (agreement_id, organisation_id)
) STRICT;
CREATE INDEX agreement_parties_organisation ON agreement_parties (organisation_id);

CREATE TRIGGER agreement_parties_insert_locked BEFORE INSERT ON agreement_parties
WHEN (SELECT status FROM agreements WHERE id = NEW.agreement_id) <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'aftalens parter kan kun ændres, mens aftalen er en kladde');
END;

CREATE TRIGGER agreement_parties_update_locked BEFORE UPDATE ON agreement_parties
WHEN (SELECT status FROM agreements WHERE id = OLD.agreement_id) NOT IN ('draft', 'signed')
BEGIN
    SELECT RAISE(ABORT, 'aftalens parter kan kun ændres, mens aftalen er en kladde');
END;

CREATE TRIGGER agreement_parties_delete_locked BEFORE DELETE ON agreement_parties
WHEN (SELECT status FROM agreements WHERE id = OLD.agreement_id) NOT IN ('draft', 'signed')
BEGIN
    SELECT RAISE(ABORT, 'aftalens parter kan kun ændres, mens aftalen er en kladde');
END;

CREATE TABLE signatories (
    id                INTEGER PRIMARY KEY,
    agreement_id      INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    contact_id        INTEGER REFERENCES contacts (id),
    position          INTEGER NOT NULL,
    name              TEXT NOT NULL CHECK (trim(name) <> ''),
    title             TEXT NOT NULL DEFAULT '',
    organisation_name TEXT NOT NULL DEFAULT '',
    UNIQUE (agreement_id, position)
) STRICT;

-- Who signs, and in which order, is fixed when the agreement is sent.
CREATE TRIGGER signatories_insert_locked BEFORE INSERT ON signatories
WHEN (SELECT status FROM agreements WHERE id = NEW.agreement_id) <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'aftalens underskrivere kan kun ændres, mens aftalen er en kladde');
END;

CREATE TRIGGER signatories_update_locked BEFORE UPDATE OF contact_id, position, name, title, organisation_name ON signatories
WHEN (SELECT status FROM agreements WHERE id = OLD.agreement_id) NOT IN ('draft', 'signed')
BEGIN
    SELECT RAISE(ABORT, 'aftalens underskrivere kan kun ændres, mens aftalen er en kladde');
END;

CREATE TRIGGER signatories_delete_locked BEFORE DELETE ON signatories
WHEN (SELECT status FROM agreements WHERE id = OLD.agreement_id) NOT IN ('draft', 'signed')
BEGIN
    SELECT RAISE(ABORT, 'aftalens underskrivere kan kun ændres, mens aftalen er en kladde');
END;

CREATE TRIGGER agreement_parties_signed BEFORE UPDATE ON agreement_parties
WHEN (SELECT status FROM agreements WHERE id = OLD.agreement_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

CREATE TRIGGER agreement_parties_signed_delete BEFORE DELETE ON agreement_parties
WHEN (SELECT status FROM agreements WHERE id = OLD.agreement_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

CREATE TRIGGER signatories_signed BEFORE UPDATE ON signatories
WHEN (SELECT status FROM agreements WHERE id = OLD.agreement_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

CREATE TRIGGER signatories_signed_delete BEFORE DELETE ON signatories
WHEN (SELECT status FROM agreements WHERE id = OLD.agreement_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

-- One signature per signatory, given while the agreement is 'pending':
-- drawn (the strokes as recorded and the PNG made from them), typed (the
-- name as typed) or on paper (the date written on the paper; the scan is in
-- agreement_scans). signed_at is when the program recorded it.
CREATE TABLE signatures (
    id           INTEGER PRIMARY KEY,
    signatory_id INTEGER NOT NULL UNIQUE REFERENCES signatories (id),
    method       TEXT NOT NULL CHECK (method IN ('drawn', 'typed', 'paper')),
    image_png    BLOB,
    strokes      TEXT,
    typed_name   TEXT NOT NULL DEFAULT '',
    place        TEXT NOT NULL DEFAULT '',
    signed_at    TEXT NOT NULL,
    signed_on    TEXT CHECK (signed_on IS NULL OR date(signed_on) IS signed_on),
    CHECK (method <> 'drawn' OR (image_png IS NOT NULL AND strokes IS NOT NULL)),
    CHECK (method <> 'typed' OR trim(typed_name) <> ''),
    CHECK (method <> 'paper' OR signed_on IS NOT NULL)
) STRICT;

CREATE TRIGGER signatures_only_pending BEFORE INSERT ON signatures
WHEN (SELECT a.status FROM signatories g JOIN agreements a ON a.id = g.agreement_id WHERE g.id = NEW.signatory_id) IS NOT 'pending'
BEGIN
    SELECT RAISE(ABORT, 'der kan kun skrives under på en aftale, der er sendt til underskrift');
END;

CREATE TRIGGER signatures_signed BEFORE UPDATE ON signatures
WHEN (SELECT a.status FROM signatories g JOIN agreements a ON a.id = g.agreement_id WHERE g.id = OLD.signatory_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

CREATE TRIGGER signatures_signed_delete BEFORE DELETE ON signatures
WHEN (SELECT a.status FROM signatories g JOIN agreements a ON a.id = g.agreement_id WHERE g.id = OLD.signatory_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

-- A signature once given stands, also before the agreement is locked.
CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures
WHEN (SELECT a.status FROM signatories g JOIN agreements a ON a.id = g.agreement_id WHERE g.id = OLD.signatory_id) IS NOT 'signed'
BEGIN
    SELECT RAISE(ABORT, 'en afgivet underskrift kan ikke ændres');
END;

CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
WHEN (SELECT a.status FROM signatories g JOIN agreements a ON a.id = g.agreement_id WHERE g.id = OLD.signatory_id) IS NOT 'signed'
BEGIN
    SELECT RAISE(ABORT, 'en afgivet underskrift kan ikke slettes');
END;

-- The scan of the paper signatures, one per agreement, kept with its SHA-256.
CREATE TABLE agreement_scans (
    agreement_id INTEGER PRIMARY KEY REFERENCES agreements (id),
    pdf          BLOB NOT NULL,
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    added_at     TEXT NOT NULL
) STRICT;

CREATE TRIGGER agreement_scans_only_pending BEFORE INSERT ON agreement_scans
WHEN (SELECT status FROM agreements WHERE id = NEW.agreement_id) IS NOT 'pending'
BEGIN
    SELECT RAISE(ABORT, 'en scanning kan kun vedhæftes en aftale, der er sendt til underskrift');
END;

CREATE TRIGGER agreement_scans_no_update BEFORE UPDATE ON agreement_scans
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

CREATE TRIGGER agreement_scans_no_delete BEFORE DELETE ON agreement_scans
WHEN (SELECT status FROM agreements WHERE id = OLD.agreement_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

-- The audit log: what happened, when, to which record.
CREATE TABLE events (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    detail    TEXT NOT NULL DEFAULT '',
    -- the signatory a signing step concerns (presented, read, signed, rejected)
    signatory_id INTEGER
) STRICT;
CREATE INDEX events_entity ON events (entity, entity_id);

-- The signing steps of a signed agreement are its evidence.
CREATE TRIGGER events_signed_no_update BEFORE UPDATE ON events
WHEN OLD.entity = 'aftale' AND (SELECT status FROM agreements WHERE id = OLD.entity_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

CREATE TRIGGER events_signed_no_delete BEFORE DELETE ON events
WHEN OLD.entity = 'aftale' AND (SELECT status FROM agreements WHERE id = OLD.entity_id) = 'signed'
BEGIN
    SELECT RAISE(ABORT, 'aftalen er underskrevet og kan ikke ændres; lav et tillæg');
END;

-- Unsaved form edits, kept as the user types so that nothing is lost when
-- the lid closes; never written over a saved record without Save.
CREATE TABLE form_drafts (
    form       TEXT NOT NULL,
    record_id  INTEGER NOT NULL DEFAULT 0,
    data       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (form, record_id)
) STRICT;

-- The lists a new installation starts with (DOMAIN.md); all editable.
INSERT INTO schemes (code, name, subsidised, flex, counts_as_job, warn_weeks, position) VALUES
    ('ordinaer',    'Ordinært job',        0, 0, 1, NULL, 1),
    ('fleksjob',    'Fleksjob',            0, 1, 1, NULL, 2),
    ('loentilskud', 'Løntilskud',          1, 0, 1, NULL, 3),
    ('praktik',     'Virksomhedspraktik',  1, 0, 1, 13,   4),
    ('ydelse',      'Job med ydelse',      0, 0, 1, NULL, 5),
    ('frivillig',   'Frivillig',           0, 0, 0, NULL, 6);

INSERT INTO target_groups (name, position) VALUES
    ('Ledige fleksjobbere', 1),
    ('Kvinder 30–50 år uden tilknytning til arbejdsmarkedet', 2),
    ('Beboere i området', 3),
    ('Andre', 4);

INSERT INTO settings (key, value) VALUES
    ('retention_person_years', '1'),
    ('retention_agreement_years', '5'),
    ('default_place', ''),
    ('organisation_name', '');

-- The subsidy ratio rule (rimelighedskravet, DOMAIN.md; a working assumption,
-- so editable): at most one subsidised person per subsidy_ratio_per ordinary
-- employees, and above subsidy_ratio_threshold employees one per
-- subsidy_ratio_per_above.
INSERT INTO settings (key, value) VALUES
    ('subsidy_ratio_per', '5'),
    ('subsidy_ratio_threshold', '50'),
    ('subsidy_ratio_per_above', '10');
