package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// An import writes thousands of events of one kind (a placement created),
// one per record: the subject's extract (extract.go) lists the events of
// the person's own placement, so one event for the whole file would not
// do. They are written a few hundred to a statement, through a view of the
// import's connection whose trigger appends each event and then its actor:
// event_actors_with_event takes an actor only for the newest event, so the
// two tables cannot each be written in one go.

// manyEventsObjects are the view and its trigger, made on the import's
// connection for the import and dropped after it (importTx). They live in
// the connection's temporary schema: no other connection sees them, and the
// file's schema is unchanged.
const manyEventsObjects = `CREATE TEMP VIEW IF NOT EXISTS many_events (id, at, kind, entity, entity_id, detail, hash, actor) AS
	SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;
CREATE TEMP TRIGGER IF NOT EXISTS many_events_append INSTEAD OF INSERT ON many_events
BEGIN
	INSERT INTO events (id, at, kind, entity, entity_id, detail, signatory_id, hash)
		VALUES (NEW.id, NEW.at, NEW.kind, NEW.entity, NEW.entity_id, NEW.detail, NULL, NEW.hash);
	INSERT INTO event_actors (event_id, actor) VALUES (NEW.id, NEW.actor);
END;`

const dropManyEventsObjects = `DROP TRIGGER IF EXISTS temp.many_events_append; DROP VIEW IF EXISTS temp.many_events;`

// maxEventsPerStatement keeps a statement's parameters (three per event)
// well under SQLite's limit of 32.766.
const maxEventsPerStatement = 512

// appendEvents adds one event (kind, entity, detail, at) for each id at the
// end of the chain, in id order, as appendEvent would one by one. tx is an
// import's cache, on the connection that has many_events.
func appendEvents(ctx context.Context, tx batchTx, at, kind, entity, detail string, ids []int64) error {
	head, err := chainHeadOf(ctx, tx)
	if err != nil {
		return err
	}
	actor := eventActor()
	args := make([]any, 0, 5+3*maxEventsPerStatement)
	for len(ids) > 0 {
		n := min(len(ids), maxEventsPerStatement)
		args = append(args[:0], at, kind, entity, detail, actor)
		for _, id := range ids[:n] {
			e := chainedEvent{id: head.id + 1, at: at, kind: kind, entity: entity,
				entityID: sql.NullInt64{Int64: id, Valid: true}, detail: detail, actor: actor}
			head = chainHead{id: e.id, hash: eventHash(head.hash, e)}
			args = append(args, e.id, id, head.hash)
		}
		if _, err := tx.ExecContext(ctx, manyEventsInsert(n), args...); err != nil {
			return fmt.Errorf("hændelsesloggen: %w", sqliteError(err))
		}
		tx.c.head = &chainHead{id: head.id, hash: head.hash}
		ids = ids[n:]
	}
	return nil
}

// manyEventsInsert is the statement for n events: ?1 to ?5 are what they
// share, then id, record and hash for each, in id order. The shared values
// are numbered once and the rest are plain: the driver asks SQLite for
// each parameter's name, which costs as many steps as there are numbered
// ones.
func manyEventsInsert(n int) string {
	var b strings.Builder
	b.WriteString(`WITH shared (at, kind, entity, detail, actor) AS (SELECT ?1, ?2, ?3, ?4, ?5)
	INSERT INTO many_events (id, at, kind, entity, entity_id, detail, hash, actor)
	SELECT e.column1, s.at, s.kind, s.entity, e.column2, s.detail, e.column3, s.actor
	FROM shared s, (VALUES `)
	b.WriteString("(?, ?, ?)" + strings.Repeat(", (?, ?, ?)", n-1))
	b.WriteString(") e ORDER BY e.column1")
	return b.String()
}
