package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tuijian/data/store"
	"tuijian/forms"
)

func figuresPage(t *testing.T, h *shellHarness, m forms.MeasureID) (*figuresScreen, *figurePage) {
	t.Helper()
	h.sh.Show(forms.StepFigures, "")
	s := h.sh.Screen(forms.StepFigures).(*figuresScreen)
	for _, p := range s.pages {
		if p.mid == m {
			s.tabs.Select(s.tabOf[m])
			return s, p
		}
	}
	t.Fatalf("no page for %s", m)
	return nil, nil
}

// confirmEdit answers 修改并重新审核 when an edit of an 已审核 figure asks.
func (h *shellHarness) confirmEdit() {
	h.t.Helper()
	if top := h.win.Canvas().Overlays().Top(); top != nil && showsText(h.t, top, "修改已审核的数据") {
		test.Tap(findButton(h.t, top, "修改并重新审核"))
	}
}

// typeCell focuses a cell, clears it and types text (the officer's keystrokes).
func (h *shellHarness) typeCell(g *entryGrid, c gridCell, text string) *cellEntry {
	h.t.Helper()
	if !g.focusCell(c) {
		h.t.Fatalf("cell %v cannot be focused", c)
	}
	e := h.focused().(*cellEntry)
	e.SetText("")
	test.Type(e, text)
	return e
}

func TestFiguresTypingSavesOnEnterAndMoves(t *testing.T) {
	h := newShellHarness(t, true)
	_, p := figuresPage(t, h, forms.Industry)
	c, ok := p.cellOf("370200", "ind.va_growth", 2021)
	if !ok {
		t.Fatal("no cell for 青岛 2021")
	}
	e := h.typeCell(p.grid, c, "１２．５%")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.confirmEdit() // the demo's figure is 已审核
	k := forms.FigureKey{UnitCode: "370200", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021}
	f, _ := h.caseNow().Figure(k)
	if f.Value.A != 12.5 || f.Value.Missing {
		t.Fatalf("stored %+v, want 12.5", f.Value)
	}
	if f.State != forms.Unverified {
		t.Fatalf("a changed value stays %s", f.State)
	}
	// Enter moved down one row.
	if got := p.grid.cellOf[h.focused().(*cellEntry)]; got != (gridCell{c.Row + 1, c.Col}) {
		t.Fatalf("after Enter focus is on %v", got)
	}
	// Tab moves right and saves on leaving.
	e = h.typeCell(p.grid, c, "13")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if got := p.grid.cellOf[h.focused().(*cellEntry)]; got != (gridCell{c.Row, c.Col + 1}) {
		t.Fatalf("after Tab focus is on %v", got)
	}
	f, _ = h.caseNow().Figure(k)
	if f.Value.A != 13 {
		t.Fatalf("Tab did not save: %+v", f.Value)
	}
	// Shift-Tab moves back.
	e = h.focused().(*cellEntry)
	e.KeyDown(&fyne.KeyEvent{Name: "LeftShift"})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if got := p.grid.cellOf[h.focused().(*cellEntry)]; got != c {
		t.Fatalf("after Shift-Tab focus is on %v", got)
	}
	// Up arrow moves up.
	h.focused().(*cellEntry).TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if got := p.grid.cellOf[h.focused().(*cellEntry)]; c.Row > 0 && got != (gridCell{c.Row - 1, c.Col}) {
		t.Fatalf("after ↑ focus is on %v", got)
	}
	// The navigation badge follows: the demo figure was verified, now it is not.
	if b, _ := h.sh.stepBadge(forms.StepFigures); !strings.HasPrefix(b, "阻断") {
		t.Fatalf("figures badge %q after un-verifying a figure of the chosen city", b)
	}
}

