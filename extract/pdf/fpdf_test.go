package pdf

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
)

// fpdfParagraphs is the body of the notice the fpdf tests write: CJK text
// with digits, a Latin phrase and full-width punctuation.
var fpdfParagraphs = []string{
	"关于印发2025年优化营商环境重点任务清单的通知",
	"各县（区）人民政府，市各有关部门：",
	"《2025年优化营商环境重点任务清单》已经市政府同意，现印发给你们，请认真组织实施。各地各部门要对照“高效办成一件事”的要求，细化工作措施，压实工作责任，确保各项任务落地见效。",
	"一、推行“高效办成一件事”，年内新增重点事项10个，围绕企业和群众全生命周期，推动更多关联事项集成办理，Made in China 2025 行动同步推进，实现一次告知、一表申请、一套材料、一次办结。（责任单位：市政务办，完成时间：2025年12月底前）",
	"二、开展涉企收费专项检查，坚决纠治乱收费、乱罚款、乱摊派，建立健全涉企收费目录清单制度，对违规收费问题发现一起、查处一起、通报一起，切实减轻企业负担，营造公平竞争的市场环境。（责任单位：市市场监管局、市发改委、市财政局，完成时间：6月底前）",
	"三、建立企业诉求“直通车”机制，诉求办结率达到95%以上，完善企业诉求收集、交办、督办、反馈闭环工作机制，定期通报办理情况，推动解决企业反映的共性问题和突出问题。（责任单位：市工商联、市政务办、市司法局，完成时间：9月30日前）",
	"四、落实结构性减税降费政策，确保应享尽享，加强政策宣传辅导，推动政策直达快享，持续优化办税缴费服务，压缩办税时间，提高纳税人缴费人满意度。（责任单位：市税务局、市财政局，完成时间：持续推进）",
	"五、举办“政企面对面”活动，全年不少于4场，邀请企业家代表与有关部门负责同志面对面交流，现场解答企业关心关注的问题，对现场不能解决的问题建立台账、限时办结。（责任单位：市工信局、市商务局、各县（区）人民政府，完成时间：每季度）",
}

// fpdfTable is the table the notice ends with.
var fpdfTable = [][]string{
	{"序号", "牵头单位", "完成时限"},
	{"1", "市政务办", "2025年12月底前"},
	{"2", "市市场监管局", "6月底前"},
}

var (
	fpdfOnce sync.Once
	fpdfData []byte
	fpdfErr  error
)

// fpdfNotice writes (once) the notice with fpdf: the CJK font embedded as
// a UTF-8 font (Type0, Identity-H, one identity ToUnicode range), a
// running header, "— n —" page numbers, paragraphs with a first-line
// indent laid out by hand over three pages, and a ruled table.
func fpdfNotice(t testing.TB) []byte {
	fpdfOnce.Do(func() { fpdfData, fpdfErr = writeFpdfNotice("", "") })
	if fpdfErr != nil {
		t.Fatal(fpdfErr)
	}
	return fpdfData
}

