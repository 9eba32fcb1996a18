package forms

import (
	"strings"
	"testing"
	"time"

	"tuijian/forms/grading"
)

var (
	shandong = Province{Code: "370000", Name: "山东省", Region: RegionEast}
	beijing  = Province{Code: "110000", Name: "北京市", Region: RegionEast, Municipality: true}
	bingtuan = Province{Code: BingtuanCode, Name: "新疆生产建设兵团", Region: RegionWest, Bingtuan: true}
	qingdao  = Unit{Code: "370200", Name: "青岛市", ProvinceCode: "370000", Type: TypeCity, PlanCity: true}
	jinan    = Unit{Code: "370100", Name: "济南市", ProvinceCode: "370000", Type: TypeCity}
	zibo     = Unit{Code: "370300", Name: "淄博市", ProvinceCode: "370000", Type: TypeCity}
	daxing   = Unit{Code: "110115", Name: "大兴区", ProvinceCode: "110000", Type: TypeMunicipalDistrict}
	shihezi  = Unit{Code: "659001", Name: "石河子市", ProvinceCode: BingtuanCode, Type: TypeBingtuanCity}
	dalian   = Unit{Code: "210200", Name: "大连市", ProvinceCode: "210000", Type: TypeCity, PlanCity: true}
)

func TestCheckUnit(t *testing.T) {
	cases := []struct {
		name string
		p    Province
		u    Unit
		want string // substring of the error; "" = eligible
	}{
		{"计划单列市 inside its province", shandong, qingdao, ""},
		{"ordinary prefecture city", shandong, jinan, ""},
		{"直辖市 district", beijing, daxing, ""},
		{"兵团 师市", bingtuan, shihezi, ""},
		{"plan city of another province", shandong, dalian, "不属于山东省"},
		{"district for a province", shandong, Unit{Code: "370102", Name: "历下区", ProvinceCode: "370000", Type: TypeMunicipalDistrict}, "不是地级及以上行政区"},
		{"prefecture city for a 直辖市", beijing, Unit{Code: "110100", Name: "北京市", ProvinceCode: "110000", Type: TypeCity}, "不是直辖市辖区"},
		{"non-师市 for 兵团", bingtuan, Unit{Code: "650100", Name: "乌鲁木齐市", ProvinceCode: BingtuanCode, Type: TypeCity}, "不是兵团师市"},
		{"师市 for 新疆", Province{Code: "650000", Name: "新疆维吾尔自治区"}, shihezi, "不属于新疆维吾尔自治区"},
	}
	for _, c := range cases {
		err := CheckUnit(c.p, c.u)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: unexpected error %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want it to mention %q", c.name, err, c.want)
		}
	}
}

