package ofd

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/duban/duban/internal/limits"
	"github.com/duban/duban/internal/xmlpart"
)

// node is one element of a parsed XML part: its local name (namespace
// prefixes dropped, as OFD writers vary them), attributes, children and
// text.
type node struct {
	name     string
	attrs    []xml.Attr
	children []*node
	text     strings.Builder
}

func (n *node) attr(name string) string {
	for _, a := range n.attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// child returns the first child with this name, or nil.
func (n *node) child(name string) *node {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// find returns the first element with this name below n (depth first).
func (n *node) find(name string) *node {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
		if f := c.find(name); f != nil {
			return f
		}
	}
	return nil
}

// Bounds on one XML part (the package's bounds are limits.OFDBytes and
// limits.OFDElements).
const (
	maxDepth = 64
	maxText  = 1 << 20 // characters of text in one element
)

// parseXML reads one XML part into a tree through xmlpart (its encoding
// and its depth and element budgets), refusing parts nested deeper than
// any real document or holding more than left elements (what is left of
// limits.OFDElements for the package). It returns the elements read.
func parseXML(data []byte, left int) (*node, int, error) {
	// Counted in a millisecond instead of a parse (a '<' in a comment or
	// CDATA section counted too: a part where that makes a difference
	// is not one an OFD writer wrote).
	if n := startTags(data); n > left {
		return nil, 0, fmt.Errorf("%d elements: %w", n, errElements)
	}
	d := xmlpart.NewDecoder(data)
	root := &node{}
	stack := []*node{root}
	count := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if _, over := errors.AsType[*limits.Error](err); over {
			return nil, count, err
		}
		if err != nil {
			return nil, count, fmt.Errorf("malformed XML: %v", err)
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxDepth {
				return nil, count, errors.New("XML nested too deep")
			}
			if count++; count > left {
				return nil, count, errElements
			}
			n := &node{name: t.Name.Local, attrs: t.Attr}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if top.text.Len()+len(t) <= maxText {
				top.text.Write(t)
			}
		}
	}
	if len(root.children) == 0 {
		return nil, count, errors.New("no XML element")
	}
	return root.children[0], count, nil
}

// startTags counts the '<' of data that do not begin an end tag, a
// comment, a declaration or a processing instruction: the start tags.
func startTags(data []byte) int {
	n := 0
	for i := bytes.IndexByte(data, '<'); i >= 0 && i+1 < len(data); {
		switch data[i+1] {
		case '/', '!', '?':
		default:
			n++
		}
		j := bytes.IndexByte(data[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return n
}

// errElements is a package over limits.OFDElements.
var errElements = limits.Over("XML elements of an OFD package", limits.OFDElements)
