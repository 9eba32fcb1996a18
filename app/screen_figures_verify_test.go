package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
)

// newProvinceShell is the shell over a fresh case of a real province (not the demo):
// its settings and the given candidates, no figures yet.
func newProvinceShell(t *testing.T, code string, cands map[forms.MeasureID][]string) *shellHarness {
	t.Helper()
	return newShellOver(t, func(path string) (*store.Store, error) {
		st, err := store.Open(path)
		if err != nil {
			return nil, err
		}
		st.Now = func() time.Time { return testNow }
		err = st.Update("设置", func(tx *store.Tx) error {
			if err := tx.SetSettings(forms.Settings{ProvinceCode: code, Year: 2021, Department: forms.RecommendingBodies[code]}); err != nil {
				return err
			}
			for m, units := range cands {
				for _, u := range units {
					if err := tx.SetCandidate(m, u, true); err != nil {
						return err
					}
				}
			}
			return nil
		})
		return st, err
	})
}

// stripeOf is the colour of a cell's verification stripe as drawn.
func stripeOf(t *testing.T, p *figurePage, c gridCell) string {
	t.Helper()
	p.grid.table.ScrollTo(widget.TableCellID{Row: c.Row + 1, Col: c.Col})
	p.grid.table.Refresh()
	e := p.grid.entries[c]
	if e == nil {
		t.Fatalf("cell %v not drawn", c)
	}
	var box *fyne.Container
	walkObjects(t, p.grid.table, func(o fyne.CanvasObject) {
		if b, ok := o.(*fyne.Container); ok && len(b.Objects) == 3 && b.Objects[1] == fyne.CanvasObject(e) {
			box = b
		}
	})
	if box == nil {
		t.Fatalf("no cell object for %v", c)
	}
	col := gridStripe(box).FillColor
	for _, n := range []fyne.ThemeColorName{theme.ColorNameSuccess, theme.ColorNameError, theme.ColorNameWarning} {
		if col == (Theme{}).Color(n, theme.VariantLight) {
			return string(n)
		}
	}
	return "none"
}

