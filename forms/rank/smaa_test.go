package rank

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func unitProblem(rows ...[]float64) Problem {
	p := Problem{Criteria: crits(len(rows[0]))}
	for i, r := range rows {
		p.Alternatives = append(p.Alternatives, string(rune('A'+i)))
		p.Values = append(p.Values, r)
	}
	return p
}

// checkStochastic checks that rows and columns of the acceptability matrix sum to 1.
func checkStochastic(t *testing.T, acc [][]float64) {
	t.Helper()
	m := len(acc)
	for i := 0; i < m; i++ {
		row, col := 0.0, 0.0
		for r := 0; r < m; r++ {
			row += acc[i][r]
			col += acc[r][i]
		}
		if !near(row, 1, 1e-9) || !near(col, 1, 1e-9) {
			t.Errorf("row %d sums to %v, column %d to %v", i, row, i, col)
		}
	}
}

func TestSMAATwoAlternatives(t *testing.T) {
	const N = 100000
	res, err := SMAA(unitProblem([]float64{1, 0}, []float64{0, 1}), SMAAOptions{Samples: N, Seed: 42})
	if err != nil {
		t.Fatal(err)
	}
	checkStochastic(t, res.Acceptability)
	seA := 0.5 / math.Sqrt(N) // sd of a Bernoulli(1/2) share
	for i := 0; i < 2; i++ {
		if !near(res.Acceptability[i][0], 0.5, 4*seA) {
			t.Errorf("first-rank acceptability of %d = %v, want 1/2 ± %v", i, res.Acceptability[i][0], 4*seA)
		}
	}
	// w1 | w1 > 1/2 is U(1/2, 1): sd sqrt(1/48), about N/2 samples.
	seW := math.Sqrt(1.0/48) / math.Sqrt(N/2)
	want := [][]float64{{0.75, 0.25}, {0.25, 0.75}}
	for i := range want {
		for j := range want[i] {
			if !near(res.CentralWeights[i][j], want[i][j], 4*seW) {
				t.Errorf("central weight [%d][%d] = %v, want %v ± %v", i, j, res.CentralWeights[i][j], want[i][j], 4*seW)
			}
		}
		if res.Confidence[i] != 1 {
			t.Errorf("confidence %v", res.Confidence)
		}
	}
	if res.StdErr > seA+1e-12 || res.StdErr < seA*0.99 || res.Samples != N || res.Drawn != N || !strings.Contains(res.Method, "42") {
		t.Errorf("stderr %v samples %d drawn %d method %q", res.StdErr, res.Samples, res.Drawn, res.Method)
	}
}

func TestSMAAThreeUnitVectors(t *testing.T) {
	const N = 90000
	res, err := SMAA(unitProblem([]float64{1, 0, 0}, []float64{0, 1, 0}, []float64{0, 0, 1}), SMAAOptions{Samples: N, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	checkStochastic(t, res.Acceptability)
	se := math.Sqrt((1.0 / 3) * (2.0 / 3) / N)
	for i := range res.Acceptability {
		for r, a := range res.Acceptability[i] {
			if !near(a, 1.0/3, 4*se) {
				t.Errorf("acceptability[%d][%d] = %v, want 1/3 ± %v", i, r, a, 4*se)
			}
		}
	}
	// Each weight component has sd below 0.25; about N/3 samples per alternative.
	tol := 4 * 0.25 / math.Sqrt(N/3)
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			want := 7.0 / 36
			if i == j {
				want = 11.0 / 18
			}
			if !near(res.CentralWeights[i][j], want, tol) {
				t.Errorf("central weight [%d][%d] = %v, want %v ± %v", i, j, res.CentralWeights[i][j], want, tol)
			}
		}
	}
}

func TestSMAAReproducible(t *testing.T) {
	p := randomProblem(rand.New(rand.NewPCG(1, 2)), 8, 5)
	a, err := SMAA(p, SMAAOptions{Samples: 3000, Seed: 99})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := SMAA(p, SMAAOptions{Samples: 3000, Seed: 99})
	c, _ := SMAA(p, SMAAOptions{Samples: 3000, Seed: 100})
	if !reflect.DeepEqual(a.Acceptability, b.Acceptability) || !sameNaN(a.CentralWeights, b.CentralWeights) {
		t.Error("same seed gave different results")
	}
	if reflect.DeepEqual(a.Acceptability, c.Acceptability) {
		t.Error("different seeds gave identical acceptabilities")
	}
	checkStochastic(t, a.Acceptability)
	// A never-first alternative has a NaN central weight row and NaN confidence.
	for i := range a.Acceptability {
		if (a.Acceptability[i][0] == 0) != math.IsNaN(a.CentralWeights[i][0]) || (a.Acceptability[i][0] == 0) != math.IsNaN(a.Confidence[i]) {
			t.Errorf("alt %d: first %v cw %v conf %v", i, a.Acceptability[i][0], a.CentralWeights[i], a.Confidence[i])
		}
	}
}

