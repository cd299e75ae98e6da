package store

import (
	"sync"
	"testing"
)

// Two processes opening a new store at once (a run and the console, two
// runs) both get it migrated; neither fails with "table … already exists".
func TestOpenTogether(t *testing.T) {
	for range 10 {
		dir := t.TempDir()
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for i := range errs {
			wg.Go(func() {
				s, err := Open(dir)
				if err == nil {
					var v int
					v, err = s.SchemaVersion()
					if err == nil && v != Version {
						t.Errorf("schema %d, want %d", v, Version)
					}
					s.Close()
				}
				errs[i] = err
			})
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}
