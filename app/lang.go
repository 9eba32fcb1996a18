package app

import (
	_ "embed"

	// Imported first for its initialiser: a C locale is replaced before Fyne's lang
	// package reads it at start (no “Error parsing user locale C”; issue 14).
	"env.tuijian.local/clocale"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// zhTexts are Fyne's own texts (dialog buttons, the file dialog) in Chinese: Fyne's
// zh_Hans set with a few wordings officers expect (否, 确定, 上级文件夹).
//
//go:embed translations/zh.json
var zhTexts []byte

// UseChinese makes Fyne's own texts Chinese whatever the system locale: the UI is
// Chinese only, and many office PCs run with an English or “C” locale, where Fyne
// would show “Yes/No/Cancel”. The texts are registered for English, Fyne's fallback,
// as well as for Chinese. Call before the first window is built.
func UseChinese() {
	clocale.Apply() // for locales set after start (tests)
	for _, l := range []fyne.Locale{"en", "zh-Hans"} {
		if err := lang.AddTranslationsForLocale(zhTexts, l); err != nil {
			fyne.LogError("无法加载界面文字", err)
		}
	}
}
