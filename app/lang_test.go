package app

import (
	"os"
	"testing"

	"fyne.io/fyne/v2/lang"
)

func TestFyneTextsAreChinese(t *testing.T) {
	UseChinese()
	for in, want := range map[string]string{"Yes": "是", "No": "否", "Cancel": "取消", "OK": "确定", "Open": "打开", "Save": "保存"} {
		if got := lang.L(in); got != want {
			t.Errorf("lang.L(%q) = %q, want %q (system locale must not matter)", in, got, want)
		}
	}
}

// Issue 14 point 10: a C locale does not reach Fyne's parser.
func TestNormalizeLocaleEnv(t *testing.T) {
	t.Setenv("LANG", "C")
	t.Setenv("LC_ALL", "C.UTF-8")
	t.Setenv("LC_MESSAGES", "en_US.UTF-8")
	normalizeLocaleEnv()
	if os.Getenv("LANG") != "zh_CN.UTF-8" || os.Getenv("LC_ALL") != "zh_CN.UTF-8" || os.Getenv("LC_MESSAGES") != "en_US.UTF-8" {
		t.Errorf("LANG %q LC_ALL %q LC_MESSAGES %q", os.Getenv("LANG"), os.Getenv("LC_ALL"), os.Getenv("LC_MESSAGES"))
	}
}
