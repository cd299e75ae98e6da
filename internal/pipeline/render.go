package pipeline

import (
	"context"
	"fmt"
)

// Render writes the documents of corrected records: each notice of the
// record files (or ledger workbooks) in opt.Inputs gets notices/<slug>/,
// then unit sheets and quarterly reports are rebuilt from every record in
// the output folder.
func Render(ctx context.Context, opt Options) (*Summary, error) {
	r, err := newRunner(opt)
	if err != nil {
		return nil, err
	}
	defer r.close()
	sum := &Summary{Output: r.out}
	r.prog.Start(len(opt.Inputs))
	used := map[string]string{} // slug → input that took it
	for _, p := range opt.Inputs {
		if ctx.Err() != nil {
			sum.Interrupted = true
			sum.Counts.Pending++
			continue
		}
		r.prog.Begin(p)
		in := Input{Path: p, Status: StatusRendered}
		ns, err := ReadRecords(p, r.be)
		for i, n := range ns {
			if err != nil {
				break
			}
			src := n.Source.Path
			if src == "" {
				src = p
			}
			base := baseSlug(n, src, r.be.SafeFileName)
			slug := base
			for k := 2; used[slug] != "" && used[slug] != fmt.Sprint(p, i); k++ {
				slug = fmt.Sprintf("%s-%d", base, k)
			}
			used[slug] = fmt.Sprint(p, i)
			n, _, err = r.correct(n, slug, p)
			if err != nil {
				break
			}
			r.enr.recanonicalise(n)
			err = r.writeNotice(n, slug)
			in.Tasks += len(n.Tasks)
			if in.Slug == "" {
				in.Slug, in.DocNumber = slug, n.DocNumber
			}
			for _, w := range n.Warnings {
				r.warns = append(r.warns, NoticeWarning{Notice: slug, Task: w.Task, Code: w.Code, Message: w.Message})
			}
		}
		if err != nil {
			in = Input{Path: p, Status: StatusFailed, Error: err.Error()}
		}
		sum.Inputs = append(sum.Inputs, in)
		r.prog.Done(in)
	}
	r.prog.Finish()
	r.ropt.Context = ctx
	if !sum.Interrupted {
		sum.Interrupted = !r.aggregate(ctx, sum)
		if err := r.st.save(r.out); err != nil {
			r.warns = append(r.warns, NoticeWarning{Code: "state", Message: err.Error()})
		}
	}
	sum.Warnings = append(append(sum.Warnings, r.warns...), r.sw.warns...)
	r.finishSummary(sum)
	if err := sum.write(r.out); err != nil {
		return sum, err
	}
	if sum.Interrupted {
		return sum, fmt.Errorf("interrupted: %w", ctx.Err())
	}
	return sum, nil
}
