package rank

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// Hand-worked case (values already on [0,1], equal weights 1/3):
//
//	A = (1, .6, 0)  score .5333 (leader)
//	B = (0, 1, .2)  score .4
//	C = (.4, 0, 1)  score .4667
//
// Criterion 1, t = w1, others (1−t)/2 each: S_A = t + .3(1−t), S_B = .6(1−t),
// S_C = .4t + .5(1−t). A ≥ B for t ≥ 3/13, A ≥ C for t ≥ 1/4: [1/4, 1], rival C.
// Criterion 2: S_A = .6t + .5(1−t), S_B = t + .1(1−t), S_C = .7(1−t):
// A ≥ B for t ≤ 1/2, A ≥ C for t ≥ 1/4: [1/4, 1/2], rivals C and B.
// Criterion 3: S_A = .8(1−t), S_B = .2t + .5(1−t), S_C = t + .2(1−t):
// A ≥ B for t ≤ 3/5, A ≥ C for t ≤ 3/8: [0, 3/8], rival C.
func TestStabilityHandWorked(t *testing.T) {
	p := unitProblem([]float64{1, 0.6, 0}, []float64{0, 1, 0.2}, []float64{0.4, 0, 1})
	p.Names = []string{"甲市", "乙市", "丙市"}
	iv, err := StabilityIntervals(p)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		lo, hi     float64
		loR, hiR   int
		textSubstr string
	}{
		{0.25, 1, 2, -1, "降到 0.2500 时“丙市”追平"},
		{0.25, 0.5, 2, 1, "升到 0.5000 时“乙市”追平"},
		{0, 0.375, -1, 2, "升到 0.3750 时“丙市”追平"},
	}
	for j, w := range want {
		v := iv[j]
		if v.Crit != j || v.Leader != 0 || !near(v.Current, 1.0/3, 1e-15) {
			t.Errorf("crit %d: %+v", j, v)
		}
		if !near(v.Lo, w.lo, 1e-12) || !near(v.Hi, w.hi, 1e-12) || v.LoRival != w.loR || v.HiRival != w.hiR {
			t.Errorf("crit %d: [%v, %v] rivals %d %d, want [%v, %v] %d %d", j, v.Lo, v.Hi, v.LoRival, v.HiRival, w.lo, w.hi, w.loR, w.hiR)
		}
		if !strings.Contains(v.Text, w.textSubstr) || !strings.Contains(v.Text, "第一名仍为“甲市”") {
			t.Errorf("crit %d text %q", j, v.Text)
		}
	}
}

// Unequal weights, raw values and a lower-is-better criterion.
//
//	values (x↑, y↓): A = (10, 5), B = (0, 1), weights 3:1.
//	normalized: A = (1, 0), B = (0, 1); scores .75 and .25: A leads.
//	Crit x, t = w_x, w_y = 1−t: A ≥ B iff t ≥ 1/2: [1/2, 1].
//	Crit y, t = w_y: A ≥ B iff t ≤ 1/2: [0, 1/2].
func TestStabilityWeightsAndDirection(t *testing.T) {
	p := Problem{Alternatives: []string{"A", "B"}, Criteria: []Criterion{
		{ID: "x", HigherIsBetter: true, Weight: 3, Reference: nan},
		{ID: "y", HigherIsBetter: false, Weight: 1, Reference: nan},
	}, Values: [][]float64{{10, 5}, {0, 1}}}
	iv, err := StabilityIntervals(p)
	if err != nil {
		t.Fatal(err)
	}
	if iv[0].Current != 0.75 || iv[0].Lo != 0.5 || iv[0].Hi != 1 || iv[0].LoRival != 1 {
		t.Errorf("x: %+v", iv[0])
	}
	if iv[1].Current != 0.25 || iv[1].Lo != 0 || iv[1].Hi != 0.5 || iv[1].HiRival != 1 {
		t.Errorf("y: %+v", iv[1])
	}
}

// A criterion with all the weight: the others share 1 − t equally.
func TestStabilityFullWeight(t *testing.T) {
	p := unitProblem([]float64{1, 0, 0}, []float64{0, 1, 1})
	p.Criteria[0].Weight = 1
	iv, err := StabilityIntervals(p)
	if err != nil {
		t.Fatal(err)
	}
	// S_A = t, S_B = 1 − t: A ≥ B iff t ≥ 1/2.
	if iv[0].Current != 1 || iv[0].Lo != 0.5 || iv[0].Hi != 1 {
		t.Errorf("%+v", iv[0])
	}
	// Moving w2 from 0 up (w1 = 1 − t): S_A = 1 − t, S_B = t.
	if iv[1].Current != 0 || iv[1].Lo != 0 || iv[1].Hi != 0.5 {
		t.Errorf("%+v", iv[1])
	}
	one := unitProblem([]float64{1}, []float64{2})
	iv, err = StabilityIntervals(one)
	if err != nil || iv[0].Lo != 1 || iv[0].Hi != 1 || !strings.Contains(iv[0].Text, "固定为 1") {
		t.Errorf("single criterion: %v %+v", err, iv)
	}
}

