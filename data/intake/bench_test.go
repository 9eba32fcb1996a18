package intake

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tuijian/data/divisions"
	"tuijian/forms"
)

// BenchmarkIntake32: the ministry's whole year, 31 provinces and the 兵团, every
// other package as a disc image, checked and tabulated (issue 17 goal: under 10 s on
// the 2-core machine). The packages are made once, outside the timing.
//
//	go test ./data/intake -run '^$' -bench Intake32 -benchtime 3x -benchmem
func BenchmarkIntake32(b *testing.B) {
	dir := b.TempDir()
	os.MkdirAll(filepath.Join(dir, "pkgs"), 0o755)
	codes := slices.Sorted(maps.Keys(forms.RecommendingBodies))
	var keys strings.Builder
	for i, code := range codes {
		units := divisions.Units(code)
		cands := map[forms.MeasureID][]string{forms.Industry: {units[0].Code}, forms.Digital: {units[len(units)-1].Code}}
		if len(units) > 2 {
			cands[forms.Industry] = append(cands[forms.Industry], units[1].Code)
		}
		m, err := export(filepath.Join(dir, "pkgs"), "报送包-"+code, province{code, cands}, day, i%2 == 1)
		if err != nil {
			b.Fatal(err)
		}
		p, _ := divisions.Province(code)
		fmt.Fprintf(&keys, "%s\t%s\t%s\n", p.Name, m.fingerprint, m.sm2)
	}
	reg, err := ParseKeys(strings.NewReader(keys.String()))
	if err != nil {
		b.Fatal(err)
	}
	paths, err := Expand([]string{filepath.Join(dir, "pkgs")})
	if err != nil || len(paths) != 32 {
		b.Fatalf("%d packages: %v", len(paths), err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Run(context.Background(), paths, Options{Keys: reg}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if !res.OK() {
			for _, p := range res.Packages {
				if !p.OK() {
					b.Fatalf("%s: %v", p.Name, p.Problems)
				}
			}
		}
		if _, err := Write(filepath.Join(dir, "out"), res, day); err != nil {
			b.Fatal(err)
		}
	}
}
