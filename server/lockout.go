package server

import (
	"sync"
	"time"
)

// lockout counts failed logins per account name and per address; after
// max failures within the window, the name or address is refused until
// the window after the last failure has passed.
type lockout struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	now    func() time.Time
	fails  map[string]*failures
}

type failures struct {
	n    int
	last time.Time
}

func newLockout(max int, window time.Duration, now func() time.Time) *lockout {
	return &lockout{max: max, window: window, now: now, fails: map[string]*failures{}}
}

func (l *lockout) keys(name, ip string) []string { return []string{"n:" + name, "a:" + ip} }

// locked returns until when the name or address is locked (zero: not).
func (l *lockout) locked(name, ip string) time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	var until time.Time
	for _, k := range l.keys(name, ip) {
		f := l.fails[k]
		if f == nil {
			continue
		}
		if now.Sub(f.last) > l.window {
			delete(l.fails, k)
			continue
		}
		if f.n >= l.max && f.last.Add(l.window).After(until) {
			until = f.last.Add(l.window)
		}
	}
	return until
}

func (l *lockout) fail(name, ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	for _, k := range l.keys(name, ip) {
		f := l.fails[k]
		if f == nil || now.Sub(f.last) > l.window {
			f = &failures{}
			l.fails[k] = f
		}
		f.n++
		f.last = now
	}
	if len(l.fails) > 100000 { // bound the memory an attacker can make us hold
		for k, f := range l.fails {
			if now.Sub(f.last) > l.window {
				delete(l.fails, k)
			}
		}
	}
}

func (l *lockout) succeed(name, ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, "n:"+name)
}
