package forms

import (
	"testing"

	"tuijian/forms/value"
)

// One reply of the 通信管理局 covers the telecom figures of every candidate in both
// years; a missing figure is counted, not confirmed (issue 14 point 4).
func TestBatchTargets(t *testing.T) {
	c := testCase(t)
	c.Candidates[Digital] = []string{"370100", "370200", "370300"}
	put := func(u, ind string, y int, missing bool) {
		c.Figures = append(c.Figures, Figure{FigureKey: FigureKey{UnitCode: u, Measure: Digital, Indicator: ind, Year: y}, Value: value.Value{Missing: missing, A: 1}})
	}
	for _, u := range []string{"370100", "370200", "370300"} {
		for _, y := range []int{2020, 2021} {
			put(u, "dig.gigabit", y, false)
			put(u, "dig.bs5g", y, u == "370300" && y == 2020) // 淄博 2020 left empty
			put(u, "dig.iiot_pilots", y, false)
		}
	}
	for _, tc := range []struct {
		name          string
		scope         BatchScope
		keys, missing int
	}{
		{"all candidates, both years", BatchScope{Measure: Digital, Verifier: VerifierTelecom}, 11, 1},
		{"one city", BatchScope{Measure: Digital, Verifier: VerifierTelecom, Units: []string{"370200"}}, 4, 0},
		{"one year", BatchScope{Measure: Digital, Verifier: VerifierTelecom, Years: []int{2020}}, 5, 1},
		{"one indicator", BatchScope{Measure: Digital, Verifier: VerifierTelecom, Indicators: []string{"dig.gigabit"}}, 6, 0},
		{"statistics bureau: none in this measure", BatchScope{Measure: Digital, Verifier: VerifierStats}, 0, 0},
		{"not entered at all", BatchScope{Measure: Industry, Verifier: VerifierStats, Units: []string{"370100"}}, 0, 12},
		{"unknown measure", BatchScope{Measure: "x", Verifier: VerifierTelecom}, 0, 0},
	} {
		keys, missing := BatchTargets(c, tc.scope)
		if len(keys) != tc.keys || missing != tc.missing {
			t.Errorf("%s: %d keys, %d missing; want %d, %d", tc.name, len(keys), missing, tc.keys, tc.missing)
		}
		for _, k := range keys {
			in, _ := c.Campaign.Measure(k.Measure)
			for _, i := range in.Indicators {
				if i.ID == k.Indicator && i.Verifier != tc.scope.Verifier {
					t.Errorf("%s: %v is not checked by %s", tc.name, k, tc.scope.Verifier)
				}
			}
		}
	}
	keys, _ := BatchTargets(c, BatchScope{Measure: Digital, Verifier: VerifierTelecom})
	if keys[0] != (FigureKey{UnitCode: "370100", Measure: Digital, Indicator: "dig.gigabit", Year: 2020}) || keys[1].Year != 2021 {
		t.Errorf("not in table order: %v", keys[:2])
	}
}

func TestDocNoExample(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{"440000", "粤统函〔2022〕9号"}, {"450000", "桂统函〔2022〕9号"}, {"110000", "京统函〔2022〕9号"},
		{BingtuanCode, "兵统函〔2022〕9号"}, {"150000", "内统函〔2022〕9号"}, {"999999", "××统函〔2022〕9号"},
	} {
		if got := DocNoExample(c.code, "统函", 2022, 9); got != c.want {
			t.Errorf("%s: %s, want %s", c.code, got, c.want)
		}
	}
	if len(provinceAbbrev) != 32 {
		t.Errorf("%d recommending units, want 31 provinces and 兵团", len(provinceAbbrev))
	}
}
