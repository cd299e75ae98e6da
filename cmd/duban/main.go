// Command duban turns Chinese government notices into task records, unit
// sheets, task ledgers and quarterly reports. It only wires flags to the
// pipeline, extract and render packages.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/duban/duban/internal/gctune"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	gctune.Tune()
	// The first Ctrl-C or SIGTERM stops the run cleanly: notices being
	// processed are finished, nothing half-written is left, and the next run
	// picks up the rest. A second one kills the process at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	code := execute(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
