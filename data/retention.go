package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Every kind of record that holds person data has a retention period (a
// setting) after which "Til sletning" lists it, and the caseworker
// anonymises or deletes it. Each kind says here how: a purger. Whatever is
// done is one transaction with one audit event per kind and one entry per
// record in the deletion ledger (which record, what, when, by whom; never
// the content), and the write-ahead log is emptied afterwards so that the
// old pages leave the disk too (secure_delete overwrites the file's freed
// space). The ledger is what lets a restored backup be brought back to
// what was deleted since (retention_restore.go).

// RetentionKind names a kind of record with person data, as the ledger,
// the audit log and "Til sletning" name it.
type RetentionKind string

// The kinds.
const (
	KindPlacement RetentionKind = "placering"
	KindContact   RetentionKind = "kontaktperson"
	KindMeeting   RetentionKind = "møde"
	KindDraft     RetentionKind = "kladde"
	KindAgreement RetentionKind = "aftale"
	KindScan      RetentionKind = "scanning"
	KindEvent     RetentionKind = "hændelse"
)

// The retention periods' settings (migration 004; the placements' and
// the signed agreements' are retention_person_years and
// retention_agreement_years from 001).
const (
	SettingRetentionContactYears   = "retention_contact_years"
	SettingRetentionMeetingYears   = "retention_meeting_years"
	SettingRetentionDraftDays      = "retention_draft_days"
	SettingRetentionScanYears      = "retention_scan_years"
	SettingRetentionAuditYears     = "retention_audit_years"
	SettingRetentionAgreementYears = "retention_agreement_years"
)

// RetentionKinds are the kinds in the order "Til sletning" shows them.
var RetentionKinds = []RetentionKind{KindPlacement, KindContact, KindMeeting, KindDraft, KindScan, KindAgreement, KindEvent}

// The two things that can be done, as the ledger and the audit log say them.
const (
	ActionAnonymise = "anonymiseret"
	ActionDelete    = "slettet"
)

// Noun is the kind in Danish, singular or plural by n.
func (k RetentionKind) Noun(n int) string {
	p := purgers[k]
	if p == nil {
		return string(k)
	}
	if n == 1 {
		return p.one
	}
	return p.many
}

// purger is how one kind is anonymised and deleted. Each function does it
// to one record in tx and tells whether there was anything to do; a nil
// function is an action the kind does not offer.
type purger struct {
	kind      RetentionKind
	one, many string // the Danish nouns
	entity    string // the audit log's entity for the event
	anonymise func(ctx context.Context, tx *sql.Tx, now string, key DueKey) (bool, error)
	delete    func(ctx context.Context, tx *sql.Tx, now string, key DueKey) (bool, error)
}

var purgers = map[RetentionKind]*purger{}

func registerPurger(p *purger) *purger { purgers[p.kind] = p; return p }

// DueKey names one record of a kind: its id and, for a form draft, the
// form's name (a draft's key is form and record id).
type DueKey struct {
	Kind RetentionKind
	ID   int64
	Form string
}

// String is the key as the audit log and the error messages name it.
func (k DueKey) String() string {
	if k.Form != "" {
		return k.Form + "/" + strconv.FormatInt(k.ID, 10)
	}
	return strconv.FormatInt(k.ID, 10)
}

// Purge anonymises or deletes (action ActionAnonymise or ActionDelete) the
// records keys, all in one transaction: one audit event per kind, one
// ledger entry per record that had anything to do. It returns how many
// records were done; a record already done is left alone.
func (s *Store) Purge(ctx context.Context, action string, keys []DueKey) (int, error) {
	if len(keys) == 0 {
		return 0, nil
	}
	n := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		n, err = purgeIn(ctx, tx, s.nowText(), CurrentActor(), action, keys, true)
		return err
	})
	if err != nil {
		return 0, err
	}
	if n > 0 {
		if err := s.checkpoint(ctx); err != nil {
			return n, err
		}
	}
	return n, nil
}

