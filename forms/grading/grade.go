// Package grading grades the negative events of a candidate city (DESIGN.md §5) by the
// two standards the 2022 notice (工信厅规函〔2022〕13号, 办法 第六/七条（六）) cites:
//
//   - production-safety accidents: 《生产安全事故报告和调查处理条例》（国务院令第493号）第三条
//     (deaths, serious injuries incl. acute industrial poisoning, direct economic loss);
//   - environmental emergencies: 《国家突发环境事件应急预案》（国办函〔2014〕119号）附件1
//     突发环境事件分级标准 (deaths, poisoned or seriously injured, evacuated, direct loss,
//     plus ecological, drinking-water, radiation and cross-boundary facts).
//
// In both, "以上" includes the number and "以下" excludes it (half-open intervals); any one
// criterion suffices and the grade is the highest grade any criterion reaches. A grade of
// 重大 or 特别重大 excludes the city (Grade.Excludes). When an official determination
// (认定等级) exists, Decide combines it with the computed grade: the official grade
// decides (the determining authority weighed facts the figures do not carry) and a
// difference is flagged for the officer to see.
//
// The package is pure Go (standard library only) and does no I/O.
package grading

import (
	"fmt"
	"strings"
)

// Grade is the grade of an event. The zero value GradeNone means "no grade / unknown".
type Grade int

const (
	GradeNone     Grade = iota // no grade, unknown
	General                    // 一般（Ⅳ级）
	Larger                     // 较大（Ⅲ级）
	Major                      // 重大（Ⅱ级）
	Extraordinary              // 特别重大（Ⅰ级）
)

var gradeNames = [...]string{"", "一般", "较大", "重大", "特别重大"}
var gradeRoman = [...]string{"", "Ⅳ级", "Ⅲ级", "Ⅱ级", "Ⅰ级"}

func (g Grade) valid() bool { return g >= GradeNone && g <= Extraordinary }

// String returns "一般", "较大", "重大" or "特别重大", and "" for GradeNone (or an invalid value).
func (g Grade) String() string {
	if !g.valid() {
		return ""
	}
	return gradeNames[g]
}

// Roman returns the level of the environmental standard: "Ⅳ级" … "Ⅰ级", "" for GradeNone.
func (g Grade) Roman() string {
	if !g.valid() {
		return ""
	}
	return gradeRoman[g]
}

// Excludes reports whether an event of this grade excludes the city: 重大 or 特别重大.
func (g Grade) Excludes() bool { return g == Major || g == Extraordinary }

// ParseGrade reads a grade as officers write it: 一般, 较大, 重大, 特别重大 (also 特大, the
// notice's word for 特别重大), optionally followed by 事故/事件, or the levels Ⅳ/Ⅲ/Ⅱ/Ⅰ
// (Roman numeral characters or ASCII IV/III/II/I, any case), optionally followed by 级.
// Surrounding spaces are ignored. An empty string gives GradeNone and no error.
func ParseGrade(s string) (Grade, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return GradeNone, nil
	}
	// Accept 重大（Ⅱ级） style: the part before a parenthesis decides, the part inside must agree.
	if i := strings.IndexAny(t, "（("); i > 0 && (strings.HasSuffix(t, "）") || strings.HasSuffix(t, ")")) {
		outer, inner := t[:i], strings.TrimRight(t[i:], "）)")
		inner = strings.TrimLeft(inner, "（(")
		g1, err1 := ParseGrade(outer)
		g2, err2 := ParseGrade(inner)
		if err1 == nil && err2 == nil && g1 == g2 && g1 != GradeNone {
			return g1, nil
		}
		return GradeNone, gradeError(s)
	}
	w := t
	for _, suf := range []string{"突发环境事件", "安全生产事故", "生产安全事故", "事故", "事件"} {
		w = strings.TrimSuffix(w, suf)
	}
	switch w {
	case "一般":
		return General, nil
	case "较大":
		return Larger, nil
	case "重大":
		return Major, nil
	case "特别重大", "特大":
		return Extraordinary, nil
	}
	w = strings.TrimSuffix(w, "级")
	switch strings.ToUpper(w) {
	case "Ⅳ", "IV":
		return General, nil
	case "Ⅲ", "III":
		return Larger, nil
	case "Ⅱ", "II":
		return Major, nil
	case "Ⅰ", "I":
		return Extraordinary, nil
	}
	return GradeNone, gradeError(s)
}

