package server

import (
	"sync"
	"time"

	"github.com/duban/duban/store"
)

// sessionRecheck is how long a session read from the store is trusted
// before it is read again: a session ended or an account changed in this
// console takes effect at once (the cache is told), one changed by another
// process (`duban user …`) within this time.
const sessionRecheck = 5 * time.Second

// sessionCache keeps the sessions the console has read, by token hash:
// reading the session and its account on every request was a tenth of the
// console's CPU under its load test.
type sessionCache struct {
	mu    sync.Mutex
	m     map[string]cachedSession
	drops int64 // sessions dropped so far: a read older than a drop is not kept
}

type cachedSession struct {
	sess *store.Session
	acct store.Account
	read time.Time // by the monotonic clock, not Options.Now
}

// get returns the session of a token hash as read within sessionRecheck;
// when there is none, mark is what put needs.
func (c *sessionCache) get(token string) (sess *store.Session, a store.Account, mark int64, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[token]
	if !ok || time.Since(e.read) > sessionRecheck {
		return nil, store.Account{}, c.drops, false
	}
	return e.sess, e.acct, c.drops, true
}

// put keeps a session read from the store after get gave mark, unless a
// session was dropped since (the read may predate its end).
func (c *sessionCache) put(sess *store.Session, a store.Account, mark int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.drops != mark {
		return
	}
	if c.m == nil || len(c.m) >= 10000 {
		c.m = map[string]cachedSession{} // bounded: sessions left to expire
	}
	c.m[sess.Token] = cachedSession{sess: sess, acct: a, read: time.Now()}
}

// drop forgets a session (token) and every session of an account (name).
func (c *sessionCache) drop(token, name string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.drops++
	for k, e := range c.m {
		if k == token || name != "" && e.acct.Name == name {
			delete(c.m, k)
		}
	}
}