// Issue 14 points 3 and 4 over real cases: a province's candidates (1–3, long names of
// 自治州, 直辖市 districts, 兵团 cities), the 通信管理局's figures typed, then its reply
// recorded for every city in one action, shown by the stripes, undone in one step;
// placeholders with the province's short name; a measure left empty says why there is
// nothing to verify.
func TestFiguresBatchVerifyProvinces(t *testing.T) {
	cases := []struct {
		name   string
		code   string
		abbrev string
		dig    []string
		ind    []string
	}{
		{"广东三市", "440000", "粤", []string{"440100", "440300", "440400"}, []string{"440200"}},
		{"新疆自治州", "650000", "新", []string{"653000", "652800"}, nil},
		{"北京一区", "110000", "京", []string{"110105"}, []string{"110101", "110102"}},
		{"兵团", "660000", "兵", []string{"659001", "659003"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newProvinceShell(t, tc.code, map[forms.MeasureID][]string{forms.Digital: tc.dig, forms.Industry: tc.ind})
			_, p := figuresPage(t, h, forms.Digital)
			if got, want := p.grid.m.Cols(), 1+2*(1+len(tc.dig)); got != want {
				t.Fatalf("%d columns, want %d", got, want)
			}
			if !strings.Contains(p.doc.PlaceHolder, tc.abbrev+"统函") {
				t.Errorf("document placeholder %q is not the province's (%s)", p.doc.PlaceHolder, tc.abbrev)
			}
			var cells []gridCell
			n := 0
			for _, u := range tc.dig {
				for _, ind := range []string{"dig.gigabit", "dig.bs5g"} {
					for _, y := range []int{2020, 2021} {
						c, ok := p.cellOf(u, ind, y)
						if !ok {
							t.Fatalf("no cell %s %s %d", u, ind, y)
						}
						n++
						h.typeCell(p.grid, c, fmt.Sprintf("%d.5", 20+n))
						h.win.Canvas().Unfocus()
						cells = append(cells, c)
					}
				}
			}
			if top := h.win.Canvas().Overlays().Top(); top != nil {
				t.Fatal("typing unverified figures asked a question")
			}
			if got := stripeOf(t, p, cells[0]); got != string(theme.ColorNameWarning) {
				t.Errorf("typed, unverified figure has stripe %s", got)
			}
			audit0, _ := h.sh.Store().Audit(store.AuditFilter{})

			b := batchVerifyDialog(p)
			if b == nil {
				t.Fatal("no batch dialog")
			}
			// Only the 通信管理局's figures are typed: its reply is the one offered.
			if b.verifier.Selected != string(forms.VerifierTelecom) {
				t.Errorf("verifier %q offered, want the one with figures to verify", b.verifier.Selected)
			}
			if want := fmt.Sprintf("将记录 %d 个数值", 4*len(tc.dig)); !strings.Contains(b.count.Text, want) {
				t.Fatalf("count %q, want %q", b.count.Text, want)
			}
			if !strings.Contains(b.doc.PlaceHolder, tc.abbrev+"通信管理局函") {
				t.Errorf("batch placeholder %q", b.doc.PlaceHolder)
			}
			// Missing fields are refused in the form, nothing written.
			test.Tap(findButton(t, h.win.Canvas().Overlays().Top(), "记录审核"))
			if !b.problem.Visible() || h.win.Canvas().Overlays().Top() == nil {
				t.Fatal("an empty verifier was accepted")
			}
			if a, _ := h.sh.Store().Audit(store.AuditFilter{}); len(a) != len(audit0) {
				t.Fatal("a refused batch wrote to the history")
			}
			b.by.SetText("省通信管理局 李四")
			b.at.SetText("2022年2月7日")
			b.doc.SetText(tc.abbrev + "通信管理局函〔2022〕3号")
			test.Tap(findButton(t, h.win.Canvas().Overlays().Top(), "记录审核"))
			if top := h.win.Canvas().Overlays().Top(); top != nil {
				t.Fatalf("dialog still open: %s", b.problem.Text)
			}
			c := h.caseNow()
			for _, u := range tc.dig {
				for _, ind := range []string{"dig.gigabit", "dig.bs5g"} {
					for _, y := range []int{2020, 2021} {
						f, _ := c.Figure(forms.FigureKey{UnitCode: u, Measure: forms.Digital, Indicator: ind, Year: y})
						if f.State != forms.Verified || f.VerifiedAt != "2022-02-07" || f.VerifyDocNo != tc.abbrev+"通信管理局函〔2022〕3号" {
							t.Fatalf("%s %s %d not verified: %+v", u, ind, y, f)
						}
					}
				}
			}
			if a, _ := h.sh.Store().Audit(store.AuditFilter{}); len(a) == len(audit0) {
				t.Fatal("the batch left no history")
			}
			if !strings.Contains(p.status.Text, fmt.Sprintf("已记录：%d 个数值", 4*len(tc.dig))) {
				t.Errorf("status %q", p.status.Text)
			}
			if got := stripeOf(t, p, cells[len(cells)-1]); got != string(theme.ColorNameSuccess) {
				t.Errorf("verified figure has stripe %s", got)
			}
			// One 撤销 takes the whole batch back.
			test.Tap(p.undoBt)
			c = h.caseNow()
			for _, cell := range cells {
				k, _ := p.key(cell)
				if f, _ := c.Figure(k); f.State == forms.Verified {
					t.Fatalf("undo left %v verified", k)
				}
			}
			if got := stripeOf(t, p, cells[0]); got != string(theme.ColorNameWarning) {
				t.Errorf("after undo the stripe is %s", got)
			}

			// The industry measure: empty, or 统计局's figures not typed yet.
			_, pi := figuresPage(t, h, forms.Industry)
			errs0 := len(h.win.Canvas().Overlays().List())
			bi := batchVerifyDialog(pi)
			if len(tc.ind) == 0 {
				if bi != nil {
					t.Fatal("a batch dialog for a measure without candidates")
				}
				if top := h.win.Canvas().Overlays().Top(); top == nil || !showsText(t, top, "尚无候选市") {
					t.Fatal("no message for the empty measure")
				}
				return
			}
			if bi == nil || len(h.win.Canvas().Overlays().List()) != errs0+1 {
				t.Fatal("no batch dialog for the industry measure")
			}
			if !strings.Contains(bi.count.Text, "将记录 0 个数值") || !strings.Contains(bi.count.Text, "尚未填写") {
				t.Errorf("count for untyped figures %q", bi.count.Text)
			}
		})
	}
}

