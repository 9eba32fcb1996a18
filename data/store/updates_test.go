package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tuijian/forms"
)

// Issue 13: field-level updates keep what they are not given, on a real file; the
// verification of a figure returns to 未审核 only when its value changes.
func TestFieldLevelUpdates(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "u.db"))
	defer s.Close()
	setup(t, s)
	k := forms.FigureKey{UnitCode: "370200", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021}
	str := func(v string) *string { return &v }
	steps := []func(tx *Tx) error{
		func(tx *Tx) error { return tx.SetCandidate(forms.Industry, "370200", true) },
		func(tx *Tx) error {
			return tx.UpdateFigure(FigureUpdate{FigureKey: k, Text: str("8.1"), Remark: str("快报"), Source: str("公报")})
		},
		func(tx *Tx) error {
			return tx.SetVerification(Verification{FigureKey: k, State: forms.Verified, By: "省统计局", At: "2022-02-01", DocNo: "鲁统函〔2022〕1号"})
		},
		func(tx *Tx) error { return tx.UpdateFigure(FigureUpdate{FigureKey: k, Remark: str("年报")}) },
		func(tx *Tx) error {
			return tx.UpdateProvinceFigure(forms.Industry, "ind.va_growth", 2021, str("7.2"), str("省公报"))
		},
		func(tx *Tx) error {
			return tx.UpdateProvinceFigure(forms.Industry, "ind.va_growth", 2021, str("7.3"), nil)
		},
	}
	for i, step := range steps {
		if err := s.Update("步骤", step); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	c, err := s.Case()
	if err != nil {
		t.Fatal(err)
	}
	f, _ := c.Figure(k)
	if f.Value.A != 8.1 || f.Remark != "年报" || f.Source != "公报" || f.State != forms.Verified {
		t.Errorf("figure after a remark-only update: %+v", f)
	}
	if len(c.Province3) != 1 || c.Province3[0].Value.A != 7.3 || c.Province3[0].Source != "省公报" {
		t.Errorf("province figure after a value-only update: %+v", c.Province3)
	}
	if err := s.Update("改值", func(tx *Tx) error { return tx.UpdateFigure(FigureUpdate{FigureKey: k, Text: str("8.2")}) }); err != nil {
		t.Fatal(err)
	}
	c, _ = s.Case()
	if f, _ := c.Figure(k); f.State != forms.Unverified || f.Remark != "年报" {
		t.Errorf("a changed value keeps its verification or loses its remark: %+v", f)
	}
	// Messages name the unit and the indicator.
	err = s.Update("审核", func(tx *Tx) error {
		return tx.SetVerification(Verification{FigureKey: forms.FigureKey{UnitCode: "370200", Measure: forms.Industry, Indicator: "ind.mfg_share", Year: 2021},
			State: forms.Verified, By: "省统计局", DocNo: "x", At: "2022年2月1日"})
	})
	if err == nil || !strings.Contains(err.Error(), "青岛市 2021年“制造业增加值占地区国内生产总值比重（%）”尚未填写数值") {
		t.Errorf("message: %v", err)
	}
}

// Issue 20 point 6: the data file is the user's only.
func TestDataFilePrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Tuijian")
	s := open(t, filepath.Join(dir, "p.db"))
	defer s.Close()
	for p, want := range map[string]os.FileMode{dir: 0o700, filepath.Join(dir, "p.db"): 0o600} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s mode %v, want %v", p, st.Mode().Perm(), want)
		}
	}
	var sync int
	if err := s.db.QueryRow("PRAGMA synchronous").Scan(&sync); err != nil || sync != 2 {
		t.Errorf("synchronous = %d (%v), want 2 (FULL): 已保存 means on disk", sync, err)
	}
}

// Undo (issue 14 point 3): a figure comes back as it was, verification included, and
// a figure that did not exist is removed; both are in the history.
func TestRestoreFigure(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "r.db"))
	defer s.Close()
	setup(t, s)
	k := forms.FigureKey{UnitCode: "370200", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021}
	str := func(v string) *string { return &v }
	must := func(what string, f func(tx *Tx) error) {
		t.Helper()
		if err := s.Update(what, f); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	must("候选", func(tx *Tx) error { return tx.SetCandidate(forms.Industry, "370200", true) })
	must("填写", func(tx *Tx) error {
		return tx.UpdateFigure(FigureUpdate{FigureKey: k, Text: str("8.1"), Remark: str("快报")})
	})
	must("审核", func(tx *Tx) error {
		return tx.SetVerification(Verification{FigureKey: k, State: forms.Verified, By: "省统计局 王五", At: "2022-02-01", DocNo: "鲁统函〔2022〕1号"})
	})
	c, _ := s.Case()
	before, _ := c.Figure(k)
	must("改值", func(tx *Tx) error { return tx.UpdateFigure(FigureUpdate{FigureKey: k, Text: str("9")}) })
	c, _ = s.Case()
	if f, _ := c.Figure(k); f.State != forms.Unverified {
		t.Fatalf("edit kept the verification: %+v", f)
	}
	must("撤销", func(tx *Tx) error { return tx.RestoreFigure(before, true) })
	c, _ = s.Case()
	if f, _ := c.Figure(k); f != before {
		t.Errorf("restored %+v, want %+v", f, before)
	}
	k2 := k
	k2.Indicator = "ind.mfg_share"
	must("新填", func(tx *Tx) error { return tx.UpdateFigure(FigureUpdate{FigureKey: k2, Text: str("30")}) })
	must("撤销新填", func(tx *Tx) error { return tx.RestoreFigure(forms.Figure{FigureKey: k2}, false) })
	c, _ = s.Case()
	if _, ok := c.Figure(k2); ok {
		t.Error("an undone new figure is still there")
	}
	a, err := s.Audit(AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var undone int
	for _, e := range a {
		if e.Note == "撤销" || e.Note == "撤销新填" {
			undone++
		}
	}
	if undone < 2 {
		t.Errorf("undo not in the history: %d entries", undone)
	}
	if err := s.Update("坏", func(tx *Tx) error {
		return tx.RestoreFigure(forms.Figure{FigureKey: forms.FigureKey{UnitCode: "370200", Measure: forms.Industry, Indicator: "nope", Year: 2021}}, true)
	}); err == nil {
		t.Error("an unknown indicator restored")
	}
}
