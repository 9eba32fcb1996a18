package forms

import (
	"strings"
	"testing"

	"tuijian/forms/grading"
)

func TestDraftEventsSection(t *testing.T) {
	c := testCase(t)
	c.Events = []Event{
		{ID: 1, UnitCode: "370200", Kind: EventSafety, Date: day(2021, 3, 2), Title: "某工地坍塌",
			Safety: grading.Safety{Deaths: 2, SeriousInjuries: 3, LossYuan: 4_200_000}},
		{ID: 2, UnitCode: "370200", Kind: EventEnvironment, Date: day(2018, 11, 20), Title: "某河段水污染",
			Environment: grading.Environment{Evacuated: 12_000}},
		{ID: 3, UnitCode: "370200", Kind: EventSocial, Date: day(2019, 6, 1), Title: "某群体性事件"},
		{ID: 4, UnitCode: "370300", Kind: EventSafety, Date: day(2020, 8, 14), Title: "某化工企业爆炸",
			Safety: grading.Safety{Deaths: 11}, Official: grading.Major, OfficialDoc: "鲁应急〔2020〕12号"},
	}
	export := day(2022, 2, 10)
	// Without a recorded screening nothing is stated as checked (issue 11 point 7).
	if d := DraftEventsSection(c, "370100", export); strings.Contains(d, "经核查") || !strings.Contains(d, "尚未记录") {
		t.Errorf("draft without a screening:\n%s", d)
	}
	for _, code := range []string{"370100", "370200", "370300"} {
		c.Screenings = append(c.Screenings, Screening{UnitCode: code, Checker: "规划处 李四", Departments: "省应急管理厅、省生态环境厅", Date: "2022-02-01", Basis: "两厅复函"})
	}

	clean := DraftEventsSection(c, "370100", export)
	for _, want := range []string{"济南市", "近三年（2019年1月1日至2022年2月10日）", "经核查（会同省应急管理厅、省生态环境厅，2022年2月1日，两厅复函）",
		// 办法 第六/七条（六） in its own words, not “no environmental event at all”.
		"未发生重大、特大安全生产事故，重大、特大环境事故，未发生造成恶劣影响的社会事件"} {
		if !strings.Contains(clean, want) {
			t.Errorf("clean draft lacks %q:\n%s", want, clean)
		}
	}
	if strings.Contains(clean, "1. ") {
		t.Errorf("clean draft lists events:\n%s", clean)
	}

	minor := DraftEventsSection(c, "370200", export)
	for _, want := range []string{"青岛市", "期间登记的其他事件如下", "1. 2019年6月1日，社会事件“某群体性事件”，未造成恶劣影响。",
		"2. 2021年3月2日，安全生产事故“某工地坍塌”，属一般事故，依据"} {
		if !strings.Contains(minor, want) {
			t.Errorf("draft lacks %q:\n%s", want, minor)
		}
	}
	if strings.Contains(minor, "水污染") {
		t.Errorf("event outside the window is mentioned:\n%s", minor)
	}

	severe := DraftEventsSection(c, "370300", export)
	for _, want := range []string{"淄博市", "发生下列事件，其中 1 起属于重大、特大安全生产事故", "属重大事故（认定等级：重大，鲁应急〔2020〕12号）"} {
		if !strings.Contains(severe, want) {
			t.Errorf("draft lacks %q:\n%s", want, severe)
		}
	}
	if strings.Contains(severe, "未发生重大、特大") {
		t.Errorf("draft of an excluded city claims a clean record:\n%s", severe)
	}

	// The window follows the day of export: before the campaign year ends it ends on
	// 31 December of the campaign year.
	if d := DraftEventsSection(c, "370100", day(2021, 6, 1)); !strings.Contains(d, "2019年1月1日至2021年12月31日") {
		t.Errorf("window not up to the end of the campaign year:\n%s", d)
	}
}

// 办法 第六/七条（六）: the letter's sentence needs the screening and no excluding event.
func TestNoAccidentStatement(t *testing.T) {
	c := testCase(t)
	export := day(2022, 2, 10)
	if s, ok := NoAccidentStatement(c, "370100", export); ok {
		t.Errorf("statement without a screening: %s", s)
	}
	c.Screenings = []Screening{{UnitCode: "370100", Checker: "李四", Departments: "省应急管理厅", Date: "2022-02-01", Basis: "复函"}, {UnitCode: "370300", Checker: "李四", Departments: "省应急管理厅", Date: "2022-02-01", Basis: "复函"}}
	if s, ok := NoAccidentStatement(c, "370100", export); !ok || !strings.HasPrefix(s, "经核查，济南市近三年未发生重大、特大安全生产事故") {
		t.Errorf("statement: %q %v", s, ok)
	}
	c.Events = []Event{{ID: 1, UnitCode: "370300", Kind: EventSafety, Date: day(2020, 8, 14), Title: "爆炸", Safety: grading.Safety{Deaths: 11}}}
	if s, ok := NoAccidentStatement(c, "370300", export); ok {
		t.Errorf("statement for an excluded city: %s", s)
	}
	// Several units of one letter: one sentence naming those for which it holds.
	c.Screenings = append(c.Screenings, Screening{UnitCode: "370200", Checker: "李四", Departments: "省应急管理厅", Date: "2022-02-01", Basis: "复函"})
	if s, ok := NoAccidentStatements(c, []string{"370100", "370200", "370300"}, export); !ok || !strings.HasPrefix(s, "经核查，济南市、青岛市近三年均未发生") {
		t.Errorf("statement for several: %q %v", s, ok)
	}
}
