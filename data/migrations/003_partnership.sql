-- The partnership's own work: its bodies and who sits in them, its meetings
-- with agenda, minutes and action items, the checklist of what the
-- collaboration must clarify, barriers and risks, goals with milestones,
-- and grants. Approved minutes are as fixed as a signed agreement: the
-- triggers below refuse every change, and a correction is a row of its own.

INSERT INTO settings (key, value) VALUES
    ('meeting_notice_days', '14'),
    ('meetings_per_year_min', '5'),
    ('meetings_per_year_max', '7');

-- The bodies of the project organisation (editable: the memo says the
-- organisation changes as the task develops). A meeting is a meeting of a
-- body, or of none ("andet").
CREATE TABLE bodies (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    position    INTEGER NOT NULL DEFAULT 0,
    archived_at TEXT,
    updated_at  TEXT NOT NULL
) STRICT;

INSERT INTO bodies (code, name, position, updated_at) VALUES
    ('partnerskab',             'Partnerskabet',                  1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('projektledelse',          'Projektledelsen',                2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('projektgruppe',           'Projektgruppen',                 3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('styregruppe_helhedsplan', 'Styregruppen for helhedsplanen', 4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('styregruppe_sekstanten',  'Sekstantens styregruppe',        5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

-- Who sits in a body, from when to when.
CREATE TABLE memberships (
    id          INTEGER PRIMARY KEY,
    body_id     INTEGER NOT NULL REFERENCES bodies (id),
    contact_id  INTEGER NOT NULL REFERENCES contacts (id),
    role        TEXT NOT NULL DEFAULT '',
    from_on     TEXT NOT NULL CHECK (date(from_on) IS from_on),
    to_on       TEXT CHECK (to_on IS NULL OR date(to_on) IS to_on),
    archived_at TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (to_on IS NULL OR to_on >= from_on)
) STRICT;
CREATE INDEX memberships_body ON memberships (body_id, from_on);

CREATE TABLE meetings (
    id          INTEGER PRIMARY KEY,
    body_id     INTEGER REFERENCES bodies (id),
    title       TEXT NOT NULL CHECK (trim(title) <> ''),
    held_on     TEXT NOT NULL CHECK (date(held_on) IS held_on),
    -- HH:MM, or '' when not yet set
    starts_at   TEXT NOT NULL DEFAULT '' CHECK (starts_at = '' OR (length(starts_at) = 5 AND time(starts_at) = starts_at || ':00')),
    ends_at     TEXT NOT NULL DEFAULT '' CHECK (ends_at = '' OR (length(ends_at) = 5 AND time(ends_at) = ends_at || ':00')),
    place       TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'planlagt' CHECK (status IN ('planlagt', 'indkaldt', 'afholdt', 'godkendt')),
    invited_on  TEXT CHECK (invited_on IS NULL OR date(invited_on) IS invited_on),
    approved_on TEXT CHECK (approved_on IS NULL OR date(approved_on) IS approved_on),
    notes       TEXT NOT NULL DEFAULT '',
    -- the demo case's: its agenda and minutes print EKSEMPEL
    example     INTEGER NOT NULL DEFAULT 0 CHECK (example IN (0, 1)),
    archived_at TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (ends_at = '' OR starts_at = '' OR ends_at > starts_at),
    CHECK ((status = 'godkendt') = (approved_on IS NOT NULL)),
    CHECK (status = 'planlagt' OR status = 'afholdt' OR status = 'godkendt' OR invited_on IS NOT NULL),
    CHECK (approved_on IS NULL OR approved_on >= held_on)
) STRICT;
CREATE INDEX meetings_held ON meetings (held_on);

-- Who is invited and who attended.
CREATE TABLE meeting_people (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    contact_id INTEGER NOT NULL REFERENCES contacts (id),
    invited    INTEGER NOT NULL DEFAULT 1 CHECK (invited IN (0, 1)),
    attended   INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
    PRIMARY KEY (meeting_id, contact_id)
) STRICT;

-- The checklist "Gennem samarbejdet afklares": each item ends as a decided
-- text that agreements use through the merge field afklaring.<code>.
CREATE TABLE checklist_items (
    id                   INTEGER PRIMARY KEY,
    code                 TEXT NOT NULL UNIQUE CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*' AND length(code) <= 40),
    title                TEXT NOT NULL CHECK (trim(title) <> ''),
    description          TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL DEFAULT 'aaben' CHECK (status IN ('aaben', 'under_afklaring', 'afklaret')),
    owner_id             INTEGER REFERENCES contacts (id),
    discussed_meeting_id INTEGER REFERENCES meetings (id),
    settled_meeting_id   INTEGER REFERENCES meetings (id),
    decision             TEXT NOT NULL DEFAULT '',
    position             INTEGER NOT NULL DEFAULT 0,
    archived_at          TEXT,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    CHECK (status <> 'afklaret' OR trim(decision) <> '')
) STRICT;

-- The memo's nine items, as every partnership starts with them.
INSERT INTO checklist_items (code, title, position, created_at, updated_at) VALUES
    ('barrierer', 'Barrierer og imødegåelse af barrierer for de socialøkonomiske virksomheder', 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('afrapportering', 'Standarden, som der skal afrapporteres og videregives viden i', 2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('fremtidig_organisation', 'Fremtidig organisation af samarbejdet efter etableringsfasen', 3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('krav_virksomheder', 'Krav til de socialøkonomiske virksomheder med henblik på positiv effekt for boligområdet', 4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('krav_helhedsplaner', 'Krav til helhedsplaner og boligorganisationer med henblik på positiv effekt for virksomhederne', 5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('partnerskabsaftalen', 'Indholdet i partnerskabsaftalen af 2. orden', 6, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('modelaftalen', 'Indholdet i modelaftalen mellem en virksomhed og den enkelte helhedsplan', 7, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('jobcentrets_rolle', 'Jobcentrets rolle', 8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    ('programmets_rolle', 'Program Ringparken og Motalavejs rolle', 9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));

-- Barriers and risks: likelihood and impact on a scale of 1 to 5.
CREATE TABLE risks (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('barriere', 'risiko')),
    title       TEXT NOT NULL CHECK (trim(title) <> ''),
    description TEXT NOT NULL DEFAULT '',
    likelihood  INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact      INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    response    TEXT NOT NULL DEFAULT '',
    owner_id    INTEGER REFERENCES contacts (id),
    status      TEXT NOT NULL DEFAULT 'aaben' CHECK (status IN ('aaben', 'haandteres', 'lukket')),
    review_on   TEXT CHECK (review_on IS NULL OR date(review_on) IS review_on),
    archived_at TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- Goals gain a start, milestones (reached on a date, with the evidence),
-- the residents' share as a measure, and archiving. SQLite cannot widen a
-- CHECK in place, so the table is rebuilt; nothing referred to it yet. A
-- manual goal of one "milepæl" was how a milestone was written before: it
-- becomes a milestone, reached on its last change if it was ticked.
CREATE TABLE targets_new (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (trim(name) <> ''),
    goal         REAL NOT NULL CHECK (goal >= 0),
    unit         TEXT NOT NULL DEFAULT '',
    start_on     TEXT CHECK (start_on IS NULL OR date(start_on) IS start_on),
    deadline     TEXT CHECK (deadline IS NULL OR date(deadline) IS deadline),
    measure      TEXT NOT NULL DEFAULT 'manuel'
                 CHECK (measure IN ('besatte_job', 'fleksjob', 'beboerandel', 'manuel', 'milepael')),
    manual_value REAL NOT NULL DEFAULT 0 CHECK (manual_value >= 0),
    reached_on   TEXT CHECK (reached_on IS NULL OR date(reached_on) IS reached_on),
    evidence     TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL DEFAULT 0,
    archived_at  TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    CHECK (start_on IS NULL OR deadline IS NULL OR deadline >= start_on),
    CHECK (measure = 'milepael' OR reached_on IS NULL),
    CHECK (measure <> 'beboerandel' OR goal <= 100)
) STRICT;

INSERT INTO targets_new (id, name, goal, unit, deadline, measure, manual_value, reached_on, notes, position, created_at, updated_at)
SELECT id, name,
       CASE WHEN measure = 'manuel' AND unit = 'milepæl' THEN 1 ELSE goal END,
       unit, deadline,
       CASE WHEN measure = 'manuel' AND unit = 'milepæl' THEN 'milepael' ELSE measure END,
       CASE WHEN measure = 'manuel' AND unit = 'milepæl' THEN 0 ELSE manual_value END,
       CASE WHEN measure = 'manuel' AND unit = 'milepæl' AND manual_value >= goal AND goal > 0
            THEN substr(updated_at, 1, 10) END,
       notes, position, created_at, updated_at
FROM targets;
DROP TABLE targets;
ALTER TABLE targets_new RENAME TO targets;

-- Grants, with their reporting deadlines.
CREATE TABLE grants (
    id              INTEGER PRIMARY KEY,
    grantor         TEXT NOT NULL CHECK (trim(grantor) <> ''),
    purpose         TEXT NOT NULL CHECK (trim(purpose) <> ''),
    amount_ore      INTEGER NOT NULL CHECK (amount_ore >= 0),
    start_on        TEXT CHECK (start_on IS NULL OR date(start_on) IS start_on),
    end_on          TEXT CHECK (end_on IS NULL OR date(end_on) IS end_on),
    organisation_id INTEGER REFERENCES organisations (id),
    project         TEXT NOT NULL DEFAULT '',
    conditions      TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    archived_at     TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (start_on IS NULL OR end_on IS NULL OR end_on >= start_on)
) STRICT;

CREATE TABLE grant_reports (
    id       INTEGER PRIMARY KEY,
    grant_id INTEGER NOT NULL REFERENCES grants (id),
    position INTEGER NOT NULL,
    what     TEXT NOT NULL CHECK (trim(what) <> ''),
    due_on   TEXT NOT NULL CHECK (date(due_on) IS due_on),
    done_on  TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on)
) STRICT;
CREATE INDEX grant_reports_grant ON grant_reports (grant_id, position);
CREATE INDEX grant_reports_due ON grant_reports (due_on);

-- The agenda: ordered items, each optionally about one agreement, checklist
-- item, risk or goal, with the minutes and the decision per item.
CREATE TABLE agenda_items (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings (id),
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL CHECK (trim(title) <> ''),
    body         TEXT NOT NULL DEFAULT '',
    owner_id     INTEGER REFERENCES contacts (id),
    agreement_id INTEGER REFERENCES agreements (id),
    checklist_id INTEGER REFERENCES checklist_items (id),
    risk_id      INTEGER REFERENCES risks (id),
    target_id    INTEGER REFERENCES targets (id),
    minutes      TEXT NOT NULL DEFAULT '',
    decision     TEXT NOT NULL DEFAULT '',
    CHECK ((agreement_id IS NOT NULL) + (checklist_id IS NOT NULL) + (risk_id IS NOT NULL) + (target_id IS NOT NULL) <= 1)
) STRICT;
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);

-- Action items: what, who, by when, done. Their done date can be set after
-- the minutes are approved; nothing else can.
CREATE TABLE action_items (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    position   INTEGER NOT NULL,
    what       TEXT NOT NULL CHECK (trim(what) <> ''),
    owner_id   INTEGER NOT NULL REFERENCES contacts (id),
    due_on     TEXT NOT NULL CHECK (date(due_on) IS due_on),
    done_on    TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on)
) STRICT;
CREATE INDEX action_items_meeting ON action_items (meeting_id, position);
CREATE INDEX action_items_due ON action_items (due_on) WHERE done_on IS NULL;

CREATE TRIGGER action_items_due_after_meeting BEFORE INSERT ON action_items
WHEN NEW.due_on < (SELECT held_on FROM meetings WHERE id = NEW.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'handlingspunktets frist ligger før mødet');
END;

CREATE TRIGGER action_items_due_after_meeting_update BEFORE UPDATE OF due_on ON action_items
WHEN NEW.due_on < (SELECT held_on FROM meetings WHERE id = NEW.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'handlingspunktets frist ligger før mødet');
END;

-- A correction of approved minutes: never changed, never deleted.
CREATE TABLE meeting_corrections (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    at         TEXT NOT NULL,
    text       TEXT NOT NULL CHECK (trim(text) <> '')
) STRICT;

CREATE TRIGGER meeting_corrections_only_approved BEFORE INSERT ON meeting_corrections
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) IS NOT 'godkendt'
BEGIN
    SELECT RAISE(ABORT, 'kun et godkendt referat rettes med en rettelse; ret ellers mødet');
END;

CREATE TRIGGER meeting_corrections_no_update BEFORE UPDATE ON meeting_corrections
BEGIN
    SELECT RAISE(ABORT, 'en rettelse kan ikke ændres; tilføj en ny');
END;

CREATE TRIGGER meeting_corrections_no_delete BEFORE DELETE ON meeting_corrections
BEGIN
    SELECT RAISE(ABORT, 'en rettelse kan ikke slettes; tilføj en ny');
END;

-- Approved minutes are immutable: the meeting, its people, its agenda and
-- its action items (but for their done date).
CREATE TRIGGER meetings_approved_no_update BEFORE UPDATE ON meetings
WHEN OLD.status = 'godkendt' AND (NEW.body_id IS NOT OLD.body_id OR NEW.title IS NOT OLD.title
    OR NEW.held_on IS NOT OLD.held_on OR NEW.starts_at IS NOT OLD.starts_at OR NEW.ends_at IS NOT OLD.ends_at
    OR NEW.place IS NOT OLD.place OR NEW.status IS NOT OLD.status OR NEW.invited_on IS NOT OLD.invited_on
    OR NEW.approved_on IS NOT OLD.approved_on OR NEW.notes IS NOT OLD.notes OR NEW.example IS NOT OLD.example
    OR NEW.created_at IS NOT OLD.created_at)
BEGIN
    SELECT RAISE(ABORT, 'referatet er godkendt og kan ikke ændres; tilføj en rettelse');
END;

CREATE TRIGGER meetings_approved_no_delete BEFORE DELETE ON meetings
WHEN OLD.status = 'godkendt'
BEGIN
    SELECT RAISE(ABORT, 'referatet er godkendt og kan ikke slettes');
END;

CREATE TRIGGER meeting_people_approved_insert BEFORE INSERT ON meeting_people
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'godkendt'
BEGIN
    SELECT RAISE(ABORT, 'referatet er godkendt og kan ikke ændres; tilføj en rettelse');
END;

CREATE TRIGGER meeting_people_approved_update BEFORE UPDATE ON meeting_people
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'godkendt'
    OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'godkendt'
BEGIN
    SELECT RAISE(ABORT, 'referatet er godkendt og kan ikke ændres; tilføj en rettelse');
END;

CREATE TRIGGER meeting_people_approved_delete BEFORE DELETE ON meeting_people
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'godkendt'
BEGIN
    SELECT RAISE(ABORT, 'referatet er godkendt og kan ikke ændres; tilføj en rettelse');
END;

CREATE TRIGGER agenda_items_approved_insert BEFORE INSERT ON agenda_items
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'godkendt'
BEGIN
    SELECT RAISE(ABORT, 'referatet er godkendt og kan ikke ændres; tilføj en rettelse');
END;

CREATE TRIGGER agenda_items_approved_update BEFORE UPDATE ON agenda_items
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'godkendt'
    OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'godkendt'
BEGIN
    SELECT RAISE(ABORT, 'referatet er godkendt og kan ikke ændres; tilføj en rettelse');
END;

CREATE TRIGGER agenda_items_approved_delete BEFORE DELETE ON agenda_items
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'godkendt'
BEGIN
    SELECT RAISE(ABORT, 'referatet er godkendt og kan ikke ændres; tilføj en rettelse');
END;

CREATE TRIGGER action_items_approved_insert BEFORE INSERT ON action_items
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'godkendt'
BEGIN
    SELECT RAISE(ABORT, 'referatet er godkendt og kan ikke ændres; tilføj en rettelse');
END;

CREATE TRIGGER action_items_approved_update BEFORE UPDATE OF meeting_id, position, what, owner_id, due_on ON action_items
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'godkendt'
    OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'godkendt'
BEGIN
    SELECT RAISE(ABORT, 'referatet er godkendt og kan ikke ændres; tilføj en rettelse');
END;

CREATE TRIGGER action_items_approved_delete BEFORE DELETE ON action_items
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'godkendt'
BEGIN
    SELECT RAISE(ABORT, 'referatet er godkendt og kan ikke ændres; tilføj en rettelse');
END;