// Random problems: brute-force check that the leader keeps first place inside the
// interval and loses it just outside.
func TestStabilityBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for trial := 0; trial < 300; trial++ {
		p := randomProblem(r, 2+r.IntN(6), 2+r.IntN(5))
		iv, err := StabilityIntervals(p)
		if err != nil {
			t.Fatal(err)
		}
		s, _ := WeightedSum(p)
		L := s.Order[0]
		for _, v := range iv {
			if v.Leader != L || v.Lo > v.Current+1e-12 || v.Hi < v.Current-1e-12 {
				t.Fatalf("trial %d: interval %+v does not hold the current weight or leader %d", trial, v, L)
			}
			scoreAt := func(t float64) []float64 {
				w := append([]float64(nil), s.Weights...)
				for k := range w {
					if k == v.Crit {
						w[k] = t
					} else {
						w[k] *= (1 - t) / (1 - s.Weights[v.Crit])
					}
				}
				out := make([]float64, len(s.Normalized))
				for i := range out {
					out[i] = dot(w, s.Normalized[i])
				}
				return out
			}
			leads := func(t float64) bool {
				sc := scoreAt(t)
				for i := range sc {
					if sc[i] > sc[L]+1e-9 {
						return false
					}
				}
				return true
			}
			for _, x := range []float64{v.Lo, (v.Lo + v.Hi) / 2, v.Hi} {
				if !leads(x) {
					t.Fatalf("trial %d crit %d: leader loses at %v inside [%v,%v]", trial, v.Crit, x, v.Lo, v.Hi)
				}
			}
			if v.LoRival >= 0 && v.Lo > 1e-6 && leads(v.Lo-1e-6) {
				t.Fatalf("trial %d crit %d: still leads below Lo %v", trial, v.Crit, v.Lo)
			}
			if v.HiRival >= 0 && v.Hi < 1-1e-6 && leads(v.Hi+1e-6) {
				t.Fatalf("trial %d crit %d: still leads above Hi %v", trial, v.Crit, v.Hi)
			}
			if v.LoRival < 0 && v.Lo != 0 || v.HiRival < 0 && v.Hi != 1 {
				t.Fatalf("trial %d: bound without rival %+v", trial, v)
			}
		}
	}
}

func FuzzWeightedSum(f *testing.F) {
	f.Add([]byte{3, 2, 10, 20, 30, 255, 5, 5, 1, 0})
	f.Add([]byte{1, 1, 7})
	f.Add([]byte{4, 3, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255})
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 2 {
			return
		}
		m, n := int(b[0]%6)+1, int(b[1]%5)+1
		b = b[2:]
		p := Problem{Criteria: crits(n)}
		k := 0
		next := func() byte {
			if len(b) == 0 {
				return 0
			}
			v := b[k%len(b)]
			k++
			return v
		}
		for j := range p.Criteria {
			p.Criteria[j].HigherIsBetter = next()%2 == 0
			p.Criteria[j].Weight = float64(next() % 4)
			p.Criteria[j].Reference = float64(next()) - 100
		}
		for i := 0; i < m; i++ {
			p.Alternatives = append(p.Alternatives, string(rune('a'+i)))
			row := make([]float64, n)
			for j := range row {
				v := next()
				if v == 255 {
					row[j] = math.NaN()
				} else {
					row[j] = float64(v%16) - 5
				}
			}
			p.Values = append(p.Values, row)
		}
		s, err := WeightedSum(p)
		if err != nil {
			t.Fatal(err)
		}
		for i, sc := range s.Score {
			if !(sc >= -1e-12 && sc <= 1+1e-12) || s.Rank[i] < 1 || s.Rank[i] > m {
				t.Fatalf("score %v rank %v", s.Score, s.Rank)
			}
		}
		if _, err := RankIndicators(p); err != nil {
			t.Fatal(err)
		}
		iv, err := StabilityIntervals(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range iv {
			if v.Lo > v.Current+1e-9 || v.Hi < v.Current-1e-9 || v.Lo < 0 || v.Hi > 1 {
				t.Fatalf("interval %+v", v)
			}
		}
		res, err := SMAA(p, SMAAOptions{Samples: 50, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		for i := range res.Acceptability {
			sum := 0.0
			for _, a := range res.Acceptability[i] {
				sum += a
			}
			if math.Abs(sum-1) > 1e-9 {
				t.Fatalf("row %d sums to %v", i, sum)
			}
		}
	})
}
