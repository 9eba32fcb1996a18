package forms

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tuijian/forms/value"
)

// completeCase is a case on which nothing blocks: 青岛 for industry, 济南 for digital.
func completeCase(t *testing.T) *Case {
	c := testCase(t)
	c.Candidates[Digital] = []string{"370100", "370200"}
	for _, ch := range []Choice{{Measure: Industry, UnitCode: "370200", Reason: "领先"}, {Measure: Digital, UnitCode: "370100", Reason: "领先"}} {
		c.Choices = append(c.Choices, ch)
		m, _ := c.Campaign.Measure(ch.Measure)
		for _, in := range m.Indicators {
			for _, y := range c.Campaign.IndicatorYears() {
				v := value.Value{A: 1}
				c.Figures = append(c.Figures, Figure{FigureKey: FigureKey{ch.UnitCode, ch.Measure, in.ID, y}, Value: v, Source: "公报", State: Verified})
			}
		}
		for _, cl := range m.Clauses {
			c.Assessments = append(c.Assessments, Assessment{UnitCode: ch.UnitCode, Measure: ch.Measure, Clause: cl.Key, Verdict: VerdictMet})
		}
		a := Approval{Measure: ch.Measure, Government: ConsentYes, GovDocNo: "鲁政字〔2022〕1号", GovDate: "2022-01-30", GovUnit: ch.UnitCode,
			LetterNo: "鲁工信函〔2022〕" + map[MeasureID]string{Industry: "1", Digital: "2"}[ch.Measure] + "号"}
		if m.TelecomConcurrence {
			a.Telecom, a.TelecomDate, a.TelecomUnit = ConsentYes, "2022-01-29", ch.UnitCode
		}
		c.Approvals = append(c.Approvals, a)
		c.Screenings = append(c.Screenings, Screening{UnitCode: ch.UnitCode, Checker: "规划处 李四", Departments: "省应急管理厅、省生态环境厅", Date: "2022-01-28", Basis: "两厅复函"})
	}
	c.Industries = []LeadingIndustry{{UnitCode: "370200", Row: 1, Name: "家电", Share: value.Value{A: 20}, Growth: value.Value{A: 8},
		Revenue: value.Value{A: 100}, Profit: value.Value{A: 9}, State: Verified, VerifiedBy: "省统计局", VerifyDocNo: "鲁统函〔2022〕1号"}}
	c.Applications = map[ChoiceKey]map[string]string{}
	for _, ch := range c.Choices {
		m, _ := c.Campaign.Measure(ch.Measure)
		texts := map[string]string{}
		for _, sec := range m.Sections() {
			if !sec.FromEvents {
				texts[sec.Key] = "正文"
			}
		}
		c.Applications[ChoiceKey{ch.Measure, ch.UnitCode}] = texts
	}
	return c
}

func blockerFields(c *Case) []string {
	var out []string
	for _, i := range Blockers(Preflight(c, day(2022, 2, 1))) {
		out = append(out, i.Field)
	}
	return out
}

func TestPreflightComplete(t *testing.T) {
	c := completeCase(t)
	if b := blockerFields(c); len(b) != 0 {
		t.Fatalf("complete case blocked by %v", b)
	}
	for _, i := range Preflight(c, day(2022, 3, 1)) {
		if i.Field == "campaign.deadline" && i.Severity == Warning {
			return
		}
	}
	t.Error("no warning after the deadline")
}

