package main

import (
	"io"

	"github.com/duban/duban/internal/pipeline"
	"github.com/spf13/cobra"
)

func newRenderCmd(stderr io.Writer) *cobra.Command {
	var c common
	cmd := &cobra.Command{
		Use:   "render [flags] RECORDS.json|LEDGER.xlsx …",
		Short: "Render ledgers, unit sheets and quarterly reports from (corrected) records",
		Long: `render reads records written by 'duban extract' or 'duban run' (a notice
object, an array of them, or JSON lines), or ledger workbooks (任务分解表.xlsx)
read back, and writes the same output tree as run.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("render: no records given")
			}
			opt, err := c.options(args)
			if err != nil {
				return err
			}
			opt.Progress = newProgress(stderr, c.quiet, c.verbose)
			sum, err := pipeline.Render(cmd.Context(), opt)
			return finishRun(stderr, sum, err, c.quiet, c.verbose)
		},
	}
	c.add(cmd.Flags(), false)
	return cmd
}
