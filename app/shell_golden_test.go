package app

import (
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tuijian/forms"
)

// The golden images of the shell's screens (testdata/shell/*.png) are rendered with the
// app theme (embedded Noto Sans SC), so they do not depend on the fonts installed.
// Rewrite them after a deliberate change with
//
//	CGO_ENABLED=0 go test -tags ci ./app/ -run TestShellGoldens -update-goldens
var updateGoldens = flag.Bool("update-goldens", false, "rewrite the golden images of the shell's screens in testdata/shell")

func assertGolden(t *testing.T, name string, img image.Image) {
	t.Helper()
	if *updateGoldens {
		path := filepath.Join("testdata", name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	test.AssertImageMatches(t, name, img)
}

func TestShellGoldens(t *testing.T) {
	// Toolbar actions belong to other screens' files and change with them; the
	// goldens show the shell and these screens only.
	saved := actions
	actions = nil
	defer func() { actions = saved }()
	t.Run("first-run", func(t *testing.T) {
		h := newShellHarness(t, false)
		assertGolden(t, "shell/first-run.png", h.win.Canvas().Capture())
	})
	for _, step := range []forms.Step{forms.StepSetup, forms.StepCandidates, forms.StepFigures, forms.StepEvents} {
		t.Run(string(step), func(t *testing.T) {
			h := newShellHarness(t, true)
			h.sh.Show(step, "")
			if step == forms.StepEvents {
				h.sh.Screen(step).Focus("events:370300") // 淄博市: the demo's excluded city
			}
			assertGolden(t, "shell/"+string(step)+".png", h.win.Canvas().Capture())
		})
	}
	t.Run("figures-invalid", func(t *testing.T) {
		h := newShellHarness(t, true)
		_, p := figuresPage(t, h, forms.Industry)
		c, _ := p.cellOf("370200", "ind.mfg_share", 2021)
		h.typeCell(p.grid, c, "120")
		h.win.Canvas().Unfocus()
		// Fyne 2.7.1's software painter panics on an input border partly scrolled out
		// of a table; show the table from its origin.
		p.grid.table.ScrollToOffset(fyne.Position{})
		assertGolden(t, "shell/figures-invalid.png", h.win.Canvas().Capture())
	})
}
