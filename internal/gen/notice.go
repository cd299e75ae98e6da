package gen

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Notice is one generated notice and the truth about it.
type Notice struct {
	DocNumber string // as written, e.g. 云政办发〔2024〕22号
	Issuer    string
	Year      int
	IssueDate string // YYYY-MM-DD
	DateText  string // as written
	Title     string
	PlanTitle string
	RedHeader bool
	Depth     int   // 2: 一、→1.   3: 一、→（一）→1.
	Style     Style // how units and deadlines are attached
	Brackets  [2]string
	Colon     string
	Sep       string // between the unit and the deadline field
	Sections  []Section

	// How the TXT form is written.
	Encoding   string // "utf-8", "utf-8-bom" or "gb18030" (with CRLF)
	BlankLines bool   // a blank line between paragraphs
	Spaced     bool   // spaces between digits and Chinese, as some exports have
}

// Section is a 一、 part of a notice.
type Section struct {
	Title string
	Subs  []Sub
}

// Sub is a （一） part; notices of depth 2 have one Sub with no title.
type Sub struct {
	Title string
	Tasks []Task
}

// Task is one task and what its record must hold.
type Task struct {
	Text     string
	Lead     []string // 牵头 units (Style labelled, inline, table)
	Units    []string // 责任/配合 units
	Open     bool     // the unit list ends in 等
	Deadline string   // as written, "" for none
}

// Style is how a notice attaches units and deadlines to its tasks.
type Style int

// The notice styles the generator writes: the ways real notices attach
// units and deadlines to their numbered items.
const (
	StyleClause    Style = iota // （责任单位：…，完成时间：…）
	StyleLabelled               // 牵头单位：… / 责任单位：… / 完成时限：… lines
	StyleInline                 // …（X牵头，Y、Z参与）with the deadline in the text
	StyleSemicolon              // (责任单位:…;完成时限:…)
	StyleTable                  // a task table (DOCX only; other formats fall back to clauses)
	numStyles
)

// Tasks counts the tasks of a notice.
func (n *Notice) Tasks() int {
	c := 0
	for _, s := range n.Sections {
		for _, sub := range s.Subs {
			c += len(sub.Tasks)
		}
	}
	return c
}

var (
	cityHeads = []rune("云江海河山湖泉川林星安宁清平明东西南北青金玉华龙凤长永兴和")
	cityTails = []rune("州阳城源州陵港州宁川溪丰")
	topics    = []string{"城市更新", "数字政务服务", "民生实事", "优化营商环境", "乡村振兴", "南北结对帮扶合作",
		"生态环境保护", "安全生产", "科技创新", "文化旅游融合发展", "就业创业", "养老服务体系建设"}
	planKinds = []string{"重点工作计划", "工作要点", "实施方案", "任务分解表"}
	cnDigits  = []rune("〇一二三四五六七八九")
	numRe     = regexp.MustCompile(`\d+`)
	bracketsA = [][2]string{{"（", "）"}, {"(", ")"}, {"〔", "〕"}, {"（", ")"}}
	docBrkts  = [][2]string{{"〔", "〕"}, {"[", "]"}, {"（", "）"}}
)