func TestPreflightBlockers(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(c *Case)
		field  string
		step   Step
	}{
		{"no contact", func(c *Case) { c.Settings.Contact = "" }, "settings.contact", StepSetup},
		{"no phone", func(c *Case) { c.Settings.Phone = "" }, "settings.phone", StepSetup},
		{"no choice for any measure (通知二: at least one is recommended)", func(c *Case) { c.Choices = nil }, "choices", StepCompare},
		{"two choices", func(c *Case) {
			c.Choices = append(c.Choices, Choice{Measure: Industry, UnitCode: "370100", Reason: "x"})
		}, "choice:industry", StepCompare},
		{"no reason", func(c *Case) { c.Choices[0].Reason = "" }, "reason:industry", StepCompare},
		{"missing figure", func(c *Case) { c.Figures = c.Figures[1:] }, "figure:370200/industry/ind.va_growth/2020", StepFigures},
		{"missing value without remark", func(c *Case) { c.Figures[0].Value = value.Value{Missing: true} }, "figure:370200/industry/ind.va_growth/2020", StepFigures},
		{"unverified statistical figure", func(c *Case) { c.Figures[0].State = Unverified }, "figure:370200/industry/ind.va_growth/2020", StepFigures},
		{"no government approval", func(c *Case) { c.Approvals[0].Government = ConsentUnknown }, "approval.gov:industry", StepApprovals},
		{"government said no", func(c *Case) { c.Approvals[0].Government = ConsentNo }, "approval.gov:industry", StepApprovals},
		{"consent given for another city (通知五)", func(c *Case) { c.Approvals[0].GovUnit = "370100" }, "approval.gov:industry", StepApprovals},
		{"telecom concurrence for another city (办法第四条)", func(c *Case) { c.Approvals[1].TelecomUnit = "370200" }, "approval.telecom:digital", StepApprovals},
		{"consent dated after the package", func(c *Case) { c.Approvals[0].GovDate = "2022-02-02" }, "approval.gov_date:industry", StepApprovals},
		{"telecom concurrence dated after the package", func(c *Case) { c.Approvals[1].TelecomDate = "2022-03-01" }, "approval.telecom_date:digital", StepApprovals},
		{"verification dated after the package (通知四)", func(c *Case) { c.Figures[0].VerifiedAt = "2022-02-05" }, "figure:370200/industry/ind.va_growth/2020", StepFigures},
		{"two letters share a 发文字号", func(c *Case) { c.Approvals[1].LetterNo = c.Approvals[0].LetterNo }, "approval.letter_no:digital", StepApprovals},
		{"发文字号 of another year than the 成文日期", func(c *Case) { c.Approvals[0].LetterNo = "鲁工信函〔2021〕9号" }, "approval.letter_no:industry", StepApprovals},
		{"no screening of the chosen city (办法第六条（六）)", func(c *Case) { c.Screenings = c.Screenings[1:] }, "screening:370200", StepEvents},
		{"screening without basis", func(c *Case) { c.Screenings[0].Basis = "" }, "screening:370200", StepEvents},
		{"no department", func(c *Case) { c.Settings.Department = "" }, "settings.department", StepSetup},
		{"placeholder department", func(c *Case) { c.Settings.Department = "山东省工业和信息化主管部门" }, "settings.department", StepSetup},
		{"chosen city barred (办法第十六条)", func(c *Case) {
			c.Bars = []Bar{{UnitCode: "370200", FromYear: 2020, ToYear: 2022, DocNo: "工信厅规函〔2020〕1号", Reason: "提供虚假材料"}}
		}, "choice:industry", StepCompare},
		{"province barred (办法第十六条)", func(c *Case) {
			c.Bars = []Bar{{FromYear: 2021, ToYear: 2023, DocNo: "工信厅规函〔2021〕1号", Reason: "弄虚作假"}}
		}, "bar:province", StepSetup},
		{"no telecom concurrence", func(c *Case) { c.Approvals[1].Telecom = ConsentUnknown }, "approval.telecom:digital", StepApprovals},
		{"empty application section", func(c *Case) { c.Applications[ChoiceKey{Digital, c.ChosenCodes(Digital)[0]}]["2.4"] = "  " }, "section:digital/2.4", StepApplication},
		{"no leading industries", func(c *Case) { c.Industries = nil }, "industries:370200", StepFigures},
		{"unverified leading industry", func(c *Case) { c.Industries[0].State = Unverified }, "industries:370200", StepFigures},
		{"questioned leading industry", func(c *Case) { c.Industries[0].State = Questioned }, "industries:370200", StepFigures},
		{"excluded choice", func(c *Case) {
			c.Events = []Event{{ID: 1, UnitCode: "370200", Kind: EventSocial, Date: day(2020, 3, 3), Title: "x", Severe: true, Basis: "通报"}}
		}, "choice:industry", StepCompare},
		{"chosen city not a candidate", func(c *Case) { c.Candidates[Industry] = []string{"370100"} }, "choice:industry", StepCompare},
	}
	for _, tc := range cases {
		c := completeCase(t)
		tc.mutate(c)
		var found *Issue
		for _, i := range Preflight(c, day(2022, 2, 1)) {
			if i.Field == tc.field && i.Severity == Blocker {
				i := i
				found = &i
			}
		}
		if found == nil {
			t.Errorf("%s: no blocker on %s; blockers: %v", tc.name, tc.field, blockerFields(c))
			continue
		}
		if found.Step != tc.step || found.Message == "" {
			t.Errorf("%s: issue %+v, want step %s", tc.name, found, tc.step)
		}
	}
}

