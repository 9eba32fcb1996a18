package app

import (
	_ "embed"
	"os"
	"strings"

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
	normalizeLocaleEnv()
	for _, l := range []fyne.Locale{"en", "zh-Hans"} {
		if err := lang.AddTranslationsForLocale(zhTexts, l); err != nil {
			fyne.LogError("无法加载界面文字", err)
		}
	}
}

// normalizeLocaleEnv replaces a “C”/“POSIX” locale in this process's environment by
// zh_CN.UTF-8 before Fyne reads it: Fyne cannot parse “C” and logs “Error parsing
// user locale C” on every start on a server-style Linux (issue 14); the UI is Chinese
// either way.
func normalizeLocaleEnv() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		v := os.Getenv(name)
		if v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
			os.Setenv(name, "zh_CN.UTF-8")
		}
	}
}
