package main

import (
	"fmt"
	"io"

	"tuijian/forms/grading"
)

func init() {
	register(&verb{name: "grade", summary: "按认定标准给事件定级：grade safety|environment …", run: runGrade})
}

// gradeOut is the JSON answer of grade.
type gradeOut struct {
	Standard string   `json:"standard"`
	Grade    string   `json:"grade"`
	Excludes bool     `json:"excludes"`
	Basis    string   `json:"basis"`
	Criteria []string `json:"criteria"`
}

func runGrade(c *cli, args []string) error {
	if len(args) == 0 || (args[0] != "safety" && args[0] != "environment") {
		return usagef("用法：tuijian-cli grade safety --deaths N --injuries N --loss-yuan N\n      tuijian-cli grade environment --deaths N --poisoned N --evacuated N --loss-yuan N [--water-source city|county|township] [--ecology lost|partial|species] [--radiation i|ii|iii|iv] [--impact border|province|prefecture]")
	}
	fs := c.flags("grade " + args[0])
	deaths := fs.Int("deaths", 0, "死亡人数")
	injuries := fs.Int("injuries", 0, "重伤人数（含急性工业中毒）")
	poisoned := fs.Int("poisoned", 0, "中毒或重伤人数")
	evacuated := fs.Int("evacuated", 0, "疏散、转移人数")
	loss := fs.Int64("loss-yuan", 0, "直接经济损失（元）")
	water := fs.String("water-source", "", "饮用水水源地取水中断：city（设区的市级以上）|county（县级）|township（乡镇）")
	ecology := fs.String("ecology", "", "生态：lost（区域生态功能丧失或物种灭绝）|partial（部分丧失或种群大批死亡）|species（保护物种受到破坏）")
	radiation := fs.String("radiation", "", "辐射：i|ii|iii|iv（对应各级第六项）")
	impact := fs.String("impact", "", "影响范围：border（重大跨国境）|province（跨省级）|prefecture（跨设区的市级）")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	var r grading.Result
	var std string
	if args[0] == "safety" {
		s := grading.Safety{Deaths: *deaths, SeriousInjuries: *injuries, LossYuan: *loss}
		if err := s.Validate(); err != nil {
			return usageErr{err}
		}
		r, std = grading.GradeSafety(s), grading.SafetyStandard
	} else {
		e := grading.Environment{Deaths: *deaths, Poisoned: *poisoned, Evacuated: *evacuated, LossYuan: *loss}
		var err error
		if e.WaterSource, err = grading.ParseWaterSource(*water); err != nil {
			return usageErr{err}
		}
		if e.Ecology, err = grading.ParseEcology(*ecology); err != nil {
			return usageErr{err}
		}
		if e.Radiation, err = grading.ParseRadiation(*radiation); err != nil {
			return usageErr{err}
		}
		if e.Impact, err = grading.ParseImpact(*impact); err != nil {
			return usageErr{err}
		}
		if err := e.Validate(); err != nil {
			return usageErr{err}
		}
		r, std = grading.GradeEnvironment(e), grading.EnvironmentStandard
	}
	out := gradeOut{Standard: std, Grade: r.Grade.String(), Excludes: r.Grade.Excludes(), Basis: r.Basis, Criteria: r.Criteria}
	if out.Criteria == nil {
		out.Criteria = []string{}
	}
	return c.emit(out, func(w io.Writer) {
		fmt.Fprintf(w, "等级：%s\n依据：%s\n", out.Grade, out.Basis)
		for _, cr := range out.Criteria {
			fmt.Fprintf(w, "  · %s\n", cr)
		}
		if out.Excludes {
			fmt.Fprintln(w, "结论：属于重大及以上，该市（州）不参与评选（办法第六/七条（六））")
		} else {
			fmt.Fprintln(w, "结论：不属于重大及以上，不影响推荐")
		}
	})
}