func writeFpdfNotice(userPass, ownerPass string) ([]byte, error) {
	font, err := os.ReadFile("../../templates/fonts/wqy-microhei.ttf")
	if err != nil {
		return nil, err
	}
	const left, right, top, bottom, size, pitch = 80.0, 515.0, 100.0, 480.0, 16.0, 28.0
	p := fpdf.New("P", "pt", "A4", "")
	if userPass != "" || ownerPass != "" {
		p.SetProtection(fpdf.CnProtectPrint, userPass, ownerPass)
	}
	p.AddUTF8FontFromBytes("wqy", "", font)
	p.SetAutoPageBreak(false, 0)
	p.SetHeaderFunc(func() {
		p.SetFont("wqy", "", 10)
		p.Text(230, 50, "清河市人民政府办公室")
	})
	p.SetFooterFunc(func() {
		p.SetFont("wqy", "", 14)
		p.Text(275, 800, fmt.Sprintf("— %d —", p.PageNo()))
	})
	p.AddPage()
	y := top
	newLine := func() {
		y += pitch
		if y > bottom {
			p.AddPage()
			y = top
		}
	}
	for i, para := range fpdfParagraphs {
		fs := size
		if i == 0 {
			fs = 22
		}
		p.SetFont("wqy", "", fs)
		if i == 0 { // a title: every line centred
			for _, line := range fpdfWrap(p, para, right-left, right-left) {
				p.Text((left+right)/2-p.GetStringWidth(line)/2, y, line)
				newLine()
			}
			newLine()
			continue
		}
		x := left + 2*fs
		if i == 1 {
			x = left
		}
		for _, line := range fpdfWrap(p, para, right-x, right-left) {
			p.Text(x, y, line)
			x = left
			newLine()
		}
	}
	newLine()
	p.SetFont("wqy", "", 12)
	widths := []float64{60, 180, 180}
	for _, row := range fpdfTable {
		p.SetXY(left, y)
		for c, cell := range row {
			p.CellFormat(widths[c], 24, cell, "1", 0, "L", false, 0, "")
		}
		y += 24
	}
	var b bytes.Buffer
	err = p.Output(&b)
	return b.Bytes(), err
}

// fpdfWrap breaks text into lines: first within first points, then within
// rest; CJK breaks anywhere, a Latin word is not broken and a space at a
// break is dropped.
func fpdfWrap(p *fpdf.Fpdf, text string, first, rest float64) []string {
	var lines []string
	width := first
	var cur []rune
	rs := []rune(text)
	for i := 0; i < len(rs); {
		j := i + 1
		if rs[i] < 0x80 && rs[i] != ' ' { // a Latin word
			for j < len(rs) && rs[j] < 0x80 && rs[j] != ' ' {
				j++
			}
		}
		piece := rs[i:j]
		if p.GetStringWidth(string(append(append([]rune{}, cur...), piece...))) > width && len(cur) > 0 {
			lines = append(lines, strings.TrimRightFunc(string(cur), unicode.IsSpace))
			cur = nil
			width = rest
			if piece[0] == ' ' {
				i = j
				continue
			}
		}
		cur = append(cur, piece...)
		i = j
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	return lines
}

// TestPDFFpdfRoundTrip reads back the notice fpdf wrote: every paragraph
// exactly, the header and page numbers gone, the table as rows.
func TestPDFFpdfRoundTrip(t *testing.T) {
	data := fpdfNotice(t)
	if !bytes.Contains(data, []byte("<0000> <FFFF> <0000>")) {
		t.Fatal("fpdf no longer writes a single identity ToUnicode range; test premise changed")
	}
	d, err := Reader{}.Read("fpdf.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	if d.Pages < 3 {
		t.Errorf("%d pages, want at least 3 (a paragraph must cross a page break)", d.Pages)
	}
	want := append([]string{}, fpdfParagraphs...)
	for _, r := range fpdfTable {
		want = append(want, strings.Join(r, " | "))
	}
	got := blockTexts(d)
	if !reflect.DeepEqual(got, want) {
		for i := 0; i < len(got) || i < len(want); i++ {
			var g, w string
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if g != w {
				t.Errorf("block %d:\n got  %q\n want %q", i, g, w)
			}
		}
	}
}

// TestPDFEncrypted: fpdf encrypts with 40-bit RC4 (an empty /ID, literal
// strings). With an empty user password the notice reads as if it were
// not encrypted; with a user password it is refused by name.
func TestPDFEncrypted(t *testing.T) {
	data, err := writeFpdfNotice("", "owner")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Reader{}.Read("open.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Reader{}.Read("plain.pdf", fpdfNotice(t))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := blockTexts(d), blockTexts(plain); !reflect.DeepEqual(got, want) || len(got) < len(fpdfParagraphs) {
		t.Errorf("blocks\n got  %q\n want %q", got, want)
	}
	data, err = writeFpdfNotice("secret", "owner")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (Reader{}).Read("locked.pdf", data); err == nil || err.Error() != "locked.pdf: encrypted with a password; duban cannot read it" {
		t.Errorf("user password: err = %v", err)
	}
}
