package forms

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	for _, in := range []string{"2022-02-08", "2022-2-8", "2022.2.8", "2022/2/8", "2022年2月8日", "２０２２年２月８日", " 2022年02月08日 "} {
		if got, err := NormalizeDate(in); err != nil || got != "2022-02-08" {
			t.Errorf("NormalizeDate(%q) = %q, %v", in, got, err)
		}
	}
	for in, want := range map[string]string{"2022年2月30日": "不存在", "22-2-8": "四位年份", "明天": "格式不对", "2022-13-01": "不存在"} {
		if _, err := ParseDate(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDate(%q) = %v, want %q", in, err, want)
		}
	}
	if got, err := NormalizeDate(""); got != "" || err != nil {
		t.Errorf("empty: %q %v", got, err)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2022-02-08", "2022年2月8日", "２０２２．２．８", "2022-2-30", "-1-1-1", "9999999999-1-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if again, err := ParseDate(d.Format("2006-01-02")); err != nil || !again.Equal(d) {
			t.Fatalf("%q → %v does not read back: %v", s, d, err)
		}
	})
}
