package forms

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Dates: the one home for reading a date an officer typed or a file holds. Stored
// dates are canonical “2022-02-08”; officers type “2022-2-8”, “2022.2.8”, “2022/2/8”,
// “2022年2月8日” or with full-width digits, and every write normalizes through
// NormalizeDate, every reader through ParseDate.

// ParseDate reads a date in any of the accepted forms as a calendar day (UTC
// midnight), or says in Chinese what is wrong.
func ParseDate(s string) (time.Time, error) {
	orig := s
	s = strings.TrimSpace(toHalfWidth(s))
	s = strings.TrimSuffix(s, "日")
	s = strings.NewReplacer("年", "-", "月", "-", ".", "-", "/", "-").Replace(s)
	parts := strings.Split(s, "-")
	if len(parts) != 3 {
		return time.Time{}, fmt.Errorf("日期“%s”格式不对，应写成 2022-02-08 或 2022年2月8日", orig)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return time.Time{}, fmt.Errorf("日期“%s”格式不对，应写成 2022-02-08 或 2022年2月8日", orig)
		}
		n[i] = v
	}
	if n[0] < 1900 || n[0] > 2200 {
		return time.Time{}, fmt.Errorf("日期“%s”的年份 %d 不对，应写四位年份", orig, n[0])
	}
	d := time.Date(n[0], time.Month(n[1]), n[2], 0, 0, 0, 0, time.UTC)
	if n[1] < 1 || n[1] > 12 || d.Day() != n[2] || int(d.Month()) != n[1] {
		return time.Time{}, fmt.Errorf("日期“%s”不存在（%d年没有%d月%d日）", orig, n[0], n[1], n[2])
	}
	return d, nil
}

// NormalizeDate is the stored form “2022-02-08” of a typed date; "" stays "".
func NormalizeDate(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	d, err := ParseDate(s)
	if err != nil {
		return "", err
	}
	return d.Format("2006-01-02"), nil
}

// toHalfWidth maps full-width digits and punctuation (０–９, ．, －, ／) to ASCII.
func toHalfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '－' || r == '—' || r == '–':
			return '-'
		case r == '／':
			return '/'
		}
		return r
	}, s)
}
