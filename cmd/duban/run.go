package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/duban/duban/extract"
	"github.com/duban/duban/internal/pipeline"
	"github.com/spf13/cobra"
)

func newRunCmd(stderr io.Writer) *cobra.Command {
	var c common
	cmd := &cobra.Command{
		Use:   "run [flags] [NOTICE|DIR …]",
		Short: "Extract notices and render ledgers, unit sheets and quarterly reports",
		Long: `run walks the given notice files and folders (default: seeds/) for
notices (` + strings.Join(extract.Extensions(), " ") + `), extracts them and writes output/notices/<slug>/,
output/units/, output/quarterly/ and output/summary.json. Notices unchanged
since the last run into the same folder are not extracted again.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"seeds"}
			}
			opt, err := c.options(args)
			if err != nil {
				return err
			}
			opt.Progress = newProgress(stderr, c.quiet, c.verbose)
			sum, err := pipeline.Run(cmd.Context(), opt)
			return finishRun(stderr, sum, err, c.quiet, c.verbose)
		},
	}
	c.add(cmd.Flags(), true)
	return cmd
}

// finishRun prints the failures and the summary line and gives the error
// that sets the exit status. The failures are printed even when the run
// itself failed (summary.json could not be written), and those of a full
// disk once, with every notice they hit.
func finishRun(stderr io.Writer, sum *pipeline.Summary, err error, quiet, verbose bool) error {
	if sum == nil {
		return runError{err}
	}
	if !quiet {
		for _, in := range sum.Inputs {
			if in.Status == pipeline.StatusSkipped {
				fmt.Fprintf(stderr, "skipped    %s: %s\n", in.Path, in.Error)
			}
		}
		printWarnings(stderr, sum, verbose)
		fmt.Fprintln(stderr, summaryLine(sum))
	}
	msg := failureList(sum)
	if err != nil {
		if msg != "" {
			fmt.Fprintf(stderr, "duban: %d of %d inputs failed:%s\n", sum.Counts.Failed, sum.Counts.Inputs, msg)
		}
		return runError{err}
	}
	if sum.Failed() {
		return failedError{fmt.Sprintf("%d of %d inputs failed:%s", sum.Counts.Failed, sum.Counts.Inputs, msg)}
	}
	return nil
}

// printWarnings prints the warnings of the run itself, conflicts and
// import rejections one per line, and the record warnings (unknown unit,
// no unit, no deadline, deadline before issue…) counted by kind — or, with
// -v, one per line as well.
func printWarnings(w io.Writer, sum *pipeline.Summary, verbose bool) {
	counts := map[string]int{}
	var codes []string
	for _, x := range sum.Warnings {
		if verbose || x.Notice == "" || x.Code == pipeline.WarnConflict || x.Code == pipeline.WarnImportRejected {
			where := x.Notice
			if x.Task != "" && x.Code != pipeline.WarnImportRejected {
				where += " " + x.Task
			}
			if where != "" && x.Code != pipeline.WarnImportRejected {
				fmt.Fprintf(w, "warning: %s: %s: %s\n", where, x.Code, x.Message)
			} else {
				fmt.Fprintf(w, "warning: %s\n", x.Message)
			}
			continue
		}
		if counts[x.Code] == 0 {
			codes = append(codes, x.Code)
		}
		counts[x.Code]++
	}
	if len(codes) > 0 {
		sort.Strings(codes)
		parts := make([]string, len(codes))
		for i, c := range codes {
			parts[i] = fmt.Sprintf("%d %s", counts[c], c)
		}
		fmt.Fprintf(w, "warnings: %s (-v lists them)\n", strings.Join(parts, ", "))
	}
}

// failureList is one line per failure, the disk-full ones together.
func failureList(sum *pipeline.Summary) string {
	msg := ""
	var full []string
	for _, f := range sum.Failures {
		if f.Reason == pipeline.ReasonDiskFull {
			full = append(full, f.Path)
			continue
		}
		msg += "\n  " + f.Error
	}
	if len(full) > 0 {
		msg += fmt.Sprintf("\n  no space left on the disk of %s: %d notices not written (nothing half-written is left; free space and run again): %s",
			sum.Output, len(full), strings.Join(full, ", "))
	}
	return msg
}
