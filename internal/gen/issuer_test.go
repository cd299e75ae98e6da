package gen

import (
	"strings"
	"testing"

	"github.com/duban/duban"
)

// A series of notices comes, as a 督查室 receives them, mostly from its own
// city's government, some from a few of its districts and counties and a
// few from the province: five places in all, so that a unit name like
// 市发改委 is one unit across the series.
func TestIssuersAreOnesCityAndProvince(t *testing.T) {
	c := sampleCorpus(t)
	for _, seed := range []int64{1, 2} {
		places := map[string]int{}
		const n = 1000
		for i := range n {
			nt := c.New(seed, i)
			p := duban.IssuerPlace(nt.Issuer)
			if p == "" {
				t.Fatalf("seed %d notice %d: issuer %q names no place", seed, i, nt.Issuer)
			}
			places[p]++
		}
		if len(places) != 5 {
			t.Errorf("seed %d: %d issuing places, want 5 (city, three districts, province): %v", seed, len(places), places)
		}
		city, province := "", ""
		for p, k := range places {
			switch {
			case strings.HasSuffix(p, "市"):
				city = p
				if k < n*70/100 || k > n*90/100 {
					t.Errorf("seed %d: %s issued %d of %d notices, want about 80 %%", seed, p, k, n)
				}
			case strings.HasSuffix(p, "省"):
				province = p
				if k < n*2/100 || k > n*9/100 {
					t.Errorf("seed %d: %s issued %d of %d notices, want about 5 %%", seed, p, k, n)
				}
			}
		}
		if city == "" || province == "" {
			t.Errorf("seed %d: no city or no province among %v", seed, places)
		}
	}
}
