package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Event is one line of the audit log: what happened, when, to which record.
type Event struct {
	ID       int64
	At       time.Time
	Kind     string // oprettet, ændret, arkiveret, genskabt, …
	Entity   string // organisation, kontaktperson, aftale, …
	EntityID int64
	Detail   string
	Actor    string // the operating-system user; "" for events from before migration 006
}

func logEvent(ctx context.Context, tx dbtx, at, kind, entity string, id int64, detail string) error {
	return appendEvent(ctx, tx, chainedEvent{at: at, kind: kind, entity: entity, entityID: sql.NullInt64{Int64: id, Valid: true},
		detail: detail})
}

// The audit log is a hash chain: each event's hash is the SHA-256 of the
// previous event's hash and of the event itself, so an event edited,
// removed or put in between is found by CheckChain. Events are appended in
// the transaction of the change they record (BEGIN IMMEDIATE: one writer),
// each with the next id, so that the id is part of what is hashed.

// chainedEvent is one row of events as the chain hashes it.
type chainedEvent struct {
	id          int64
	at, kind    string
	entity      string
	entityID    sql.NullInt64
	detail      string
	signatoryID sql.NullInt64
	hash        sql.NullString
	actor       string // from event_actors; "" for the events from before it
}

// chainedColumns reads an event as the chain hashes it, with its actor.
const chainedColumns = `SELECT ` + chainedFields + chainedFrom

const chainedFields = `e.id, e.at, e.kind, e.entity, e.entity_id, e.detail, e.signatory_id, e.hash, coalesce(a.actor, '')`

const chainedFrom = ` FROM events e LEFT JOIN event_actors a ON a.event_id = e.id`

// eventActor is the actor appendEvent writes: the user does not change
// while the program runs, so it is looked up once.
var eventActor = sync.OnceValue(CurrentActor)

