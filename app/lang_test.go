package app

import (
	"os"
	"os/exec"
	"strings"
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

// Issue 14 point 10: a C locale does not reach Fyne's parser, not even while the
// program initialises: a child process with LANG=C prints no “Error parsing user
// locale” (the test binary itself is the child).
func TestNoLocaleErrorUnderC(t *testing.T) {
	if os.Getenv("TUIJIAN_LOCALE_CHILD") == "1" {
		UseChinese()
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^TestNoLocaleErrorUnderC$")
	cmd.Env = append(os.Environ(), "TUIJIAN_LOCALE_CHILD=1", "LANG=C", "LC_ALL=C.UTF-8")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "user locale") {
		t.Errorf("Fyne still complains about the locale:\n%s", out)
	}
}
