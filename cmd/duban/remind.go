package main

import (
	"fmt"
	"io"

	"github.com/duban/duban/internal/pipeline"
	"github.com/spf13/cobra"
)

func newRemindCmd(stderr io.Writer) *cobra.Command {
	var c common
	var office string
	cmd := &cobra.Command{
		Use:   "remind [flags]",
		Short: "Write a 催办单 (PDF and DOCX) for every unit with overdue or near-due tasks",
		Long: `remind writes reminders/<unit>.pdf and .docx from the output folder's store:
for each unit, the tasks overdue (due before --as-of, default today, and not
reported 已完成 by that unit) or due within --warn-days, with 督办编号,
交办日期, deadline and the reporting date, in the plain official layout.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("remind: takes no arguments (the store of -o is read)")
			}
			opt, err := c.options(nil)
			if err != nil {
				return err
			}
			paths, err := pipeline.Remind(opt, office)
			if err != nil {
				return runError{err}
			}
			if !c.quiet {
				for _, p := range paths {
					if c.verbose {
						fmt.Fprintln(stderr, p)
					}
				}
				fmt.Fprintf(stderr, "%d reminders as of %s in %s\n", len(paths), asOfText(opt.AsOf), c.out)
			}
			return nil
		},
	}
	c.add(cmd.Flags(), false)
	cmd.Flags().StringVar(&office, "office", "督查室", "the sending office printed on the reminders")
	return cmd
}
