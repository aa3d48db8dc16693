package main

import (
	"context"
	"os"

	"partnerskab/data"
)

// intoDatabase runs build on the database at dbPath. A database that does
// not exist yet is made only when build succeeds on it: a refused file
// leaves no folder and no empty database behind. A non-zero code means the
// existing database could not be opened (the message is written).
func (e *env) intoDatabase(ctx context.Context, dbPath string, build func(context.Context, *data.Store) error) (int, error) {
	if _, statErr := os.Stat(dbPath); statErr != nil {
		return 0, data.CreateWith(ctx, dbPath, build)
	}
	s, code := e.open(forWriting)
	if s == nil {
		return code, nil
	}
	defer s.Close()
	return 0, build(ctx, s)
}
