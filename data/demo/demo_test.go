package demo

import (
	"path/filepath"
	"testing"
	"time"

	"tuijian/data/store"
	"tuijian/forms"
)

func TestDemoIsCompleteCase(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := Fill(s); err != nil {
		t.Fatal(err)
	}
	c, err := s.Case()
	if err != nil {
		t.Fatal(err)
	}
	if !c.Settings.Demo {
		t.Fatal("demo settings not marked as demo")
	}
	now := time.Now()
	if b := forms.Blockers(forms.Preflight(c, now)); len(b) > 0 {
		for _, i := range b {
			t.Errorf("blocker: %s %s", i.Field, i.Message)
		}
	}
	if len(c.Industries) == 0 {
		t.Error("demo has no 主导产业 rows")
	}
	for _, li := range c.Industries {
		if li.State != forms.Verified || li.VerifyDocNo == "" {
			t.Errorf("demo 主导产业 row %s/%d not verified: %+v", li.UnitCode, li.Row, li)
		}
	}
	ex := c.Exclusions(now)
	if len(ex["370300"]) == 0 {
		t.Errorf("淄博 should be excluded by its 2020 accident: %v", ex)
	}
	if len(ex["370600"]) != 0 {
		t.Errorf("烟台's 2018 event is outside the window but excluded: %v", ex["370600"])
	}
	for _, m := range []forms.MeasureID{forms.Industry, forms.Digital} {
		ch, ok := c.Choice(m)
		if !ok || ch.UnitCode != Candidates[m][0] {
			t.Errorf("%s: choice %+v", m, ch)
		}
	}
	if err := Fill(s); err == nil {
		t.Error("filling a used store succeeded")
	}
}

// A demo case for other recommending units passes the pre-flight too: 广西 (自治区),
// 北京 (districts), 兵团 (its cities), with 1–3 candidates and a measure left empty.
func TestDemoForOtherProvinces(t *testing.T) {
	day := time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		code  string
		cands map[forms.MeasureID][]string
		abbr  string
	}{
		{"450000", map[forms.MeasureID][]string{forms.Industry: {"450100", "450200", "451000"}, forms.Digital: {"450200"}}, "桂"},
		{"110000", map[forms.MeasureID][]string{forms.Industry: {"110108"}}, "京"},
		{"660000", map[forms.MeasureID][]string{forms.Digital: {"659001", "659002"}}, "兵"},
	} {
		s, err := store.Open(filepath.Join(t.TempDir(), c.code+".db"))
		if err != nil {
			t.Fatal(err)
		}
		s.Now = func() time.Time { return day }
		if err := FillProvince(s, day, c.code, c.cands); err != nil {
			t.Fatalf("%s: %v", c.code, err)
		}
		cs, _ := s.Case()
		for _, i := range forms.Blockers(forms.Preflight(cs, day)) {
			t.Errorf("%s: blocker %s", c.code, i.Message)
		}
		for m, codes := range c.cands {
			if ch, ok := cs.Choice(m); !ok || ch.UnitCode != codes[0] {
				t.Errorf("%s %s: choice %+v", c.code, m, ch)
			}
		}
		if a := cs.Approval(forms.Industry); len(c.cands[forms.Industry]) > 0 && a.GovDocNo != c.abbr+"政演字〔2022〕8号" {
			t.Errorf("%s: approval %+v", c.code, a)
		}
		s.Close()
	}
}