// purgeIn runs the purge in tx. With record set it writes the ledger
// entries and the events; a restore re-applying entries copied from
// elsewhere (record false) writes neither.
func purgeIn(ctx context.Context, tx *sql.Tx, now, actor, action string, keys []DueKey, record bool) (int, error) {
	done := map[RetentionKind][]DueKey{}
	var order []RetentionKind
	for _, k := range keys {
		p := purgers[k.Kind]
		if p == nil {
			return 0, fmt.Errorf("ukendt slags post %q", k.Kind)
		}
		fn := p.delete
		if action == ActionAnonymise {
			fn = p.anonymise
		} else if action != ActionDelete {
			return 0, fmt.Errorf("ukendt handling %q", action)
		}
		if fn == nil {
			return 0, fmt.Errorf("en %s kan ikke %s", p.one, map[string]string{ActionAnonymise: "anonymiseres", ActionDelete: "slettes"}[action])
		}
		ok, err := fn(ctx, tx, now, k)
		if err != nil {
			return 0, fmt.Errorf("%s %s: %w", p.one, k, err)
		}
		if !ok {
			continue
		}
		if len(done[k.Kind]) == 0 {
			order = append(order, k.Kind)
		}
		done[k.Kind] = append(done[k.Kind], k)
		if record {
			if err := addLedgerEntry(ctx, tx, LedgerEntry{UID: newUID(), At: now, Actor: actor, Kind: k.Kind,
				RecordID: k.ID, Form: k.Form, Action: action}); err != nil {
				return 0, err
			}
		}
	}
	n := 0
	for _, kind := range order {
		n += len(done[kind])
		if !record {
			continue
		}
		p := purgers[kind]
		if err := logEvent(ctx, tx, now, action, p.entity, 0, purgeKeysDetail(p, action, done[kind])); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// purgeKeysDetail says in the audit log what was done to how many, and
// which records (their numbers, never who they were).
func purgeKeysDetail(p *purger, action string, keys []DueKey) string {
	const shown = 50
	nums := make([]string, 0, min(len(keys), shown))
	for i, k := range keys {
		if i == shown {
			break
		}
		nums = append(nums, k.String())
	}
	list := strings.Join(nums, ", ")
	if len(keys) > shown {
		list += fmt.Sprintf(" og %d flere", len(keys)-shown)
	}
	what := p.many
	if len(keys) == 1 {
		what = p.one
	}
	return fmt.Sprintf("%d %s %s efter slettefristen (nr. %s)", len(keys), what, action, list)
}

// LedgerEntry is one line of the deletion ledger.
type LedgerEntry struct {
	ID       int64
	UID      string // the same entry in every copy of the database
	At       string // RFC 3339 UTC, as stored
	Actor    string // the operating-system user (CurrentActor)
	Kind     RetentionKind
	RecordID int64
	Form     string // a form draft's form; "" otherwise
	Action   string // ActionAnonymise or ActionDelete
}

// Key is the record the entry is about.
func (e LedgerEntry) Key() DueKey { return DueKey{Kind: e.Kind, ID: e.RecordID, Form: e.Form} }

// Time is when the entry was made.
func (e LedgerEntry) Time() time.Time {
	return instantCol(sql.NullString{String: e.At, Valid: true})
}

func newUID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on the systems the program runs on
	}
	return hex.EncodeToString(b[:])
}

func addLedgerEntry(ctx context.Context, tx dbtx, e LedgerEntry) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO deletion_ledger (uid, at, actor, kind, record_id, form, action)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, e.UID, e.At, e.Actor, string(e.Kind), e.RecordID, e.Form, e.Action)
	return err
}

const ledgerColumns = `id, uid, at, actor, kind, record_id, form, action`

func scanLedger(r scanner) (LedgerEntry, error) {
	var e LedgerEntry
	var kind string
	err := r.Scan(&e.ID, &e.UID, &e.At, &e.Actor, &kind, &e.RecordID, &e.Form, &e.Action)
	e.Kind = RetentionKind(kind)
	return e, err
}

