package html

import (
	"unicode"

	"github.com/PuerkitoBio/goquery"
	xhtml "golang.org/x/net/html"
)

// containers are the elements government sites put a notice's body in,
// most specific first (TRS and UCAP content systems, and the "zoom" box of
// the font-size buttons).
var containers = []string{
	"#UCAP-CONTENT", ".TRS_Editor", ".TRS_UEDITOR", "#zoom", "#Zoom", ".zoom",
	".pages_content", ".article-content", "#article-content", ".article_con",
	"#mainText",
}

// minBodyHan is how many Chinese characters a known container must hold to
// be taken for the body (some sites leave an empty #zoom in the chrome).
const minBodyHan = 40

// noticeBody returns the element that holds the notice: a known container,
// else the element whose paragraph children hold the most Chinese text,
// else the whole page. Chinese characters are counted once per element,
// children first, so the choice is linear in the page's size.
func noticeBody(page *goquery.Document) *xhtml.Node {
	han := hanCounts(page.Nodes[0])
	for _, sel := range containers {
		var found *xhtml.Node
		page.Find(sel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			if han[s.Nodes[0]] >= minBodyHan {
				found = s.Nodes[0]
				return false
			}
			return true
		})
		if found != nil {
			return found
		}
	}
	// Readability's idea, cut to what notices need: each paragraph scores
	// its Chinese characters for its parent; the best parent wins.
	score := map[*xhtml.Node]int{}
	var best *xhtml.Node
	page.Find("p, div, td, li").Each(func(_ int, s *goquery.Selection) {
		n := s.Nodes[0]
		if n.Parent == nil || (n.Data != "p" && hasBlockChild(n)) {
			return
		}
		score[n.Parent] += han[n]
		if best == nil || score[n.Parent] > score[best] {
			best = n.Parent
		}
	})
	if best != nil && score[best] >= minBodyHan {
		return best
	}
	return page.Nodes[0]
}

// hanCounts counts the Chinese characters under every element, in one
// pass over the tree (without recursion).
func hanCounts(root *xhtml.Node) map[*xhtml.Node]int {
	counts := map[*xhtml.Node]int{}
	var order []*xhtml.Node // parents before children
	stack := []*xhtml.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		order = append(order, n)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	for i := len(order) - 1; i >= 0; i-- {
		n := order[i]
		if n.Type == xhtml.TextNode {
			counts[n] = countHan(n.Data)
		}
		if n.Parent != nil {
			counts[n.Parent] += counts[n]
		}
	}
	return counts
}

// hasBlockChild reports whether an element holds paragraphs of its own (a
// wrapper, not a paragraph).
func hasBlockChild(n *xhtml.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && blockElements[c.Data] {
			return true
		}
	}
	return false
}

// countHan counts the Chinese characters of s.
func countHan(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}
