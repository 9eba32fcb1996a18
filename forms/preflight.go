package forms

import (
	"fmt"
	"strings"
	"time"
)

// Step names a screen of the workflow (DESIGN.md §2); the GUI links an issue to it and
// the CLI names the verb that fixes it.
type Step string

const (
	StepSetup       Step = "setup"       // 设置
	StepCandidates  Step = "candidates"  // 候选市（州）
	StepFigures     Step = "figures"     // 指标数据
	StepEvents      Step = "events"      // 负面情况
	StepCriteria    Step = "criteria"    // 基本条件
	StepCompare     Step = "compare"     // 比选
	StepApprovals   Step = "approvals"   // 报批
	StepApplication Step = "application" // 申报书
	StepExport      Step = "export"      // 导出
	StepHistory     Step = "history"     // 修改记录
)

// Steps lists the workflow in the order of DESIGN.md §2, as the navigation shows it.
var Steps = []Step{StepSetup, StepCandidates, StepFigures, StepEvents, StepCriteria, StepCompare, StepApprovals, StepApplication, StepExport, StepHistory}

// Label is the Chinese name of the step as the navigation shows it.
func (s Step) Label() string {
	return map[Step]string{
		StepSetup: "设置", StepCandidates: "候选市（州）", StepFigures: "指标数据", StepEvents: "负面情况",
		StepCriteria: "基本条件", StepCompare: "比选", StepApprovals: "报批", StepApplication: "申报书",
		StepExport: "导出", StepHistory: "修改记录",
	}[s]
}

// Severity of a pre-flight issue.
type Severity string

const (
	Blocker Severity = "阻断"
	Warning Severity = "提示"
)

// Issue is one item of the pre-flight list.
type Issue struct {
	Severity Severity
	Measure  MeasureID // empty for the whole submission
	Step     Step      // the screen where it is fixed
	Field    string    // the field to fix, e.g. "settings.contact", "figure:370200/industry/ind.va_growth/2021"
	Message  string    // Chinese: what is wrong and what to do
}

// FigureField is the Field of a figure cell.
func FigureField(k FigureKey) string {
	return fmt.Sprintf("figure:%s/%s/%s/%d", k.UnitCode, k.Measure, k.Indicator, k.Year)
}

