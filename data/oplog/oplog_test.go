package oplog

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestErrorForTwoReaders(t *testing.T) {
	cause := fmt.Errorf("open /x/tuijian.db: %w", os.ErrPermission)
	err := fmt.Errorf("导出失败：%w", &Error{Message: "无法打开数据文件，请检查文件夹权限", Detail: "uid 1000", Err: cause})
	if !strings.HasPrefix(err.Error(), "导出失败：无法打开数据文件") || strings.Contains(err.Error(), "uid") {
		t.Errorf("officer's message: %q", err.Error())
	}
	d := Detail(err)
	for _, w := range []string{"uid 1000", "/x/tuijian.db", "permission denied"} {
		if !strings.Contains(d, w) {
			t.Errorf("detail lacks %q: %s", w, d)
		}
	}
	if !errors.Is(err, os.ErrPermission) {
		t.Error("the cause is lost")
	}
}

func TestLogRotatesAndHidesThePassphrase(t *testing.T) {
	dir := t.TempDir()
	l := ForStore(filepath.Join(dir, "tuijian.db"))
	l.now = func() time.Time { return time.Date(2022, 2, 10, 9, 0, 0, 0, time.UTC) }
	t.Setenv(PassphraseEnv, "秘密口令 123")
	l.Record("导出", Wrap("签名失败", errors.New("口令 秘密口令 123 不对")))
	b, err := os.ReadFile(filepath.Join(dir, "tuijian.log"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "秘密口令 123") || !strings.Contains(string(b), "[导出] 签名失败 | ") {
		t.Errorf("log: %s", b)
	}
	if st, _ := os.Stat(l.Path()); st.Mode().Perm() != 0o600 {
		t.Errorf("log mode %v", st.Mode().Perm())
	}
	big := errors.New(strings.Repeat("x", 4096))
	for range MaxBytes/4096 + 2 {
		l.Record("导入", big)
	}
	if st, _ := os.Stat(l.Path() + ".1"); st == nil || st.Size() > MaxBytes {
		t.Error("not rotated")
	}
	if st, _ := os.Stat(l.Path()); st.Size() > MaxBytes {
		t.Errorf("log grew to %d", st.Size())
	}
}
