package value

import (
	"errors"
	"strings"
	"testing"
)

func num1(a float64) Value    { return Value{A: a} }
func pair(a, b float64) Value { return Value{A: a, B: b} }
func missing() Value          { return Value{Missing: true} }
func kinds() []Kind {
	return []Kind{Growth, Share, Coverage, Count, CountPair, YesNo, Number, SignedNumber}
}
func isNegZero(f float64) bool { return f == 0 && 1/f < 0 }

func TestParseAccepted(t *testing.T) {
	cases := []struct {
		in   string
		k    Kind
		want Value
	}{
		// Plain and signed numbers.
		{"12.3", Growth, num1(12.3)},
		{"-0.5", Growth, num1(-0.5)},
		{"-3.2", Growth, num1(-3.2)},
		{"+4", Growth, num1(4)},
		{"＋4.5", Growth, num1(4.5)},
		{"－3.2", Growth, num1(-3.2)},
		{"−3.2", Growth, num1(-3.2)}, // U+2212
		{"—3.2", Growth, num1(-3.2)}, // U+2014
		{"–3.2", Growth, num1(-3.2)}, // U+2013
		{"﹣3.2", Growth, num1(-3.2)}, // U+FE63
		{"- 3.2", Growth, num1(-3.2)},
		{"0", Growth, num1(0)},
		{"-0", Growth, num1(0)},
		{"-0.0", Growth, num1(0)},
		{"007", Growth, num1(7)},
		{".5", Growth, num1(0.5)},
		{"5.", Growth, num1(5)},
		{"12.3456", Growth, num1(12.3456)},
		{"-1,234.5", SignedNumber, num1(-1234.5)},
		// Full width.
		{"１２．３", Growth, num1(12.3)},
		{"１２．３％", Share, num1(12.3)},
		{"１，２３４", Count, num1(1234)},
		{"1，234，567", Count, num1(1234567)},
		{"１２３", Count, num1(123)},
		// Percent suffix keeps percent units.
		{"12.3%", Growth, num1(12.3)},
		{"12.3 %", Share, num1(12.3)},
		{"12.3％", Coverage, num1(12.3)},
		{"12.3﹪", Coverage, num1(12.3)},
		{"-2%", Growth, num1(-2)},
		// White space, including U+3000, NBSP and zero-width characters.
		{"  12.3  ", Growth, num1(12.3)},
		{"\u300012.3\u3000", Share, num1(12.3)},
		{"\u00a012.3\t", Share, num1(12.3)},
		{"\ufeff12.3\u200b", Share, num1(12.3)},
		// Ranges.
		{"0", Share, num1(0)},
		{"100", Share, num1(100)},
		{"100.0000", Share, num1(100)},
		{"99.9999", Share, num1(99.9999)},
		{"105.2", Coverage, num1(105.2)},
		{"0", Coverage, num1(0)},
		{"250%", Coverage, num1(250)},
		{"0", Count, num1(0)},
		{"12", Count, num1(12)},
		{"+12", Count, num1(12)},
		{"3.0", Count, num1(3)},
		{"3.", Count, num1(3)},
		{"-0", Count, num1(0)},
		{"999,999,999,999,999", Count, num1(999999999999999)},
		{"99999999999.9999", Growth, num1(99999999999.9999)},
		{"-0.0001", Growth, num1(-0.0001)},
		{"3.000", Count, num1(3)},
		{"000000000000000001", Count, num1(1)},
		// Missing.
		{"", Growth, missing()},
		{"   ", Share, missing()},
		{"\u3000", Count, missing()},
		{"—", Growth, missing()},
		{"——", Share, missing()},
		{"-", Coverage, missing()},
		{"--", Count, missing()},
		{"－", Growth, missing()},
		{"－－", Growth, missing()},
		{"―", Growth, missing()},
		{" — ", YesNo, missing()},
		{"—", CountPair, missing()},
		{"—/—", CountPair, missing()},
		{"/", CountPair, missing()},
		{"", YesNo, missing()},
		// Pairs.
		{"3/1", CountPair, pair(3, 1)},
		{"3／1", CountPair, pair(3, 1)},
		{"3 / 1", CountPair, pair(3, 1)},
		{"０/０", CountPair, pair(0, 0)},
		{"1,200/15", CountPair, pair(1200, 15)},
		{" 12 ／ 3 ", CountPair, pair(12, 3)},
		// Yes/no.
		{"是", YesNo, num1(1)},
		{"否", YesNo, num1(0)},
		{"Y", YesNo, num1(1)},
		{"n", YesNo, num1(0)},
		{"Yes", YesNo, num1(1)},
		{"NO", YesNo, num1(0)},
		{"true", YesNo, num1(1)},
		{"False", YesNo, num1(0)},
		{"√", YesNo, num1(1)},
		{"✓", YesNo, num1(1)},
		{"✔", YesNo, num1(1)},
		{"×", YesNo, num1(0)},
		{"✗", YesNo, num1(0)},
		{"✘", YesNo, num1(0)},
		{"1", YesNo, num1(1)},
		{"0", YesNo, num1(0)},
		{"１", YesNo, num1(1)},
		{"Ｙ", YesNo, num1(1)},
		{" 是 ", YesNo, num1(1)},
	}
	for _, c := range cases {
		got, err := Parse(c.in, c.k)
		if err != nil {
			t.Errorf("Parse(%q, %v): %v", c.in, c.k, err)
			continue
		}
		if !got.Equal(c.want) || isNegZero(got.A) {
			t.Errorf("Parse(%q, %v) = %+v, want %+v", c.in, c.k, got, c.want)
		}
	}
}