// eventHash is the chain's rule: hex SHA-256 over the previous hash and
// the event's fields, each on a line of its own (a NULL is empty). An
// event with an actor (every event since migration 006) has it on a last
// line of its own, so that the events from before keep their hashes.
func eventHash(prev string, e chainedEvent) string {
	nullable := func(n sql.NullInt64) string {
		if !n.Valid {
			return ""
		}
		return strconv.FormatInt(n.Int64, 10)
	}
	// The bytes of "%s\n%d\n%s\n%s\n%s\n%s\n%s\n%s", written without fmt:
	// an import hashes an event per row.
	b := make([]byte, 0, 256)
	b = append(append(b, prev...), '\n')
	b = append(strconv.AppendInt(b, e.id, 10), '\n')
	for _, f := range []string{e.at, e.kind, e.entity, nullable(e.entityID), e.detail} {
		b = append(append(b, f...), '\n')
	}
	b = append(b, nullable(e.signatoryID)...)
	if e.actor != "" {
		b = append(append(b, "\nudført af "...), e.actor...)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// appendEvent adds e at the end of the chain.
func appendEvent(ctx context.Context, tx dbtx, e chainedEvent) error {
	head, err := chainHeadOf(ctx, tx)
	if err != nil {
		return err
	}
	e.id = head.id + 1
	e.actor = eventActor()
	hash := eventHash(head.hash, e)
	_, err = tx.ExecContext(ctx, `INSERT INTO events (id, at, kind, entity, entity_id, detail, signatory_id, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, e.id, e.at, e.kind, e.entity, e.entityID, e.detail, e.signatoryID, hash)
	if err != nil {
		return err
	}
	if _, err = tx.ExecContext(ctx, `INSERT INTO event_actors (event_id, actor) VALUES (?, ?)`, e.id, e.actor); err != nil {
		return err
	}
	if c, cached := tx.(*stmtCache); cached {
		c.head = &chainHead{id: e.id, hash: hash}
	}
	return nil
}

// chainHeadOf is the newest event: from an import's cache once it has
// written one (every write of the import goes through it), otherwise from
// the table (none: id 0, no hash).
func chainHeadOf(ctx context.Context, tx dbtx) (chainHead, error) {
	var head *chainHead
	switch c := tx.(type) {
	case *stmtCache:
		c.take() // the import's placement writer appends events too
		head = c.head
	case batchTx:
		head = c.c.head
	}
	if head != nil {
		return *head, nil
	}
	var last sql.NullInt64
	var prev sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT id, hash FROM events ORDER BY id DESC LIMIT 1`).Scan(&last, &prev)
	if err != nil && err != sql.ErrNoRows {
		return chainHead{}, err
	}
	return chainHead{id: last.Int64, hash: prev.String}, nil
}

// chainEvents gives every event from before the chain its hash, in id
// order (migration 002, before events had actors).
func chainEvents(ctx context.Context, tx *sql.Tx) error {
	all, err := queryAll(ctx, tx, scanChained, `SELECT id, at, kind, entity, entity_id, detail, signatory_id, hash, ''
		FROM events ORDER BY id`)
	if err != nil {
		return err
	}
	prev := ""
	for _, e := range all {
		if !e.hash.Valid {
			e.hash.String = eventHash(prev, e)
			if _, err := tx.ExecContext(ctx, `UPDATE events SET hash = ? WHERE id = ?`, e.hash.String, e.id); err != nil {
				return err
			}
		}
		prev = e.hash.String
	}
	return nil
}

func scanChained(r scanner) (chainedEvent, error) {
	var e chainedEvent
	err := r.Scan(&e.id, &e.at, &e.kind, &e.entity, &e.entityID, &e.detail, &e.signatoryID, &e.hash, &e.actor)
	return e, err
}

// maxChainProblems is how many broken links CheckChain names one by one.
const maxChainProblems = 10

// CheckChain walks the audit log's hash chain and names, in Danish, every
// event that does not follow from the one before it: edited, or with an
// event removed or put in before it.
func (s *Store) CheckChain(ctx context.Context) ([]string, error) {
	// A redacted event (retention_agreements.go: redactEvent) is checked
	// against its redacted_hash; the chain goes on from its own hash.
	redacted := "NULL"
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name = 'event_redactions'`).Scan(&n); err != nil {
		return nil, err
	}
	if n > 0 {
		redacted = "(SELECT redacted_hash FROM event_redactions WHERE event_id = e.id)"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+chainedFields+`, `+redacted+chainedFrom+` ORDER BY e.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var problems []string
	broken := 0
	prev := ""
	for rows.Next() {
		var e chainedEvent
		var redactedHash sql.NullString
		if err := rows.Scan(&e.id, &e.at, &e.kind, &e.entity, &e.entityID, &e.detail, &e.signatoryID, &e.hash, &e.actor, &redactedHash); err != nil {
			return nil, err
		}
		got, want := e.hash.String, eventHash(prev, e)
		if redactedHash.Valid {
			got, want = redactedHash.String, eventHash(e.hash.String, e)
			if e.detail != RedactedDetail {
				want = ""
			}
		}
		if got != want {
			broken++
			if broken <= maxChainProblems {
				what := fmt.Sprintf("hændelse %d (%s, %s %s)", e.id, e.kind, e.entity, strings.TrimSpace(nullText(e.entityID)))
				if !e.hash.Valid {
					problems = append(problems, "hændelsesloggen: "+what+" er ikke kædet (ingen hash)")
				} else {
					problems = append(problems, "hændelsesloggen: "+what+
						" passer ikke i kæden: den er ændret, eller en hændelse før den er fjernet eller indsat")
				}
			}
		}
		prev = e.hash.String
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if broken > maxChainProblems {
		problems = append(problems, fmt.Sprintf("hændelsesloggen: og %d hændelser mere passer ikke i kæden", broken-maxChainProblems))
	}
	return problems, nil
}

func nullText(n sql.NullInt64) string {
	if !n.Valid {
		return ""
	}
	return strconv.FormatInt(n.Int64, 10)
}

// Events lists the audit log of one record, oldest first.
func (s *Store) Events(ctx context.Context, entity string, id int64) ([]Event, error) {
	return queryAll(ctx, s.db, scanEvent, `SELECT e.id, e.at, e.kind, e.entity, e.entity_id, e.detail, coalesce(a.actor, '')
		FROM events e LEFT JOIN event_actors a ON a.event_id = e.id
		WHERE e.entity = ? AND e.entity_id = ? ORDER BY e.id`, entity, id)
}