func TestFiguresInvalidValueNotWritten(t *testing.T) {
	h := newShellHarness(t, true)
	_, p := figuresPage(t, h, forms.Industry)
	c, _ := p.cellOf("370200", "ind.mfg_share", 2020)
	k := forms.FigureKey{UnitCode: "370200", Measure: forms.Industry, Indicator: "ind.mfg_share", Year: 2020}
	before, _ := h.caseNow().Figure(k)
	audit0, _ := h.sh.Store().Audit(store.AuditFilter{})
	e := h.typeCell(p.grid, c, "120")
	h.win.Canvas().Unfocus()
	after, _ := h.caseNow().Figure(k)
	if !after.Value.Equal(before.Value) {
		t.Fatalf("invalid share written: %+v", after.Value)
	}
	audit1, _ := h.sh.Store().Audit(store.AuditFilter{})
	if len(audit1) != len(audit0) {
		t.Fatal("an invalid value left an audit entry")
	}
	if !strings.Contains(p.status.Text, "0 到 100") || !strings.Contains(p.status.Text, "青岛市") {
		t.Fatalf("status %q does not explain the error", p.status.Text)
	}
	if e.Text != "120" {
		t.Fatalf("the cell lost the typed text: %q", e.Text)
	}
	if _, bad := p.grid.invalid[c]; !bad {
		t.Fatal("cell not marked invalid")
	}
	// Correcting it saves and clears the mark.
	h.typeCell(p.grid, c, "35.5")
	h.win.Canvas().Unfocus()
	h.confirmEdit()
	after, _ = h.caseNow().Figure(k)
	if after.Value.A != 35.5 {
		t.Fatalf("corrected value not stored: %+v", after.Value)
	}
	if _, bad := p.grid.invalid[c]; bad {
		t.Fatal("cell still marked invalid")
	}
}

func TestFiguresRemarkSourceVerification(t *testing.T) {
	h := newShellHarness(t, true)
	_, p := figuresPage(t, h, forms.Industry)
	c, _ := p.cellOf("370600", "ind.little_giants", 2021)
	h.typeCell(p.grid, c, "")
	h.win.Canvas().Unfocus()
	p.showDetail(c)
	h.typeInto(p.remark, "当年无认定")
	h.win.Canvas().Unfocus()
	k := forms.FigureKey{UnitCode: "370600", Measure: forms.Industry, Indicator: "ind.little_giants", Year: 2021}
	f, _ := h.caseNow().Figure(k)
	if !f.Value.Missing || f.Remark != "当年无认定" {
		t.Fatalf("stored %+v", f)
	}
	// Verification of a statistical figure: 已审核 needs who and document number.
	c, _ = p.cellOf("370600", "ind.va_growth", 2020)
	h.typeCell(p.grid, c, "7.5")
	h.win.Canvas().Unfocus()
	h.confirmEdit()
	p.showDetail(c)
	p.state.SetSelected(string(forms.Verified))
	p.by.SetText("")
	p.doc.SetText("")
	test.Tap(p.verify)
	if p.detailErr.Text == "" {
		t.Fatal("no message for 已审核 without who/document")
	}
	h.typeInto(p.by, "省统计局 王五")
	h.typeInto(p.at, "2022-01-20")
	h.typeInto(p.doc, "鲁统函〔2022〕5号")
	test.Tap(p.verify)
	k = forms.FigureKey{UnitCode: "370600", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2020}
	f, _ = h.caseNow().Figure(k)
	if f.State != forms.Verified || f.VerifyDocNo != "鲁统函〔2022〕5号" || f.VerifiedBy != "省统计局 王五" {
		t.Fatalf("verification stored %+v (%s)", f, p.detailErr.Text)
	}
}

func TestFiguresProvinceValue(t *testing.T) {
	h := newShellHarness(t, true)
	_, p := figuresPage(t, h, forms.Digital)
	c, _ := p.cellOf("", "dig.gigabit", 2021)
	h.typeCell(p.grid, c, "101.5")
	h.win.Canvas().Unfocus()
	for _, f := range h.caseNow().Province3 {
		if f.Indicator == "dig.gigabit" && f.Year == 2021 && f.Value.A != 101.5 {
			t.Fatalf("province value %+v", f.Value)
		}
	}
}

