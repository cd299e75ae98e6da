package main

import (
	"io"

	"github.com/duban/duban/internal/pipeline"
	"github.com/spf13/cobra"
)

func newImportCmd(stderr io.Writer) *cobra.Command {
	var c common
	cmd := &cobra.Command{
		Use:   "import [flags] FILE|DIR …",
		Short: "Read returned unit sheets (and edited ledgers) into the store",
		Long: `import reads the return sheets units filled in (returns/<unit>.xlsx as
run wrote them, saved by Excel, WPS or LibreOffice) into the output folder's
store, matched by the task ids the sheet carries; a row that cannot be taken
is reported with file, sheet and row and nothing of it is stored. Edited
ledger workbooks (任务分解表.xlsx) are taken as corrections. Then every
document is rendered again with the reported progress.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("import: no files given")
			}
			opt, err := c.options(args)
			if err != nil {
				return err
			}
			opt.Progress = newProgress(stderr, c.quiet, c.verbose)
			sum, err := pipeline.Import(cmd.Context(), opt)
			return finishRun(stderr, sum, err, c.quiet, c.verbose)
		},
	}
	c.add(cmd.Flags(), false)
	return cmd
}
