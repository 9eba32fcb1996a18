package grading

import "fmt"

// Safety holds the figures of a production-safety accident that
// 《生产安全事故报告和调查处理条例》（国务院令第493号）第三条 grades by.
type Safety struct {
	Deaths          int   // 死亡人数
	SeriousInjuries int   // 重伤人数（包括急性工业中毒）
	LossYuan        int64 // 直接经济损失（元）
}

// Validate reports negative figures, naming the field.
func (s Safety) Validate() error {
	var msgs []string
	if s.Deaths < 0 {
		msgs = append(msgs, negCount("死亡人数", int64(s.Deaths)))
	}
	if s.SeriousInjuries < 0 {
		msgs = append(msgs, negCount("重伤人数（含急性工业中毒）", int64(s.SeriousInjuries)))
	}
	if s.LossYuan < 0 {
		msgs = append(msgs, fmt.Sprintf("直接经济损失不能为负数（填的是 %d 元），请填写 0 或正数（单位：元）", s.LossYuan))
	}
	return fieldErrors(msgs)
}

// safetyItem is 第三条第一款's item for each grade.
var safetyItem = [...]string{"", "第三条第一款第（四）项", "第三条第一款第（三）项", "第三条第一款第（二）项", "第三条第一款第（一）项"}

// GradeSafety grades a production-safety accident by 国务院令第493号 第三条:
//
//	特别重大: deaths ≥ 30, or serious injuries ≥ 100, or loss ≥ 1亿元
//	重大:     10 ≤ deaths < 30, or 50 ≤ injuries < 100, or 5000万 ≤ loss < 1亿元
//	较大:     3 ≤ deaths < 10, or 10 ≤ injuries < 50, or 1000万 ≤ loss < 5000万元
//	一般:     the rest (every recorded accident is at least 一般)
//
// The grade is the highest reached by any criterion. Invalid input (see Validate) gives
// GradeNone with the reason in Basis.
func GradeSafety(s Safety) Result {
	if err := s.Validate(); err != nil {
		return Result{Grade: GradeNone, Basis: "数据有误，无法定级：" + err.Error()}
	}
	var all []criterion
	add := func(g Grade, text, actual string) {
		all = append(all, criterion{grade: g, clause: safetyItem[g], text: text, actual: actual})
	}

	d := s.Deaths
	da := fmt.Sprintf("本事故死亡%d人", d)
	switch {
	case d >= 30:
		add(Extraordinary, "死亡30人以上", da)
	case d >= 10:
		add(Major, "死亡10人以上30人以下", da)
	case d >= 3:
		add(Larger, "死亡3人以上10人以下", da)
	default:
		add(General, "死亡3人以下", da)
	}

	j := s.SeriousInjuries
	ja := fmt.Sprintf("本事故重伤%d人", j)
	switch {
	case j >= 100:
		add(Extraordinary, "重伤100人以上（包括急性工业中毒）", ja)
	case j >= 50:
		add(Major, "重伤50人以上100人以下（包括急性工业中毒）", ja)
	case j >= 10:
		add(Larger, "重伤10人以上50人以下（包括急性工业中毒）", ja)
	default:
		add(General, "重伤10人以下（包括急性工业中毒）", ja)
	}

	l := s.LossYuan
	la := "本事故直接经济损失" + yuan(l)
	switch {
	case l >= 1*yi:
		add(Extraordinary, "直接经济损失1亿元以上", la)
	case l >= 5000*wan:
		add(Major, "直接经济损失5000万元以上1亿元以下", la)
	case l >= 1000*wan:
		add(Larger, "直接经济损失1000万元以上5000万元以下", la)
	default:
		add(General, "直接经济损失1000万元以下", la)
	}

	// All criteria of one grade sit in the same item, so Basis cites them all.
	return result(SafetyStandard, all, func(top []criterion) []criterion { return top })
}
