package grading

import (
	"strings"
	"testing"
)

func TestSafetyBoundaries(t *testing.T) {
	const w, y = 10000, 100000000
	cases := []struct {
		name string
		s    Safety
		want Grade
	}{
		{"zero", Safety{}, General},
		{"deaths 2", Safety{Deaths: 2}, General},
		{"deaths 3", Safety{Deaths: 3}, Larger},
		{"deaths 9", Safety{Deaths: 9}, Larger},
		{"deaths 10", Safety{Deaths: 10}, Major},
		{"deaths 29", Safety{Deaths: 29}, Major},
		{"deaths 30", Safety{Deaths: 30}, Extraordinary},
		{"injuries 9", Safety{SeriousInjuries: 9}, General},
		{"injuries 10", Safety{SeriousInjuries: 10}, Larger},
		{"injuries 49", Safety{SeriousInjuries: 49}, Larger},
		{"injuries 50", Safety{SeriousInjuries: 50}, Major},
		{"injuries 99", Safety{SeriousInjuries: 99}, Major},
		{"injuries 100", Safety{SeriousInjuries: 100}, Extraordinary},
		{"loss 999.9999万", Safety{LossYuan: 1000*w - 1}, General},
		{"loss 1000万", Safety{LossYuan: 1000 * w}, Larger},
		{"loss 4999.9999万", Safety{LossYuan: 5000*w - 1}, Larger},
		{"loss 5000万", Safety{LossYuan: 5000 * w}, Major},
		{"loss 1亿-1", Safety{LossYuan: y - 1}, Major},
		{"loss 1亿", Safety{LossYuan: y}, Extraordinary},
		// Whole-万 boundaries as the brief lists them.
		{"loss 999万", Safety{LossYuan: 999 * w}, General},
		{"loss 4999万", Safety{LossYuan: 4999 * w}, Larger},
		{"loss 9999万", Safety{LossYuan: 9999 * w}, Major},
		// 500万 and 2000万 are boundaries of the environmental standard only.
		{"loss 499万", Safety{LossYuan: 499 * w}, General},
		{"loss 500万", Safety{LossYuan: 500 * w}, General},
		{"loss 1999万", Safety{LossYuan: 1999 * w}, Larger},
		{"loss 2000万 is 较大 for safety", Safety{LossYuan: 2000 * w}, Larger},
		{"huge", Safety{Deaths: 1 << 30, SeriousInjuries: 1 << 30, LossYuan: 1 << 62}, Extraordinary},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := GradeSafety(c.s)
			if r.Grade != c.want {
				t.Fatalf("GradeSafety(%+v) = %v, want %v (basis %q)", c.s, r.Grade, c.want, r.Basis)
			}
			if !strings.HasPrefix(r.Basis, SafetyStandard+"第三条第一款第") {
				t.Errorf("basis %q does not cite 第三条第一款", r.Basis)
			}
			if len(r.Criteria) == 0 {
				t.Errorf("no criteria")
			}
		})
	}
}

