package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tuijian/forms"
)

// TestScreenMarkup keeps a markup golden of every screen over the demo case at
// 1366×768 (testdata/markup/*.xml): a change of any screen's widgets, texts or layout
// shows in the diff, readable without an image viewer. Rewrite after a deliberate
// change by deleting the file and copying testdata/failed/markup/… over it.
func TestScreenMarkup(t *testing.T) {
	local := time.Local
	time.Local = time.UTC // the history shows local times
	t.Cleanup(func() { time.Local = local })
	for _, step := range forms.Steps {
		t.Run(string(step), func(t *testing.T) {
			h := newTestEnv(t, envConfig{step: step})
			h.win.Resize(fyne.NewSize(1366, 768))
			// The temporary folder differs per run: show the file name only.
			walkObjects(t, h.win.Content(), func(o fyne.CanvasObject) {
				if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, h.path) {
					l.SetText(strings.ReplaceAll(l.Text, h.path, "case.db"))
				}
			})
			test.AssertRendersToMarkup(t, "markup/"+string(step)+".xml", h.win.Canvas())
		})
	}
}
