package intake

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tuijian/data/demo"
	"tuijian/data/divisions"
	"tuijian/data/pdfdoc"
	"tuijian/data/signing"
	"tuijian/data/store"
	"tuijian/data/submission"
	"tuijian/forms"
)

// BenchmarkIntake32: the ministry's whole year, 31 provinces and the 兵团, every
// other package as a disc image, checked and tabulated (issue 17 goal: under 10 s on
// the 2-core machine). The packages are made once, outside the timing.
//
//	go test ./data/intake -run '^$' -bench Intake32 -benchtime 3x -benchmem
func BenchmarkIntake32(b *testing.B) {
	dir := b.TempDir()
	key, _, err := signing.GenerateKeyPair("基准测试口令 bench", nil)
	if err != nil {
		b.Fatal(err)
	}
	codes := slices.Sorted(func(yield func(string) bool) {
		for c := range forms.RecommendingBodies {
			if !yield(c) {
				return
			}
		}
	})
	var keys strings.Builder
	for i, code := range codes {
		units := divisions.Units(code)
		cands := map[forms.MeasureID][]string{forms.Industry: {units[0].Code}, forms.Digital: {units[len(units)-1].Code}}
		if len(units) > 2 {
			cands[forms.Industry] = append(cands[forms.Industry], units[1].Code)
		}
		st, err := store.Open(filepath.Join(dir, code+".db"))
		if err != nil {
			b.Fatal(err)
		}
		st.Now = func() time.Time { return day }
		if err := demo.FillProvince(st, day, code, cands); err != nil {
			b.Fatalf("%s: %v", code, err)
		}
		c, _ := st.Case()
		s := c.Settings
		s.Demo, s.Department = false, forms.RecommendingBodies[code]
		st.Update("设置", func(t *store.Tx) error { return t.SetSettings(s) })
		c, _ = st.Case()
		out := filepath.Join(dir, "pkgs", "报送包-"+code)
		in := submission.ExportInput{Case: c, Sections: c.Applications, Key: key, Date: day, Out: out, Fonts: pdfdoc.Fallback()}
		if i%2 == 1 {
			in.ISO = out + ".iso"
		}
		res, err := submission.Export(context.Background(), in, nil)
		if err != nil {
			b.Fatalf("%s: %v", code, err)
		}
		if in.ISO != "" {
			os.RemoveAll(out)
		}
		st.Close()
		fmt.Fprintf(&keys, "%s\t%s\t%s\n", c.Province.Name, res.Fingerprint, res.SM2Fingerprint)
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
