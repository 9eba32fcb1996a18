package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/store"
	"tuijian/forms"
)

// 撤销 (Ctrl+Z) on 指标数据 (issue 14 point 3): every change of the screen — a typed
// value, a remark or source, a verification, a batch verification — keeps the figures
// as they were before it; undoing writes them back exactly (store.RestoreFigure), the
// verification included, in one step of the history named “撤销…”. The stack lives
// as long as the window; changes made elsewhere (a workbook import) are not on it.

// figureChange is one undoable change: the figures before it.
type figureChange struct {
	what     string
	figures  []figureBefore
	province *provinceBefore
}

type figureBefore struct {
	f       forms.Figure
	existed bool
}

type provinceBefore struct {
	k      forms.FigureKey // UnitCode empty
	text   string
	source string
}

// maxUndo bounds the stack; older changes stay in the history.
const maxUndo = 200

func (s *figuresScreen) snapshot(what string, keys ...forms.FigureKey) figureChange {
	ch := figureChange{what: what}
	for _, k := range keys {
		f, ok := s.env.Case.Figure(k)
		if !ok {
			f = forms.Figure{FigureKey: k}
		}
		ch.figures = append(ch.figures, figureBefore{f: f, existed: ok})
	}
	return ch
}

// snapshotProvince keeps the province's figure of a cell as the grid shows it.
func (p *figurePage) snapshotProvince(c gridCell, what string) figureChange {
	k, _ := p.key(c)
	f, _ := p.provinceFigure(k)
	return figureChange{what: what, province: &provinceBefore{k: k, text: p.text(c), source: f.Source}}
}

func (s *figuresScreen) remember(ch figureChange) {
	s.undo = append(s.undo, ch)
	if len(s.undo) > maxUndo {
		s.undo = s.undo[len(s.undo)-maxUndo:]
	}
}

// undoLast writes back the figures of the newest change.
func (s *figuresScreen) undoLast() {
	p := s.currentPage()
	if len(s.undo) == 0 {
		if p != nil {
			p.say(widget.MediumImportance, "没有可撤销的修改。")
		}
		return
	}
	ch := s.undo[len(s.undo)-1]
	err := s.env.Store.Update("撤销："+ch.what, func(t *store.Tx) error {
		for _, b := range ch.figures {
			if err := t.RestoreFigure(b.f, b.existed); err != nil {
				return err
			}
		}
		if pb := ch.province; pb != nil {
			return t.SetProvinceFigure(pb.k.Measure, pb.k.Indicator, pb.k.Year, pb.text, pb.source)
		}
		return nil
	})
	if err != nil {
		s.env.ShowError(fmt.Errorf("无法撤销“%s”：%w", ch.what, err))
		return
	}
	s.undo = s.undo[:len(s.undo)-1]
	for _, pg := range s.pages {
		pg.grid.forget()
	}
	s.env.Changed()
	if p != nil {
		p.say(widget.SuccessImportance, "已撤销："+ch.what)
	}
}

// currentPage is the figure page of the selected tab (nil on 主导产业).
func (s *figuresScreen) currentPage() *figurePage {
	for _, p := range s.pages {
		if s.tabs.Selected() == s.tabOf[p.mid] {
			return p
		}
	}
	return nil
}

// pendingEdit is a typed value of an 已审核 figure waiting for 确认修改.
type pendingEdit struct {
	page *figurePage
	cell gridCell
	text string
	what string
	// question is the open dialog; nil once answered or dismissed.
	question dialog.Dialog
}

// askEditVerified asks before a new value replaces an 已审核 one (which returns it to
// 未审核). The cell keeps showing the verified value until the officer confirms.
func (s *figuresScreen) askEditVerified(p *figurePage, c gridCell, f forms.Figure, in forms.Indicator, text string) {
	what := fmt.Sprintf("%s %d年“%s”", p.unitName(f.UnitCode), f.Year, in.Label)
	pe := &pendingEdit{page: p, cell: c, text: text, what: what}
	s.pending = pe
	msg := fmt.Sprintf("%s 已由%s审核（%s，%s），当前值 %s。\n改为 %s 后需重新审核，报送前须再次取得审核意见。确定修改吗？",
		what, nonEmptyOr(f.VerifiedBy, string(in.Verifier)), nonEmptyOr(f.VerifyDocNo, "无文号"), nonEmptyOr(f.VerifiedAt, "日期未填"),
		f.Value.Format(in.Kind), strings.TrimSpace(text))
	p.say(widget.WarningImportance, "待确认："+what+"已审核，修改需确认。")
	if s.env.Window == nil {
		return
	}
	d := dialog.NewConfirm("修改已审核的数据", msg, func(ok bool) {
		if s.pending != pe {
			return // dismissed in favour of the shell's question (dismissQuestion)
		}
		if ok {
			s.Save()
		} else {
			s.Discard()
		}
		// Enter or Tab moved on while the question was open: go there now.
		if to := p.grid.wanted; to != c {
			p.grid.focusCell(to)
		}
	}, s.env.Window)
	d.SetConfirmText("修改并重新审核")
	d.SetDismissText("保留审核过的值")
	pe.question = d
	d.Show()
	p.grid.Refresh()
}

func nonEmptyOr(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

// Unsaved names an edit of an 已审核 figure still waiting for confirmation (say, when
// the window is closed with the question open): it is never applied silently.
func (s *figuresScreen) Unsaved() string {
	if s.pending == nil {
		return ""
	}
	return "指标数据：" + s.pending.what + "已审核，改为 " + strings.TrimSpace(s.pending.text) + " 尚未确认（保存即改值并需重新审核）"
}

// dismissQuestion closes the open question without an answer when the shell asks
// about the unsaved changes instead (leaving the screen, closing the window): one
// question at a time.
func (s *figuresScreen) dismissQuestion() {
	pe := s.pending
	if pe == nil || pe.question == nil {
		return
	}
	s.pending = nil
	pe.question.Hide()
	pe.question = nil
	s.pending = pe
}

// Save applies the pending edit.
func (s *figuresScreen) Save() error {
	pe := s.pending
	if pe == nil {
		return nil
	}
	s.pending = nil
	return pe.page.save(pe.cell, pe.text)
}

// Discard keeps the verified value.
func (s *figuresScreen) Discard() {
	pe := s.pending
	if pe == nil {
		return
	}
	s.pending = nil
	pe.page.say(widget.MediumImportance, "未修改："+pe.what+"保留审核过的值。")
	pe.page.grid.Refresh()
}

// legendItem is a small coloured square with its meaning.
func legendItem(c fyne.ThemeColorName, text string) fyne.CanvasObject {
	sq := canvas.NewRectangle(Theme{}.Color(c, theme.VariantLight))
	sq.SetMinSize(fyne.NewSize(10, 18))
	l := widget.NewLabel(text)
	return container.NewHBox(container.NewCenter(sq), l)
}

// fixedHeight is an invisible object that holds a minimum height.
func fixedHeight(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(0, h))
	return r
}