// New makes notice i of the series seeded with seed.
func (c *Corpus) New(seed int64, i int) *Notice {
	rng := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
	// The two draws a random city once took keep the rest of the series
	// as it was; the place now comes from issuerOf.
	rng.IntN(len(cityHeads))
	rng.IntN(len(cityTails))
	n := &Notice{Year: 2023 + rng.IntN(4), Depth: 2 + rng.IntN(2), Style: Style(rng.IntN(int(numStyles)))}
	rng.IntN(3)
	city, level := issuerOf(seed, i)
	n.Issuer = city + level + "人民政府办公室"
	if level == "省" {
		n.Issuer = city + level + "人民政府办公厅"
	}
	b := docBrkts[rng.IntN(len(docBrkts))]
	n.DocNumber = fmt.Sprintf("%s政办发%s%d%s%d号", string([]rune(city)[0]), b[0], n.Year, b[1], i+1)
	month, day := 1+rng.IntN(6), 1+rng.IntN(28)
	n.IssueDate = fmt.Sprintf("%04d-%02d-%02d", n.Year, month, day)
	if rng.IntN(3) == 0 {
		n.DateText = cnYear(n.Year) + "年" + cnNumber(month) + "月" + cnNumber(day) + "日"
	} else {
		n.DateText = fmt.Sprintf("%d年%d月%d日", n.Year, month, day)
	}
	topic := topics[rng.IntN(len(topics))]
	n.PlanTitle = fmt.Sprintf("%s%d年%s%s", city+level, n.Year, topic, planKinds[rng.IntN(len(planKinds))])
	n.Title = level + "政府办公室关于印发" + n.PlanTitle + "的通知"
	if level == "省" {
		n.Title = level + "政府办公厅关于印发" + n.PlanTitle + "的通知"
	}
	n.RedHeader = rng.IntN(2) == 0
	n.Brackets = bracketsA[rng.IntN(len(bracketsA))]
	n.Colon = []string{"：", ":"}[rng.IntN(2)]
	n.Sep = []string{"，", ",", "；", ";"}[rng.IntN(4)]
	if n.Style == StyleSemicolon {
		n.Sep = []string{"；", ";"}[rng.IntN(2)]
	}

	n.Encoding = []string{"utf-8", "utf-8", "utf-8-bom", "gb18030"}[rng.IntN(4)]
	n.BlankLines = rng.IntN(2) == 0
	n.Spaced = rng.IntN(4) == 0

	// Units of this notice: a handful from the corpus, with the level
	// prefix of the issuer so sheets group sensibly.
	units := pick(rng, c.Units, 6+rng.IntN(10))
	seen := map[string]bool{}
	var local []string
	for _, u := range units {
		if r := []rune(u); len(r) > 2 && (r[0] == '市' || r[0] == '区' || r[0] == '省') {
			u = level + string(r[1:])
		}
		if !seen[u] {
			seen[u] = true
			local = append(local, u)
		}
	}
	units = local
	tasks := pick(rng, c.Tasks, len(c.Tasks))
	next := 0
	for _, title := range pick(rng, c.Sections, 2+rng.IntN(4)) {
		s := Section{Title: title}
		subs := 1
		if n.Depth == 3 {
			subs = 1 + rng.IntN(3)
		}
		for range subs {
			sub := Sub{}
			if n.Depth == 3 {
				sub.Title = c.Sections[rng.IntN(len(c.Sections))]
			}
			for range 2 + rng.IntN(7) {
				text := vary(rng, tasks[next%len(tasks)], i)
				next++
				sub.Tasks = append(sub.Tasks, c.task(rng, n, text, units))
			}
			s.Subs = append(s.Subs, sub)
		}
		n.Sections = append(n.Sections, s)
	}
	return n
}

// issuerOf is the place that issues notice i of the series seeded with
// seed, as a 督查室 receives them: most (80 %) from its own city's
// government, some (15 %) from three of the city's districts and
// counties, a few (5 %) from the province. The city, its districts and
// the province are fixed by the seed. (Drawing every notice from any of
// some 1,300 places, as the generator once did, made a unit name like
// 市发改委 a different unit in almost every notice, so 250 notices gave
// 2,000 unit sheets where an office has about a hundred.)
func issuerOf(seed int64, i int) (place, level string) {
	home := rand.New(rand.NewPCG(uint64(seed), 1<<63))
	name := func() string {
		return string(cityHeads[home.IntN(len(cityHeads))]) + string(cityTails[home.IntN(len(cityTails))])
	}
	city := name()
	var districts []string
	for len(districts) < 3 {
		if d := name(); d != city && !slices.Contains(districts, d) {
			districts = append(districts, d)
		}
	}
	province := string(cityHeads[home.IntN(len(cityHeads))]) + "江"
	r := rand.New(rand.NewPCG(uint64(seed)^0x5bd1e995, uint64(i))).IntN(100)
	switch {
	case r < 80:
		return city, "市"
	case r < 95:
		d := (r - 80) % 3
		return districts[d], []string{"区", "县", "区"}[d]
	default:
		return province, "省"
	}
}

