package rank

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// DefaultSamples is used when SMAAOptions.Samples is 0.
const DefaultSamples = 10000

// MaxSamples caps SMAAOptions.Samples.
const MaxSamples = 10_000_000

// rejectCap is the number of draws allowed per requested sample in bounded sampling.
const rejectCap = 200

// pcgStream is the second PCG seed word ("Tuijian" in ASCII).
const pcgStream = 0x5475696a69616e

// SMAAOptions controls the sampling.
type SMAAOptions struct {
	Samples   int    // accepted weight vectors; 0 means DefaultSamples
	Seed      uint64 // PCG seed; same seed, same result
	UseBounds bool   // apply Criterion.MinWeight/MaxWeight
	// Progress, when set, is called from the sampling goroutine every 1024 samples
	// and at the end with the number of accepted samples so far.
	Progress func(done, total int)
}

// SMAAResult holds the SMAA-2 indices (see the package comment for the rules).
type SMAAResult struct {
	Acceptability  [][]float64 // [alt][rank-1], share of samples
	CentralWeights [][]float64 // [alt][crit]; NaN row when the alternative is never first
	Confidence     []float64   // [alt]; NaN when never first
	Samples        int         // accepted weight vectors
	Drawn          int         // weight vectors drawn (> Samples when bounds reject)
	Seed           uint64
	StdErr         float64   // max sqrt(a(1−a)/N) over the acceptability indices
	MinWeight      []float64 // bounds actually applied, per criterion
	MaxWeight      []float64
	Method         string   // Chinese description of the sampling
	Messages       []string // Chinese notes from the normalization (as in Scores)
}

// SMAA computes rank acceptability indices, central weights and confidence factors.
func SMAA(p Problem, o SMAAOptions) (SMAAResult, error) {
	return SMAAContext(context.Background(), p, o)
}

// SMAAContext is SMAA with cancellation; it returns ctx.Err() when cancelled.
func SMAAContext(ctx context.Context, p Problem, o SMAAOptions) (SMAAResult, error) {
	if err := p.Validate(); err != nil {
		return SMAAResult{}, err
	}
	N := o.Samples
	if N == 0 {
		N = DefaultSamples
	}
	if N < 0 || N > MaxSamples {
		return SMAAResult{}, fmt.Errorf("抽样次数 %d 无效：应在 1 到 %d 之间，常用 10000。", o.Samples, MaxSamples)
	}
	z := normalize(p)
	m, n := z.m, z.n
	smp, err := newSampler(p, o.UseBounds, o.Seed)
	if err != nil {
		return SMAAResult{}, err
	}

	// Column-major copy of the normalized matrix for the inner loop.
	col := make([]float64, n*m)
	for j := 0; j < n; j++ {
		for i := 0; i < m; i++ {
			col[j*m+i] = z.x[i][j]
		}
	}
	acc := make([]float64, m*m)
	cw := make([]float64, m*n)
	first := make([]float64, m)
	s := make([]float64, m)
	higher := make([]int, m)
	eq := make([]int, m)
	w := make([]float64, n)

	for done := 0; done < N; {
		if !smp.draw(w) {
			if smp.drawn >= rejectCap*N {
				return SMAAResult{}, fmt.Errorf("权重上下限过紧：抽取了 %d 组权重，只有 %d 组满足上下限（接受率 %.3g%%），无法在合理时间内完成抽样。请放宽部分指标的权重上下限后重试。", smp.drawn, done, 100*float64(done)/float64(smp.drawn))
			}
			continue
		}
		for i := range s {
			s[i] = 0
			higher[i] = 0
			eq[i] = 1
		}
		for j, wj := range w {
			c := col[j*m : j*m+m]
			for i, v := range c {
				s[i] += wj * v
			}
		}
		for i := 0; i < m; i++ {
			si := s[i]
			for k := i + 1; k < m; k++ {
				sk := s[k]
				if si > sk {
					higher[k]++
				} else if sk > si {
					higher[i]++
				} else {
					eq[i]++
					eq[k]++
				}
			}
		}
		for i := 0; i < m; i++ {
			h, e := higher[i], eq[i]
			if e == 1 {
				acc[i*m+h]++
				if h == 0 {
					first[i]++
					row := cw[i*n : i*n+n]
					for j, wj := range w {
						row[j] += wj
					}
				}
				continue
			}
			f := 1 / float64(e)
			for r := h; r < h+e; r++ {
				acc[i*m+r] += f
			}
			if h == 0 {
				first[i] += f
				row := cw[i*n : i*n+n]
				for j, wj := range w {
					row[j] += f * wj
				}
			}
		}
		done++
		if done&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return SMAAResult{}, err
			}
			if o.Progress != nil {
				o.Progress(done, N)
			}
		}
	}
	if o.Progress != nil {
		o.Progress(N, N)
	}

	res := SMAAResult{
		Acceptability: make([][]float64, m), CentralWeights: make([][]float64, m),
		Confidence: make([]float64, m), Samples: N, Drawn: smp.drawn, Seed: o.Seed,
		MinWeight: smp.lo, MaxWeight: smp.hi, Messages: messages(p, z),
	}
	fN := float64(N)
	for i := 0; i < m; i++ {
		res.Acceptability[i] = make([]float64, m)
		for r := 0; r < m; r++ {
			a := acc[i*m+r] / fN
			res.Acceptability[i][r] = a
			res.StdErr = math.Max(res.StdErr, math.Sqrt(a*(1-a)/fN))
		}
		res.CentralWeights[i] = make([]float64, n)
		for j := 0; j < n; j++ {
			if first[i] > 0 {
				res.CentralWeights[i][j] = cw[i*n+j] / first[i]
			} else {
				res.CentralWeights[i][j] = math.NaN()
			}
		}
	}
	for i := 0; i < m; i++ {
		if first[i] == 0 {
			res.Confidence[i] = math.NaN()
			continue
		}
		si := dot(res.CentralWeights[i], z.x[i])
		best, ties := true, 1
		for k := 0; k < m; k++ {
			if k == i {
				continue
			}
			sk := dot(res.CentralWeights[i], z.x[k])
			if sk > si {
				best = false
				break
			}
			if sk == si {
				ties++
			}
		}
		if best {
			res.Confidence[i] = 1 / float64(ties)
		}
	}
	if smp.bounded {
		res.Method = fmt.Sprintf("权重组合在各指标权重的下限和上限之内随机均匀抽取（各权重合计为 1；超出上限的组合舍去）：有效 %d 组，共抽取 %d 组（有效率 %.3g%%），随机种子 %d（同一种子可重现同一结果）。", N, smp.drawn, 100*fN/float64(smp.drawn), o.Seed)
	} else {
		res.Method = fmt.Sprintf("在所有可能的权重组合（各权重不小于 0、合计为 1）中随机均匀抽取 %d 组，随机种子 %d（同一种子可重现同一结果）。", N, o.Seed)
	}
	return res, nil
}

