package data

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"partnerskab/data/dk"
)

// orgSearchFew is how many organisations a typed text may match for the
// search to start from the trigram index (organisation_search) and sort
// the matches; more, and walking organisations_list in order until the
// page is full is the quicker way, as the matches lie close together.
const orgSearchFew = 200

// trigramMatch is the FTS5 query that finds every row whose search text
// holds each typed word, or "" when a word is shorter than three letters
// (a trigram index cannot look those up).
func trigramMatch(text string) string {
	words := strings.Fields(dk.Fold(text))
	if len(words) == 0 {
		return ""
	}
	quoted := make([]string, len(words))
	for i, w := range words {
		if utf8.RuneCountInString(w) < 3 {
			return ""
		}
		quoted[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	return strings.Join(quoted, " ")
}

// orgFromMatches is orgFrom driven by the organisations whose ids (a JSON
// array, the first argument) the trigram index matched.
var orgFromMatches = strings.Replace(orgFrom, " FROM organisations o",
	" FROM json_each(?) m CROSS JOIN organisations o ON o.id = m.value", 1)

// orgMatches returns, as a JSON array, the ids of the organisations the
// trigram query match finds, or ok false when they are more than
// orgSearchFew (reading no more than that many).
func (s *Store) orgMatches(ctx context.Context, match string) (ids string, ok bool, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM organisation_search WHERE organisation_search MATCH ? LIMIT ?`,
		match, orgSearchFew+1)
	if err != nil {
		return "", false, err
	}
	defer rows.Close()
	list := []byte{'['}
	n := 0
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return "", false, err
		}
		if n > 0 {
			list = append(list, ',')
		}
		list = strconv.AppendInt(list, id, 10)
		n++
	}
	return string(append(list, ']')), n <= orgSearchFew, rows.Err()
}