// task gives a text its units and deadline.
func (c *Corpus) task(rng *rand.Rand, n *Notice, text string, units []string) Task {
	t := Task{Text: text}
	us := pick(rng, units, 1+rng.IntN(4))
	switch n.Style {
	case StyleLabelled, StyleInline, StyleTable:
		t.Lead, t.Units = us[:1], us[1:]
	default:
		t.Units = us
		t.Open = len(us) > 2 && rng.IntN(4) == 0
	}
	if rng.IntN(12) > 0 {
		t.Deadline = deadline(rng, n.Year, n.Style == StyleInline)
	}
	return t
}

// deadline writes a completion time in one of the forms notices use.
func deadline(rng *rand.Rand, year int, inText bool) string {
	m := 1 + rng.IntN(12)
	if inText { // deadlines written inside the task text end in 前
		switch rng.IntN(3) {
		case 0:
			return fmt.Sprintf("%d年%d月底前", year, m)
		case 1:
			return "年底前"
		default:
			return fmt.Sprintf("%d月%d日前", m, 1+rng.IntN(28))
		}
	}
	switch rng.IntN(12) {
	case 0:
		return fmt.Sprintf("%d月底前", m)
	case 1:
		return fmt.Sprintf("%d月%d日前", m, 1+rng.IntN(28))
	case 2:
		return fmt.Sprintf("%d月%s", m, []string{"上旬", "中旬", "下旬"}[rng.IntN(3)])
	case 3:
		return []string{"一", "二", "三", "四"}[rng.IntN(4)] + "季度末"
	case 4:
		return []string{"上半年", "年中"}[rng.IntN(2)]
	case 5:
		return []string{"年底前", "年内", "12月底前"}[rng.IntN(3)]
	case 6:
		return fmt.Sprintf("印发之日起%d日内", 10*(1+rng.IntN(9)))
	case 7:
		return []string{"每季度", "每月"}[rng.IntN(2)]
	case 8:
		return []string{"长期坚持", "持续推进"}[rng.IntN(2)]
	case 9:
		return fmt.Sprintf("%d年%d月底前", year, m)
	case 10:
		return "上半年启动，年底前完成"
	default:
		return fmt.Sprintf("%d 月底前", m)
	}
}

// vary changes the numbers of a task text so that notices differ.
func vary(rng *rand.Rand, s string, i int) string {
	return numRe.ReplaceAllStringFunc(s, func(d string) string {
		v, err := strconv.Atoi(d)
		if err != nil || (v >= 1900 && v <= 2100) {
			return d
		}
		return strconv.Itoa(1 + (v+i+rng.IntN(50))%200)
	})
}

func pick(rng *rand.Rand, from []string, k int) []string {
	idx := rng.Perm(len(from))
	k = min(k, len(from))
	out := make([]string, k)
	for j := range k {
		out[j] = from[idx[j]]
	}
	return out
}

func cnYear(y int) string {
	var b strings.Builder
	for _, d := range strconv.Itoa(y) {
		b.WriteRune(cnDigits[d-'0'])
	}
	return b.String()
}

func cnNumber(v int) string {
	switch {
	case v < 10:
		return string(cnDigits[v])
	case v == 10:
		return "十"
	case v < 20:
		return "十" + string(cnDigits[v-10])
	case v%10 == 0:
		return string(cnDigits[v/10]) + "十"
	default:
		return string(cnDigits[v/10]) + "十" + string(cnDigits[v%10])
	}
}