func TestFiguresIndustryTable(t *testing.T) {
	h := newShellHarness(t, true)
	s, _ := figuresPage(t, h, forms.Industry)
	s.tabs.Select(s.indTab)
	p := s.industry
	p.selectUnit("370600")
	row := p.rows() - 1 // the empty row
	// A figure before the name is refused.
	h.typeCell(p.grid, gridCell{row, 2}, "12")
	h.win.Canvas().Unfocus()
	if !strings.Contains(p.status.Text, "名称") {
		t.Fatalf("status %q", p.status.Text)
	}
	h.typeCell(p.grid, gridCell{row, 1}, "海洋装备")
	h.win.Canvas().Unfocus()
	h.typeCell(p.grid, gridCell{row, 3}, "-2.5")
	h.win.Canvas().Unfocus()
	var got *forms.LeadingIndustry
	for _, li := range h.caseNow().Industries {
		if li.UnitCode == "370600" && li.Row == row+1 {
			li := li
			got = &li
		}
	}
	if got == nil || got.Name != "海洋装备" || got.Growth.A != -2.5 {
		t.Fatalf("industry row %+v", got)
	}
}

func TestFiguresLeavingTheScreenCommits(t *testing.T) {
	h := newShellHarness(t, true)
	_, p := figuresPage(t, h, forms.Digital)
	c, _ := p.cellOf("371000", "dig.bs5g", 2020)
	h.typeCell(p.grid, c, "23.5")
	h.sh.Show(forms.StepCandidates, "")
	// The demo's figure is 已审核: one question, the shell's, before leaving.
	top := h.win.Canvas().Overlays().Top()
	if top == nil || !showsText(t, top, "有未保存的修改") || len(h.win.Canvas().Overlays().List()) != 1 {
		t.Fatalf("leaving with an unconfirmed edit of a verified figure does not ask once")
	}
	test.Tap(findButton(t, top, "保存"))
	f, _ := h.caseNow().Figure(forms.FigureKey{UnitCode: "371000", Measure: forms.Digital, Indicator: "dig.bs5g", Year: 2020})
	if f.Value.A != 23.5 || h.sh.current != forms.StepCandidates {
		t.Fatalf("typed value lost when leaving the screen: %+v (on %s)", f.Value, h.sh.current)
	}
	// A figure that needs no verification (the province's) is saved on leaving
	// without a question.
	_, p = figuresPage(t, h, forms.Digital)
	c, _ = p.cellOf("", "dig.bs5g", 2021)
	h.typeCell(p.grid, c, "24")
	h.sh.Show(forms.StepCandidates, "")
	if h.win.Canvas().Overlays().Top() != nil {
		t.Fatal("asked about the province's figure")
	}
	_, p = figuresPage(t, h, forms.Digital)
	if got := p.text(c); got != "24" {
		t.Fatalf("province value lost: %q", got)
	}
}

