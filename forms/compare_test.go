package forms

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"tuijian/forms/grading"
	"tuijian/forms/value"
)

var cmpDay = time.Date(2022, 2, 10, 0, 0, 0, 0, time.UTC)

// compareCase is a small province: four industry candidates, one excluded by a major
// accident; figures for a few indicators, one missing, one pair, one 是/否.
func compareCase(t testing.TB) *Case {
	t.Helper()
	camp, err := CampaignFor(2021)
	if err != nil {
		t.Fatal(err)
	}
	c := &Case{
		Settings: Settings{ProvinceCode: "370000", Year: 2021},
		Campaign: camp,
		Province: Province{Code: "370000", Name: "山东省", Region: RegionEast},
		Candidates: map[MeasureID][]string{
			Industry: {"370100", "370200", "370300", "370600"},
		},
	}
	for _, u := range [][2]string{{"370100", "济南市"}, {"370200", "青岛市"}, {"370300", "淄博市"}, {"370600", "烟台市"}} {
		c.Units = append(c.Units, Unit{Code: u[0], Name: u[1], ProvinceCode: "370000", Type: TypeCity, Region: RegionEast})
	}
	fig := func(code, ind string, year int, text string) {
		in, _ := camp.Measures[0].Indicator(ind)
		v, err := value.Parse(text, in.Kind)
		if err != nil {
			t.Fatal(err)
		}
		c.Figures = append(c.Figures, Figure{FigureKey: FigureKey{UnitCode: code, Measure: Industry, Indicator: ind, Year: year}, Value: v})
	}
	for _, r := range []struct {
		code             string
		va20, va21, cl21 string
		smart            string
	}{
		{"370100", "7.5", "8.0", "2/1", "是"},
		{"370200", "9.1", "10.2", "1/0", "否"},
		{"370300", "12", "13", "3/3", "是"}, // excluded
		{"370600", "6.0", "", "2/0", "否"},  // va 2021 missing (entered as empty)
	} {
		fig(r.code, "ind.va_growth", 2020, r.va20)
		fig(r.code, "ind.va_growth", 2021, r.va21)
		fig(r.code, "ind.clusters", 2021, r.cl21)
		fig(r.code, "ind.smart_zone", 2021, r.smart)
	}
	c.Province3 = append(c.Province3, ProvinceFigure{Measure: Industry, Indicator: "ind.va_growth", Year: 2021, Value: value.Value{A: 9.0}, Source: "公报"})
	c.Events = append(c.Events, Event{ID: 7, UnitCode: "370300", Kind: EventSafety, Date: time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC),
		Title: "爆炸", Safety: grading.Safety{Deaths: 12}})
	return c
}