// Preflight lists everything that blocks the submission, and warnings, as of the day
// of export. An empty list of blockers means the package may be written.
func Preflight(c *Case, exportDay time.Time) []Issue {
	var out []Issue
	add := func(sev Severity, m MeasureID, st Step, field, format string, args ...any) {
		out = append(out, Issue{Severity: sev, Measure: m, Step: st, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	s := c.Settings
	if s.ProvinceCode == "" {
		add(Blocker, "", StepSetup, "settings.province", "未设置推荐单位（省份），请在“设置”中选择")
	}
	if s.Department == "" {
		add(Blocker, "", StepSetup, "settings.department", "未填写推荐单位名称（如××省工业和信息化厅），请在“设置”中填写")
	}
	if s.Contact == "" {
		add(Blocker, "", StepSetup, "settings.contact", "未填写联系人，请在“设置”中填写")
	}
	if s.Phone == "" {
		add(Blocker, "", StepSetup, "settings.phone", "未填写联系电话，请在“设置”中填写")
	}
	if s.DocNumber == "" {
		add(Warning, "", StepSetup, "settings.doc_number", "未填写推荐函的发文字号，推荐函将留空“〔　〕号”，请在“设置”中填写")
	}
	if s.Demo {
		add(Warning, "", StepSetup, "settings.demo", "当前为演示数据（数字均为虚构），不得报送")
	}
	if c.Campaign != nil && Day(exportDay).After(c.Campaign.Deadline) {
		add(Warning, "", StepExport, "campaign.deadline", "已过报送截止日期 %s（通知第五条）", c.Campaign.Deadline.Format("2006年1月2日"))
	}
	if err := CheckChoices(c.Choices); err != nil {
		add(Blocker, "", StepCompare, "choices", "%s", err.Error())
	}
	if c.Campaign == nil {
		return out
	}
	exclusions := c.Exclusions(exportDay)
	for i := range c.Campaign.Measures {
		m := &c.Campaign.Measures[i]
		ch, ok := c.Choice(m.ID)
		if !ok || ch.UnitCode == "" {
			add(Blocker, m.ID, StepCompare, "choice:"+string(m.ID), "%s：尚未选择推荐的市（州），请在“比选”中选择", m.Short)
			continue
		}
		u, known := c.Unit(ch.UnitCode)
		name := ch.UnitCode
		if known {
			name = u.Name
		}
		if err := c.CheckChoice(m.ID, ch.UnitCode, exportDay); err != nil {
			add(Blocker, m.ID, StepCompare, "choice:"+string(m.ID), "%s：%s", m.Short, err.Error())
		} else if ex := exclusions[ch.UnitCode]; len(ex) > 0 {
			add(Blocker, m.ID, StepEvents, "choice:"+string(m.ID), "%s：%s 被排除：%s", m.Short, name, ex[0].Reason)
		}
		if ch.Reason == "" {
			add(Blocker, m.ID, StepCompare, "reason:"+string(m.ID), "%s：未填写推荐理由，请在“比选”中填写", m.Short)
		}
		out = append(out, figureIssues(c, m, ch.UnitCode, name)...)
		out = append(out, applicationIssues(c, m, name)...)
		out = append(out, criteriaIssues(c, m, ch.UnitCode, name)...)
		a := c.Approval(m.ID)
		switch a.Government {
		case ConsentYes:
			if a.GovDocNo == "" {
				add(Blocker, m.ID, StepApprovals, "approval.gov_doc:"+string(m.ID), "%s：已报请省级人民政府同意，但未填写同意文件的文号", m.Short)
			}
		case ConsentNo:
			add(Blocker, m.ID, StepApprovals, "approval.gov:"+string(m.ID), "%s：推荐结果须报经省级人民政府（新疆生产建设兵团）同意（通知第五条），目前记录为“否”", m.Short)
		default:
			add(Blocker, m.ID, StepApprovals, "approval.gov:"+string(m.ID), "%s：未记录省级人民政府（新疆生产建设兵团）是否同意（通知第五条），请在“报批”中填写", m.Short)
		}
		if m.TelecomConcurrence {
			switch a.Telecom {
			case ConsentYes:
			case ConsentNo:
				add(Blocker, m.ID, StepApprovals, "approval.telecom:"+string(m.ID), "%s：须会同通信管理局推荐（办法第四条），目前记录为不同意", m.Short)
			default:
				add(Blocker, m.ID, StepApprovals, "approval.telecom:"+string(m.ID), "%s：未记录通信管理局的会同意见（办法第四条），请在“报批”中填写", m.Short)
			}
		}
	}
	return append(out, DecisionWarnings(c, exportDay)...)
}

func figureIssues(c *Case, m *Measure, code, name string) []Issue {
	var out []Issue
	for _, in := range m.Indicators {
		for _, y := range c.Campaign.IndicatorYears() {
			k := FigureKey{UnitCode: code, Measure: m.ID, Indicator: in.ID, Year: y}
			f, ok := c.Figure(k)
			where := fmt.Sprintf("%s：%s %d年“%s”", m.Short, name, y, in.Label)
			switch {
			case !ok || (f.Value.Missing && f.Remark == ""):
				out = append(out, Issue{Blocker, m.ID, StepFigures, FigureField(k), where + "未填写；确无数据的，请在备注中说明原因"})
				continue
			case f.Value.Missing:
				out = append(out, Issue{Warning, m.ID, StepFigures, FigureField(k), where + "无数据，备注：" + f.Remark})
			}
			if in.NeedsVerification() && !f.Value.Missing && f.State != Verified {
				out = append(out, Issue{Blocker, m.ID, StepFigures, FigureField(k), fmt.Sprintf("%s尚未经%s审核（当前：%s）", where, in.Verifier, f.State)})
			}
			if in.Verifier == VerifierMinistryList && f.Source == "" {
				out = append(out, Issue{Warning, m.ID, StepFigures, FigureField(k), where + "未填写来源（部公布名单的文号）"})
			}
		}
	}
	if len(m.LeadingIndustries) > 0 {
		n := 0
		for _, li := range c.Industries {
			if li.UnitCode == code && li.Name != "" {
				n++
			}
		}
		if n == 0 {
			out = append(out, Issue{Blocker, m.ID, StepFigures, "industries:" + code, fmt.Sprintf("%s：%s 未填写制造业主导产业发展情况（%d年）", m.Short, name, c.Campaign.Year)})
		}
		// A named row with blank figures prints “—”; the sub-table has no 备注 to say why.
		for _, li := range c.Industries {
			if li.UnitCode != code || li.Name == "" {
				continue
			}
			var blank []string
			vals := map[string]bool{"share": li.Share.Missing, "growth": li.Growth.Missing, "revenue": li.Revenue.Missing, "profit": li.Profit.Missing}
			for _, col := range m.LeadingIndustries {
				if !col.Text && vals[col.Key] {
					blank = append(blank, "“"+col.Label+"”")
				}
			}
			if len(blank) > 0 {
				out = append(out, Issue{Warning, m.ID, StepFigures, "industries:" + code, fmt.Sprintf("%s：%s 制造业主导产业第 %d 行“%s”未填写%s，推荐表中将显示为“—”",
					m.Short, name, li.Row, li.Name, strings.Join(blank, "、"))})
			}
			// The row's figures come from the industrial statistics (通知 item 四).
			if li.State != Verified {
				state := li.State
				if state == "" {
					state = Unverified
				}
				out = append(out, Issue{Blocker, m.ID, StepFigures, "industries:" + code, fmt.Sprintf("%s：%s 制造业主导产业第 %d 行“%s”尚未经统计部门审核（当前：%s），请在“指标数据—主导产业”中记录审核结果",
					m.Short, name, li.Row, li.Name, state)})
			}
		}
	}
	return out
}

// applicationIssues: every section of the 申报书 outline (附件1/附件2) must have text,
// except section 四, which the documents draft from the event register when empty.
func applicationIssues(c *Case, m *Measure, name string) []Issue {
	var out []Issue
	texts := c.Applications[m.ID]
	for _, sec := range m.Sections() {
		if len(sec.Children) > 0 || strings.TrimSpace(texts[sec.Key]) != "" {
			continue
		}
		field := "section:" + string(m.ID) + "/" + sec.Key
		if sec.FromEvents {
			out = append(out, Issue{Warning, m.ID, StepApplication, field, fmt.Sprintf("%s：%s 申报书“%s”为空，将根据负面情况登记自动生成", m.Short, name, sec.Heading())})
			continue
		}
		out = append(out, Issue{Blocker, m.ID, StepApplication, field, fmt.Sprintf("%s：%s 申报书“%s”尚无内容，请在“申报书”中填写或从 Word 导入", m.Short, name, sec.Heading())})
	}
	return out
}

func criteriaIssues(c *Case, m *Measure, code, name string) []Issue {
	var out []Issue
	for _, cl := range m.Clauses {
		if cl.FromEvents {
			continue
		}
		var a *Assessment
		for i := range c.Assessments {
			x := &c.Assessments[i]
			if x.UnitCode == code && x.Measure == m.ID && x.Clause == cl.Key {
				a = x
			}
		}
		field := fmt.Sprintf("assessment:%s/%s/%s", code, m.ID, cl.Key)
		switch {
		case a == nil || a.Verdict == VerdictNone:
			out = append(out, Issue{Warning, m.ID, StepCriteria, field, fmt.Sprintf("%s：%s 尚未评估%s%s", m.Short, name, m.Article, cl.Number)})
		case a.Verdict == VerdictNotMet:
			out = append(out, Issue{Warning, m.ID, StepCriteria, field, fmt.Sprintf("%s：%s 评估为不符合%s%s，请确认是否仍推荐", m.Short, name, m.Article, cl.Number)})
		}
	}
	return out
}

// Blockers returns only the blocking issues.
func Blockers(issues []Issue) []Issue {
	var out []Issue
	for _, i := range issues {
		if i.Severity == Blocker {
			out = append(out, i)
		}
	}
	return out
}

// StepStatus is the state of a workflow step as the navigation shows it.
type StepStatus struct {
	Blockers int
	Warnings int
}

// Label is “完成”, “待完善（N）” or “阻断（N）”.
func (s StepStatus) Label() string {
	switch {
	case s.Blockers > 0:
		return fmt.Sprintf("阻断 %d", s.Blockers)
	case s.Warnings > 0:
		return fmt.Sprintf("待完善 %d", s.Warnings)
	}
	return "完成"
}

// StepStatuses counts the pre-flight issues of each step.
func StepStatuses(issues []Issue) map[Step]StepStatus {
	out := map[Step]StepStatus{}
	for _, i := range issues {
		st := out[i.Step]
		if i.Severity == Blocker {
			st.Blockers++
		} else {
			st.Warnings++
		}
		out[i.Step] = st
	}
	return out
}
