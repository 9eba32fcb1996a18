// Package value parses and formats the figures officers type into the recommendation
// tables (DESIGN.md §4): growth rates, shares and coverage rates in percent, whole-number
// counts, pairs of counts such as 初赛/决赛, and 是/否.
//
// # What Parse accepts
//
//   - Half- and full-width forms alike: full-width digits and ASCII punctuation
//     (U+FF01–U+FF5E, e.g. "１２．３", "，", "％", "／", "＋", "－") are read as their
//     half-width forms; surrounding white space including U+3000 and NBSP, and
//     zero-width spaces and BOMs anywhere, are ignored.
//   - Numbers: an optional sign, digits with an optional decimal point ("12.3", ".5", "5."),
//     and at most 4 decimals. Thousands separators "," and "，" are allowed only in
//     valid groups of three in the integer part ("1,234,567.5"; "12,3" is rejected).
//     At most 15 digits in all, not counting leading zeros ("123456789012.345" is the
//     longest sort), so that every value survives a float64 round trip exactly.
//   - Signs: "+" / "＋" and the minus signs "-", "－", "−" (U+2212), "—" (U+2014),
//     "–" (U+2013), "﹣" (U+FE63), "‐" (U+2010), "‑" (U+2011). A space may follow the sign.
//   - Percent: a trailing "%", "％" or "﹪" (optionally after a space) for Growth, Share and
//     Coverage; the value stays in percent units ("12.3%" → 12.3, the same as "12.3").
//     A percent sign on a count or a Number is an error.
//   - Missing: a blank cell, or a cell holding only one or two dashes of any of the
//     kinds above ("—", "——", "-", "--", "－", "－－", "―"), means "no figure"
//     (Value.Missing). For CountPair "—/—" and a bare "/" are missing too; a pair with
//     one half missing is an error. Words such as "无", "无数据", "N/A" are rejected with a hint
//     to leave the cell blank or type "—".
//   - YesNo: 是, 否, Y, N, yes, no, true, false (any case), √ ✓ ✔ (yes), × ✗ ✘ (no),
//     1 (yes), 0 (no).
//   - CountPair: two counts separated by "/" or "／", spaces allowed around it ("3/1",
//     "3／1", "3 / 1"). A single count is an error: both halves must be given.
//
// # What Parse rejects
//
// NaN, Inf and anything that is not a plain decimal number; exponent notation ("1e5" —
// the tables never need it and a typo like "1e5" for "105" must not pass); more than 4
// decimals (round first: the tables print at most 2, and longer tails are usually pasted
// formula results); fractions in counts (a count of "3.0" is accepted as 3, "2.5" is
// not); negative counts, shares, coverage rates and Numbers; shares above 100; growth
// rates below -100; thousands separators in a percentage.
//
// Every error message is in Chinese, quotes what was typed, says what is wrong and
// what to type instead. Callers add where (sheet, row, column, field).
//
// The package is pure Go (standard library only) and does no I/O.
package value

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Kind is what sort of figure a cell holds.
type Kind int

const (
	Growth       Kind = iota // percent growth, may be negative, e.g. -3.2
	Share                    // percent share, 0–100
	Coverage                 // percent that may exceed 100 (e.g. 千兆覆盖率), ≥ 0
	Count                    // whole number ≥ 0
	CountPair                // "a/b", both whole ≥ 0, e.g. 初赛/决赛
	YesNo                    // 是/否
	Number                   // a plain number ≥ 0 in the unit of its label, no percent sign (销售收入（亿元）, 每万人拥有5G基站数)
	SignedNumber             // a plain number that may be negative, no percent sign (利润总额（亿元）)
)

var kindNames = [...]string{"增速", "占比", "覆盖率", "数量", "数量对", "是否", "数值", "数值（可为负）"}

// String returns the Chinese name of the kind: 增速, 占比, 覆盖率, 数量, 数量对, 是否, 数值,
// 数值（可为负）.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// Value is a parsed figure. Percent kinds hold the number in percent units in A;
// counts hold it in A; CountPair holds the second number in B; YesNo holds 1 (是) or
// 0 (否) in A. Missing is true for an empty cell, and then A and B are zero.
type Value struct {
	Missing bool
	A       float64
	B       float64 // second number of a CountPair
}

// Equal reports whether v and w are the same figure: both missing, or neither missing
// and A and B equal.
func (v Value) Equal(w Value) bool {
	if v.Missing || w.Missing {
		return v.Missing == w.Missing
	}
	return v.A == w.A && v.B == w.B
}