func TestEnvironmentBoundaries(t *testing.T) {
	const w, y = 10000, 100000000
	cases := []struct {
		name string
		e    Environment
		want Grade
	}{
		{"zero", Environment{}, General},
		{"deaths 2", Environment{Deaths: 2}, General},
		{"deaths 3", Environment{Deaths: 3}, Larger},
		{"deaths 9", Environment{Deaths: 9}, Larger},
		{"deaths 10", Environment{Deaths: 10}, Major},
		{"deaths 29", Environment{Deaths: 29}, Major},
		{"deaths 30", Environment{Deaths: 30}, Extraordinary},
		{"poisoned 9", Environment{Poisoned: 9}, General},
		{"poisoned 10", Environment{Poisoned: 10}, Larger},
		{"poisoned 49", Environment{Poisoned: 49}, Larger},
		{"poisoned 50", Environment{Poisoned: 50}, Major},
		{"poisoned 99", Environment{Poisoned: 99}, Major},
		{"poisoned 100", Environment{Poisoned: 100}, Extraordinary},
		{"evacuated 4999", Environment{Evacuated: 4999}, General},
		{"evacuated 5000", Environment{Evacuated: 5000}, Larger},
		{"evacuated 9999", Environment{Evacuated: 9999}, Larger},
		{"evacuated 10000", Environment{Evacuated: 10000}, Major},
		{"evacuated 49999", Environment{Evacuated: 49999}, Major},
		{"evacuated 50000", Environment{Evacuated: 50000}, Extraordinary},
		{"loss 499万", Environment{LossYuan: 499 * w}, General},
		{"loss 500万-1", Environment{LossYuan: 500*w - 1}, General},
		{"loss 500万", Environment{LossYuan: 500 * w}, Larger},
		{"loss 1999万", Environment{LossYuan: 1999 * w}, Larger},
		{"loss 2000万-1", Environment{LossYuan: 2000*w - 1}, Larger},
		{"loss 2000万 is 重大 for environment", Environment{LossYuan: 2000 * w}, Major},
		{"loss 4999万", Environment{LossYuan: 4999 * w}, Major},
		{"loss 5000万", Environment{LossYuan: 5000 * w}, Major},
		{"loss 9999万", Environment{LossYuan: 9999 * w}, Major},
		{"loss 1亿-1", Environment{LossYuan: y - 1}, Major},
		{"loss 1亿", Environment{LossYuan: y}, Extraordinary},
		{"ecology species", Environment{Ecology: EcologySpecies}, Larger},
		{"ecology partial", Environment{Ecology: EcologyPartial}, Major},
		{"ecology lost", Environment{Ecology: EcologyLost}, Extraordinary},
		{"water township", Environment{WaterSource: WaterTownship}, Larger},
		{"water county", Environment{WaterSource: WaterCounty}, Major},
		{"water city", Environment{WaterSource: WaterCity}, Extraordinary},
		{"radiation iv", Environment{Radiation: RadiationIV}, General},
		{"radiation iii", Environment{Radiation: RadiationIII}, Larger},
		{"radiation ii", Environment{Radiation: RadiationII}, Major},
		{"radiation i", Environment{Radiation: RadiationI}, Extraordinary},
		{"impact prefecture", Environment{Impact: ImpactPrefecture}, Larger},
		{"impact province", Environment{Impact: ImpactProvince}, Major},
		{"impact border", Environment{Impact: ImpactBorder}, Extraordinary},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := GradeEnvironment(c.e)
			if r.Grade != c.want {
				t.Fatalf("GradeEnvironment(%+v) = %v, want %v (basis %q)", c.e, r.Grade, c.want, r.Basis)
			}
			if !strings.HasPrefix(r.Basis, EnvironmentStandard+"附件1第") {
				t.Errorf("basis %q does not cite 附件1", r.Basis)
			}
		})
	}
}

func TestTwoStandardsDifferAt2000Wan(t *testing.T) {
	const loss = 20000000
	s := GradeSafety(Safety{LossYuan: loss})
	e := GradeEnvironment(Environment{LossYuan: loss})
	if s.Grade != Larger || e.Grade != Major {
		t.Fatalf("2000万元: safety %v (want 较大), environment %v (want 重大)", s.Grade, e.Grade)
	}
	if s.Grade.Excludes() || !e.Grade.Excludes() {
		t.Fatalf("Excludes: safety %v environment %v", s.Grade.Excludes(), e.Grade.Excludes())
	}
}