func TestPreflightWarnings(t *testing.T) {
	c := completeCase(t)
	c.Figures[0].Value = value.Value{Missing: true}
	c.Figures[0].Remark = "统计口径调整，当年无数据"
	c.Settings.Demo = true
	var warn []string
	for _, i := range Preflight(c, day(2022, 2, 1)) {
		if i.Severity == Blocker {
			t.Errorf("unexpected blocker %s: %s", i.Field, i.Message)
		} else {
			warn = append(warn, i.Message)
		}
	}
	all := strings.Join(warn, "\n")
	if !strings.Contains(all, "无数据，备注：统计口径调整") || !strings.Contains(all, "演示数据") {
		t.Errorf("warnings: %s", all)
	}
	st := StepStatuses(Preflight(c, day(2022, 2, 1)))
	if st[StepFigures].Warnings != 1 || st[StepFigures].Blockers != 0 || st[StepFigures].Label() != "待完善 1" {
		t.Errorf("step status %+v", st[StepFigures])
	}
}

// A named 主导产业 row whose figures are blank is flagged on the row (the table prints
// “—”), as a warning: the sub-table has no 备注 to say why a figure is missing.
func TestPreflightLeadingIndustryFigures(t *testing.T) {
	c := completeCase(t)
	for _, i := range Preflight(c, day(2022, 2, 1)) {
		if strings.HasPrefix(i.Field, "industries:") {
			t.Fatalf("complete case: unexpected issue %+v", i)
		}
	}
	c.Industries = []LeadingIndustry{{UnitCode: "370200", Row: 1, Name: "家电", Share: value.Value{A: 20}, Growth: value.Value{Missing: true},
		Revenue: value.Value{A: 100}, Profit: value.Value{Missing: true}, State: Verified}}
	var found []Issue
	for _, i := range Preflight(c, day(2022, 2, 1)) {
		if i.Field == "industries:370200" {
			found = append(found, i)
		}
	}
	if len(found) != 1 || found[0].Severity != Warning || found[0].Step != StepFigures ||
		!strings.Contains(found[0].Message, "第 1 行“家电”") || !strings.Contains(found[0].Message, "工业增加值增速（%）") || !strings.Contains(found[0].Message, "利润总额（亿元）") ||
		strings.Contains(found[0].Message, "销售收入") {
		t.Errorf("issues on the row: %+v", found)
	}
}

func TestCampaignDefinitions(t *testing.T) {
	c, err := CampaignFor(2021)
	if err != nil {
		t.Fatal(err)
	}
	if ys := c.IndicatorYears(); ys != [2]int{2020, 2021} {
		t.Errorf("indicator years %v", ys)
	}
	ind, _ := c.Measure(Industry)
	dig, _ := c.Measure(Digital)
	if len(ind.Indicators) != 10 || len(dig.Indicators) != 9 {
		t.Errorf("附件3 has 10 indicator rows and 附件4 has 9: %d, %d", len(ind.Indicators), len(dig.Indicators))
	}
	if len(ind.Clauses) != 6 || len(dig.Clauses) != 6 || !ind.Clauses[5].FromEvents {
		t.Error("six clauses each, （六） from events")
	}
	for _, m := range []*Measure{ind, dig} {
		seen := map[string]bool{}
		for _, in := range m.Indicators {
			if seen[in.ID] {
				t.Errorf("duplicate id %s", in.ID)
			}
			seen[in.ID] = true
			stat := in.Kind == value.Growth || in.Kind == value.Share
			if stat != in.Statistical() && in.Verifier != VerifierTelecom {
				t.Errorf("%s: growth rates and shares are statistical, counts are not", in.Label)
			}
		}
		for _, cl := range m.Clauses {
			for _, id := range cl.Indicators {
				if !seen[id] {
					t.Errorf("clause %s links unknown indicator %s", cl.Number, id)
				}
			}
		}
		secs := m.Sections()
		if len(secs) < 8 || secs[len(secs)-1].Title != "其他说明事项" || !secs[len(secs)-1].FromEvents {
			t.Errorf("%s outline: %d sections", m.Short, len(secs))
		}
	}
	if dig.Indicators[8].Remark == "" || !strings.Contains(dig.Indicators[8].Remark, "标杆赛") {
		t.Error("附件4 备注 of the 绽放杯 row missing")
	}
	if _, err := CampaignFor(2030); err == nil {
		t.Error("unknown campaign year accepted")
	}
}

// 销售收入（亿元）, 利润总额（亿元）of the 主导产业 table and 每万人拥有5G基站数（个）are plain
// numbers, not percentages.
func TestPlainNumberKinds(t *testing.T) {
	c, _ := CampaignFor(2021)
	m, _ := c.Measure(Industry)
	kinds := map[string]value.Kind{}
	for _, col := range m.LeadingIndustries {
		kinds[col.Key] = col.Kind
	}
	if kinds["share"] != value.Share || kinds["growth"] != value.Growth || kinds["revenue"] != value.Number || kinds["profit"] != value.SignedNumber {
		t.Errorf("column kinds %v", kinds)
	}
	d, _ := c.Measure(Digital)
	if in, _ := d.Indicator("dig.bs5g"); in.Kind != value.Number {
		t.Errorf("每万人拥有5G基站数 is a %v", in.Kind)
	}
}