func TestFiguresVerificationSavedWhenLeft(t *testing.T) {
	h := newShellHarness(t, true)
	_, p := figuresPage(t, h, forms.Industry)
	c1, _ := p.cellOf("370600", "ind.va_growth", 2020)
	c2, _ := p.cellOf("370600", "ind.va_growth", 2021)
	k := forms.FigureKey{UnitCode: "370600", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2020}
	h.typeCell(p.grid, c1, "7.5")
	h.win.Canvas().Unfocus()
	h.confirmEdit()
	if !p.grid.focusCell(c1) || p.cur != c1 {
		t.Fatalf("cell %v not selected (cur %v)", c1, p.cur)
	}
	h.typeInto(p.by, "省统计局 王五")
	h.typeInto(p.doc, "鲁统函〔2022〕7号")
	p.state.SetSelected(string(forms.Verified)) // as chosen from the list
	h.typeInto(p.at, "2022-01-20")
	if !p.grid.focusCell(c2) || p.cur != c2 {
		t.Fatalf("cell %v not selected", c2)
	}
	f, _ := h.caseNow().Figure(k)
	if f.State != forms.Verified || f.VerifiedBy != "省统计局 王五" || f.VerifyDocNo != "鲁统函〔2022〕7号" || f.VerifiedAt != "2022-01-20" {
		t.Fatalf("verification not saved on leaving: %+v (%s)", f, p.detailErr.Text)
	}
	if p.detailErr.Visible() {
		t.Errorf("message after saving: %s", p.detailErr.Text)
	}

	// An invalid date: the message stays after the move, the store is unchanged.
	audit0, _ := h.sh.Store().Audit(store.AuditFilter{})
	p.grid.focusCell(c1)
	if p.at.Text != "2022-01-20" {
		t.Fatalf("stored date not shown: %q", p.at.Text)
	}
	h.typeInto(p.at, "2022-2-30")
	p.grid.focusCell(c2)
	if !p.detailErr.Visible() || !strings.Contains(p.detailErr.Text, "2022-2-30”不存在") || !strings.Contains(p.detailErr.Text, "审核未保存") {
		t.Errorf("message %q (visible %v)", p.detailErr.Text, p.detailErr.Visible())
	}
	if f, _ := h.caseNow().Figure(k); f.VerifiedAt != "2022-01-20" {
		t.Errorf("invalid date written: %+v", f)
	}
	if audit1, _ := h.sh.Store().Audit(store.AuditFilter{}); len(audit1) != len(audit0) {
		t.Errorf("audit grew by %d", len(audit1)-len(audit0))
	}

	// A selection changed without the focus (e.g. from the pre-flight) keeps the text too.
	p.showDetail(c1)
	p.doc.SetText("鲁统函〔2022〕8号")
	p.showDetail(c2)
	if f, _ := h.caseNow().Figure(k); f.VerifyDocNo != "鲁统函〔2022〕8号" {
		t.Errorf("document number not saved on selection change: %+v", f)
	}
}