func sameNaN(a, b [][]float64) bool {
	for i := range a {
		for j := range a[i] {
			if a[i][j] != b[i][j] && !(math.IsNaN(a[i][j]) && math.IsNaN(b[i][j])) {
				return false
			}
		}
	}
	return true
}

// Dominated alternatives never rank first; a dominating one always does.
func TestSMAADominance(t *testing.T) {
	p := unitProblem([]float64{3, 3, 3}, []float64{1, 2, 3}, []float64{0, 0, 0})
	res, err := SMAA(p, SMAAOptions{Samples: 2000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}
	if !reflect.DeepEqual(res.Acceptability, want) {
		t.Errorf("acceptability %v", res.Acceptability)
	}
	if res.StdErr != 0 {
		t.Errorf("stderr %v", res.StdErr)
	}
}

func TestSMAABounds(t *testing.T) {
	const N = 100000
	// w1 ∈ [0.2, 0.7] on two criteria: w1 ~ U(0.2, 0.7).
	p := unitProblem([]float64{1, 0}, []float64{0, 1})
	p.Criteria[0].MinWeight, p.Criteria[0].MaxWeight = 0.2, 0.7
	res, err := SMAA(p, SMAAOptions{Samples: N, Seed: 5, UseBounds: true})
	if err != nil {
		t.Fatal(err)
	}
	se := math.Sqrt(0.24 / N)
	if !near(res.Acceptability[0][0], 0.4, 4*se) {
		t.Errorf("P(A first) = %v, want 0.4", res.Acceptability[0][0])
	}
	tolW := 4 * math.Sqrt(0.04/12) / math.Sqrt(0.4*N)
	if !near(res.CentralWeights[0][0], 0.6, tolW) || !near(res.CentralWeights[1][0], 0.35, tolW) {
		t.Errorf("central weights %v, want (0.6,0.4) and (0.35,0.65)", res.CentralWeights)
	}
	if res.Drawn == res.Samples || !strings.Contains(res.Method, "下限和上限") {
		t.Errorf("drawn %d method %q", res.Drawn, res.Method)
	}
	// Without UseBounds the bounds are ignored.
	res2, _ := SMAA(p, SMAAOptions{Samples: 20000, Seed: 5})
	if !near(res2.Acceptability[0][0], 0.5, 0.02) {
		t.Errorf("bounds applied without UseBounds: %v", res2.Acceptability[0][0])
	}

	// Three unit vectors with w1 ≤ 1/2: P(e1 first) = (1/3 − 1/4)/(3/4) = 1/9.
	q := unitProblem([]float64{1, 0, 0}, []float64{0, 1, 0}, []float64{0, 0, 1})
	q.Criteria[0].MaxWeight = 0.5
	res3, err := SMAA(q, SMAAOptions{Samples: N, Seed: 6, UseBounds: true})
	if err != nil {
		t.Fatal(err)
	}
	se3 := math.Sqrt((1.0 / 9) * (8.0 / 9) / N)
	if !near(res3.Acceptability[0][0], 1.0/9, 4*se3) || !near(res3.Acceptability[1][0], 4.0/9, 4*0.5/math.Sqrt(N)) {
		t.Errorf("first-rank acceptabilities %v %v, want 1/9 and 4/9", res3.Acceptability[0][0], res3.Acceptability[1][0])
	}
	if !near(float64(res3.Samples)/float64(res3.Drawn), 0.75, 0.01) {
		t.Errorf("acceptance %d/%d, want 3/4", res3.Samples, res3.Drawn)
	}

	// A fixed weight: w1 = 0.3 exactly, the rest uniform.
	q.Criteria[0].MinWeight, q.Criteria[0].MaxWeight = 0.3, 0.3
	res4, err := SMAA(q, SMAAOptions{Samples: 5000, Seed: 6, UseBounds: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if cw := res4.CentralWeights[i]; !math.IsNaN(cw[0]) && !near(cw[0], 0.3, 1e-12) {
			t.Errorf("fixed weight moved: %v", cw)
		}
	}
	// w1 = .3, w2 + w3 = .7, w2 ~ U(0, .7): e1 first iff w2, w3 < .3: w2 ∈ (.4, .3) impossible.
	if res4.Acceptability[0][0] != 0 || res4.Drawn != 5000 {
		t.Errorf("e1 first %v drawn %d", res4.Acceptability[0][0], res4.Drawn)
	}
}

func TestSMAABoundErrors(t *testing.T) {
	p := unitProblem([]float64{1, 0, 0}, []float64{0, 1, 0})
	set := func(lo, hi [3]float64) Problem {
		q := p
		q.Criteria = crits(3)
		for j := range q.Criteria {
			q.Criteria[j].MinWeight, q.Criteria[j].MaxWeight = lo[j], hi[j]
		}
		return q
	}
	cases := []struct {
		p    Problem
		want string
	}{
		{set([3]float64{0.5, 0.4, 0.2}, [3]float64{}), "下限之和为 1.1"},
		{set([3]float64{}, [3]float64{0.3, 0.3, 0.3}), "上限之和为 0.9"},
		{set([3]float64{0.5, 0, 0}, [3]float64{0.4, 0, 0}), "大于上限"},
		{set([3]float64{-0.1, 0, 0}, [3]float64{}), "无效"},
		{set([3]float64{0, 0, 0}, [3]float64{1.5, 0, 0}), "无效"},
	}
	for _, c := range cases {
		_, err := SMAA(c.p, SMAAOptions{Samples: 100, UseBounds: true})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("want error with %q, got %v", c.want, err)
		}
	}
	// Feasible but far too tight for rejection: 20 criteria, each at most 0.051.
	q := randomProblem(rand.New(rand.NewPCG(3, 3)), 4, 20)
	for j := range q.Criteria {
		q.Criteria[j].MaxWeight = 0.051
	}
	_, err := SMAA(q, SMAAOptions{Samples: 100, UseBounds: true})
	if err == nil || !strings.Contains(err.Error(), "过紧") {
		t.Errorf("tight bounds: %v", err)
	}
	if _, err := SMAA(p, SMAAOptions{Samples: -1}); err == nil || !hasHan(err.Error()) {
		t.Errorf("negative samples: %v", err)
	}
}

func TestSMAACancelAndProgress(t *testing.T) {
	p := randomProblem(rand.New(rand.NewPCG(4, 4)), 5, 3)
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_, err := SMAAContext(ctx, p, SMAAOptions{Samples: 100000, Progress: func(done, total int) {
		calls++
		if done >= 2048 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || calls != 2 {
		t.Errorf("err %v after %d progress calls", err, calls)
	}
	last := 0
	_, err = SMAA(p, SMAAOptions{Samples: 3000, Progress: func(done, total int) {
		if total != 3000 || done < last {
			t.Errorf("progress %d/%d", done, total)
		}
		last = done
	}})
	if err != nil || last != 3000 {
		t.Errorf("err %v last %d", err, last)
	}
}

func randomProblem(r *rand.Rand, m, n int) Problem {
	p := Problem{Criteria: crits(n)}
	for j := range p.Criteria {
		p.Criteria[j].HigherIsBetter = r.IntN(3) > 0
		p.Criteria[j].Weight = r.Float64()
	}
	for i := 0; i < m; i++ {
		p.Alternatives = append(p.Alternatives, string(rune(0x4e00+i)))
		row := make([]float64, n)
		for j := range row {
			row[j] = math.Round(r.NormFloat64()*1000) / 100
			if r.IntN(20) == 0 {
				row[j] = math.NaN()
			}
		}
		p.Values = append(p.Values, row)
	}
	return p
}

func BenchmarkSMAA40x20(b *testing.B) {
	p := randomProblem(rand.New(rand.NewPCG(8, 8)), 40, 20)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SMAA(p, SMAAOptions{Samples: 10000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSMAA40x20Bounded(b *testing.B) {
	p := randomProblem(rand.New(rand.NewPCG(8, 8)), 40, 20)
	for j := range p.Criteria {
		p.Criteria[j].MaxWeight = 0.2
	}
	for b.Loop() {
		if _, err := SMAA(p, SMAAOptions{Samples: 10000, Seed: 1, UseBounds: true}); err != nil {
			b.Fatal(err)
		}
	}
}