// Every text the campaign prints is the notice's own, character for character: the
// measure names and table titles, each indicator label of 附件3/附件4 (units, full-width
// punctuation, quotes “”), the 备注 of 附件4, the clauses of 第六条/第七条, the outline of
// 附件1/附件2 and the 主导产业 columns. testdata holds the notice as published with 工信厅规函
// 〔2022〕13号 (its text layer, line breaks removed before comparing).
func TestTextsAreTheNotice(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "notice-2022-13.txt"))
	if err != nil {
		t.Fatal(err)
	}
	notice := strings.ReplaceAll(string(b), "\n", "")
	// The one page break of the text layer that repeats a character (附件2 二（三）).
	notice = strings.Replace(notice, "加快产业数数字化转型", "加快产业数字化转型", 1)
	c, _ := CampaignFor(2021)
	in := func(what, s string) {
		if s != "" && !strings.Contains(notice, s) {
			t.Errorf("%s is not the notice's text: %q", what, s)
		}
	}
	for _, m := range c.Measures {
		in("measure name", m.Name)
		in("table title", strings.TrimSuffix(m.TableTitle, "推荐表"))
		for _, ind := range m.Indicators {
			in("indicator label", ind.Label)
			in("remark", ind.Remark)
		}
		for _, cl := range m.Clauses {
			in(m.Article+" clause", cl.Number+cl.Text)
		}
		for _, sec := range m.Sections() {
			in("section heading", sec.Heading())
			in("section guidance", sec.Guidance)
		}
		for _, col := range m.LeadingIndustries {
			in("主导产业 column", col.Label)
		}
	}
}

func TestPreflightWarnsOnMissingDocNumber(t *testing.T) {
	c := completeCase(t)
	c.Approvals[0].LetterNo = ""
	for _, i := range Preflight(c, day(2022, 2, 1)) {
		if i.Field == "approval.letter_no:industry" {
			if i.Severity != Warning || i.Step != StepApprovals {
				t.Errorf("issue %+v", i)
			}
			return
		}
	}
	t.Error("no warning for a missing 发文字号")
}

func TestPreflightUnverifiedIndustryRowNamed(t *testing.T) {
	c := completeCase(t)
	c.Industries = append(c.Industries, LeadingIndustry{UnitCode: "370200", Row: 2, Name: "轨道交通装备", Share: value.Value{A: 5}, Growth: value.Value{A: 3},
		Revenue: value.Value{A: 50}, Profit: value.Value{A: 2}},
		// rows of a city not chosen for the measure do not block
		LeadingIndustry{UnitCode: "370100", Row: 1, Name: "软件", State: Unverified})
	got := Blockers(Preflight(c, day(2022, 2, 1)))
	if len(got) != 1 || got[0].Field != "industries:370200" || got[0].Step != StepFigures || got[0].Measure != Industry ||
		!strings.Contains(got[0].Message, "第 2 行“轨道交通装备”") || !strings.Contains(got[0].Message, "未审核") {
		t.Fatalf("blockers: %+v", got)
	}
}

// Rules where the notice is looser than a blocker (issue 11 point 9, point 1): each of
// these is a warning, never a blocker, and the case stays exportable.
func TestPreflightWarnsWhereTheNoticeDoesNotRequire(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(c *Case)
		field  string
	}{
		{"one measure left without a city (通知二 “不超过1个”)", func(c *Case) { c.Choices = c.Choices[:1] }, "choice:digital"},
		{"consent without 文号 (附件3/4 ask 是/否 only)", func(c *Case) { c.Approvals[0].GovDocNo = "" }, "approval.gov_doc:industry"},
		{"telecom figure not confirmed by the 通信管理局 (通知四 names the statistics bureau)", func(c *Case) {
			for i := range c.Figures {
				if c.Figures[i].Indicator == "dig.gigabit" {
					c.Figures[i].State = Unverified
				}
			}
		}, "figure:370100/digital/dig.gigabit/2021"},
		{"主导产业 row outside the statistical system", func(c *Case) {
			c.Industries[0].State, c.Industries[0].NotStatistical, c.Industries[0].NotStatReason = Unverified, true, "统计部门未单列该产业"
		}, "industries:370200"},
		{"package after the deadline", func(c *Case) {}, "campaign.deadline"},
	}
	for _, tc := range cases {
		c := completeCase(t)
		tc.mutate(c)
		issues := Preflight(c, day(2022, 2, 14))
		if tc.field == "campaign.deadline" {
			issues = Preflight(c, day(2022, 2, 15))
		}
		found := false
		for _, i := range issues {
			if i.Severity == Blocker {
				t.Errorf("%s: unexpected blocker %s: %s", tc.name, i.Field, i.Message)
			}
			if i.Field == tc.field && i.Severity == Warning {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no warning on %s", tc.name, tc.field)
		}
	}
}

