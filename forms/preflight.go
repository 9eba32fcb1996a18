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
// of export (the package date: 成文日期, 填报日期 and the end of the event window). An
// empty list of blockers means the package may be written.
//
// Decisions where the notice is silent or looser than an earlier version of this app
// (issue 11): a measure may be left without a city (通知 二 “不超过1个”), a warning, but
// at least one measure must be recommended; the consent's 文号 is a warning (附件3/4 ask
// only 是/否); the 通信管理局's confirmation of the telecom figures is a warning (通知
// 四 asks the statistics bureau for statistical figures only); a 主导产业 row marked as
// outside the statistical system needs no verification (a warning says so).
func Preflight(c *Case, exportDay time.Time) []Issue {
	var out []Issue
	add := func(sev Severity, m MeasureID, st Step, field, format string, args ...any) {
		out = append(out, Issue{Severity: sev, Measure: m, Step: st, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	s := c.Settings
	day := Day(exportDay)
	if s.ProvinceCode == "" {
		add(Blocker, "", StepSetup, "settings.province", "未设置推荐单位（省份），请在“设置”中选择")
	}
	switch d := strings.TrimSpace(s.Department); {
	case d == "":
		add(Blocker, "", StepSetup, "settings.department", "未填写推荐单位名称（如%s），请在“设置”中填写", exampleBody(s.ProvinceCode))
	case isPlaceholderBody(d):
		add(Blocker, "", StepSetup, "settings.department", "推荐单位名称“%s”不是实际机构名称，请在“设置”中填写（如%s）", d, exampleBody(s.ProvinceCode))
	}
	if s.Contact == "" {
		add(Blocker, "", StepSetup, "settings.contact", "未填写联系人，请在“设置”中填写")
	}
	if s.Phone == "" {
		add(Blocker, "", StepSetup, "settings.phone", "未填写联系电话，请在“设置”中填写")
	}
	if s.Demo {
		add(Warning, "", StepSetup, "settings.demo", "当前为演示数据（数字均为虚构），不得报送")
	}
	if c.Campaign != nil && day.After(c.Campaign.Deadline) {
		add(Warning, "", StepExport, "campaign.deadline", "报送日期 %s 已过报送截止日期 %s（通知第五条），报送将被视为逾期", day.Format("2006年1月2日"), c.Campaign.Deadline.Format("2006年1月2日"))
	}
	if c.Campaign == nil {
		return out
	}
	for _, b := range c.Bars {
		if b.UnitCode == "" && b.Covers(c.Campaign.Year) {
			add(Blocker, "", StepSetup, "bar:province", "%s在 %d—%d 年度被取消申报资格（办法第十六条，%s）：%s", c.Province.Name, b.FromYear, b.ToYear, b.DocNo, b.Reason)
		}
	}
	exclusions := c.Exclusions(exportDay)
	chosenAny := false
	letterNos := map[string]string{}
	for i := range c.Campaign.Measures {
		m := &c.Campaign.Measures[i]
		chosen := c.ChoicesOf(m.ID)
		if len(chosen) == 0 {
			add(Warning, m.ID, StepCompare, "choice:"+string(m.ID), "%s：未选择推荐的%s。通知第二条规定%s，本项可以不推荐，报送包将不含本项材料；如需推荐，请在“比选”中选择", m.Short, m.UnitWord(), m.Quota.Text())
			continue
		}
		chosenAny = true
		if err := c.CheckQuota(m, c.ChosenCodes(m.ID)); err != nil {
			add(Blocker, m.ID, StepCompare, "choice:"+string(m.ID), "%s", err.Error())
		}
		a := c.Approval(m.ID)
		for _, ch := range chosen {
			u, known := c.Unit(ch.UnitCode)
			name := ch.UnitCode
			if known {
				name = u.FullName()
			}
			if err := c.CheckChoice(m.ID, ch.UnitCode, exportDay); err != nil {
				add(Blocker, m.ID, StepCompare, "choice:"+string(m.ID), "%s：%s", m.Short, err.Error())
			} else if ex := exclusions[ch.UnitCode]; len(ex) > 0 {
				add(Blocker, m.ID, StepEvents, "choice:"+string(m.ID), "%s：%s 被排除：%s", m.Short, name, ex[0].Reason)
			}
			if ch.Reason == "" {
				add(Blocker, m.ID, StepCompare, "reason:"+string(m.ID), "%s：未填写%s的推荐理由，请在“比选”中填写", m.Short, name)
			}
			out = append(out, figureIssues(c, m, ch.UnitCode, name, day)...)
			out = append(out, applicationIssues(c, m, ch.UnitCode, name)...)
			out = append(out, criteriaIssues(c, m, ch.UnitCode, name)...)
			out = append(out, screeningIssues(c, m, ch.UnitCode, name, day)...)
			out = append(out, approvalIssues(c, m, a, ch.UnitCode, name, day)...)
		}
		field := "approval.letter_no:" + string(m.ID)
		switch no := strings.TrimSpace(a.LetterNo); {
		case no == "":
			add(Warning, m.ID, StepApprovals, field, "%s：未填写推荐函的发文字号，推荐函将留空“〔　〕号”，请在“报批”中填写", m.Short)
		default:
			if prev, dup := letterNos[no]; dup {
				add(Blocker, m.ID, StepApprovals, field, "%s：推荐函发文字号“%s”与%s的推荐函相同，每份函须有自己的文号，请在“报批”中修改", m.Short, no, prev)
			}
			letterNos[no] = m.Short
			if y, ok := DocNumberYear(no); ok && y != day.Year() {
				add(Blocker, m.ID, StepApprovals, field, "%s：推荐函发文字号“%s”的年份 %d 与成文日期（%s）的年份不同，请核对文号或报送日期", m.Short, no, y, day.Format("2006年1月2日"))
			}
		}
	}
	if !chosenAny {
		word := "市（州）"
		for i := range c.Campaign.Measures {
			if w := c.Campaign.Measures[i].UnitWord(); w != word {
				word = w
			}
		}
		add(Blocker, "", StepCompare, "choices", "各项措施均未选择推荐的%s：报送包至少须推荐一项，请在“比选”中选择", word)
	}
	out = append(out, notStarted(c)...)
	return append(out, DecisionWarnings(c, exportDay)...)
}

// notStarted marks the steps whose work has not begun at all, so that the navigation
// never shows 完成 for a step nobody opened (issue 14): no candidate, no figure, no
// screening, no assessment, no approval, no 申报书 text.
func notStarted(c *Case) []Issue {
	var out []Issue
	add := func(st Step, field, msg string) {
		out = append(out, Issue{Severity: Warning, Step: st, Field: field, Message: msg})
	}
	candidates := 0
	for _, codes := range c.Candidates {
		candidates += len(codes)
	}
	if candidates == 0 {
		add(StepCandidates, "candidates", "尚未勾选候选市（州），请在“候选市（州）”中勾选")
	}
	if len(c.Figures) == 0 {
		add(StepFigures, "figures", "尚未填写指标数据")
	}
	if len(c.Screenings) == 0 {
		add(StepEvents, "events", "尚未记录任何候选市（州）近三年负面情况的核查")
	}
	if len(c.Assessments) == 0 {
		add(StepCriteria, "criteria", "尚未评估基本条件（第六/七条（一）—（五））")
	}
	recorded, needed := false, false
	for _, a := range c.Approvals {
		recorded = recorded || a.Government != ConsentUnknown
	}
	if c.Campaign != nil {
		for _, m := range c.Campaign.Measures {
			needed = needed || m.GovernmentConsent
		}
	}
	if needed && !recorded {
		add(StepApprovals, "approvals", "尚未记录省级人民政府的同意意见")
	}
	texts := false
	for _, secs := range c.Applications {
		for _, t := range secs {
			texts = texts || strings.TrimSpace(t) != ""
		}
	}
	if !texts {
		add(StepApplication, "application", "尚未填写或导入申报书")
	}
	return out
}

// exampleBody names the province's recommending body for a message.
func exampleBody(code string) string {
	if b := RecommendingBodies[code]; b != "" {
		return b
	}
	return "××省工业和信息化厅"
}

// DocNumberYear is the year in a 发文字号's 〔〕 (GB/T 9704 §7.2.4: 年份 in 六角括号),
// e.g. 2022 for 鲁工信规函〔2022〕3号; ok is false when the number has none.
func DocNumberYear(no string) (int, bool) {
	for _, br := range [][2]string{{"〔", "〕"}, {"[", "]"}, {"［", "］"}, {"(", ")"}, {"（", "）"}} {
		_, rest, ok := strings.Cut(no, br[0])
		if !ok {
			continue
		}
		y, _, ok := strings.Cut(rest, br[1])
		if !ok || len(y) != 4 {
			continue
		}
		n := 0
		for _, r := range y {
			if r < '0' || r > '9' {
				n = -1
				break
			}
			n = n*10 + int(r-'0')
		}
		if n > 0 {
			return n, true
		}
	}
	return 0, false
}

// after reports whether the stored date s is after day (false when s is empty or
// unreadable; the store refuses unreadable dates).
func after(s string, day time.Time) bool {
	d, err := ParseDate(s)
	return err == nil && d.After(day)
}

// approvalIssues: 通知 五 and 办法 第八条 ask the provincial government's consent to
// the recommended city; 办法 第四条 the 通信管理局's for digital. A consent recorded for
// another city is stale; consent dates are on or before the package date.
func approvalIssues(c *Case, m *Measure, a Approval, code, name string, day time.Time) []Issue {
	var out []Issue
	add := func(sev Severity, field, format string, args ...any) {
		out = append(out, Issue{Severity: sev, Measure: m.ID, Step: StepApprovals, Field: field + ":" + string(m.ID), Message: m.Short + "：" + fmt.Sprintf(format, args...)})
	}
	if !m.GovernmentConsent && !m.TelecomConcurrence {
		return nil
	}
	switch {
	case !m.GovernmentConsent:
	case a.Government == ConsentUnknown:
		add(Blocker, "approval.gov", "未记录省级人民政府（新疆生产建设兵团）是否同意推荐%s（通知第五条），请在“报批”中填写", name)
	case !a.GovCovers(code):
		add(Blocker, "approval.gov", "省政府%s的是%s，现推荐%s，请重新报批", consentVerb(a.Government), unitNames(c, a.GovUnit), name)
	case a.Government == ConsentNo:
		add(Blocker, "approval.gov", "推荐结果须报经省级人民政府（新疆生产建设兵团）同意（通知第五条），目前对%s记录为“否”", name)
	default:
		if a.GovDocNo == "" {
			add(Warning, "approval.gov_doc", "已记录省级人民政府同意，但未填写同意文件的文号（附件3/4只要求填写“是/否”，文号便于核对）")
		}
		if after(a.GovDate, day) {
			add(Blocker, "approval.gov_date", "省政府同意日期 %s 晚于报送日期 %s，请核对", a.GovDate, day.Format("2006-01-02"))
		}
	}
	if !m.TelecomConcurrence {
		return out
	}
	switch {
	case a.Telecom == ConsentUnknown:
		add(Blocker, "approval.telecom", "未记录通信管理局对推荐%s的会同意见（办法第四条），请在“报批”中填写", name)
	case !a.TelecomCovers(code):
		add(Blocker, "approval.telecom", "通信管理局%s的是%s，现推荐%s，请重新商通信管理局", consentVerb(a.Telecom), unitNames(c, a.TelecomUnit), name)
	case a.Telecom == ConsentNo:
		add(Blocker, "approval.telecom", "须会同通信管理局推荐（办法第四条），目前对%s记录为不同意", name)
	default:
		if after(a.TelecomDate, day) {
			add(Blocker, "approval.telecom_date", "通信管理局会同日期 %s 晚于报送日期 %s，请核对", a.TelecomDate, day.Format("2006-01-02"))
		}
	}
	return out
}

// unitNames names the units of a consent's set (“青岛市、烟台市”).
func unitNames(c *Case, set string) string {
	var names []string
	for _, code := range UnitSet(set) {
		if u, ok := c.Unit(code); ok {
			names = append(names, u.FullName())
		} else {
			names = append(names, code)
		}
	}
	return strings.Join(names, "、")
}

func consentVerb(c Consent) string {
	if c == ConsentNo {
		return "不同意"
	}
	return "同意"
}

// screeningIssues: the documents state “经核查…未发生…” (申报书 四, the 推荐函) only
// after the officer recorded who checked the candidate, with which departments, when
// and on what basis (办法 第六/七条（六）, 通知 三 “严格把关”).
func screeningIssues(c *Case, m *Measure, code, name string, day time.Time) []Issue {
	field := "screening:" + code
	sc, ok := c.Screening(code)
	switch {
	case !ok || strings.TrimSpace(sc.Checker) == "" || strings.TrimSpace(sc.Departments) == "" || sc.Date == "" || strings.TrimSpace(sc.Basis) == "":
		return []Issue{{Blocker, m.ID, StepEvents, field, fmt.Sprintf("%s：尚未记录对%s"+c.Campaign.Recent()+"负面情况的核查（核查人、会同部门如应急管理厅和生态环境厅、日期、依据），记录后推荐函和申报书才写“经核查…未发生…”；请在“负面情况”中记录", m.Short, name)}}
	case after(sc.Date, day):
		return []Issue{{Blocker, m.ID, StepEvents, field, fmt.Sprintf("%s：%s负面情况的核查日期 %s 晚于报送日期 %s，请核对", m.Short, name, sc.Date, day.Format("2006-01-02"))}}
	}
	return nil
}

func figureIssues(c *Case, m *Measure, code, name string, day time.Time) []Issue {
	var out []Issue
	for _, in := range m.Indicators {
		for _, y := range c.Campaign.IndicatorYears() {
			if !in.Asks(y) {
				continue
			}
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
			switch {
			case !in.NeedsVerification() || f.Value.Missing:
			case f.State != Verified && in.Statistical() && c.Campaign.StatisticsVerification:
				out = append(out, Issue{Blocker, m.ID, StepFigures, FigureField(k), fmt.Sprintf("%s尚未经%s审核（当前：%s，通知第四条）", where, in.Verifier, f.State)})
			case f.State != Verified:
				// Telecom statistics: 通知 四 names the statistics bureau only.
				out = append(out, Issue{Warning, m.ID, StepFigures, FigureField(k), fmt.Sprintf("%s尚未经%s确认（当前：%s），建议确认后报送", where, in.Verifier, f.State)})
			case after(f.VerifiedAt, day):
				out = append(out, Issue{Blocker, m.ID, StepFigures, FigureField(k), fmt.Sprintf("%s的审核日期 %s 晚于报送日期 %s，请核对", where, f.VerifiedAt, day.Format("2006-01-02"))})
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
			// The row's figures come from the industrial statistics (通知 item 四),
			// unless the officer marked the row as outside the statistical system.
			if li.NotStatistical {
				out = append(out, Issue{Warning, m.ID, StepFigures, "industries:" + code, fmt.Sprintf("%s：%s 制造业主导产业第 %d 行“%s”未纳入统计体系，不经统计部门审核（原因：%s）",
					m.Short, name, li.Row, li.Name, li.NotStatReason)})
			} else if li.State == Verified && after(li.VerifiedAt, day) {
				out = append(out, Issue{Blocker, m.ID, StepFigures, "industries:" + code, fmt.Sprintf("%s：%s 制造业主导产业第 %d 行“%s”的审核日期 %s 晚于报送日期 %s，请核对",
					m.Short, name, li.Row, li.Name, li.VerifiedAt, day.Format("2006-01-02"))})
			} else if li.State != Verified && c.Campaign.StatisticsVerification {
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
func applicationIssues(c *Case, m *Measure, code, name string) []Issue {
	var out []Issue
	texts := c.Application(m.ID, code)
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
