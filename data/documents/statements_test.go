package documents

import (
	"slices"
	"strings"
	"testing"

	"tuijian/forms"
)

// The letter and the declaration state only what is true for every path an officer
// can take (issue 11): a consent given for another city (通知 五), a screening not
// recorded (办法 第六/七条（六）), a measure left empty (通知 二).
func TestLetterStatesOnlyWhatIsTrue(t *testing.T) {
	base := demoCase(t)
	m, _ := base.Case.Campaign.Measure(forms.Industry)
	n := Names(m)
	cases := []struct {
		name    string
		mutate  func(c *forms.Case)
		want    []string
		notWant []string
	}{
		{"as approved", func(c *forms.Case) {}, []string{"经山东省人民政府同意，现推荐青岛市", "经核查，青岛市近三年未发生重大、特大安全生产事故"}, nil},
		{"city switched after the consent", func(c *forms.Case) {
			for i := range c.Choices {
				if c.Choices[i].Measure == forms.Industry {
					c.Choices[i].UnitCode = "370100" // 济南, the consent was for 青岛
				}
			}
			c.Screenings = append(c.Screenings, forms.Screening{UnitCode: "370100", Checker: "李四", Departments: "省应急管理厅", Date: "2022-02-01", Basis: "复函"})
		}, []string{"现推荐济南市"}, []string{"人民政府同意", "青岛市"}},
		{"no screening recorded", func(c *forms.Case) { c.Screenings = nil }, []string{"现推荐青岛市"}, []string{"经核查"}},
	}
	for _, tc := range cases {
		in := base
		c := *base.Case
		c.Choices = slices.Clone(base.Case.Choices)
		c.Screenings = slices.Clone(base.Case.Screenings)
		tc.mutate(&c)
		in.Case = &c
		in.IncludeReport = false
		files, err := Build(in)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var letter, decl []byte
		for _, f := range files {
			switch f.Path {
			case n.LetterPDF:
				letter = f.Data
			case n.DeclarationPDF:
				decl = f.Data
			case ReportPDF:
				t.Errorf("%s: the 比选报告 is written without IncludeReport", tc.name)
			}
		}
		txt := squash(pdftotext(t, letter))
		for _, w := range tc.want {
			if !strings.Contains(txt, squash(w)) {
				t.Errorf("%s: letter lacks %q:\n%s", tc.name, w, txt)
			}
		}
		for _, w := range tc.notWant {
			if strings.Contains(txt, squash(w)) {
				t.Errorf("%s: letter says %q:\n%s", tc.name, w, txt)
			}
		}
		if tc.name == "city switched after the consent" && strings.Contains(squash(pdftotext(t, decl)), squash("已报经")) {
			t.Errorf("%s: the declaration claims a consent given for another city", tc.name)
		}
	}
}
