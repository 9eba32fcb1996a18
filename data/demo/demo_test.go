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
	for _, m := range forms.MeasureIDs {
		ch, ok := c.Choice(m)
		if !ok || ch.UnitCode != Candidates[m][0] {
			t.Errorf("%s: choice %+v", m, ch)
		}
	}
	if err := Fill(s); err == nil {
		t.Error("filling a used store succeeded")
	}
}