func TestParseRejected(t *testing.T) {
	cases := []struct {
		in   string
		k    Kind
		want string // a part of the message
	}{
		{"12..3", Growth, "“12..3”不是有效的数字，请填写数字，例如 12.3 或 -0.5"},
		{"1.2.3", Growth, "不是有效的数字"},
		{"abc", Growth, "不是有效的数字"},
		{"NaN", Growth, "“NaN”不是有效的数字"},
		{"nan", Share, "不是有效的数字"},
		{"Inf", Growth, "不是有效的数字"},
		{"+Inf", Growth, "不是有效的数字"},
		{"-Infinity", Growth, "不是有效的数字"},
		{"∞", Growth, "不是有效的数字"},
		{"1e5", Growth, "“1e5”使用了科学计数法，请填写完整的数字"},
		{"1.5E-3", Growth, "科学计数法"},
		{"１ｅ５", Count, "科学计数法"},
		{"0x10", Count, "不是有效的数字"},
		{"12。3", Growth, "“。”不能作小数点"},
		{"12,3", SignedNumber, "“12,3”的千位分隔符位置不对"},
		// Implausible percentages (issue 20): a separator, a fall of more than 100 %.
		{"1,234", Growth, "不应使用千位分隔符"},
		{"1,234.5%", Growth, "不应使用千位分隔符"},
		{"1，234", Share, "不应使用千位分隔符"},
		{"-150", Growth, "低于 -100%"},
		{"1234,567", Count, "千位分隔符位置不对"},
		{",123", Count, "千位分隔符位置不对"},
		{"1,,234", Count, "千位分隔符位置不对"},
		{"1,234,", Count, "千位分隔符位置不对"},
		{"1,2345", Count, "千位分隔符位置不对"},
		{"1.234,5", Growth, "小数部分不能有逗号"},
		{"1.23456", Growth, "“1.23456”的小数超过4位，请四舍五入保留最多4位小数"},
		{"1234567890123456", Count, "“1234567890123456”的位数过多（最多15位数字）"},
		{"1,234,567,890,123,456", Count, "位数过多"},
		{"999999999999999.9999", Growth, "位数过多"},
		{"999999999999999.1", Count, "位数过多"},
		{"12345678901.23456", Growth, "小数超过4位"},
		{"12.3%%", Growth, "不是有效的数字"},
		{"%12", Growth, "不是有效的数字"},
		{"%", Growth, "不是有效的数字"},
		{".", Growth, "不是有效的数字"},
		{"+", Growth, "不是有效的数字"},
		{"---", Growth, "不是有效的数字"},
		{"——3", Growth, "不是有效的数字"},
		{"+-3", Growth, "不是有效的数字"},
		{"1 2", Count, "不是有效的数字"},
		{"12个", Count, "“12个”不是有效的数字，请填写 0 或正整数，例如 12"},
		{"三", Count, "不是有效的数字"},
		{"١٢", Count, "不是有效的数字"}, // Arabic-Indic digits
		{"无数据", Growth, "没有数据请留空或填写“—”"},
		{"无", Count, "没有数据请留空或填写“—”"},
		{"N/A", Share, "没有数据请留空或填写“—”"},
		// Ranges.
		{"120", Share, "“120”超出占比范围 0–100，请填写 0 到 100 之间的数字"},
		{"100.0001", Share, "超出占比范围"},
		{"-5", Share, "超出占比范围"},
		{"-0.1%", Share, "超出占比范围"},
		{"-5", Coverage, "“-5”为负数，覆盖率不能小于 0"},
		{"-3", Count, "“-3”是负数，数量不能为负"},
		{"2.5", Count, "“2.5”不是整数，数量请填写 0 或正整数"},
		{"3.0001", Count, "不是整数"},
		{"3%", Count, "“3%”是数量，不能带百分号"},
		// Pairs.
		{"3", CountPair, "“3”只有一个数，请填写用“/”分隔的两个整数，例如 3/1"},
		{"3/1/2", CountPair, "有多个“/”"},
		{"3/", CountPair, "“3/”缺了一个数"},
		{"—/1", CountPair, "缺了一个数"},
		{"3/x", CountPair, "“3/x”的第二个数有误：“x”不是有效的数字"},
		{"2.5/1", CountPair, "“2.5/1”的第一个数有误：“2.5”不是整数"},
		{"-1/1", CountPair, "的第一个数有误：“-1”是负数"},
		{"3\\1", CountPair, "只有一个数"},
		// Yes/no.
		{"可能", YesNo, "“可能”不是“是/否”，请填写“是”或“否”"},
		{"2", YesNo, "不是“是/否”"},
		{"是的", YesNo, "不是“是/否”"},
		{"x", YesNo, "不是“是/否”"},
		// Unknown kind.
		{"1", Kind(42), "未知的数据类型"},
		{"1", Kind(-1), "未知的数据类型"},
	}
	for _, c := range cases {
		got, err := Parse(c.in, c.k)
		if err == nil {
			t.Errorf("Parse(%q, %v) = %+v, want error containing %q", c.in, c.k, got, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q, %v) error\n got %q\nwant …%q…", c.in, c.k, err, c.want)
		}
		var pe *Error
		if !errors.As(err, &pe) || pe.Input != c.in || pe.Kind != c.k {
			t.Errorf("Parse(%q, %v): error %#v is not a *Error naming the input", c.in, c.k, err)
		}
		if got != (Value{}) {
			t.Errorf("Parse(%q, %v) returned %+v with the error", c.in, c.k, got)
		}
	}
}

