package folderlock

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func TestSecondHolderWaitsThenRefuses(t *testing.T) {
	dir := t.TempDir()
	l, err := Acquire(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = Acquire(dir, 200*time.Millisecond)
	var busy *BusyError
	if !errors.As(err, &busy) || !errors.Is(err, ErrBusy) {
		t.Fatalf("second Acquire: %v", err)
	}
	if time.Since(start) < 200*time.Millisecond {
		t.Errorf("did not wait: %v", time.Since(start))
	}
	if busy.Holder.PID != os.Getpid() || !strings.Contains(err.Error(), "pid ") || busy.Holder.Started.IsZero() {
		t.Errorf("holder not named: %v (%+v)", err, busy.Holder)
	}
	if err := l.Unlock(); err != nil {
		t.Fatal(err)
	}
	l2, err := Acquire(dir, 0)
	if err != nil {
		t.Fatalf("after Unlock: %v", err)
	}
	l2.Unlock()
	if h, err := Read(dir); err != nil || h.PID != os.Getpid() {
		t.Errorf("Read: %+v %v", h, err)
	}
}