// 通知五: the message names both cities when the consent was given for another one.
func TestPreflightStaleConsentNamesBothCities(t *testing.T) {
	c := completeCase(t)
	c.Choices[0].UnitCode = "370100" // 济南 now, the consent was for 青岛
	for _, i := range Preflight(c, day(2022, 2, 1)) {
		if i.Field == "approval.gov:industry" {
			if !strings.Contains(i.Message, "省政府同意的是青岛市，现推荐济南市，请重新报批") {
				t.Errorf("message: %s", i.Message)
			}
			return
		}
	}
	t.Error("no blocker for a consent given for another city")
}

func TestDocNumberYear(t *testing.T) {
	for in, want := range map[string]int{"鲁工信规函〔2022〕3号": 2022, "粤工信函[2021]12号": 2021, "新工信函［2022］1号": 2022, "京经信函（2022）7号": 2022, "〔　〕号": 0, "无年份": 0} {
		got, ok := DocNumberYear(in)
		if got != want || ok != (want != 0) {
			t.Errorf("DocNumberYear(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
}

func TestDepartmentFor(t *testing.T) {
	if len(RecommendingBodies) != 32 {
		t.Fatalf("%d recommending bodies, want 31 provinces and the 兵团", len(RecommendingBodies))
	}
	cases := []struct{ current, old, new, want string }{
		{"", "", "440000", "广东省工业和信息化厅"},
		{"山东省工业和信息化厅", "370000", "440000", "广东省工业和信息化厅"}, // a new province never keeps the old name
		{"山东省工信厅规划处", "370000", "440000", "广东省工业和信息化厅"},
		{"广东省工业和信息化厅（规划处）", "440000", "440000", "广东省工业和信息化厅（规划处）"},
		{"广东省工业和信息化主管部门", "440000", "440000", "广东省工业和信息化厅"},
		{"", "", BingtuanCode, "新疆生产建设兵团工业和信息化局"},
		{"", "", "110000", "北京市经济和信息化局"},
	}
	for _, tc := range cases {
		if got := DepartmentFor(tc.current, tc.old, tc.new); got != tc.want {
			t.Errorf("DepartmentFor(%q, %s, %s) = %q, want %q", tc.current, tc.old, tc.new, got, tc.want)
		}
	}
}

// Issue 14 point 6: right after setup no step but 设置 is 完成.
func TestStepsNotDoneAfterSetup(t *testing.T) {
	c := testCase(t)
	c.Candidates = map[MeasureID][]string{}
	st := StepStatuses(Preflight(c, day(2022, 2, 1)))
	for _, s := range []Step{StepCandidates, StepFigures, StepEvents, StepCriteria, StepCompare, StepApprovals, StepApplication} {
		if st[s].Label() == "完成" {
			t.Errorf("%s shows 完成 with nothing done", s.Label())
		}
	}
	if full := StepStatuses(Preflight(completeCase(t), day(2022, 2, 1))); full[StepCandidates].Label() != "完成" || full[StepEvents].Label() != "完成" {
		t.Errorf("complete case: %+v", full)
	}
}

// Issue 14 point 7: phone numbers and field lengths are checked, naming the field.
func TestCheckSettings(t *testing.T) {
	base := Settings{Department: "广东省工业和信息化厅", Contact: "张三", Phone: "020-83133000"}
	ok := []Settings{base, {Phone: "0851-86000001、13912345678，传真：0851-86000002"}, {Phone: "（020）8313 3000 转 123"}}
	for _, st := range ok {
		if err := CheckSettings(st); err != nil {
			t.Errorf("%+v: %v", st, err)
		}
	}
	bad := map[string]Settings{
		"推荐单位名称有":  {Department: strings.Repeat("工", 41)},
		"含有“x”":    {Phone: "0531-x"},
		"至少 7 位数字": {Phone: "12345"},
	}
	for want, st := range bad {
		if err := CheckSettings(st); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%+v: %v, want %q", st, err, want)
		}
	}
}
