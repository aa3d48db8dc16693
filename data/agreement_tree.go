package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// The agreement tree: the partnership agreement at the top, and under it
// the agreements that make it binding (the lease, each enterprise's model
// agreement, a staffing arrangement) and its Tillæg. A sub-agreement names
// the agreement it hangs under (ParentID); the tree can have no loops, so
// an agreement never hangs under itself or under one of its own
// sub-agreements.

// TreeLabel is the parent picker's and the error messages' name for a
// field that says which agreement one hangs under.
const TreeLabel = "Hører under aftale"

// checkAgreementParent refuses a parent that does not exist, or one that
// would make a loop: agreement id itself or one of its descendants.
func checkAgreementParent(ctx context.Context, q queryRower, id, parentID int64, c *checker) error {
	if parentID == 0 {
		return nil
	}
	if parentID == id {
		c.add("ParentID", TreeLabel, "parent_cycle", "en aftale kan ikke høre under sig selv")
		return nil
	}
	seen := map[int64]bool{}
	chosen := "" // the chosen parent's number, for the message
	for at := parentID; at != 0; {
		if seen[at] { // a loop already stored (by another tool): stop walking
			break
		}
		seen[at] = true
		var number string
		var up sql.NullInt64
		err := q.QueryRowContext(ctx, `SELECT number, parent_id FROM agreements WHERE id = ?`, at).Scan(&number, &up)
		if errors.Is(err, sql.ErrNoRows) {
			if at == parentID {
				c.add("ParentID", TreeLabel, "not_found", fmt.Sprintf("aftale %d findes ikke", parentID))
			}
			return nil
		} else if err != nil {
			return err
		}
		if chosen == "" {
			chosen = number
		}
		if id != 0 && up.Int64 == id {
			c.add("ParentID", TreeLabel, "parent_cycle", fmt.Sprintf(
				"aftale %s hører selv under denne aftale; en aftale kan ikke høre under en af sine egne underaftaler", chosen))
			return nil
		}
		at = up.Int64
	}
	return nil
}

// AgreementNode is one agreement in the tree with what the tree shows of
// it: how deep it hangs, how it ended, and who joins by it.
type AgreementNode struct {
	Agreement
	Depth  int             // 0 at the top
	Ending AgreementEnding // zero when the agreement has not ended
	Joins  Accession       // zero unless the agreement is an accession Tillæg
}

// treeWith orders the agreements as a tree: the top agreements as the list
// sorts them (newest date first, then the highest number), each followed
// by its sub-agreements in the same order, and theirs under them.
const treeWith = `WITH RECURSIVE ranked AS (
		SELECT id, parent_id, printf('%09d', row_number() OVER (ORDER BY agreement_date DESC, number DESC, id)) AS rk FROM agreements),
	tree (id, path, depth) AS (
		SELECT id, rk, 0 FROM ranked WHERE parent_id IS NULL
		UNION ALL
		SELECT r.id, t.path || '.' || r.rk, t.depth + 1 FROM ranked r JOIN tree t ON r.parent_id = t.id) `

const nodeColumns = `, tree.depth, e.kind, e.ended_on, e.reason, x.organisation_id, xo.name`

const nodeFrom = ` JOIN tree ON tree.id = a.id LEFT JOIN agreement_endings e ON e.agreement_id = a.id
	LEFT JOIN agreement_accessions x ON x.agreement_id = a.id LEFT JOIN organisations xo ON xo.id = x.organisation_id`

func scanNode(row scanner) (AgreementNode, error) {
	var n AgreementNode
	var kind, ended, reason, org sql.NullString
	var orgID sql.NullInt64
	a, err := scanAgreement(row, &n.Depth, &kind, &ended, &reason, &orgID, &org)
	if err != nil {
		return n, err
	}
	n.Agreement = a
	if kind.Valid {
		n.Ending = AgreementEnding{AgreementID: a.ID, Kind: EndingKind(kind.String), On: dateCol(ended), Reason: reason.String}
	}
	if orgID.Valid {
		n.Joins = Accession{AgreementID: a.ID, ParentID: a.ParentID, OrganisationID: orgID.Int64, Name: org.String,
			From: a.ValidFrom, Signed: a.Status == StatusSigned}
	}
	return n, nil
}

// AgreementTree is one page of the Aftaler list as a tree (AgreementQuery's
// search narrows it; a sub-agreement found keeps its depth).
func (s *Store) AgreementTree(ctx context.Context, q AgreementQuery) ([]AgreementNode, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	where, args := q.where()
	return queryAll(ctx, s.db, scanNode, treeWith+"SELECT "+agreementColumns+nodeColumns+agreementFrom+nodeFrom+
		" WHERE "+where+" ORDER BY tree.path LIMIT ? OFFSET ?", append(args, limit, q.Offset)...)
}

// SubAgreements lists the agreements that hang directly under id, in the
// list's order.
func (s *Store) SubAgreements(ctx context.Context, id int64) ([]AgreementNode, error) {
	return queryAll(ctx, s.db, scanNode, treeWith+"SELECT "+agreementColumns+nodeColumns+agreementFrom+nodeFrom+
		" WHERE a.parent_id = ? ORDER BY tree.path", id)
}

// ParentChoices are the agreements a draft can hang under: every other
// agreement that is not one of its own sub-agreements, in the tree's
// order. id 0 (a new agreement) may hang under any.
func (s *Store) ParentChoices(ctx context.Context, id int64) ([]AgreementNode, error) {
	nodes, err := queryAll(ctx, s.db, scanNode, treeWith+"SELECT "+agreementColumns+nodeColumns+agreementFrom+nodeFrom+
		" WHERE a.status NOT IN ('rejected', 'cancelled') ORDER BY tree.path")
	if err != nil || id == 0 {
		return nodes, err
	}
	below := map[int64]bool{id: true}
	out := nodes[:0]
	for _, n := range nodes { // the tree's order puts a parent before its children
		if below[n.ParentID] || n.ID == id {
			below[n.ID] = true
			continue
		}
		out = append(out, n)
	}
	return out, nil
}

// NodeLine is an agreement as the tree names it: number and title, how it
// ended, and for an accession who joins and from when: "2015-004 Tillæg …
// · Ny Virksomhed medlem fra 1.6.2015".
func NodeLine(n AgreementNode) string {
	parts := []string{n.Number + " " + n.Title}
	if n.Joins.OrganisationID != 0 {
		parts = append(parts, n.Joins.Line())
	}
	if !n.Ending.On.IsZero() {
		parts = append(parts, n.Ending.Line())
	}
	return strings.Join(parts, " · ")
}
