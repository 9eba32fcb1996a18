package app

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// luminance is the WCAG 2.x relative luminance of an opaque colour.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Issue 14 point 10: every colour text is drawn in has at least 4.5:1 against the
// backgrounds it is drawn on (WCAG 2.1 AA for normal text).
func TestTextContrast(t *testing.T) {
	th := Theme{}
	for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground} {
		for _, fg := range []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNameError, theme.ColorNameWarning,
			theme.ColorNameSuccess, theme.ColorNamePrimary, theme.ColorNameHyperlink, theme.ColorNamePlaceHolder} {
			if r := contrast(th.Color(fg, theme.VariantLight), th.Color(bg, theme.VariantLight)); r < 4.5 {
				t.Errorf("%s on %s: %.2f:1", fg, bg, r)
			}
		}
	}
	// White text on the coloured badges and banners.
	white := color.White
	for _, bg := range []fyne.ThemeColorName{colorDemo, colorBlocker, colorWarning, colorDone, colorBanner, theme.ColorNamePrimary} {
		if r := contrast(white, th.Color(bg, theme.VariantLight)); r < 4.5 {
			t.Errorf("white on %s: %.2f:1", bg, r)
		}
	}
}