// Format returns the canonical text of v for kind k: the shortest decimal ("12.3",
// "-0.5", "100"), without percent sign or thousands separators; "3/1" for a pair;
// "是" or "否"; "" for a missing value. Parse(v.Format(k), k) gives back a Value Equal to v
// for any v that Parse returned.
func (v Value) Format(k Kind) string {
	if v.Missing {
		return ""
	}
	switch k {
	case CountPair:
		return num(v.A) + "/" + num(v.B)
	case YesNo:
		if v.A != 0 {
			return "是"
		}
		return "否"
	default:
		return num(v.A)
	}
}

func num(f float64) string {
	if f == 0 {
		f = 0 // no "-0"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// Error is a parse error. Its message (Error) is in Chinese and says what to do.
type Error struct {
	Input string // the text as typed
	Kind  Kind
	Msg   string
}

func (e *Error) Error() string { return e.Msg }

const (
	maxDecimals = 4
	// maxDigits bounds the digits of a number (leading zeros of the integer part not
	// counted): any decimal of at most 15 digits survives a float64 round trip exactly
	// (DBL_DIG), so Format gives back the same digits and counts stay exact integers.
	maxDigits = 15
)

// hints say what to type for each kind.
var hints = [...]string{
	Growth:       "请填写数字，例如 12.3 或 -0.5（单位为 %，可带或不带 %）",
	Share:        "请填写 0 到 100 之间的数字，例如 35.6（单位为 %，可带或不带 %）",
	Coverage:     "请填写 0 或正数，例如 105.2（单位为 %，可带或不带 %）",
	Count:        "请填写 0 或正整数，例如 12",
	CountPair:    "请填写用“/”分隔的两个整数，例如 3/1",
	YesNo:        "请填写“是”或“否”",
	Number:       "请填写 0 或正数，例如 3560.4（单位按表头，不带 %）",
	SignedNumber: "请填写数字，例如 210 或 -12.5（单位按表头，不带 %）",
}

const missingHint = "；没有数据请留空或填写“—”"

func fail(in string, k Kind, format string, args ...any) (Value, error) {
	return Value{}, &Error{Input: in, Kind: k, Msg: fmt.Sprintf(format, args...)}
}

// Parse reads a figure of kind k as typed by an officer. See the package comment for
// exactly what is accepted and rejected.
func Parse(s string, k Kind) (Value, error) {
	if k < Growth || k > SignedNumber {
		return fail(s, k, "未知的数据类型 %d，无法解析“%s”", int(k), s)
	}
	t := normalize(s)
	if isMissing(t) {
		return Value{Missing: true}, nil
	}
	switch k {
	case YesNo:
		return parseYesNo(s, t)
	case CountPair:
		return parsePair(s, t)
	}
	a, err := parseNumber(s, t, k)
	if err != nil {
		return Value{}, err
	}
	return Value{A: a}, nil
}

// normalize maps full-width ASCII to half-width, removes zero-width characters and
// trims white space.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000:
			r = ' '
		case r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF:
			continue
		case r == '﹪':
			r = '%'
		}
		b.WriteRune(r)
	}
	return strings.TrimFunc(b.String(), unicode.IsSpace)
}

func isDash(r rune) bool {
	switch r {
	case '-', '−', '—', '–', '―', '﹣', '‐', '‑':
		return true
	}
	return false
}

// isMissing: blank, or one or two dashes.
func isMissing(t string) bool {
	n := 0
	for _, r := range t {
		if !isDash(r) {
			return false
		}
		n++
	}
	return n <= 2
}

func parseYesNo(in, t string) (Value, error) {
	switch strings.ToLower(t) {
	case "是", "y", "yes", "true", "√", "✓", "✔", "1":
		return Value{A: 1}, nil
	case "否", "n", "no", "false", "×", "✗", "✘", "0":
		return Value{A: 0}, nil
	}
	return fail(in, YesNo, "“%s”不是“是/否”，请填写“是”或“否”（也可填 Y/N、√/×、1/0）%s", in, missingHint)
}

func parsePair(in, t string) (Value, error) {
	parts := strings.Split(t, "/")
	if len(parts) != 2 {
		if len(parts) == 1 {
			return fail(in, CountPair, "“%s”只有一个数，%s", in, hints[CountPair])
		}
		return fail(in, CountPair, "“%s”有多个“/”，%s", in, hints[CountPair])
	}
	p0 := strings.TrimFunc(parts[0], unicode.IsSpace)
	p1 := strings.TrimFunc(parts[1], unicode.IsSpace)
	m0, m1 := isMissing(p0), isMissing(p1)
	if m0 && m1 {
		return Value{Missing: true}, nil
	}
	if m0 || m1 {
		return fail(in, CountPair, "“%s”缺了一个数，%s；两个数都没有请留空", in, hints[CountPair])
	}
	a, err := parseNumber(p0, p0, Count)
	if err != nil {
		return fail(in, CountPair, "“%s”的第一个数有误：%s", in, err.Error())
	}
	b, err := parseNumber(p1, p1, Count)
	if err != nil {
		return fail(in, CountPair, "“%s”的第二个数有误：%s", in, err.Error())
	}
	return Value{A: a, B: b}, nil
}