func TestSafetyBasisAndCriteria(t *testing.T) {
	r := GradeSafety(Safety{Deaths: 12})
	want := "《生产安全事故报告和调查处理条例》（国务院令第493号）第三条第一款第（二）项：死亡10人以上30人以下"
	if r.Basis != want {
		t.Errorf("basis\n got %q\nwant %q", r.Basis, want)
	}
	if len(r.Criteria) != 1 || r.Criteria[0] != "第三条第一款第（二）项：死亡10人以上30人以下（本事故死亡12人）" {
		t.Errorf("criteria %q", r.Criteria)
	}

	// Combination: the highest grade wins, and only criteria of that grade are listed.
	r = GradeSafety(Safety{Deaths: 12, SeriousInjuries: 20, LossYuan: 60000000})
	if r.Grade != Major {
		t.Fatalf("grade %v", r.Grade)
	}
	if len(r.Criteria) != 2 ||
		!strings.Contains(r.Criteria[0], "死亡10人以上30人以下（本事故死亡12人）") ||
		!strings.Contains(r.Criteria[1], "直接经济损失5000万元以上1亿元以下（本事故直接经济损失6000万元）") {
		t.Errorf("criteria %q", r.Criteria)
	}
	if !strings.HasSuffix(r.Basis, "第（二）项：死亡10人以上30人以下；直接经济损失5000万元以上1亿元以下") {
		t.Errorf("basis %q", r.Basis)
	}

	// One 特别重大 criterion beats two 重大 ones.
	r = GradeSafety(Safety{Deaths: 2, SeriousInjuries: 99, LossYuan: 100000000})
	if r.Grade != Extraordinary || len(r.Criteria) != 1 || !strings.Contains(r.Criteria[0], "1亿元以上（本事故直接经济损失1亿元）") {
		t.Errorf("got %v %q", r.Grade, r.Criteria)
	}

	// 一般 lists all three figures.
	r = GradeSafety(Safety{Deaths: 1, LossYuan: 12345})
	if r.Grade != General || len(r.Criteria) != 3 || !strings.Contains(r.Basis, "第（四）项：死亡3人以下") ||
		!strings.Contains(r.Criteria[2], "1.2345万元") {
		t.Errorf("got %v %q %q", r.Grade, r.Basis, r.Criteria)
	}
}

func TestEnvironmentBasisAndCriteria(t *testing.T) {
	r := GradeEnvironment(Environment{Evacuated: 20000, WaterSource: WaterCounty, Impact: ImpactPrefecture})
	if r.Grade != Major {
		t.Fatalf("grade %v", r.Grade)
	}
	want := EnvironmentStandard + "附件1第二条第（二）项：因环境污染疏散、转移人员1万人以上5万人以下"
	if r.Basis != want {
		t.Errorf("basis\n got %q\nwant %q", r.Basis, want)
	}
	if len(r.Criteria) != 2 || !strings.HasPrefix(r.Criteria[0], "附件1第二条第（二）项") ||
		!strings.HasPrefix(r.Criteria[1], "附件1第二条第（五）项：因环境污染造成县级城市") {
		t.Errorf("criteria %q", r.Criteria)
	}

	// Deaths and poisoned both at 特别重大: both listed under item (一).
	r = GradeEnvironment(Environment{Deaths: 30, Poisoned: 100, Ecology: EcologyLost, Radiation: RadiationII})
	if r.Grade != Extraordinary || len(r.Criteria) != 3 {
		t.Fatalf("got %v %q", r.Grade, r.Criteria)
	}
	if !strings.HasSuffix(r.Basis, "附件1第一条第（一）项：因环境污染直接导致30人以上死亡") {
		t.Errorf("basis %q", r.Basis)
	}
	if !strings.HasPrefix(r.Criteria[2], "附件1第一条第（四）项：因环境污染造成区域生态功能丧失") {
		t.Errorf("criteria %q", r.Criteria)
	}

	// Radiation classes cite item (六), except Ⅳ which is item (五) of 第四条.
	r = GradeEnvironment(Environment{Radiation: RadiationII})
	if !strings.Contains(r.Basis, "附件1第二条第（六）项：Ⅰ、Ⅱ类放射源丢失、被盗；") {
		t.Errorf("basis %q", r.Basis)
	}
	r = GradeEnvironment(Environment{Radiation: RadiationI})
	if !strings.Contains(r.Basis, "附件1第一条第（六）项：Ⅰ、Ⅱ类放射源丢失、被盗、失控并造成大范围严重辐射污染后果") {
		t.Errorf("basis %q", r.Basis)
	}
	r = GradeEnvironment(Environment{Radiation: RadiationIV, Deaths: 1})
	if r.Grade != General || !strings.Contains(r.Basis, "附件1第四条第（五）项：Ⅳ、Ⅴ类放射源") || len(r.Criteria) != 5 {
		t.Errorf("got %v %q %q", r.Grade, r.Basis, r.Criteria)
	}
	r = GradeEnvironment(Environment{Poisoned: 3})
	if r.Grade != General || !strings.HasSuffix(r.Basis, "附件1第四条第（六）项：对环境造成一定影响，尚未达到较大突发环境事件级别") || len(r.Criteria) != 4 {
		t.Errorf("got %v %q %q", r.Grade, r.Basis, r.Criteria)
	}
	// 较大 items (四), (五), (六), (七) together.
	r = GradeEnvironment(Environment{Ecology: EcologySpecies, WaterSource: WaterTownship, Radiation: RadiationIII, Impact: ImpactPrefecture})
	if r.Grade != Larger || len(r.Criteria) != 4 || !strings.Contains(r.Basis, "附件1第三条第（四）项：因环境污染造成国家重点保护的动植物物种受到破坏") ||
		!strings.HasPrefix(r.Criteria[3], "附件1第三条第（七）项：造成跨设区的市级行政区域影响") {
		t.Errorf("got %v %q %q", r.Grade, r.Basis, r.Criteria)
	}
	// Each numeric criterion records the event's figure.
	r = GradeEnvironment(Environment{LossYuan: 150000000, Evacuated: 60000})
	if len(r.Criteria) != 2 || !strings.Contains(r.Criteria[0], "本事件疏散、转移60000人") || !strings.Contains(r.Criteria[1], "本事件直接经济损失1.5亿元") {
		t.Errorf("criteria %q", r.Criteria)
	}
}