func TestComparisonForBridge(t *testing.T) {
	c := compareCase(t)
	cmp, err := ComparisonFor(c, Industry, 0, nil, nil, cmpDay)
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Year != 2021 || cmp.Years != [2]int{2020, 2021} {
		t.Fatalf("year %d years %v", cmp.Year, cmp.Years)
	}
	var codes []string
	for _, u := range cmp.Candidates {
		codes = append(codes, u.Code)
	}
	if !reflect.DeepEqual(codes, []string{"370100", "370200", "370600"}) {
		t.Fatalf("candidates %v", codes)
	}
	if len(cmp.Excluded) != 1 || cmp.Excluded[0].Unit.Code != "370300" || !strings.Contains(cmp.Excluded[0].Reasons[0], "不参与评选") {
		t.Fatalf("excluded %+v", cmp.Excluded)
	}
	va, cl, sz := 0, 6, 9
	if cmp.Indicators[va].ID != "ind.va_growth" || cmp.Indicators[cl].ID != "ind.clusters" || cmp.Indicators[sz].ID != "ind.smart_zone" {
		t.Fatal("indicator order changed")
	}
	p := cmp.Problem
	if p.Values[0][va] != 8.0 || p.Values[1][va] != 10.2 || !math.IsNaN(p.Values[2][va]) {
		t.Errorf("va values %v %v %v", p.Values[0][va], p.Values[1][va], p.Values[2][va])
	}
	// Pairs count a+b, 是/否 1/0, not-entered figures are missing, never 0.
	if p.Values[0][cl] != 3 || p.Values[1][cl] != 1 || p.Values[2][cl] != 2 {
		t.Errorf("pair values %v %v %v", p.Values[0][cl], p.Values[1][cl], p.Values[2][cl])
	}
	if p.Values[0][sz] != 1 || p.Values[1][sz] != 0 {
		t.Errorf("yes/no values %v %v", p.Values[0][sz], p.Values[1][sz])
	}
	if !math.IsNaN(p.Values[0][1]) {
		t.Errorf("not entered figure is %v, want NaN", p.Values[0][1])
	}
	cell := cmp.Cells[2][va]
	if cell[0].Text != "6" || !cell[1].Missing || cell[1].Text != MissingText {
		t.Errorf("cells %+v", cell)
	}
	if cmp.Cells[0][cl][1].Text != "2/1" {
		t.Errorf("pair shown as %q", cmp.Cells[0][cl][1].Text)
	}
	if p.Criteria[va].Reference != 9.0 || !math.IsNaN(p.Criteria[1].Reference) || !cmp.Province[1][1].Missing {
		t.Errorf("references %v %v", p.Criteria[va].Reference, p.Criteria[1].Reference)
	}
	r := cmp.Ranks[va]
	if r.Rank[1] != 1 || r.Rank[0] != 2 || r.Rank[2] != 0 || !r.Missing[2] || !r.IsBest[1] || !r.IsWorst[0] {
		t.Errorf("va ranks %+v", r)
	}
	if r.VsReference[1].String() != "高于全省" || r.VsReference[0].String() != "低于全省" {
		t.Errorf("vs province %v", r.VsReference)
	}
	if !cmp.Scores.Defaulted || math.Abs(cmp.Scores.Weights[0]-0.1) > 1e-12 || cmp.Scores.MissingCount == 0 {
		t.Errorf("scores %+v", cmp.Scores)
	}
	if len(cmp.Stability) != 10 {
		t.Errorf("%d stability intervals", len(cmp.Stability))
	}
	// Earlier year.
	c20, err := ComparisonFor(c, Industry, 2020, nil, nil, cmpDay)
	if err != nil || c20.Problem.Values[2][va] != 6 {
		t.Errorf("2020: %v %v", err, c20.Problem.Values)
	}
	if _, err := ComparisonFor(c, Industry, 2019, nil, nil, cmpDay); err == nil {
		t.Error("year 2019 accepted")
	}
}

func TestComparisonWeightsAndErrors(t *testing.T) {
	c := compareCase(t)
	cmp, err := ComparisonFor(c, Industry, 0, map[string]float64{"ind.va_growth": 3, "ind.clusters": 1}, nil, cmpDay)
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Scores.Defaulted || cmp.Scores.Weights[0] != 0.75 || cmp.Scores.Weights[6] != 0.25 || cmp.Scores.Weights[1] != 0 {
		t.Errorf("weights %v", cmp.Scores.Weights)
	}
	// va: 青岛 best (1), 济南 worst (0), 烟台 missing (0). clusters a+b: 济南 3 (1),
	// 青岛 1 (0), 烟台 2 (0.5). 青岛 0.75, 济南 0.25, 烟台 0.125.
	want := []float64{0.25, 0.75, 0.125}
	for i, s := range cmp.Scores.Score {
		if math.Abs(s-want[i]) > 1e-12 {
			t.Errorf("score %d = %v, want %v", i, s, want[i])
		}
	}
	if cmp.Leader().Code != "370200" {
		t.Errorf("scores %v leader %v", cmp.Scores.Score, cmp.Leader())
	}
	for name, w := range map[string]map[string]float64{
		"unknown": {"ind.nope": 1},
		"zero":    {"ind.va_growth": 0},
	} {
		if _, err := ComparisonFor(c, Industry, 0, w, nil, cmpDay); err == nil {
			t.Errorf("%s weights accepted", name)
		}
	}
	if _, err := ComparisonFor(c, Industry, 0, nil, map[string][2]float64{"ind.va_growth": {0.5, 0.2}}, cmpDay); err == nil {
		t.Error("min > max accepted")
	}
	// No eligible candidate: the excluded list is still returned.
	c.Candidates[Industry] = []string{"370300"}
	cmp, err = ComparisonFor(c, Industry, 0, nil, nil, cmpDay)
	if !errors.Is(err, ErrNoEligible) || len(cmp.Excluded) != 1 {
		t.Errorf("no eligible: %v %+v", err, cmp.Excluded)
	}
	if _, err := cmp.Robustness(context.Background(), 100, 1, nil); err == nil {
		t.Error("robustness without candidates succeeded")
	}
}

