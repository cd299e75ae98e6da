package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/duban/duban/extract"
)

// Exit statuses.
const (
	exitOK     = 0 // every input succeeded
	exitFailed = 1 // some input failed (the others were processed)
	exitUsage  = 2 // bad flag, bad argument
)

// usageError is a mistake in the command line.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// failedError says some inputs failed; their errors were already printed.
type failedError struct{ msg string }

func (e failedError) Error() string { return e.msg }

// execute runs the command line args and returns the exit status.
func execute(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var fe failedError
	if errors.As(err, &fe) {
		if fe.msg != "" {
			fmt.Fprintln(stderr, "duban:", fe.msg)
		}
		return exitFailed
	}
	fmt.Fprintln(stderr, "duban:", err)
	if errors.As(err, new(runError)) {
		return exitFailed
	}
	fmt.Fprintln(stderr, "Run 'duban --help' for usage.")
	return exitUsage
}

// runError is a failure of the run itself (not of the command line).
type runError struct{ err error }

func (e runError) Error() string { return e.err.Error() }
func (e runError) Unwrap() error { return e.err }

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "duban",
		Short: "Turn government notices into task sheets, ledgers and quarterly reports",
		Long: `duban reads Chinese government notices (` + strings.Join(extract.Extensions(), " ") + `), extracts every
numbered task with its responsible units and deadline, and renders per-unit
task lists, the task ledger (任务分解表) and quarterly summaries as PDF and Excel.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newServeCmd(stdout, stderr), newUserCmd(os.Stdin, stdout)) // the console (serve.go)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newRunCmd(stderr), newExtractCmd(stdout, stderr), newRenderCmd(stderr), newImportCmd(stderr), newRemindCmd(stderr), newVersionCmd(stdout))
	return root
}

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print duban's version",
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintln(stdout, "duban", version)
			return nil
		},
	}
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments", cmd.Name())
	}
	return nil
}
