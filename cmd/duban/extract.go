package main

import (
	"fmt"
	"io"

	"github.com/duban/duban"
	"github.com/duban/duban/internal/pipeline"
	"github.com/spf13/cobra"
)

func newExtractCmd(stdout, stderr io.Writer) *cobra.Command {
	var (
		format   string
		year     int
		planYear int
		jobs     int
		units    string
		seg      string
	)
	cmd := &cobra.Command{
		Use:   "extract [--format json|jsonl|csv] NOTICE…",
		Short: "Write the task records of notices to standard output",
		Long: `extract reads notices and writes their records to standard output: with
--format json one notice is one object and several are an array, jsonl
writes one notice per line, csv one row per task and unit (UTF-8 with BOM).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("extract: no notice given")
			}
			switch format {
			case "json", "jsonl", "csv":
			default:
				return usagef("--format: unknown format %q (want json, jsonl or csv)", format)
			}
			if jobs < 0 {
				return usagef("-j: %d is not a number of jobs", jobs)
			}
			if planYear != 0 {
				year = planYear
			}
			if year != 0 && !plausibleYear(year) {
				return usagef("--plan-year: %d is not a plausible plan year", year)
			}
			dir, mode, err := enrichOptions(units, seg, "")
			if err != nil {
				return err
			}
			res, warns := pipeline.Extract(cmd.Context(), args, pipeline.Options{Year: year, Jobs: jobs, Directory: dir, Segment: mode, MaxFileSize: maxNoticeSize})
			for _, w := range warns {
				fmt.Fprintln(stderr, "warning:", w.Message)
			}
			var notices []*duban.Notice
			failed := 0
			for _, r := range res {
				if r.Err != nil {
					failed++
					fmt.Fprintln(stderr, "duban:", r.Err)
					continue
				}
				notices = append(notices, r.Notice)
			}
			if err := pipeline.WriteRecords(stdout, notices, format, len(res) > 1, nil); err != nil {
				return runError{err}
			}
			if failed > 0 {
				return failedError{fmt.Sprintf("%d of %d notices failed", failed, len(res))}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "output format: json, jsonl or csv")
	cmd.Flags().IntVar(&planYear, "plan-year", 0, "plan year to use for deadlines without one")
	cmd.Flags().IntVar(&year, "year", 0, "same as --plan-year (deprecated)")
	_ = cmd.Flags().MarkHidden("year")
	addEnrichFlags(cmd.Flags(), &units, &seg, true)
	cmd.Flags().IntVarP(&jobs, "jobs", "j", 0, "notices extracted at once (default: number of CPUs)")
	return cmd
}