func gradeError(s string) error {
	return fmt.Errorf("“%s”不是有效的事故等级，请填写 一般、较大、重大、特别重大（或 Ⅳ级、Ⅲ级、Ⅱ级、Ⅰ级），没有认定等级请留空", s)
}

// Result is the outcome of grading one event.
type Result struct {
	// Grade is the highest grade reached by any criterion; GradeNone only when the input
	// is invalid (see Validate), in which case Basis holds the reason.
	Grade Grade
	// Basis cites the clause that decided, e.g.
	// "《生产安全事故报告和调查处理条例》（国务院令第493号）第三条第一款第（二）项：死亡10人以上30人以下".
	Basis string
	// Criteria lists every criterion reached at the final grade, each with its clause
	// and the event's own figure, e.g. "第三条第一款第（二）项：死亡10人以上30人以下（本事故死亡12人）".
	Criteria []string
}

// Decide combines the computed grade with the officially determined one (认定等级).
// The official grade decides when there is one (办法 第六/七条（六） cite the standards by
// which the authorities determine the grade; the app does not overrule them), else the
// computed one. differs is true when both are known and unequal, so that the difference
// can be shown. If either is GradeNone the other decides and nothing is flagged.
func Decide(computed, official Grade) (decisive Grade, differs bool) {
	if !computed.valid() {
		computed = GradeNone
	}
	if !official.valid() {
		official = GradeNone
	}
	decisive = computed
	if official != GradeNone {
		decisive = official
	}
	differs = computed != GradeNone && official != GradeNone && computed != official
	return decisive, differs
}

// Citation names of the standards.
const (
	SafetyStandard      = "《生产安全事故报告和调查处理条例》（国务院令第493号）"
	EnvironmentStandard = "《国家突发环境事件应急预案》（国办函〔2014〕119号）"
)

// StandardsFor returns the citation names of the safety and environmental standards
// that apply to a campaign year. Only the standards cited by the 2022 notice
// (工信厅规函〔2022〕13号, campaign year 2021) are known; they are returned for every
// year. When a later notice cites a revised standard (e.g. a renamed
// 《国家突发生态环境事件应急预案》), add a year switch here and grading functions for it.
func StandardsFor(campaignYear int) (safety, env string) {
	_ = campaignYear
	return SafetyStandard, EnvironmentStandard
}

// criterion is one criterion reached by an event.
type criterion struct {
	grade  Grade
	clause string // e.g. "第三条第一款第（二）项"
	text   string // the standard's wording
	actual string // the event's own figure, e.g. "本事故死亡12人"
}

func (c criterion) String() string {
	if c.actual == "" {
		return c.clause + "：" + c.text
	}
	return c.clause + "：" + c.text + "（" + c.actual + "）"
}

// result keeps the criteria of the highest grade; basis picks those cited in Basis.
func result(std string, all []criterion, basis func(top []criterion) []criterion) Result {
	top := GradeNone
	for _, c := range all {
		top = max(top, c.grade)
	}
	var kept []criterion
	for _, c := range all {
		if c.grade == top {
			kept = append(kept, c)
		}
	}
	r := Result{Grade: top}
	for _, c := range kept {
		r.Criteria = append(r.Criteria, c.String())
	}
	cited := basis(kept)
	if len(cited) > 0 {
		texts := make([]string, len(cited))
		for i, c := range cited {
			texts[i] = c.text
		}
		r.Basis = std + cited[0].clause + "：" + strings.Join(texts, "；")
	}
	return r
}

// yuan formats an amount of money for a person: 元 below 1万, 万元 below 1亿, else 亿元.
func yuan(v int64) string {
	switch {
	case v < 10000:
		return fmt.Sprintf("%d元", v)
	case v < 100000000:
		return trimDec(fmt.Sprintf("%d.%04d", v/10000, v%10000)) + "万元"
	default:
		return trimDec(fmt.Sprintf("%d.%08d", v/100000000, v%100000000)) + "亿元"
	}
}

func trimDec(s string) string {
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// fieldErrors joins validation messages.
func fieldErrors(msgs []string) error {
	if len(msgs) == 0 {
		return nil
	}
	return fmt.Errorf("%s", strings.Join(msgs, "；"))
}

func negCount(field string, v int64) string {
	return fmt.Sprintf("%s不能为负数（填的是 %d），请填写 0 或正整数", field, v)
}

const (
	wan = 10000
	yi  = 100000000
)
