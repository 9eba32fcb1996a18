package rank

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

var nan = math.NaN()

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func crits(n int) []Criterion {
	c := make([]Criterion, n)
	for j := range c {
		c[j] = Criterion{ID: string(rune('a' + j)), Label: "指标" + string(rune('A'+j)), HigherIsBetter: true, Reference: nan}
	}
	return c
}

func TestRankIndicators(t *testing.T) {
	p := Problem{
		Alternatives: []string{"a", "b", "c", "d", "e"},
		Names:        []string{"甲市", "乙市", "丙市", "丁市", "戊市"},
		Criteria: []Criterion{
			{ID: "g", Label: "增速", HigherIsBetter: true, Reference: 5},
			{ID: "l", Label: "能耗", HigherIsBetter: false, Reference: nan},
			{ID: "k", Label: "常数", HigherIsBetter: true, Reference: 0},
		},
		Values: [][]float64{
			{7, 3, 1},
			{7, 1, 1},
			{5, nan, nan},
			{-1, 3, 1},
			{nan, 9, 1},
		},
	}
	r, err := RankIndicators(p)
	if err != nil {
		t.Fatal(err)
	}
	g := r[0]
	if want := []int{1, 1, 3, 4, 0}; !reflect.DeepEqual(g.Rank, want) {
		t.Errorf("ranks %v, want %v", g.Rank, want)
	}
	if !reflect.DeepEqual(g.Best, []string{"a", "b"}) || !reflect.DeepEqual(g.Worst, []string{"d"}) {
		t.Errorf("best %v worst %v", g.Best, g.Worst)
	}
	if !g.Missing[4] || g.IsBest[4] || g.IsWorst[4] || g.VsReference[4] != PosUnknown || !math.IsNaN(g.Diff[4]) {
		t.Errorf("missing value not flagged: %+v", g)
	}
	if want := []Position{PosAbove, PosAbove, PosEqual, PosBelow, PosUnknown}; !reflect.DeepEqual(g.VsReference, want) {
		t.Errorf("vs reference %v, want %v", g.VsReference, want)
	}
	if g.Diff[0] != 2 || g.Diff[3] != -6 {
		t.Errorf("diff %v", g.Diff)
	}
	if g.Observed != 4 || g.Distinct != 3 || g.Message != "" {
		t.Errorf("observed %d distinct %d msg %q", g.Observed, g.Distinct, g.Message)
	}
	l := r[1] // lower is better: 1 < 3 = 3 < 9
	if want := []int{2, 1, 0, 2, 4}; !reflect.DeepEqual(l.Rank, want) {
		t.Errorf("lower-is-better ranks %v, want %v", l.Rank, want)
	}
	if !reflect.DeepEqual(l.Best, []string{"b"}) || !reflect.DeepEqual(l.Worst, []string{"e"}) {
		t.Errorf("best %v worst %v", l.Best, l.Worst)
	}
	if l.VsReference[0] != PosUnknown {
		t.Errorf("no province value must give PosUnknown")
	}
	k := r[2]
	if len(k.Best) != 0 || len(k.Worst) != 0 || !hasHan(k.Message) || !strings.Contains(k.Message, "常数") {
		t.Errorf("constant column: best %v worst %v msg %q", k.Best, k.Worst, k.Message)
	}
	if want := []int{1, 1, 0, 1, 1}; !reflect.DeepEqual(k.Rank, want) {
		t.Errorf("constant ranks %v", k.Rank)
	}
	if k.VsReference[0] != PosAbove {
		t.Errorf("reference 0 is a real value: got %v", k.VsReference[0])
	}
	if PosAbove.Favourable(false) != -1 || PosBelow.Favourable(false) != 1 || PosAbove.Favourable(true) != 1 || PosEqual.Favourable(true) != 0 {
		t.Error("Favourable")
	}
	if PosAbove.String() != "高于全省" || PosUnknown.String() != "无法比较" {
		t.Error("Position labels")
	}
}

