package clocale

import (
	"os"
	"testing"
)

func TestApply(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{{"C", "zh_CN.UTF-8"}, {"C.UTF-8", "zh_CN.UTF-8"}, {"POSIX", "zh_CN.UTF-8"}, {"en_US.UTF-8", "en_US.UTF-8"}, {"zh_CN.GBK", "zh_CN.GBK"}} {
		t.Setenv("LANG", tc.in)
		changed := Apply()
		if got := os.Getenv("LANG"); got != tc.want || changed != (tc.in != tc.want) {
			t.Errorf("LANG=%s: %s, changed %v", tc.in, got, changed)
		}
	}
}