func TestFormat(t *testing.T) {
	cases := []struct {
		v    Value
		k    Kind
		want string
	}{
		{num1(12.3), Growth, "12.3"},
		{num1(-0.5), Growth, "-0.5"},
		{num1(100), Share, "100"},
		{num1(1234567), Count, "1234567"},
		{num1(99999999999.9999), Growth, "99999999999.9999"},
		{num1(0.0001), Growth, "0.0001"},
		{pair(3, 1), CountPair, "3/1"},
		{num1(1), YesNo, "是"},
		{num1(0), YesNo, "否"},
		{missing(), Growth, ""},
		{missing(), CountPair, ""},
		{missing(), YesNo, ""},
		{Value{A: negZero()}, Growth, "0"},
	}
	for _, c := range cases {
		if got := c.v.Format(c.k); got != c.want {
			t.Errorf("%+v.Format(%v) = %q want %q", c.v, c.k, got, c.want)
		}
	}
}

func negZero() float64 {
	z := 0.0
	return -z
}

func TestRoundTrip(t *testing.T) {
	inputs := []string{"12.3", "-0.5", "１２．３％", "1,234.5678", "-1,234", "0.0001", "99.9999", "100",
		"3/1", "3 ／ 12", "是", "×", "—", "", "12", "0", "12345678901.6789", "-98765432109.4321", "999999999999999", "0000000000000000000.1",
		"0.1", "0.2", "0.3", "1.0005", "7.0"}
	for _, in := range inputs {
		for _, k := range kinds() {
			v, err := Parse(in, k)
			if err != nil {
				continue
			}
			out := v.Format(k)
			w, err := Parse(out, k)
			if err != nil {
				t.Errorf("Parse(%q,%v) = %+v, Format %q does not re-parse: %v", in, k, v, out, err)
				continue
			}
			if !w.Equal(v) {
				t.Errorf("round trip %q (%v): %+v → %q → %+v", in, k, v, out, w)
			}
			if again := w.Format(k); again != out {
				t.Errorf("Format not canonical for %q (%v): %q then %q", in, k, out, again)
			}
		}
	}
}