func TestValidate(t *testing.T) {
	base := func() Problem {
		return Problem{Alternatives: []string{"a", "b"}, Names: []string{"甲市", "乙市"}, Criteria: crits(2), Values: [][]float64{{1, 2}, {3, 4}}}
	}
	cases := map[string]func(p *Problem){
		"没有候选":   func(p *Problem) { p.Alternatives, p.Names, p.Values = nil, nil, nil },
		"没有可比较":  func(p *Problem) { p.Criteria = nil; p.Values = [][]float64{{}, {}} },
		"重复":     func(p *Problem) { p.Alternatives[1] = "a" },
		"权重":     func(p *Problem) { p.Criteria[1].Weight = -0.1 },
		"无穷大":    func(p *Problem) { p.Values[1][0] = math.Inf(1) },
		"应为 2 个": func(p *Problem) { p.Values[0] = []float64{1} },
	}
	for want, mut := range cases {
		p := base()
		mut(&p)
		err := p.Validate()
		if err == nil || !strings.Contains(err.Error(), want) || !hasHan(err.Error()) {
			t.Errorf("%s: err = %v", want, err)
		}
		if _, err2 := WeightedSum(p); err2 == nil {
			t.Errorf("%s: WeightedSum accepted it", want)
		}
	}
	p := base()
	p.Criteria[0].Weight = nan
	if err := p.Validate(); err == nil {
		t.Error("NaN weight accepted")
	}
	if err := base().Validate(); err != nil {
		t.Error(err)
	}
}

func TestWeightedSum(t *testing.T) {
	p := Problem{
		Alternatives: []string{"a", "b", "c", "d"},
		Criteria: []Criterion{
			{ID: "x", Label: "增速", HigherIsBetter: true, Weight: 2, Reference: nan},
			{ID: "y", Label: "能耗", HigherIsBetter: false, Weight: 1, Reference: nan},
			{ID: "z", Label: "相同", HigherIsBetter: true, Weight: 1, Reference: nan},
		},
		Values: [][]float64{
			{10, 4, 3},
			{0, 2, 3},
			{5, 0, nan},
			{nan, 4, 3},
		},
	}
	s, err := WeightedSum(p)
	if err != nil {
		t.Fatal(err)
	}
	if s.Defaulted || !reflect.DeepEqual(s.Weights, []float64{0.5, 0.25, 0.25}) {
		t.Errorf("weights %v defaulted %v", s.Weights, s.Defaulted)
	}
	wantX := [][]float64{{1, 0, 0.5}, {0, 0.5, 0.5}, {0.5, 1, 0.5}, {0, 0, 0.5}}
	if !reflect.DeepEqual(s.Normalized, wantX) {
		t.Errorf("normalized %v, want %v", s.Normalized, wantX)
	}
	// a: .5+0+.125 = .625; b: 0+.125+.125 = .25; c: .25+.25+.125 = .625; d: .125
	wantS := []float64{0.625, 0.25, 0.625, 0.125}
	for i := range wantS {
		if !near(s.Score[i], wantS[i], 1e-15) {
			t.Errorf("score[%d] = %v, want %v", i, s.Score[i], wantS[i])
		}
		sum := 0.0
		for _, c := range s.Contribution[i] {
			sum += c
		}
		if !near(sum, s.Score[i], 1e-15) {
			t.Errorf("contributions of %d sum to %v", i, sum)
		}
	}
	if !reflect.DeepEqual(s.Rank, []int{1, 3, 1, 4}) || !reflect.DeepEqual(s.Order, []int{0, 2, 1, 3}) {
		t.Errorf("rank %v order %v", s.Rank, s.Order)
	}
	if s.MissingCount != 2 || !s.Missing[3][0] || !s.Missing[2][2] {
		t.Errorf("missing %v", s.Missing)
	}
	if !s.Ranges[2].Constant || s.Ranges[0].Min != 0 || s.Ranges[0].Max != 10 || s.Ranges[0].Observed != 3 {
		t.Errorf("ranges %+v", s.Ranges)
	}
	if !strings.Contains(s.Method, "min-max") || !strings.Contains(s.Method, "[0,1]") || !hasHan(s.MissingRule) {
		t.Errorf("method %q rule %q", s.Method, s.MissingRule)
	}
	joined := strings.Join(s.Messages, "\n")
	for _, want := range []string{"“d”的指标“增速”缺失", "指标“相同”的已填数值全部相同", "“c”的指标“相同”缺失"} {
		if !strings.Contains(joined, want) {
			t.Errorf("messages lack %q:\n%s", want, joined)
		}
	}
}

