package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// user add checks its flags before it asks for a password; serve names a
// bad --addr.
func TestServeAndUserFlags(t *testing.T) {
	out := t.TempDir()
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"user", "add", "x", "--role", "boss", "-o", out}, exitUsage, `--role: "boss"`},
		{[]string{"user", "add", "x", "--role", "unit", "-o", out}, exitUsage, "--unit: a unit user needs"},
		{[]string{"user", "add", "x", "--role", "viewer", "--unit", "市教育局", "-o", out}, exitUsage, "--unit: only for --role unit"},
		{[]string{"user", "add", "-o", out}, exitUsage, "one NAME"},
		{[]string{"serve", "-o", out, "--addr", "256.0.0.1:99999"}, exitFailed, "--addr 256.0.0.1:99999"},
		{[]string{"user", "list", "-o", out}, exitOK, ""},
	} {
		var so, se bytes.Buffer
		code := execute(context.Background(), c.args, &so, &se)
		if code != c.code || !strings.Contains(se.String(), c.msg) {
			t.Errorf("duban %s: exit %d, stderr %q; want %d and %q", strings.Join(c.args, " "), code, se.String(), c.code, c.msg)
		}
	}
}
