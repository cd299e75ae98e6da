//go:build !cgo || nojieba

package segment

import (
	"errors"
	"testing"
)

func TestStubUnavailable(t *testing.T) {
	s, err := Load()
	if !errors.Is(err, ErrUnavailable) || s != nil || Available {
		t.Fatalf("Load() = %v, %v; want nil, ErrUnavailable", s, err)
	}
	s.AddUnits([]string{"市发改委"})
	if s.Cut("市发改委牵头") != nil || s.Tag("x") != nil || s.Keywords("x", 3) != nil || s.IsUnit("市发改委") {
		t.Error("stub returned words")
	}
}