// A missing value never scores better than the worst reported value.
func TestMissingNeverBetterThanWorst(t *testing.T) {
	p := Problem{Alternatives: []string{"a", "b", "c"}, Criteria: crits(2),
		Values: [][]float64{{1, 5}, {-3, 5}, {nan, 5}}}
	p.Criteria[1].Reference = nan
	s, err := WeightedSum(p)
	if err != nil {
		t.Fatal(err)
	}
	if s.Score[2] > s.Score[1] || s.Score[2] != s.Score[1] || s.Rank[2] != 2 {
		t.Errorf("missing scored %v vs worst %v (rank %v)", s.Score[2], s.Score[1], s.Rank)
	}
}

func TestDegenerate(t *testing.T) {
	one := Problem{Alternatives: []string{"370100"}, Names: []string{"济南市"}, Criteria: crits(2), Values: [][]float64{{3, 4}}}
	allEq := Problem{Alternatives: []string{"a", "b", "c"}, Criteria: crits(2), Values: [][]float64{{3, 4}, {3, 4}, {3, 4}}}
	allNaN := Problem{Alternatives: []string{"a", "b"}, Criteria: crits(2), Values: [][]float64{{nan, nan}, {nan, nan}}}
	for name, tc := range map[string]struct {
		p    Problem
		want string
	}{
		"one":    {one, "只有一个候选城市（济南市）"},
		"allEq":  {allEq, "完全相同"},
		"allNaN": {allNaN, "所有指标值均缺失"},
	} {
		s, err := WeightedSum(tc.p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i, v := range s.Score {
			if v != 0.5 || s.Rank[i] != 1 {
				t.Errorf("%s: score %v rank %v", name, s.Score, s.Rank)
			}
		}
		if !strings.Contains(strings.Join(s.Messages, "\n"), tc.want) {
			t.Errorf("%s: messages %q lack %q", name, s.Messages, tc.want)
		}
		r, err := RankIndicators(tc.p)
		if err != nil || len(r) != 2 || r[0].Message == "" || !hasHan(r[0].Message) {
			t.Errorf("%s: RankIndicators %v %+v", name, err, r)
		}
		res, err := SMAA(tc.p, SMAAOptions{Samples: 500, Seed: 1})
		if err != nil {
			t.Fatalf("%s: SMAA %v", name, err)
		}
		m := float64(len(tc.p.Alternatives))
		for i := range res.Acceptability {
			for r, a := range res.Acceptability[i] {
				if !near(a, 1/m, 1e-12) {
					t.Errorf("%s: acceptability[%d][%d] = %v, want %v", name, i, r, a, 1/m)
				}
			}
			if !near(res.Confidence[i], 1/m, 1e-12) {
				t.Errorf("%s: confidence %v", name, res.Confidence)
			}
			for _, w := range res.CentralWeights[i] {
				if !near(w, 0.5, 0.05) {
					t.Errorf("%s: central weights %v", name, res.CentralWeights)
				}
			}
		}
		iv, err := StabilityIntervals(tc.p)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, v := range iv {
			if v.Lo != 0 || v.Hi != 1 || v.Leader != 0 || !hasHan(v.Text) {
				t.Errorf("%s: interval %+v", name, v)
			}
		}
	}
}

func TestEqualWeightsDefault(t *testing.T) {
	p := Problem{Alternatives: []string{"a", "b"}, Criteria: crits(4), Values: [][]float64{{1, 2, 3, 4}, {4, 3, 2, 1}}}
	s, err := WeightedSum(p)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Defaulted || !reflect.DeepEqual(s.Weights, []float64{0.25, 0.25, 0.25, 0.25}) {
		t.Errorf("weights %v", s.Weights)
	}
	if s.Rank[0] != 1 || s.Rank[1] != 1 {
		t.Errorf("symmetric data must tie: %v %v", s.Score, s.Rank)
	}
}
