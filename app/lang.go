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

// CLocaleEnv reports whether this process runs under a “C”/“POSIX” locale, which Fyne
// cannot parse, and returns the environment with zh_CN.UTF-8 in its place. Fyne's lang
// package reads the locale once while it initialises, before main, and logs “Error
// parsing user locale C” then; every later lookup (widgets, fonts) reads the fixed
// environment. Only a launcher that sets LANG can silence the first line.
func CLocaleEnv() ([]string, bool) {
	env := os.Environ()
	changed := false
	for i, kv := range env {
		name, v, _ := strings.Cut(kv, "=")
		switch name {
		case "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE":
			if v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
				env[i] = name + "=zh_CN.UTF-8"
				changed = true
			}
		}
	}
	return env, changed
}

// normalizeLocaleEnv applies CLocaleEnv to this process (for the windows built
// after it, and for tests).
func normalizeLocaleEnv() {
	env, changed := CLocaleEnv()
	if !changed {
		return
	}
	for _, kv := range env {
		name, v, _ := strings.Cut(kv, "=")
		if os.Getenv(name) != v {
			os.Setenv(name, v)
		}
	}
}
