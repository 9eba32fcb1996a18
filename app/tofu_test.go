package app

import (
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/font/sfnt"

	"tuijian/assets"
	"tuijian/data/store"
	"tuijian/forms"
)

// rareName has characters outside GB 2312 that names carry: Extension A (㑇, 䶮) and
// B (𬌗), and 堃 (CJK block, not in GB 2312).
const rareName = "王㑇䶮𬌗堃"

// faceChain is what Fyne draws a text style with: the theme's face, Fyne's own face for
// the style, its emoji face (painter.lookupFaces), then its font map, which holds the
// rare part of the regular face (systemfonts.go).
type faceChain []*sfnt.Font

var parsedFaces sync.Map // fyne.Resource → *sfnt.Font

var rareFace = fyne.NewStaticResource("NotoSansSC-Regular-Rare.otf", assets.SansRegularRare())

func parseFace(t *testing.T, r fyne.Resource) *sfnt.Font {
	if f, ok := parsedFaces.Load(r); ok {
		return f.(*sfnt.Font)
	}
	f, err := sfnt.Parse(r.Content())
	if err != nil {
		t.Fatalf("%s: %v", r.Name(), err)
	}
	parsedFaces.Store(r, f)
	return f
}

func chainFor(t *testing.T, st fyne.TextStyle) faceChain {
	def := theme.DefaultTextFont()
	switch {
	case st.Monospace:
		def = theme.DefaultTextMonospaceFont()
	case st.Bold:
		def = theme.DefaultTextBoldFont()
	}
	return faceChain{parseFace(t, NewTheme().Font(st)), parseFace(t, def), parseFace(t, theme.DefaultEmojiFont()), parseFace(t, rareFace)}
}

// lacks returns the characters of text that no face of the chain has.
func (c faceChain) lacks(text string) string {
	var buf sfnt.Buffer
	var out strings.Builder
	for _, r := range text {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' {
			continue
		}
		found := false
		for _, f := range c {
			if gi, err := f.GlyphIndex(&buf, r); err == nil && gi != 0 {
				found = true
				break
			}
		}
		if !found {
			out.WriteRune(r)
		}
	}
	return out.String()
}

// tofu lists every visible text under o that would show a missing-glyph box.
func tofu(t *testing.T, o fyne.CanvasObject) []string {
	var out []string
	walkObjects(t, o, func(x fyne.CanvasObject) {
		tx, ok := x.(*canvas.Text)
		if !ok || !tx.Visible() || tx.Text == "" {
			return
		}
		if m := chainFor(t, tx.TextStyle).lacks(tx.Text); m != "" {
			out = append(out, tx.Text+"（"+styleName(tx.TextStyle)+"缺 "+m+"）")
		}
	})
	return out
}

func styleName(st fyne.TextStyle) string {
	if st.Bold {
		return "粗体"
	}
	return "常规"
}

// noFace is a character no embedded face has (CJK Extension G).
const noFace = "\U00030000"

func TestTofuDetectorCanFail(t *testing.T) {
	newTestApp(t)
	for _, st := range []fyne.TextStyle{{}, {Bold: true}} {
		if m := chainFor(t, st).lacks(rareName + "督查激励ABC１２３"); m != "" {
			t.Fatalf("%s text lacks %q", styleName(st), m)
		}
		if m := chainFor(t, st).lacks(noFace); m == "" {
			t.Fatalf("%s text has %q", styleName(st), noFace)
		}
	}
	if len(tofu(t, canvas.NewText("王"+noFace, nil))) != 1 {
		t.Fatal("a character no face has was not reported")
	}
}

// TestNoTofu puts names with rare characters in every kind of text the officer enters
// (contact, department, events, evidence, reasons, 申报书 text), types one into 设置,
// opens every screen, and checks that each visible text is drawn by a face that has
// all its characters.
func TestNoTofu(t *testing.T) {
	h := newShellHarness(t, true)
	c := h.caseNow()
	st := h.sh.Store()
	city := c.Candidates[forms.Digital][0]
	err := st.Update("罕用字", func(tx *store.Tx) error {
		s := c.Settings
		s.Department += "（" + rareName + "处）"
		if err := tx.SetSettings(s); err != nil {
			return err
		}
		if _, err := tx.SaveEvent(forms.Event{UnitCode: city, Kind: forms.EventSocial, Date: time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC),
			Title: rareName + "反映情况", Description: "经" + rareName + "核实", Basis: rareName}); err != nil {
			return err
		}
		if err := tx.SetAssessment(forms.Assessment{UnitCode: city, Measure: forms.Digital, Clause: "1", Verdict: forms.VerdictMet, Evidence: rareName + "提供的材料"}); err != nil {
			return err
		}
		if err := tx.Choose(forms.Choice{Measure: forms.Digital, UnitCode: city, Reason: rareName + "认为该市领先"}, testNow); err != nil {
			return err
		}
		m, err := c.Campaign.Measure(forms.Digital)
		if err != nil {
			return err
		}
		return tx.SetSection(city, forms.Digital, m.Sections()[0].Key, "联系人"+rareName)
	})
	if err != nil {
		t.Fatal(err)
	}
	h.sh.Env().Changed()
	h.sh.Show(forms.StepSetup, "")
	var contact *widget.Entry
	walkObjects(t, h.win.Content(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.Text == c.Settings.Contact {
			contact = e
		}
	})
	if contact == nil {
		t.Fatal("no contact entry on 设置")
	}
	h.typeInto(contact, rareName)
	if !showsText(t, h.win.Content(), rareName) {
		t.Fatal("the typed name is not shown")
	}
	var save *widget.Button
	walkObjects(t, h.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "保存设置" {
			save = b
		}
	})
	test.Tap(save)
	if got := h.caseNow().Settings.Contact; got != rareName {
		t.Fatalf("contact saved as %q", got)
	}
	for _, step := range forms.Steps {
		h.sh.Show(step, "")
		if h.sh.current != step {
			t.Fatalf("%s not shown", step)
		}
		if bad := tofu(t, h.win.Content()); len(bad) > 0 {
			t.Errorf("%s: %d texts would show boxes: %s", step, len(bad), strings.Join(bad, "；"))
		}
	}
	// the city's own texts, once it is selected
	eventsScreenFor(t, h, city)
	if !showsText(t, h.win.Content(), rareName+"反映情况") {
		t.Error("the event with a rare name is not on 负面情况")
	}
	if bad := tofu(t, h.win.Content()); len(bad) > 0 {
		t.Errorf("负面情况 of %s: %s", city, strings.Join(bad, "；"))
	}
}
