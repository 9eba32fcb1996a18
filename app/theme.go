package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"tuijian/assets"
)

// The theme's fonts. Fyne reads a font's content when it first draws a text style and
// copies the tables it needs, so the unpacked bytes are garbage afterwards (assets.Packed
// keeps them only while in use).
var (
	fontRegular fyne.Resource = &packedFont{"NotoSansSC-Regular-UI.otf", assets.SansRegularUI}
	fontBold    fyne.Resource = &packedFont{"NotoSansSC-Bold-UI.otf", assets.SansBoldUICFF}
)

// packedFont is a font resource whose content is unpacked when read.
type packedFont struct {
	name  string
	bytes func() []byte
}

func (f *packedFont) Name() string    { return f.name }
func (f *packedFont) Content() []byte { return f.bytes() }

var (
	// AppIcon is the window and application icon.
	AppIcon = fyne.NewStaticResource("icon.png", assets.Icon)
)

// Theme is Fyne's light theme with the embedded Noto Sans SC (its UI subset, with the
// rest as fallback) for every text style, so Chinese renders the same on a machine
// without Chinese fonts and golden images do not depend on the fonts installed.
type Theme struct{}

// NewTheme returns the application theme. Fyne then looks for no system fonts: its
// fallback is the rare part of the theme's face, parsed when first needed
// (systemfonts.go); and it parses no emoji face (emoji.go).
func NewTheme() fyne.Theme {
	skipSystemFonts()
	dropEmojiFace()
	return Theme{}
}

var base = theme.DefaultTheme()

// Custom colour names of the theme.
const (
	colorDemo    fyne.ThemeColorName = "tuijian-demo"
	colorBlocker fyne.ThemeColorName = "tuijian-blocker"
	colorWarning fyne.ThemeColorName = "tuijian-warning"
	colorDone    fyne.ThemeColorName = "tuijian-done"
	colorBanner  fyne.ThemeColorName = "tuijian-banner"
)

// Color implements fyne.Theme; the variant is always light (a form-filling tool on
// office desktops, and golden images stay stable).
func (Theme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case colorDemo:
		return color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	case colorBlocker:
		return color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: 0xff}
	case colorWarning: // dark orange: white text on it stays above 4.5:1
		return color.NRGBA{R: 0xb3, G: 0x56, B: 0x00, A: 0xff}
	case colorDone:
		return color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
	case colorBanner:
		return color.NRGBA{R: 0x1f, G: 0x4e, B: 0x8c, A: 0xff}
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return color.NRGBA{R: 0x1f, G: 0x4e, B: 0x8c, A: 0xff}
	// Text colours at least 4.5:1 on the background and on input fields (issue 14;
	// Fyne's defaults give orange 2.2:1, green 2.9:1, placeholder 3.5:1).
	case theme.ColorNameWarning:
		return color.NRGBA{R: 0xa8, G: 0x52, B: 0x00, A: 0xff}
	case theme.ColorNameSuccess:
		return color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
	case theme.ColorNameError:
		return color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	case theme.ColorNamePlaceHolder:
		return color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff}
	}
	return base.Color(n, theme.VariantLight)
}

// Font implements fyne.Theme: Noto Sans SC, bold for bold styles; monospace text uses the
// same font (it has fixed-width digits).
func (Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Bold {
		return fontBold
	}
	return fontRegular
}

// Icon implements fyne.Theme.
func (Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return base.Icon(n) }

// Size implements fyne.Theme: slightly tighter padding than the default so the figure
// grid fits 1366×768.
func (Theme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 13
	case theme.SizeNameInnerPadding:
		return 6
	}
	return base.Size(n)
}

// PreloadFonts unpacks and parses the regular and bold faces of the theme font, one
// after the other, and returns when both are cached (Fyne parses a font on the first
// text of each style). The start runs it on its one background thread while the window
// is created: two such threads left the window's thread and the X server less of a
// two-core processor than one. Call after the theme is set.
func PreloadFonts() {
	for _, st := range []fyne.TextStyle{{}, {Bold: true}} {
		fyne.MeasureText("督查激励", theme.TextSize(), st)
	}
}