func TestValidate(t *testing.T) {
	if err := (Safety{Deaths: 1, SeriousInjuries: 2, LossYuan: 3}).Validate(); err != nil {
		t.Fatal(err)
	}
	err := (Safety{Deaths: -1, LossYuan: -5}).Validate()
	if err == nil || !strings.Contains(err.Error(), "死亡人数不能为负数") || !strings.Contains(err.Error(), "直接经济损失不能为负数") {
		t.Fatalf("err = %v", err)
	}
	if r := GradeSafety(Safety{SeriousInjuries: -2}); r.Grade != GradeNone || !strings.Contains(r.Basis, "重伤人数") {
		t.Fatalf("invalid safety graded: %+v", r)
	}
	cases := []struct {
		e     Environment
		field string
	}{
		{Environment{Deaths: -1}, "死亡人数"},
		{Environment{Poisoned: -1}, "中毒或重伤人数"},
		{Environment{Evacuated: -1}, "疏散、转移人数"},
		{Environment{LossYuan: -1}, "直接经济损失"},
		{Environment{WaterSource: 9}, "饮用水水源地"},
		{Environment{Ecology: -1}, "生态破坏"},
		{Environment{Radiation: 5}, "辐射污染"},
		{Environment{Impact: 4}, "跨区域影响"},
	}
	for _, c := range cases {
		err := c.e.Validate()
		if err == nil || !strings.Contains(err.Error(), c.field) {
			t.Errorf("%+v: err = %v, want mention of %s", c.e, err, c.field)
		}
		if r := GradeEnvironment(c.e); r.Grade != GradeNone || !strings.Contains(r.Basis, c.field) {
			t.Errorf("%+v graded %+v", c.e, r)
		}
	}
	if err := (Environment{Deaths: 1, WaterSource: WaterCity, Ecology: EcologyLost, Radiation: RadiationI, Impact: ImpactBorder}).Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestDecide(t *testing.T) {
	cases := []struct {
		computed, official, want Grade
		differs                  bool
	}{
		{GradeNone, GradeNone, GradeNone, false},
		{Larger, GradeNone, Larger, false},
		{GradeNone, Major, Major, false},
		{Major, Major, Major, false},
		{Larger, Major, Major, true},        // official stricter: official decides
		{Extraordinary, Major, Major, true}, // computed stricter: official still decides (issue 11 point 9)
		{Major, General, General, true},     // an official 一般 is not overruled by the figures
		{General, Extraordinary, Extraordinary, true},
		{Grade(9), Larger, Larger, false}, // invalid computed treated as none
	}
	for _, c := range cases {
		got, differs := Decide(c.computed, c.official)
		if got != c.want || differs != c.differs {
			t.Errorf("Decide(%v,%v) = %v,%v want %v,%v", c.computed, c.official, got, differs, c.want, c.differs)
		}
	}
}

func TestGradeStringsAndExcludes(t *testing.T) {
	want := map[Grade][3]string{
		GradeNone: {"", "", "false"}, General: {"一般", "Ⅳ级", "false"}, Larger: {"较大", "Ⅲ级", "false"},
		Major: {"重大", "Ⅱ级", "true"}, Extraordinary: {"特别重大", "Ⅰ级", "true"}, Grade(-1): {"", "", "false"},
	}
	for g, w := range want {
		ex := "false"
		if g.Excludes() {
			ex = "true"
		}
		if g.String() != w[0] || g.Roman() != w[1] || ex != w[2] {
			t.Errorf("%d: %q %q %s", int(g), g.String(), g.Roman(), ex)
		}
	}
}

func TestParseGrade(t *testing.T) {
	ok := map[string]Grade{
		"": GradeNone, "  ": GradeNone,
		"一般": General, "较大": Larger, "重大": Major, "特别重大": Extraordinary, "特大": Extraordinary,
		" 重大 ": Major, "重大事故": Major, "特大事故": Extraordinary, "较大突发环境事件": Larger, "一般事件": General,
		"Ⅳ级": General, "Ⅲ级": Larger, "Ⅱ级": Major, "Ⅰ级": Extraordinary,
		"Ⅳ": General, "Ⅰ": Extraordinary, "IV": General, "iii级": Larger, "II": Major, "I级": Extraordinary,
		"重大（Ⅱ级）": Major, "特别重大(Ⅰ级)": Extraordinary,
	}
	for s, want := range ok {
		g, err := ParseGrade(s)
		if err != nil || g != want {
			t.Errorf("ParseGrade(%q) = %v, %v; want %v", s, g, err, want)
		}
	}
	for _, g := range []Grade{General, Larger, Major, Extraordinary} {
		for _, s := range []string{g.String(), g.Roman()} {
			if back, err := ParseGrade(s); err != nil || back != g {
				t.Errorf("round trip %q: %v %v", s, back, err)
			}
		}
	}
	for _, s := range []string{"严重", "V级", "Ⅴ级", "重大（Ⅰ级）", "（Ⅱ级）", "5", "特别", "重大重大", "较大级"} {
		g, err := ParseGrade(s)
		if err == nil {
			t.Errorf("ParseGrade(%q) = %v, want error", s, g)
			continue
		}
		if !strings.Contains(err.Error(), "“"+s+"”不是有效的事故等级") || !strings.Contains(err.Error(), "请填写") {
			t.Errorf("ParseGrade(%q) error %q", s, err)
		}
	}
}

func TestEnumParse(t *testing.T) {
	for _, k := range []struct {
		s    string
		want WaterSource
	}{{"city", WaterCity}, {"County", WaterCounty}, {"township", WaterTownship}, {"", WaterNone}, {"none", WaterNone},
		{"县级城市集中式饮用水水源地取水中断", WaterCounty}} {
		got, err := ParseWaterSource(k.s)
		if err != nil || got != k.want {
			t.Errorf("ParseWaterSource(%q) = %v, %v", k.s, got, err)
		}
	}
	for _, k := range []struct {
		s    string
		want Ecology
	}{{"lost", EcologyLost}, {"partial", EcologyPartial}, {"SPECIES", EcologySpecies}, {"", EcologyNone}} {
		got, err := ParseEcology(k.s)
		if err != nil || got != k.want {
			t.Errorf("ParseEcology(%q) = %v, %v", k.s, got, err)
		}
	}
	for _, k := range []struct {
		s    string
		want Radiation
	}{{"i", RadiationI}, {"ii", RadiationII}, {"iii", RadiationIII}, {"iv", RadiationIV}, {"IV", RadiationIV},
		{"Ⅰ", RadiationI}, {"Ⅱ级", RadiationII}, {"ⅲ", RadiationIII}, {"Ⅳ级", RadiationIV}, {"none", RadiationNone}} {
		got, err := ParseRadiation(k.s)
		if err != nil || got != k.want {
			t.Errorf("ParseRadiation(%q) = %v, %v", k.s, got, err)
		}
	}
	for _, k := range []struct {
		s    string
		want Impact
	}{{"border", ImpactBorder}, {"province", ImpactProvince}, {"prefecture", ImpactPrefecture}, {" ", ImpactNone}} {
		got, err := ParseImpact(k.s)
		if err != nil || got != k.want {
			t.Errorf("ParseImpact(%q) = %v, %v", k.s, got, err)
		}
	}
	// Round trips through Key and String.
	for v := WaterNone; v <= WaterCity; v++ {
		a, err1 := ParseWaterSource(v.Key())
		b, err2 := ParseWaterSource(v.String())
		if a != v || b != v || err1 != nil || err2 != nil {
			t.Errorf("water %d: %v %v %v %v", v, a, b, err1, err2)
		}
	}
	for v := EcologyNone; v <= EcologyLost; v++ {
		a, err1 := ParseEcology(v.Key())
		b, err2 := ParseEcology(v.String())
		if a != v || b != v || err1 != nil || err2 != nil {
			t.Errorf("ecology %d: %v %v %v %v", v, a, b, err1, err2)
		}
	}
	for v := RadiationNone; v <= RadiationI; v++ {
		a, err1 := ParseRadiation(v.Key())
		b, err2 := ParseRadiation(v.String())
		if a != v || b != v || err1 != nil || err2 != nil {
			t.Errorf("radiation %d: %v %v %v %v", v, a, b, err1, err2)
		}
	}
	for v := ImpactNone; v <= ImpactBorder; v++ {
		a, err1 := ParseImpact(v.Key())
		b, err2 := ParseImpact(v.String())
		if a != v || b != v || err1 != nil || err2 != nil {
			t.Errorf("impact %d: %v %v %v %v", v, a, b, err1, err2)
		}
	}
	_, e1 := ParseWaterSource("town")
	_, e2 := ParseEcology("dead")
	_, e3 := ParseRadiation("v")
	_, e4 := ParseImpact("country")
	type errCase struct {
		err  error
		want string
	}
	errs := []errCase{
		{e1, "“town”不是有效的饮用水水源地取水中断级别，请填写 city、county、township 之一"},
		{e2, "“dead”不是有效的生态破坏程度，请填写 lost、partial、species 之一"},
		{e3, "“v”不是有效的辐射污染情形，请填写 i、ii、iii、iv 之一"},
		{e4, "“country”不是有效的跨区域影响，请填写 border、province、prefecture 之一"},
	}
	for _, e := range errs {
		if e.err == nil || !strings.HasPrefix(e.err.Error(), e.want) {
			t.Errorf("error %v, want prefix %q", e.err, e.want)
		}
	}
	if WaterSource(7).String() != "无效值(7)" || Radiation(-1).Key() != "" {
		t.Errorf("out of range enum: %q %q", WaterSource(7).String(), Radiation(-1).Key())
	}
}

func TestStandardsFor(t *testing.T) {
	for _, y := range []int{2021, 2022} {
		s, e := StandardsFor(y)
		if s != "《生产安全事故报告和调查处理条例》（国务院令第493号）" || e != "《国家突发环境事件应急预案》（国办函〔2014〕119号）" {
			t.Errorf("StandardsFor(%d) = %q, %q", y, s, e)
		}
	}
}

func TestYuan(t *testing.T) {
	for v, want := range map[int64]string{0: "0元", 9999: "9999元", 10000: "1万元", 12345678: "1234.5678万元",
		50000000: "5000万元", 100000000: "1亿元", 150000000: "1.5亿元", 100000001: "1.00000001亿元"} {
		if got := yuan(v); got != want {
			t.Errorf("yuan(%d) = %q want %q", v, got, want)
		}
	}
}