// The 主导产业 tab shows each row's verification state and records the verification of
// the selected row like a figure's: 已审核 needs who and document number; a changed
// figure returns the row to 未审核.
func TestFiguresIndustryVerification(t *testing.T) {
	h := newShellHarness(t, true)
	s, _ := figuresPage(t, h, forms.Industry)
	s.tabs.Select(s.indTab)
	p := s.industry
	p.selectUnit("370600")
	stored := func() forms.LeadingIndustry {
		t.Helper()
		for _, li := range h.caseNow().Industries {
			if li.UnitCode == "370600" && li.Row == 1 {
				return li
			}
		}
		t.Fatal("烟台 row 1 missing")
		return forms.LeadingIndustry{}
	}
	if l := p.rowLabel(0); l != "第 1 行 · 已审核" {
		t.Errorf("row label %q", l)
	}
	if l := p.rowLabel(p.rows() - 1); l != fmt.Sprintf("第 %d 行", p.rows()) {
		t.Errorf("empty row label %q", l)
	}
	if !p.grid.focusCell(gridCell{0, 2}) || p.cur != 0 {
		t.Fatalf("row 1 not selected (cur %d)", p.cur)
	}
	if !strings.Contains(p.title.Text, "第 1 行“绿色化工（演示）”") || p.state.Selected != string(forms.Verified) || p.doc.Text != "鲁统演函〔2022〕5号" || p.verify.Disabled() {
		t.Fatalf("detail of row 1: %q %q %q disabled=%v", p.title.Text, p.state.Selected, p.doc.Text, p.verify.Disabled())
	}
	// Editing a figure of the verified row returns it to 未审核.
	h.typeCell(p.grid, gridCell{0, 3}, "8.4")
	h.win.Canvas().Unfocus()
	if li := stored(); li.State != forms.Unverified || li.Growth.A != 8.4 {
		t.Fatalf("edited row %+v", li)
	}
	if l := p.rowLabel(0); l != "第 1 行 · 未审核" || p.state.Selected != string(forms.Unverified) {
		t.Errorf("after the edit: label %q, state %q", l, p.state.Selected)
	}
	// 已审核 without who and document is refused and shown.
	p.grid.focusCell(gridCell{0, 1})
	p.state.SetSelected(string(forms.Verified))
	if !p.detailErr.Visible() || !strings.Contains(p.detailErr.Text, "审核未保存") || !strings.Contains(p.detailErr.Text, "文号") {
		t.Errorf("message %q (visible %v)", p.detailErr.Text, p.detailErr.Visible())
	}
	if li := stored(); li.State != forms.Unverified {
		t.Fatalf("refused verification written: %+v", li)
	}
	h.typeInto(p.by, "省统计局 王五")
	h.typeInto(p.at, "2022-01-20")
	h.typeInto(p.doc, "鲁统函〔2022〕8号")
	test.Tap(p.verify)
	if li := stored(); li.State != forms.Verified || li.VerifiedBy != "省统计局 王五" || li.VerifiedAt != "2022-01-20" || li.VerifyDocNo != "鲁统函〔2022〕8号" {
		t.Fatalf("verification stored %+v (%s)", li, p.detailErr.Text)
	}
	if p.detailErr.Visible() || p.rowLabel(0) != "第 1 行 · 已审核" {
		t.Errorf("after saving: message %q, label %q", p.detailErr.Text, p.rowLabel(0))
	}
	// A questioned row: typed and left, saved without 记录审核.
	p.grid.focusCell(gridCell{1, 1})
	p.state.SetSelected(string(forms.Questioned))
	h.typeInto(p.by, "省统计局 赵六")
	p.grid.focusCell(gridCell{0, 1})
	for _, li := range h.caseNow().Industries {
		if li.UnitCode == "370600" && li.Row == 2 && (li.State != forms.Questioned || li.VerifiedBy != "省统计局 赵六") {
			t.Errorf("row 2 %+v", li)
		}
	}
	// The empty row has nothing to verify.
	p.grid.focusCell(gridCell{p.rows() - 1, 1})
	if !p.verify.Disabled() || !p.state.Disabled() {
		t.Error("verification enabled on an empty row")
	}
}

// Issue 14 point 1: a figure not entered shows as empty, not 0, 0/0 or 否; typing a
// real 0 into it saves 0.
func TestFiguresMissingIsNotZero(t *testing.T) {
	h := newShellHarness(t, true)
	if err := h.sh.Store().Update("删", func(tx *store.Tx) error {
		return tx.SetCandidate(forms.Industry, "370800", true) // 济宁: a candidate without figures
	}); err != nil {
		t.Fatal(err)
	}
	h.sh.env.Changed()
	_, p := figuresPage(t, h, forms.Industry)
	for _, ind := range []string{"ind.va_growth", "ind.clusters", "ind.smart_zone"} {
		c, ok := p.cellOf("370800", ind, 2021)
		if !ok {
			t.Fatalf("no cell for 济宁 %s", ind)
		}
		if got := p.text(c); got != "" {
			t.Errorf("%s not entered shows %q", ind, got)
		}
	}
	c, _ := p.cellOf("370800", "ind.little_giants", 2021)
	e := h.typeCell(p.grid, c, "0")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f, ok := h.caseNow().Figure(forms.FigureKey{UnitCode: "370800", Measure: forms.Industry, Indicator: "ind.little_giants", Year: 2021})
	if !ok || f.Value.Missing || f.Value.A != 0 {
		t.Errorf("a typed 0 is not saved: %+v %v", f, ok)
	}
}
