// Command duban turns Chinese government notices into task records, unit
// sheets, task ledgers and quarterly reports. It only wires flags to the
// pipeline, extract and render packages.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	tuneGC()
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

// tuneGC trades memory for speed where the user has not chosen: a run is
// short and allocation-heavy (PDF interpretation, rendering), and garbage
// collection at the default pace cost about a third of the CPU of reading
// the sample PDF. The soft memory limit keeps large batches bounded.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(160 << 20)
	}
}
