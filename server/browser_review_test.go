package server

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The 审核 page's task panel in a real browser at 1366×768: scrolled, its
// sticky heading sits flush with the panel's top and nothing of the tasks
// (their 保存 / 撤回任务 buttons) shows above it; landing on a task after a
// change keeps the console's top bar in view; 在光标处断开 splits a task
// where the cursor is.
func TestBrowserReviewPanel(t *testing.T) {
	ctx := browser(t)
	e := newEnv(t, true)
	e.browserLogin(t, ctx, "office")

	// As after saving a task: a message above, the task in the URL.
	run(t, ctx, "open the review page on a task",
		chromedp.Navigate(e.ts.URL+"/notices/"+esc(sampleSlug)+"?ok=saved#T"+esc("四.（三）.2")),
		chromedp.WaitVisible(chromedp.CSS(`#source .line`)),
		chromedp.Sleep(300*time.Millisecond),
	)
	shot(t, ctx, "r1-review-landed")
	if y := val(t, ctx, "window scroll", chromedp.Evaluate[float64](`window.scrollY`)); y != 0 {
		t.Errorf("landing on a task scrolled the page by %v px: the top bar is out of view", y)
	}

	// Scroll the task panel so that each task's button row in turn comes
	// to the panel's top edge: the heading must cover it there, and the
	// point just under the panel's top border must be the heading's.
	bad := val(t, ctx, "buttons above the heading", chromedp.Evaluate[[]string](`(function(){
		var sec = document.querySelector("section.tasks"), h = sec.querySelector("h2"), out = [];
		var rows = Array.prototype.filter.call(sec.querySelectorAll("article.task form.edit > .row"), function (r) {
			return r.querySelector("button"); }).slice(0, 12);
		rows.forEach(function (row) {
			for (var d = 0; d <= 30; d += 3) {
				var top = sec.getBoundingClientRect().top + sec.clientTop;
				sec.scrollTop += row.getBoundingClientRect().top - top - d;
				top = sec.getBoundingClientRect().top + sec.clientTop;
				var hr = h.getBoundingClientRect();
				if (Math.abs(hr.top - top) > 0.5) { out.push("heading " + (hr.top - top) + "px below the panel's top"); return; }
				var b = row.querySelector("button"), br = b.getBoundingClientRect();
				var x = br.left + br.width / 2;
				for (var y = top + 1; y < hr.bottom; y += 2) {
					var el = document.elementFromPoint(x, y);
					if (el && el.closest("button") && !h.contains(el)) {
						out.push(row.closest("article").id + " at " + d + "px: a button shows at y=" + Math.round(y - top));
						return;
					}
				}
			}
		});
		return out;
	})()`))
	if len(bad) > 0 {
		t.Errorf("the task panel's heading lets tasks show above it:\n%s", strings.Join(bad, "\n"))
	}
	val(t, ctx, "a save button half under the heading",
		chromedp.Evaluate[bool](`(function(){var sec=document.querySelector("section.tasks"), b=document.querySelector('article[id="T四.（三）.3"] form.edit button.primary');
			sec.scrollTop += b.getBoundingClientRect().top - sec.getBoundingClientRect().top - 20; return true;})()`))
	shot(t, ctx, "r2-review-scrolled")

	// 在光标处断开: the cursor after the first sentence of 四.（三）.3.
	const id = "四.（三）.3"
	sel := `article[id="T` + id + `"] .split-form `
	whole := val(t, ctx, "text", chromedp.Value(chromedp.CSS(`article[id="T`+id+`"] form.edit textarea[name=text]`)))
	cut := strings.Index(whole, "。") + len("。")
	first, second := whole[:cut], whole[cut:]
	run(t, ctx, "open 拆分 · 合并",
		chromedp.Click(chromedp.CSS(`article[id="T`+id+`"] details.more summary`)),
		chromedp.ScrollIntoView(chromedp.CSS(sel+`input.cut`)),
	)
	at := strconv.Itoa(len([]rune(first)))
	val(t, ctx, "put the cursor after the first sentence", chromedp.Evaluate[bool](`(function(){var ta=document.querySelector('`+sel+`textarea[name=text]');
			ta.focus(); ta.setSelectionRange(`+at+`, `+at+`); return true;})()`))
	run(t, ctx, "在光标处断开", chromedp.Click(chromedp.CSS(sel+`input.cut`)))
	got1 := val(t, ctx, "本项保留", chromedp.Value(chromedp.CSS(sel+`textarea[name=text]`)))
	got2 := val(t, ctx, "拆出为新任务", chromedp.Value(chromedp.CSS(sel+`textarea[name=text2]`)))
	if got1 != first || got2 != second {
		t.Errorf("在光标处断开: %q / %q, want %q / %q", got1, got2, first, second)
	}
	run(t, ctx, "the new part due earlier", chromedp.SetValue(chromedp.CSS(sel+`input[name=deadline2]`), "11月底前"))
	val(t, ctx, "its date left to follow", chromedp.Evaluate[bool](`(document.querySelector('`+sel+`input[name=date2]').value = "", true)`))
	shot(t, ctx, "r3-review-split-form")
	run(t, ctx, "split",
		clearFlash,
		chromedp.Click(chromedp.CSS(sel+`button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
		chromedp.Sleep(300*time.Millisecond),
	)
	shot(t, ctx, "r4-review-split")
	m, _ := tasksOf(t, e.st)
	if m[id].Text != first || m[id+"-2"].Text != second {
		t.Errorf("split in the store: %q / %q", m[id].Text, m[id+"-2"].Text)
	}
	if d := m[id+"-2"].Deadline; d == nil || d.Date != "2024-11-30" || m[id].Deadline.Date != "2024-12-31" {
		t.Errorf("deadlines after the split: %+v / %+v", m[id].Deadline, d)
	}
	if y := val(t, ctx, "window scroll", chromedp.Evaluate[float64](`window.scrollY`)); y != 0 {
		t.Errorf("after the split the page is scrolled by %v px", y)
	}
}