func TestDecisionRecordAndWarnings(t *testing.T) {
	c := compareCase(t)
	bounds := map[string][2]float64{"ind.va_growth": {0.05, 0.5}}
	cmp, err := ComparisonFor(c, Industry, 0, nil, bounds, cmpDay)
	if err != nil {
		t.Fatal(err)
	}
	rob, err := cmp.Robustness(context.Background(), 2000, 42, nil)
	if err != nil {
		t.Fatal(err)
	}
	rob2, _ := cmp.Robustness(context.Background(), 2000, 42, nil)
	if !reflect.DeepEqual(rob.SMAA.Acceptability, rob2.SMAA.Acceptability) {
		t.Error("same seed, different acceptability")
	}
	for _, row := range rob.SMAA.Acceptability {
		s := 0.0
		for _, a := range row {
			s += a
		}
		if math.Abs(s-1) > 1e-9 {
			t.Errorf("acceptability row sums to %v", s)
		}
	}
	at := time.Date(2022, 2, 9, 10, 0, 0, 0, time.UTC)
	rec := cmp.Record("370100", &rob, at)
	js, err := rec.JSON()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseDecisionRecord(js)
	if err != nil {
		t.Fatal(err)
	}
	if back.InputsDigest != cmp.Digest || !strings.HasPrefix(back.InputsDigest, "sha256:") || back.SMAA == nil || back.SMAA.Seed != 42 ||
		back.SMAA.Samples != 2000 || !back.SMAA.Bounded || back.Bounds["ind.va_growth"] != [2]float64{0.05, 0.5} || !back.At.Equal(at) {
		t.Errorf("record round trip: %+v", back)
	}
	if back.InputWeights() != nil || !back.EqualWeights || math.Abs(back.Weights["ind.smart_zone"]-0.1) > 1e-12 {
		t.Errorf("weights %v equal %v", back.Weights, back.EqualWeights)
	}
	if back.Leader != cmp.Leader().Code || back.ChosenNotLeader != (back.Leader != "370100") {
		t.Errorf("leader %s chosen-not-leader %v", back.Leader, back.ChosenNotLeader)
	}
	if len(back.Excluded["370300"]) != 1 || len(back.Candidates) != 3 || len(back.Stability) != 10 {
		t.Errorf("record %+v", back)
	}
	if _, err := ParseDecisionRecord("{"); err == nil {
		t.Error("bad JSON accepted")
	}

	// Weights do not enter the digest; data does.
	cw, _ := ComparisonFor(c, Industry, 0, map[string]float64{"ind.va_growth": 1}, nil, cmpDay)
	if cw.Digest != cmp.Digest {
		t.Error("weights changed the digest")
	}

	// Warnings: no record; a valid record; a changed figure; another city.
	c.Choices = []Choice{{Measure: Industry, UnitCode: "370100", Reason: "理由"}}
	w := DecisionWarnings(c, cmpDay)
	if len(w) != 1 || w[0].Step != StepCompare || w[0].Severity != Warning || w[0].Field != "decision:industry" {
		t.Fatalf("no record: %+v", w)
	}
	c.Choices[0].Decision = js
	if w := DecisionWarnings(c, cmpDay); len(w) != 0 {
		t.Fatalf("valid record: %+v", w)
	}
	if ok, err := rec.Verify(c, cmpDay); !ok || err != nil {
		t.Fatalf("verify %v %v", ok, err)
	}
	for i := range c.Figures {
		f := &c.Figures[i]
		if f.UnitCode == "370200" && f.Indicator == "ind.va_growth" && f.Year == 2021 {
			f.Value.A = 10.3
		}
	}
	if ok, _ := rec.Verify(c, cmpDay); ok {
		t.Error("verify passed after a figure changed")
	}
	w = DecisionWarnings(c, cmpDay)
	if len(w) != 1 || !strings.Contains(w[0].Message, "已过时") {
		t.Fatalf("changed figure: %+v", w)
	}
	c.Choices[0].UnitCode = "370200"
	if w := DecisionWarnings(c, cmpDay); len(w) != 1 || !strings.Contains(w[0].Message, "不同") {
		t.Fatalf("other city: %+v", w)
	}
	c.Choices[0].Decision = "not json"
	if w := DecisionWarnings(c, cmpDay); len(w) != 1 || !strings.Contains(w[0].Message, "无法读取") {
		t.Fatalf("bad record: %+v", w)
	}
}

