package workbook

import (
	"strings"
	"testing"

	"tuijian/forms"
)

// Several cities' copies of the 填报表 are imported together: each city's change is
// kept with its file; two files that change the same cell differently are refused.
func TestMergeFigurePlans(t *testing.T) {
	s := demoStore(t)
	c := loadCase(t, s)
	blank := exportFigures(t, c)
	const sheet = "工业稳增长"
	copyWith := func(code, v string) *FigurePlan {
		f := openX(t, blank)
		f.SetCellStr(sheet, figCell(t, c, forms.Industry, "ind.va_growth", 2021, fieldValue, rowOf(t, f, sheet, code)), v)
		p, err := importFigures(c, save(t, f))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	qd, yt := copyWith("370200", "9.9"), copyWith("370600", "7.7")
	m, err := MergeFigurePlans([]string{"青岛.xlsx", "烟台.xlsx"}, []*FigurePlan{qd, yt})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Changes) != 2 || m.Figures() != 2 || !strings.HasPrefix(m.Changes[0].String(), "青岛.xlsx：") || m.Changes[1].File != "烟台.xlsx" {
		t.Fatalf("merged %d changes %d figures: %v", len(m.Changes), m.Figures(), m.Changes)
	}
	if err := s.Update("导入 2 个填报表", m.Apply); err != nil {
		t.Fatal(err)
	}
	after := loadCase(t, s)
	for code, want := range map[string]float64{"370200": 9.9, "370600": 7.7} {
		if f, _ := after.Figure(forms.FigureKey{UnitCode: code, Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021}); f.Value.A != want {
			t.Errorf("%s: %+v", code, f.Value)
		}
	}
	// The same change in two files is one change; different ones are refused.
	same, err := MergeFigurePlans([]string{"a.xlsx", "b.xlsx"}, []*FigurePlan{copyWith("370200", "5.5"), copyWith("370200", "5.5")})
	if err != nil || len(same.Changes) != 1 {
		t.Fatalf("identical changes: %v %v", err, same)
	}
	_, err = MergeFigurePlans([]string{"a.xlsx", "b.xlsx"}, []*FigurePlan{copyWith("370200", "5.5"), copyWith("370200", "6.5")})
	if err == nil || !strings.Contains(err.Error(), "a.xlsx") || !strings.Contains(err.Error(), "b.xlsx") {
		t.Fatalf("conflict: %v", err)
	}
}