// sampler draws weight vectors uniformly from the (bounded) simplex.
type sampler struct {
	rng     *rand.Rand
	n       int
	lo, hi  []float64
	free    []int   // criteria not fixed
	mass    float64 // 1 − Σ lo, spread over the free criteria
	bounded bool    // some upper bound can reject
	drawn   int
}

func newSampler(p Problem, useBounds bool, seed uint64) (*sampler, error) {
	n := len(p.Criteria)
	sp := &sampler{rng: rand.New(rand.NewPCG(seed, pcgStream)), n: n, lo: make([]float64, n), hi: make([]float64, n)}
	const tol = 1e-12
	sumLo, sumHi := 0.0, 0.0
	for j, c := range p.Criteria {
		lo, hi := 0.0, 1.0
		if useBounds {
			lo, hi = c.MinWeight, c.MaxWeight
			if hi == 0 {
				hi = 1
			}
			if math.IsNaN(lo) || math.IsNaN(hi) || lo < 0 || hi > 1 {
				return nil, fmt.Errorf("指标“%s”的权重上下限（%g～%g）无效：上下限应在 0 到 1 之间（上限填 0 表示不设上限）。", c.label(), c.MinWeight, c.MaxWeight)
			}
			if lo > hi {
				return nil, fmt.Errorf("指标“%s”的权重下限 %g 大于上限 %g，请调整。", c.label(), lo, hi)
			}
		}
		sp.lo[j], sp.hi[j] = lo, hi
		sumLo += lo
		sumHi += hi
	}
	if sumLo > 1+tol {
		return nil, fmt.Errorf("各指标权重下限之和为 %.4g，超过 1，不存在满足条件的权重：请调低部分指标的权重下限。", sumLo)
	}
	if sumHi < 1-tol {
		return nil, fmt.Errorf("各指标权重上限之和为 %.4g，小于 1，不存在满足条件的权重：请调高部分指标的权重上限。", sumHi)
	}
	fixed := 0.0
	for j := 0; j < n; j++ {
		if sp.hi[j]-sp.lo[j] <= tol {
			fixed += sp.lo[j]
			continue
		}
		sp.free = append(sp.free, j)
	}
	sp.mass = math.Max(0, 1-sumLo)
	if len(sp.free) == 0 && math.Abs(fixed-1) > 1e-9 {
		return nil, errors.New("所有指标的权重都被固定，但它们的和不等于 1：请调整权重上下限。")
	}
	for _, j := range sp.free {
		if sp.lo[j]+sp.mass > sp.hi[j]+tol {
			sp.bounded = true
		}
	}
	return sp, nil
}

// draw fills w with one candidate vector and reports whether it meets the bounds.
func (sp *sampler) draw(w []float64) bool {
	sp.drawn++
	copy(w, sp.lo)
	switch len(sp.free) {
	case 0:
		return true
	case 1:
		w[sp.free[0]] += sp.mass
		return true
	}
	sum := 0.0
	for _, j := range sp.free {
		e := sp.rng.ExpFloat64()
		w[j] = e
		sum += e
	}
	f := sp.mass / sum
	ok := true
	for _, j := range sp.free {
		w[j] = sp.lo[j] + f*w[j]
		if w[j] > sp.hi[j] {
			ok = false
		}
	}
	return ok
}