func TestDigestChangesWithEligibility(t *testing.T) {
	c := compareCase(t)
	before, _ := ComparisonFor(c, Industry, 0, nil, nil, cmpDay)
	c.Events = nil // 淄博 becomes eligible
	after, _ := ComparisonFor(c, Industry, 0, nil, nil, cmpDay)
	if before.Digest == after.Digest || len(after.Candidates) != 4 {
		t.Errorf("digest %s %s, %d candidates", before.Digest, after.Digest, len(after.Candidates))
	}
	again, _ := ComparisonFor(c, Industry, 0, nil, nil, cmpDay)
	if again.Digest != after.Digest {
		t.Error("digest not deterministic")
	}
}

func TestParseWeightsAndBounds(t *testing.T) {
	camp, _ := CampaignFor(2021)
	m, _ := camp.Measure(Industry)
	w, err := ParseWeights(m, "ind.va_growth=0.2, clusters=0.1，smart_zone=0")
	if err != nil || !reflect.DeepEqual(w, map[string]float64{"ind.va_growth": 0.2, "ind.clusters": 0.1, "ind.smart_zone": 0}) {
		t.Errorf("weights %v %v", w, err)
	}
	for _, bad := range []string{"va_growth", "va_growth=x", "va_growth=-1", "nope=1"} {
		if _, err := ParseWeights(m, bad); err == nil {
			t.Errorf("weights %q accepted", bad)
		}
	}
	b, err := ParseBounds(m, "va_growth=0.05:0.3,ind.clusters=:0.5")
	if err != nil || b["ind.va_growth"] != [2]float64{0.05, 0.3} || b["ind.clusters"] != [2]float64{0, 0.5} {
		t.Errorf("bounds %v %v", b, err)
	}
	for _, bad := range []string{"va_growth=0.3", "va_growth=0.4:0.3", "va_growth=0:2", "va_growth=a:b"} {
		if _, err := ParseBounds(m, bad); err == nil {
			t.Errorf("bounds %q accepted", bad)
		}
	}
}

func BenchmarkComparisonFor(b *testing.B) {
	c := compareCase(b)
	for b.Loop() {
		if _, err := ComparisonFor(c, Industry, 0, nil, nil, cmpDay); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRobustness10000(b *testing.B) {
	c := compareCase(b)
	cmp, err := ComparisonFor(c, Industry, 0, nil, nil, cmpDay)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := cmp.Robustness(context.Background(), 10000, 1, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// The 推荐理由 offered for the leader states only what the comparison shows.
func TestLeaderReason(t *testing.T) {
	c := compareCase(t)
	cmp, err := ComparisonFor(c, Industry, 0, nil, nil, cmpDay)
	if err != nil {
		t.Fatal(err)
	}
	lead := cmp.Leader()
	got := cmp.LeaderReason()
	leads := 0
	for _, r := range cmp.Ranks {
		if r.IsBest[cmp.Scores.Order[0]] {
			leads++
		}
	}
	second := cmp.Candidates[cmp.Scores.Order[1]]
	for _, want := range []string{lead.Name + "在3个候选中综合得分第一", fmt.Sprintf("%.4f", cmp.Scores.Score[cmp.Scores.Order[0]]),
		"第二名" + second.Name, fmt.Sprintf("10项指标中%d项居首", leads), "比较2021年指标",
		// compareCase fills 3 of the 10 indicators: the leader's gaps are said.
		"其中7项未填数据，按最差值计"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
	// One candidate left: said so, no ranking.
	c.Candidates[Industry] = []string{"370200"}
	one, err := ComparisonFor(c, Industry, 0, nil, nil, cmpDay)
	if err != nil {
		t.Fatal(err)
	}
	if r := one.LeaderReason(); r != "青岛市是本措施唯一可推荐的候选（比较2021年指标）。" {
		t.Errorf("one candidate: %q", r)
	}
	if (&Comparison{}).LeaderReason() != "" {
		t.Error("an empty comparison gives a reason")
	}
}