// Issue 14 point 3: an edit of an 已审核 figure asks first; 保留 keeps value and
// verification, 修改 changes it to 未审核; Ctrl+Z in the clean cell and 撤销 put the
// verified value back with its verification.
func TestFiguresVerifiedEditAsksAndUndoes(t *testing.T) {
	h := newShellHarness(t, true)
	_, p := figuresPage(t, h, forms.Industry)
	c, _ := p.cellOf("370600", "ind.va_growth", 2021)
	k := forms.FigureKey{UnitCode: "370600", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021}
	before, _ := h.caseNow().Figure(k)
	if before.State != forms.Verified {
		t.Fatal("the demo's figure should be 已审核")
	}
	if got := stripeOf(t, p, c); got != string(theme.ColorNameSuccess) {
		t.Errorf("verified stripe %s", got)
	}

	// 保留审核过的值
	h.typeCell(p.grid, c, "1.5")
	h.win.Canvas().Unfocus()
	top := h.win.Canvas().Overlays().Top()
	if top == nil || !showsText(t, top, "修改已审核的数据") || !showsText(t, top, before.VerifyDocNo) {
		t.Fatal("no question naming the 文号 before editing a verified figure")
	}
	test.Tap(findButton(t, top, "保留审核过的值"))
	if f, _ := h.caseNow().Figure(k); !f.Value.Equal(before.Value) || f.State != forms.Verified {
		t.Fatalf("kept: %+v", f)
	}
	if got := p.text(c); got != before.Value.Format(p.measure().Indicators[c.Row].Kind) {
		t.Fatalf("cell shows %q after keeping", got)
	}

	// 修改并重新审核
	h.typeCell(p.grid, c, "1.5")
	h.win.Canvas().Unfocus()
	test.Tap(findButton(t, h.win.Canvas().Overlays().Top(), "修改并重新审核"))
	if f, _ := h.caseNow().Figure(k); f.Value.A != 1.5 || f.State != forms.Unverified {
		t.Fatalf("changed: %+v", f)
	}
	if !strings.Contains(p.status.Text, "已保存") {
		t.Errorf("no notice after the save: %q", p.status.Text)
	}
	if got := stripeOf(t, p, c); got != string(theme.ColorNameWarning) {
		t.Errorf("changed stripe %s", got)
	}
	if p.undoBt.Disabled() {
		t.Error("撤销 disabled after a change")
	}

	// Ctrl+Z in the clean cell restores value and verification exactly.
	if !p.grid.focusCell(c) {
		t.Fatal("cannot focus")
	}
	h.focused().(*cellEntry).TypedShortcut(&fyne.ShortcutUndo{})
	after, _ := h.caseNow().Figure(k)
	if !after.Value.Equal(before.Value) || after.State != forms.Verified || after.VerifyDocNo != before.VerifyDocNo || after.VerifiedAt != before.VerifiedAt || after.VerifiedBy != before.VerifiedBy {
		t.Fatalf("undo restored %+v, want %+v", after, before)
	}
	if !strings.Contains(p.status.Text, "已撤销") {
		t.Errorf("status after undo %q", p.status.Text)
	}
	entries, _ := h.sh.Store().Audit(store.AuditFilter{})
	found := false
	for _, e := range entries {
		found = found || strings.HasPrefix(e.Note, "撤销：")
	}
	if !found {
		t.Error("the undo is not in the history")
	}
	// Nothing left: the button is off, Ctrl+Z says so and changes nothing.
	if !p.undoBt.Disabled() {
		t.Error("撤销 enabled with nothing to undo")
	}
	h.focused().(*cellEntry).TypedShortcut(&fyne.ShortcutUndo{})
	if !strings.Contains(p.status.Text, "没有可撤销") {
		t.Errorf("status %q", p.status.Text)
	}
	if f, _ := h.caseNow().Figure(k); !f.Value.Equal(before.Value) || f.State != forms.Verified {
		t.Fatalf("an empty undo changed %+v", f)
	}
}

// While typing, Ctrl+Z undoes the typing in the entry, not the screen's last change.
func TestFiguresCtrlZWhileTypingStaysInTheCell(t *testing.T) {
	h := newShellHarness(t, true)
	_, p := figuresPage(t, h, forms.Industry)
	c, _ := p.cellOf("", "ind.va_growth", 2021)
	h.typeCell(p.grid, c, "9.9")
	h.win.Canvas().Unfocus()
	k := forms.FigureKey{Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021}
	h.typeCell(p.grid, c, "7")
	h.focused().(*cellEntry).TypedShortcut(&fyne.ShortcutUndo{})
	if got := p.text(c); got != "9.9" {
		t.Fatalf("the screen's change was undone while typing (province value %q, %v)", got, k)
	}
}