func TestEqual(t *testing.T) {
	if !missing().Equal(Value{Missing: true, A: 5}) {
		t.Error("two missing values differ")
	}
	if missing().Equal(num1(0)) || num1(0).Equal(missing()) {
		t.Error("missing equals 0")
	}
	if !num1(0).Equal(Value{A: negZero()}) {
		t.Error("0 != -0")
	}
	if pair(3, 1).Equal(pair(3, 2)) || num1(1.5).Equal(num1(1.25)) {
		t.Error("unequal values compare equal")
	}
}

func TestKindString(t *testing.T) {
	want := []string{"增速", "占比", "覆盖率", "数量", "数量对", "是否", "数值", "数值（可为负）"}
	for i, k := range kinds() {
		if k.String() != want[i] {
			t.Errorf("%d: %q", i, k.String())
		}
	}
	if Kind(9).String() != "Kind(9)" {
		t.Error(Kind(9).String())
	}
}

// FuzzParse checks that Parse never panics, that an error comes with a zero Value, and
// that every accepted value formats to text that parses back to an Equal value.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"12.3", "-0.5", "１２．３％", "1,234.5", "12..3", "1e5", "3/1", "3 ／ 1",
		"是", "否", "√", "—", "——", "", "\u3000", "NaN", "120", "-3", "2.5", "1,23", "—/—", "12。3",
		"999999999999999.9999", "1234567890123456", "+ 7", "－－", "%", "1.23456"} {
		for k := range 8 {
			f.Add(s, uint8(k))
		}
	}
	f.Fuzz(func(t *testing.T, s string, kb uint8) {
		k := Kind(kb % 9) // includes one invalid kind
		v, err := Parse(s, k)
		if err != nil {
			if v != (Value{}) {
				t.Fatalf("error with non-zero value %+v", v)
			}
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		if k > SignedNumber {
			t.Fatalf("invalid kind %d accepted %q", k, s)
		}
		if isNegZero(v.A) || isNegZero(v.B) {
			t.Fatalf("Parse(%q,%v) gave -0", s, k)
		}
		out := v.Format(k)
		w, err := Parse(out, k)
		if err != nil {
			t.Fatalf("Parse(%q,%v)=%+v; Format %q fails to parse: %v", s, k, v, out, err)
		}
		if !w.Equal(v) {
			t.Fatalf("Parse(%q,%v)=%+v; Format %q re-parses to %+v", s, k, v, out, w)
		}
		if w.Format(k) != out {
			t.Fatalf("Format not stable: %q vs %q", out, w.Format(k))
		}
		switch k {
		case Share:
			if v.A < 0 || v.A > 100 {
				t.Fatalf("share out of range %v", v.A)
			}
		case Coverage, Number:
			if v.A < 0 {
				t.Fatalf("negative %v %v", k, v.A)
			}
		case Count, CountPair:
			if v.A < 0 || v.B < 0 || v.A != float64(int64(v.A)) || v.B != float64(int64(v.B)) {
				t.Fatalf("bad count %+v", v)
			}
		case YesNo:
			if v.A != 0 && v.A != 1 {
				t.Fatalf("bad yes/no %+v", v)
			}
		}
	})
}

// Plain numbers (销售收入/利润总额（亿元）of the 主导产业 table, 每万人拥有5G基站数): no
// percent sign, and the hint never speaks of percent. Revenue is ≥ 0, profit may be a loss.
func TestPlainNumbers(t *testing.T) {
	for _, c := range []struct {
		in   string
		k    Kind
		want float64
	}{{"3,560.4", Number, 3560.4}, {"０", Number, 0}, {"-12.5", SignedNumber, -12.5}, {"２１０", SignedNumber, 210}} {
		v, err := Parse(c.in, c.k)
		if err != nil || v.A != c.want {
			t.Errorf("Parse(%q, %v) = %+v, %v; want %v", c.in, c.k, v, err, c.want)
		}
	}
	for _, c := range []struct {
		in, want string
		k        Kind
	}{{"-3", "负", Number}, {"12%", "百分号", Number}, {"12%", "百分号", SignedNumber}, {"abc", "单位按表头", Number}, {"abc", "单位按表头", SignedNumber}} {
		_, err := Parse(c.in, c.k)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "单位为 %") {
			t.Errorf("Parse(%q, %v): %v, want a message about %s without percent units", c.in, c.k, err, c.want)
		}
	}
}
