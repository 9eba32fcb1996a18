package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"tuijian/data/store"
	"tuijian/forms"
)

func init() {
	register(&verb{name: "assess", summary: "记录基本条件（第六/七条（一）–（五））的评估", run: runAssess})
	register(&verb{name: "choose", summary: "选择某措施推荐的单位（名额按本年度定义：2021 年度每项 1 个，再选即替换）", run: runChoose})
	register(&verb{name: "unchoose", summary: "取消某措施的推荐选择（--unit 只取消其中一个）", run: runUnchoose})
	register(&verb{name: "approve", summary: "记录省政府同意和通信管理局会同意见", run: runApprove})
}

func runAssess(c *cli, args []string) error {
	fs := c.flags("assess")
	mf := measureFlag(fs)
	unit := fs.String("unit", "", "市（州）")
	clause := fs.String("clause", "", "条款 1–5（对应（一）–（五））")
	verdict := fs.String("verdict", "", "符合、基本符合 或 不符合")
	evidence := fs.String("evidence", "", "依据和说明")
	if err := parse(fs, args); err != nil {
		return err
	}
	m, _, u, err := c.measureUnit(*mf, *unit)
	if err != nil {
		return err
	}
	a := forms.Assessment{UnitCode: u.Code, Measure: m, Clause: *clause, Verdict: forms.Verdict(*verdict), Evidence: *evidence}
	if err := c.st.Update("评估基本条件", func(t *store.Tx) error { return t.SetAssessment(a) }); err != nil {
		return err
	}
	return c.emit(a, func(w io.Writer) { fmt.Fprintf(w, "已记录 %s 条款（%s）：%s\n", u.Name, a.Clause, a.Verdict) })
}

func runChoose(c *cli, args []string) error {
	fs := c.flags("choose")
	mf := measureFlag(fs)
	unit := fs.String("unit", "", "市（州）")
	reason := fs.String("reason", "", "推荐理由")
	if err := parse(fs, args); err != nil {
		return err
	}
	m, cs, u, err := c.measureUnit(*mf, *unit)
	if err != nil {
		return err
	}
	ch := forms.Choice{Measure: m, UnitCode: u.Code, Reason: *reason}
	if old, ok := cs.Choice(m); ok && *reason == "" && old.UnitCode == u.Code {
		ch.Reason, ch.Decision = old.Reason, old.Decision
	}
	if err := c.st.Update("选择推荐对象", func(t *store.Tx) error { return t.Choose(ch, c.now()) }); err != nil {
		return err
	}
	return c.emit(ch, func(w io.Writer) { fmt.Fprintf(w, "已选择 %s 为 %s 的推荐对象\n", u.Name, m) })
}

func runUnchoose(c *cli, args []string) error {
	fs := c.flags("unchoose")
	mf := measureFlag(fs)
	unit := fs.String("unit", "", "只取消这个单位（一项措施选了几个单位时）；不写则取消本措施的全部选择")
	if err := parse(fs, args); err != nil {
		return err
	}
	m, err := c.measureArg(*mf)
	if err != nil {
		return err
	}
	code, err := c.unitCodeArg(*unit)
	if err != nil {
		return err
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	if err := s.Update("取消推荐选择", func(t *store.Tx) error { return t.Unchoose(m, code) }); err != nil {
		return err
	}
	return c.emit(map[string]string{"unchosen": string(m), "unit": code}, func(w io.Writer) { fmt.Fprintf(w, "已取消 %s 的推荐选择\n", m) })
}

func runApprove(c *cli, args []string) error {
	fs := c.flags("approve")
	mf := measureFlag(fs)
	gov := fs.String("government", "", "省级人民政府是否同意：是 或 否")
	govDoc := fs.String("gov-doc", "", "同意文件文号")
	govDate := fs.String("gov-date", "", "同意日期 YYYY-MM-DD")
	tel := fs.String("telecom", "", "通信管理局是否会同：是 或 否（仅 digital）")
	telDoc := fs.String("telecom-doc", "", "会同文件文号")
	telDate := fs.String("telecom-date", "", "会同日期 YYYY-MM-DD")
	letterNo := fs.String("letter-no", "", "本措施推荐函的发文字号，如 鲁工信规函〔2022〕3号（每份函一个）")
	if err := parse(fs, args); err != nil {
		return err
	}
	m, err := c.measureArg(*mf)
	if err != nil {
		return err
	}
	cs, err := c.loadCase()
	if err != nil {
		return err
	}
	a := cs.Approval(m)
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for name, dst := range map[string]*string{"gov-doc": &a.GovDocNo, "gov-date": &a.GovDate, "telecom-doc": &a.TelecomDocNo, "telecom-date": &a.TelecomDate, "letter-no": &a.LetterNo} {
		if set[name] {
			*dst = *map[string]*string{"gov-doc": govDoc, "gov-date": govDate, "telecom-doc": telDoc, "telecom-date": telDate, "letter-no": letterNo}[name]
		}
	}
	if set["government"] {
		a.Government = forms.Consent(*gov)
	}
	if set["telecom"] {
		a.Telecom = forms.Consent(*tel)
	}
	var followed []forms.MeasureID
	if err := c.st.Update("报批", func(t *store.Tx) (err error) {
		followed, err = t.RecordApproval(a)
		return err
	}); err != nil {
		return err
	}
	for _, id := range followed {
		if om, err := cs.Campaign.Measure(id); err == nil {
			fmt.Fprintf(c.errOut, "%s的省政府同意意见同上（同一份批复）\n", om.Short)
		}
	}
	cs, err = c.loadCase()
	if err != nil {
		return err
	}
	a = cs.Approval(m)
	return c.emit(a, func(w io.Writer) {
		fmt.Fprintf(w, "已记录 %s 报批情况：省政府 %s %s（针对 %s），推荐函文号 %s\n", m, a.Government, a.GovDocNo, unitNameOf(cs, a.GovUnit), a.LetterNo)
		// A consent left as it was keeps the city it was given for.
		for _, i := range forms.Preflight(cs, c.now()) {
			if i.Measure == m && (strings.HasPrefix(i.Field, "approval.gov:") || strings.HasPrefix(i.Field, "approval.telecom:")) {
				fmt.Fprintf(w, "注意：%s\n", i.Message)
			}
		}
	})
}

// unitNameOf names a unit code of the case, “—” for none.
func unitNameOf(cs *forms.Case, code string) string {
	if code == "" {
		return "—"
	}
	if u, ok := cs.Unit(code); ok {
		return u.Name
	}
	return code
}
