package data

import "sync"

// parallelReaders is how many reads of one page run at once. More would
// not finish sooner on a laptop's few cores, and each holds a connection
// whose page cache (up to 2 MB of the file) stays with it while idle.
const parallelReaders = 4

// idleConns is how many connections the store keeps open between reads:
// the parallel readers and the caller's own, so that the next page does not
// open new ones (a new connection parses the whole schema, every guard and
// trigger, before its first query), and a write besides.
const idleConns = parallelReaders + 2

// readerSlots are the parallel readers free now.
var readerSlots = make(chan struct{}, parallelReaders)

// parallel runs independent reads at once and returns the first error. In
// WAL mode each read gets its own connection and snapshot, so a page made of
// several reads (the overview) costs about its slowest read rather than
// their sum. A read that finds no reader free runs in the caller's
// goroutine: a parallel read that itself reads in parallel (the overview's
// due list) never waits for a slot its caller holds.
func parallel(fns ...func() error) error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		select {
		case readerSlots <- struct{}{}:
			wg.Add(1)
			go func() {
				defer func() { <-readerSlots; wg.Done() }()
				errs[i] = fn()
			}()
		default:
			errs[i] = fn()
		}
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
