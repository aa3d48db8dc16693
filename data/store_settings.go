package data

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
)

// Settings the caseworker can change; missing keys read as "".
const (
	SettingDefaultPlace     = "default_place"     // where agreements are signed, "Korsør"
	SettingOrganisationName = "organisation_name" // the installation's organisation
)

// queryRower is a *sql.DB or a *sql.Tx.
type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// setting reads one setting; "" when it is missing.
func setting(ctx context.Context, q queryRower, key string) (string, error) {
	var v string
	err := lookup(ctx, q, `SELECT value FROM settings WHERE key = ?`, key, &v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// Setting reads one setting; "" when it is missing.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	return setting(ctx, s.db, key)
}

// settingInt reads a whole-number setting; 0 when it is missing or not a number.
func settingInt(ctx context.Context, q queryRower, key string) (int, error) {
	v, err := setting(ctx, q, key)
	if err != nil || v == "" {
		return 0, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return 0, nil
	}
	return n, nil
}