// Ledger lists the deletion ledger, oldest first.
func (s *Store) Ledger(ctx context.Context) ([]LedgerEntry, error) {
	return queryAll(ctx, s.db, scanLedger, "SELECT "+ledgerColumns+" FROM deletion_ledger ORDER BY id")
}

// LedgerFor lists the ledger's entries about one record, oldest first (a
// person's extract says that a record was deleted, and when).
func (s *Store) LedgerFor(ctx context.Context, kind RetentionKind, id int64) ([]LedgerEntry, error) {
	return queryAll(ctx, s.db, scanLedger, "SELECT "+ledgerColumns+
		" FROM deletion_ledger WHERE kind = ? AND record_id = ? ORDER BY id", string(kind), id)
}

// RetentionItem is one record whose retention has passed, as "Til sletning" and
// `partnerskab due` show it.
type RetentionItem struct {
	Key    DueKey
	Title  string    // what the list names it by (what the record shows today)
	Detail string    // why and since when it is due
	DueOn  time.Time // the day its retention ended
	Advice string    // what to do first (a signed agreement: journalise it); "" for none
	// CanAnonymise and CanDelete are the actions the kind offers.
	CanAnonymise, CanDelete bool
}

// dueLister lists one kind's due records on day.
type dueLister func(ctx context.Context, s *Store, day time.Time) ([]RetentionItem, error)

var dueListers = map[RetentionKind]dueLister{}

// DueForDeletion lists every record of every kind whose retention has passed on day,
// kind by kind (RetentionKinds' order), soonest first within a kind.
func (s *Store) DueForDeletion(ctx context.Context, day time.Time) ([]RetentionItem, error) {
	var all []RetentionItem
	for _, k := range RetentionKinds {
		list := dueListers[k]
		if list == nil {
			continue
		}
		items, err := list(ctx, s, day)
		if err != nil {
			return nil, err
		}
		sort.SliceStable(items, func(i, j int) bool { return items[i].DueOn.Before(items[j].DueOn) })
		p := purgers[k]
		for i := range items {
			items[i].Key.Kind = k
			items[i].CanAnonymise, items[i].CanDelete = p.anonymise != nil, p.delete != nil
		}
		all = append(all, items...)
	}
	return all, nil
}

// retentionSetting reads a period setting; def when it is missing or not a
// positive whole number.
func retentionSetting(ctx context.Context, q queryRower, key string, def int) (int, error) {
	n, err := settingInt(ctx, q, key)
	if err != nil {
		return 0, err
	}
	if n <= 0 {
		return def, nil
	}
	return n, nil
}

// yearsBefore is the ISO day n years before day: a record whose end lies
// on or before it is due on day.
func yearsBefore(day time.Time, n int) string {
	return day.AddDate(-n, 0, 0).Format(time.DateOnly)
}

// withPermit runs fn with a purge permit for one row of tbl ('agreements'
// or 'meetings', migration 004), removing the permit again before the
// transaction commits, so that no permit outlives the purge.
func withPermit(ctx context.Context, tx *sql.Tx, tbl string, id int64, fn func() error) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO purge_permits (tbl, row_id) VALUES (?, ?)`, tbl, id); err != nil {
		return err
	}
	if err := fn(); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM purge_permits WHERE tbl = ? AND row_id = ?`, tbl, id)
	return err
}

func registerDue(k RetentionKind, l dueLister) bool { dueListers[k] = l; return true }

// leftPermits names a purge permit left in the file: one is only ever
// written and removed inside the purge's transaction, so one found is a
// change made around the program (Check reports it).
func leftPermits(ctx context.Context, q *sql.DB) ([]string, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name = 'purge_permits'`).Scan(&n); err != nil || n == 0 {
		return nil, err
	}
	return queryAll(ctx, q, func(r scanner) (string, error) {
		var tbl string
		var id int64
		err := r.Scan(&tbl, &id)
		return fmt.Sprintf("sletning: en tilladelse til at slette række %d i %s ligger tilbage i filen; den er ikke skrevet af programmet", id, tbl), err
	}, `SELECT tbl, row_id FROM purge_permits ORDER BY tbl, row_id`)
}
