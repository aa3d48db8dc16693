package data

import "sync"

// idleConns is how many connections the store keeps open between reads:
// enough for the widest parallel page (the overview with its due list).
const idleConns = 16

// parallel runs independent reads at once and returns the first error. In
// WAL mode each read gets its own connection and snapshot, so a page made of
// several reads (the overview) costs its slowest read rather than their sum.
func parallel(fns ...func() error) error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fn()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