func testCase(t *testing.T) *Case {
	t.Helper()
	camp, err := CampaignFor(2021)
	if err != nil {
		t.Fatal(err)
	}
	return &Case{
		Settings:   Settings{ProvinceCode: "370000", Year: 2021, Department: "山东省工业和信息化厅", Contact: "张三", Phone: "0531-86000001"},
		Campaign:   camp,
		Province:   shandong,
		Units:      []Unit{jinan, qingdao, zibo},
		Candidates: map[MeasureID][]string{Industry: {"370100", "370200", "370300"}, Digital: {"370100"}},
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestEventWindowAndExclusion(t *testing.T) {
	c := testCase(t)
	export := day(2022, 2, 10)
	major := grading.Safety{Deaths: 10}
	c.Events = []Event{
		{ID: 1, UnitCode: "370300", Kind: EventSafety, Date: day(2019, 1, 1), Title: "窗口首日", Safety: major},
		{ID: 2, UnitCode: "370100", Kind: EventSafety, Date: day(2018, 12, 31), Title: "窗口前一日", Safety: major},
		{ID: 3, UnitCode: "370200", Kind: EventSafety, Date: day(2022, 2, 1), Title: "导出前", Safety: grading.Safety{Deaths: 9}},
	}
	ex := c.Exclusions(export)
	if len(ex["370300"]) != 1 {
		t.Errorf("event on 2019-01-01 must exclude 淄博: %v", ex)
	}
	if len(ex["370100"]) != 0 {
		t.Errorf("event on 2018-12-31 is outside the window: %v", ex["370100"])
	}
	if len(ex["370200"]) != 0 {
		t.Errorf("a 较大 accident does not exclude: %v", ex["370200"])
	}
	f := c.Findings("370100", export)
	if len(f) != 1 || f[0].InWindow || !strings.Contains(f[0].Reason, "不计入") {
		t.Errorf("the outside event should be shown as not counted: %+v", f)
	}
	// An event after the campaign year but before export counts.
	c.Events = append(c.Events, Event{ID: 4, UnitCode: "370200", Kind: EventEnvironment, Date: day(2022, 1, 5), Title: "跨省", Environment: grading.Environment{Impact: grading.ImpactProvince}})
	if ex := c.Exclusions(export); len(ex["370200"]) != 1 {
		t.Errorf("a 重大 environmental event in January 2022 before export must exclude: %v", ex["370200"])
	}
	if ex := c.Exclusions(day(2021, 12, 31)); len(ex["370200"]) != 0 {
		t.Errorf("with export on 2021-12-31 the 2022 event is outside: %v", ex["370200"])
	}
}

// 办法 第六/七条（六）: the grade the authorities determined (认定等级) decides; a
// different grade computed from the figures is shown, not applied.
func TestOfficialGradeDecides(t *testing.T) {
	c := testCase(t)
	e := Event{UnitCode: "370100", Kind: EventSafety, Date: day(2020, 5, 1), Title: "认定重大", Safety: grading.Safety{Deaths: 2}, Official: grading.Major}
	f := EvaluateEvent(c.Campaign, e, day(2022, 1, 1))
	if !f.Excludes || !f.Differs || f.Grade != grading.Major {
		t.Errorf("official 重大 over computed 一般 must exclude and be flagged: %+v", f)
	}
	e.Official, e.Safety = grading.General, grading.Safety{Deaths: 12}
	f = EvaluateEvent(c.Campaign, e, day(2022, 1, 1))
	if f.Excludes || f.Grade != grading.General || !f.Differs || !strings.Contains(f.Reason, "以认定等级为准") {
		t.Errorf("official 一般 over computed 重大 decides (shown, not excluding): %+v", f)
	}
}

func TestSocialIncident(t *testing.T) {
	c := testCase(t)
	c.Events = []Event{{ID: 9, UnitCode: "370100", Kind: EventSocial, Date: day(2021, 6, 1), Title: "群体性事件", Severe: true, Basis: "省委通报"}}
	if ex := c.Exclusions(day(2022, 1, 1)); len(ex["370100"]) != 1 || !strings.Contains(ex["370100"][0].Reason, "恶劣影响") {
		t.Errorf("a social incident with 恶劣影响 excludes: %v", ex)
	}
	c.Events[0].Severe = false
	if ex := c.Exclusions(day(2022, 1, 1)); len(ex["370100"]) != 0 {
		t.Errorf("without 恶劣影响 it does not: %v", ex)
	}
}

func TestChoices(t *testing.T) {
	c := testCase(t)
	ind, _ := c.Campaign.Measure(Industry)
	if err := c.CheckQuota(ind, []string{"370100", "370200"}); err == nil || !strings.Contains(err.Error(), "最多推荐 1 个（通知第二条：不超过1个市（州））") {
		t.Errorf("two cities for one measure must be refused: %v", err)
	}
	c.Choices = []Choice{{Measure: Industry, UnitCode: "370100"}, {Measure: Digital, UnitCode: "370100"}}
	if err := c.CheckQuota(ind, c.ChosenCodes(Industry)); err != nil {
		t.Errorf("the same city for both measures is allowed: %v", err)
	}
	if old, err := c.ChoiceToReplace(ind, "370200"); err != nil || old != "370100" {
		t.Errorf("choosing another city replaces the one chosen: %q %v", old, err)
	}
	c.Choices = nil
	c.Events = []Event{{ID: 1, UnitCode: "370300", Kind: EventSafety, Date: day(2020, 1, 1), Title: "x", Safety: grading.Safety{LossYuan: 50_000_000}}}
	now := day(2022, 1, 1)
	if err := c.CheckChoice(Industry, "370300", now); err == nil || !strings.Contains(err.Error(), "不能推荐") {
		t.Errorf("an excluded city cannot be chosen: %v", err)
	}
	if err := c.CheckChoice(Digital, "370200", now); err == nil || !strings.Contains(err.Error(), "不是该措施的候选") {
		t.Errorf("a non-candidate cannot be chosen: %v", err)
	}
	if err := c.CheckChoice(Industry, "370200", now); err != nil {
		t.Errorf("青岛 is eligible: %v", err)
	}
	if err := c.CheckChoice(Industry, "210200", now); err == nil {
		t.Error("大连 is not 山东's")
	}
}

// An event time is read as its calendar day in China (UTC+8, forms.Day) everywhere:
// the window test and the date the reason prints agree.
func TestEventDayIsChinaDay(t *testing.T) {
	c := testCase(t)
	// 2019-01-01 00:30 in Beijing is still 2018-12-31 in UTC.
	at := time.Date(2018, 12, 31, 16, 30, 0, 0, time.UTC)
	e := Event{ID: 1, UnitCode: "370100", Kind: EventSafety, Date: at, Title: "元旦凌晨", Safety: grading.Safety{Deaths: 10}}
	f := EvaluateEvent(c.Campaign, e, day(2022, 2, 10))
	if !f.InWindow || !f.Excludes {
		t.Fatalf("an event on 2019-01-01 (Beijing) is inside the window: %+v", f)
	}
	if !strings.HasPrefix(f.Reason, "2019-01-01 ") {
		t.Errorf("reason must print the China day 2019-01-01: %s", f.Reason)
	}
}

func TestUnitPronoun(t *testing.T) {
	for code, want := range map[string]string{"110105": "该区", "500229": "该县", "500101": "该区", "370200": "该市（州）", "522600": "该市（州）", "659001": "该师市"} {
		if got := unitPronoun(code); got != want {
			t.Errorf("unitPronoun(%s) = %s, want %s", code, got, want)
		}
	}
}
