package app

import (
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