// parseNumber parses a normalized, non-missing, trimmed t (in is the original text for
// messages) and checks the range of kind k (a percent kind, Count or a plain number).
func parseNumber(in, t string, k Kind) (float64, error) {
	bad := func(format string, args ...any) (float64, error) {
		_, err := fail(in, k, format, args...)
		return 0, err
	}
	notNumber := func() (float64, error) {
		for _, r := range t {
			if r >= '0' && r <= '9' {
				return bad("“%s”不是有效的数字，%s", in, hints[k])
			}
		}
		return bad("“%s”不是有效的数字，%s%s", in, hints[k], missingHint)
	}

	rs := []rune(t)
	i := 0
	neg := false
	if i < len(rs) && (rs[i] == '+' || isDash(rs[i])) {
		neg = rs[i] != '+'
		i++
		for i < len(rs) && unicode.IsSpace(rs[i]) {
			i++
		}
	}
	start := i
	for i < len(rs) && (rs[i] >= '0' && rs[i] <= '9' || rs[i] == ',' || rs[i] == '.') {
		i++
	}
	mant := string(rs[start:i])
	j := i
	for j < len(rs) && unicode.IsSpace(rs[j]) {
		j++
	}
	pct := false
	if j < len(rs) && rs[j] == '%' {
		pct = true
		j++
	}
	if j != len(rs) || mant == "" {
		// Name the common mistakes before the generic message.
		if i < len(rs) && (rs[i] == 'e' || rs[i] == 'E') && mant != "" {
			return bad("“%s”使用了科学计数法，请填写完整的数字（例如 100000 而不是 1e5）", in)
		}
		if i < len(rs) && rs[i] == '。' {
			return bad("“%s”中的“。”不能作小数点，请改用“.”，例如 12.3", in)
		}
		return notNumber()
	}
	intPart, frac, hasDot := strings.Cut(mant, ".")
	if strings.Contains(frac, ".") {
		return notNumber()
	}
	if strings.Contains(frac, ",") {
		return bad("“%s”的小数部分不能有逗号，%s", in, hints[k])
	}
	if intPart == "" && frac == "" {
		return notNumber()
	}
	if strings.Contains(intPart, ",") && (k == Growth || k == Share || k == Coverage) {
		// A percentage never needs one: “1,234” as a growth rate is a misread 1.234
		// or a pasted amount (issue 20).
		return bad("“%s”是百分数，不应使用千位分隔符：请核对数值（是否把 1.234 写成了 1,234），%s", in, hints[k])
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		ok := len(groups[0]) >= 1 && len(groups[0]) <= 3
		for _, g := range groups[1:] {
			ok = ok && len(g) == 3
		}
		if !ok {
			return bad("“%s”的千位分隔符位置不对，请每三位一个逗号（如 1,234.5）或不用分隔符", in)
		}
		intPart = strings.ReplaceAll(intPart, ",", "")
	}
	if len(frac) > maxDecimals {
		return bad("“%s”的小数超过%d位，请四舍五入保留最多%d位小数", in, maxDecimals, maxDecimals)
	}
	if len(strings.TrimLeft(intPart, "0"))+len(frac) > maxDigits {
		return bad("“%s”的位数过多（最多%d位数字），请检查是否多输了数字", in, maxDigits)
	}
	text := intPart
	if text == "" {
		text = "0"
	}
	if hasDot && frac != "" {
		text += "." + frac
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil { // cannot happen after the checks above
		return notNumber()
	}
	if neg {
		f = -f
	}
	if f == 0 {
		f = 0 // "-0" is 0
	}

	switch k {
	case Count:
		if pct {
			return bad("“%s”是数量，不能带百分号，%s", in, hints[Count])
		}
		if f < 0 {
			return bad("“%s”是负数，数量不能为负，%s", in, hints[Count])
		}
		if strings.Trim(frac, "0") != "" {
			return bad("“%s”不是整数，数量%s", in, hints[Count])
		}
	case Number, SignedNumber:
		if pct {
			return bad("“%s”不是百分数，不能带百分号，%s", in, hints[k])
		}
		if k == Number && f < 0 {
			return bad("“%s”是负数，该数值不能为负，%s", in, hints[k])
		}
	case Growth:
		if f < -100 {
			return bad("“%s”低于 -100%%：增速不可能下降超过 100%%，请核对，%s", in, hints[Growth])
		}
	case Share:
		if f < 0 || f > 100 {
			return bad("“%s”超出占比范围 0–100，%s", in, hints[Share])
		}
	case Coverage:
		if f < 0 {
			return bad("“%s”为负数，覆盖率不能小于 0，%s", in, hints[Coverage])
		}
	}
	return f, nil
}
