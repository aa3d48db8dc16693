-- 007_status_reports: every status report produced for the steering
-- groups, so the next one can show the trend and the newest can be passed
-- on as PDF. The summary holds counts only (people's counts below the
-- report threshold are stored as "under N", never the number), no names.

CREATE TABLE status_reports (
    id         INTEGER PRIMARY KEY,
    as_of      TEXT NOT NULL CHECK (date(as_of) IS as_of),
    from_on    TEXT NOT NULL CHECK (date(from_on) IS from_on),
    created_at TEXT NOT NULL,
    summary    TEXT NOT NULL CHECK (json_valid(summary)),
    pdf        BLOB NOT NULL CHECK (substr(pdf, 1, 5) = CAST('%PDF-' AS BLOB)),
    CHECK (from_on <= as_of)
) STRICT;
CREATE INDEX status_reports_as_of ON status_reports (as_of);
