package data

import (
	"context"
	"database/sql"
	"sync"
)

// preparedCache keeps the list queries' statements prepared across calls:
// the SQLite driver otherwise parses and plans a statement on every call,
// an eighth of what a page of the placements list cost. The statements
// vary only with the filters in use, so a few dozen cover every shape; past
// maxPrepared a query is run unprepared rather than growing the cache.
type preparedCache struct {
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

const maxPrepared = 64

// prepared returns query's statement, prepared once per store; nil (and no
// error) when the cache is full or the store has none.
func (s *Store) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	c := s.listStmts
	if c == nil {
		return nil, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	if len(c.stmts) >= maxPrepared {
		return nil, nil
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}
	c.stmts[query] = st
	return st, nil
}

// queryPrepared runs query through its prepared statement.
func (s *Store) queryPrepared(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return s.db.QueryContext(ctx, query, args...)
	}
	return st.QueryContext(ctx, args...)
}

// close closes every statement kept, before the pool is closed.
func (c *preparedCache) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = nil
}
