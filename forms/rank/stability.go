package rank

import (
	"fmt"
	"math"
)

// Interval is the exact weight stability interval of one criterion for the
// weighted-sum leader (see the package comment).
type Interval struct {
	Crit    int     // index into Problem.Criteria
	Current float64 // current effective weight
	Lo, Hi  float64 // the leader stays first (possibly tied) for weights in [Lo, Hi]
	Leader  int     // alternative index of the current leader
	// LoRival and HiRival are the alternatives that draw level with the leader at Lo
	// and Hi; −1 when nobody does (the bound is 0 or 1).
	LoRival, HiRival int
	Text             string // Chinese explanation for the screen and the report
}

// StabilityIntervals returns one Interval per criterion, in criterion order.
func StabilityIntervals(p Problem) ([]Interval, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	z := normalize(p)
	w, _ := weights(p)
	m, n := z.m, z.n
	score := make([]float64, m)
	for i := range score {
		score[i] = dot(w, z.x[i])
	}
	_, order := competitionRank(score)
	L := order[0]
	const tol = 1e-12
	out := make([]Interval, n)
	a := make([]float64, m)
	b := make([]float64, m)
	for j := 0; j < n; j++ {
		iv := Interval{Crit: j, Current: w[j], Lo: 0, Hi: 1, Leader: L, LoRival: -1, HiRival: -1}
		if n == 1 {
			iv.Lo, iv.Hi = 1, 1
			iv.Text = describe(p, iv)
			out[j] = iv
			continue
		}
		for i := 0; i < m; i++ {
			a[i] = z.x[i][j]
			r := 0.0
			if w[j] < 1 {
				for k := 0; k < n; k++ {
					if k != j {
						r += w[k] * z.x[i][k]
					}
				}
				b[i] = r / (1 - w[j])
			} else {
				for k := 0; k < n; k++ {
					if k != j {
						r += z.x[i][k]
					}
				}
				b[i] = r / float64(n-1)
			}
		}
		for i := 0; i < m; i++ {
			if i == L {
				continue
			}
			d0, d1 := b[L]-b[i], a[L]-a[i] // leader's margin at t = 0 and t = 1
			switch {
			case d0 >= -tol && d1 >= -tol:
				// never overtaken
			case d0 < -tol && d1 < -tol:
				// cannot happen for a leader; keep the current point only
				iv.Lo, iv.Hi = math.Max(iv.Lo, w[j]), math.Min(iv.Hi, w[j])
			case d0 < -tol:
				t := clamp01(d0 / (d0 - d1))
				if t > iv.Lo {
					iv.Lo, iv.LoRival = t, i
				}
			default:
				t := clamp01(d0 / (d0 - d1))
				if t < iv.Hi {
					iv.Hi, iv.HiRival = t, i
				}
			}
		}
		iv.Text = describe(p, iv)
		out[j] = iv
	}
	return out, nil
}

func clamp01(t float64) float64 {
	return math.Min(1, math.Max(0, t))
}

func describe(p Problem, iv Interval) string {
	c := p.Criteria[iv.Crit]
	leader := p.name(iv.Leader)
	if len(p.Alternatives) == 1 {
		return fmt.Sprintf("只有一个候选城市（%s），指标“%s”的权重无论如何变化，第一名都不变。", leader, c.label())
	}
	if len(p.Criteria) == 1 {
		return fmt.Sprintf("只有一个指标“%s”，其权重固定为 1。", c.label())
	}
	s := fmt.Sprintf("指标“%s”的权重在 %.4f～%.4f 之间（当前 %.4f，其余指标按比例缩放）时，第一名仍为“%s”", c.label(), iv.Lo, iv.Hi, iv.Current, leader)
	if iv.LoRival >= 0 {
		s += fmt.Sprintf("；降到 %.4f 时“%s”追平", iv.Lo, p.name(iv.LoRival))
	}
	if iv.HiRival >= 0 {
		s += fmt.Sprintf("；升到 %.4f 时“%s”追平", iv.Hi, p.name(iv.HiRival))
	}
	if iv.LoRival < 0 && iv.HiRival < 0 {
		s += "；在 0～1 的整个范围内都不会改变"
	}
	return s + "。"
}
