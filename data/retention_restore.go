package data

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
)

// A restore cannot resurrect: before a backup is put in place, every entry
// of the current database's deletion ledger that the backup's ledger does
// not have (the anonymisations and deletions made since the backup) is
// applied to the staged copy, and the entries are copied into it, so the
// restored file says what was deleted and by whom, and a later restore of
// the same backup does it again. An entry is known by its uid, not by its
// position, so the backup's own entries are never applied twice.

// Redone is what a restore did again from the ledger.
type Redone struct {
	Records int    // records of the backup anonymised or deleted again
	Entries int    // ledger entries copied into the restored file
	Text    string // the sentence the restore says it with; "" for none
	// Unread is why the current database's ledger could not be read (a
	// damaged file); "" when it was read.
	Unread string
}

// currentLedger reads the ledger of the database at dbPath as it is (the
// file that the restore replaces), none when there is no file or no ledger.
func currentLedger(ctx context.Context, dbPath string) ([]LedgerEntry, error) {
	if _, err := os.Stat(dbPath); err != nil {
		return nil, nil
	}
	// Read-write, as keepCurrent opens it: closing it then leaves no -wal
	// or -shm behind that was not there before.
	db, err := sql.Open("sqlite", dbPath+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name = 'deletion_ledger'`).Scan(&n); err != nil || n == 0 {
		return nil, err
	}
	return queryAll(ctx, db, scanLedger, "SELECT "+ledgerColumns+" FROM deletion_ledger ORDER BY id")
}

// reapplyLedger applies to candidate the entries of the current database's
// ledger that it does not have, in one transaction. A deletion the backup's
// other records stand in the way of (a contact person it still names in an
// action item) becomes an anonymisation, so the person data goes either
// way; a kind that cannot be done at all refuses the restore.
func reapplyLedger(ctx context.Context, dbPath string, candidate *Store) (Redone, error) {
	var r Redone
	entries, err := currentLedger(ctx, dbPath)
	if err != nil {
		r.Unread = strings.TrimSpace(sqliteError(err).Error())
		return r, nil
	}
	if len(entries) == 0 {
		return r, nil
	}
	type group struct {
		kind   RetentionKind
		action string
	}
	counts := map[group]int{}
	var order []group
	err = candidate.tx(ctx, func(tx *sql.Tx) error {
		have := map[string]bool{}
		uids, err := queryAll(ctx, tx, func(s scanner) (string, error) {
			var u string
			return u, s.Scan(&u)
		}, `SELECT uid FROM deletion_ledger`)
		if err != nil {
			return err
		}
		for _, u := range uids {
			have[u] = true
		}
		now := candidate.nowText()
		for _, e := range entries {
			if have[e.UID] {
				continue
			}
			action, n, err := reapplyOne(ctx, tx, now, e)
			if err != nil {
				return err
			}
			if err := addLedgerEntry(ctx, tx, e); err != nil {
				return err
			}
			r.Entries++
			if n == 0 {
				continue
			}
			g := group{e.Kind, action}
			if counts[g] == 0 {
				order = append(order, g)
			}
			counts[g] += n
			r.Records += n
		}
		if r.Records == 0 {
			return nil
		}
		var parts []string
		for _, g := range order {
			parts = append(parts, fmt.Sprintf("%d %s %s", counts[g], g.kind.Noun(counts[g]), g.action))
		}
		they := "de"
		if r.Records == 1 {
			they = "den"
		}
		if len(parts) == 1 {
			g := order[0]
			r.Text = fmt.Sprintf("%d %s fra sikkerhedskopien er %s igen, som %s var blevet.", counts[g], g.kind.Noun(counts[g]),
				g.action, they)
		} else {
			last := len(parts) - 1
			r.Text = fmt.Sprintf("Fra sikkerhedskopien er %s og %s igen, som %s var blevet.", strings.Join(parts[:last], ", "),
				parts[last], they)
		}
		return logEvent(ctx, tx, now, "slettet igen", "gendannelse", 0, r.Text)
	})
	if err != nil {
		return Redone{}, fmt.Errorf("sletningerne siden sikkerhedskopien kan ikke gentages i den: %w", err)
	}
	return r, nil
}

// reapplyOne does entry e again in tx, falling back from a refused deletion
// to an anonymisation; it returns what was done and to how many records.
func reapplyOne(ctx context.Context, tx *sql.Tx, now string, e LedgerEntry) (string, int, error) {
	if _, err := tx.ExecContext(ctx, `SAVEPOINT reapply`); err != nil {
		return "", 0, err
	}
	n, err := purgeIn(ctx, tx, now, e.Actor, e.Action, []DueKey{e.Key()}, false)
	action := e.Action
	if err != nil && e.Action == ActionDelete && purgers[e.Kind] != nil && purgers[e.Kind].anonymise != nil {
		if _, rerr := tx.ExecContext(ctx, `ROLLBACK TO reapply`); rerr != nil {
			return "", 0, rerr
		}
		action = ActionAnonymise
		n, err = purgeIn(ctx, tx, now, e.Actor, ActionAnonymise, []DueKey{e.Key()}, false)
	}
	if err != nil {
		return "", 0, err
	}
	_, err = tx.ExecContext(ctx, `RELEASE reapply`)
	return action, n, err
}
