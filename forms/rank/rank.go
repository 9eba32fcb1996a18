package rank

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// Criterion is one column of the comparison: one indicator in one year.
type Criterion struct {
	ID, Label      string
	Unit           string // e.g. "%", "个"; only used in messages
	HigherIsBetter bool
	// Weight for the composite score, finite and ≥ 0. All zero means equal weights.
	Weight float64
	// MinWeight and MaxWeight bound the weight in SMAA when SMAAOptions.UseBounds is
	// set; 0 and 0 (or 0 and 1) mean unbounded. MaxWeight 0 means 1.
	MinWeight, MaxWeight float64
	// Reference is the province-wide value, NaN when there is none.
	Reference float64
}

// Problem is the comparison matrix of one measure.
type Problem struct {
	Alternatives []string // candidate ids, unique
	// Names are display names for messages (e.g. "济南市"); ids are used when empty.
	Names    []string
	Criteria []Criterion
	Values   [][]float64 // [alternative][criterion], NaN = missing
}

func (p Problem) name(i int) string {
	if i < len(p.Names) && p.Names[i] != "" {
		return p.Names[i]
	}
	return p.Alternatives[i]
}

func (c Criterion) label() string {
	if c.Label != "" {
		return c.Label
	}
	return c.ID
}

// Validate checks the shape and the numbers of p (not the SMAA bounds) and returns an
// error with a Chinese message naming the offending candidate or indicator.
func (p Problem) Validate() error {
	if len(p.Alternatives) == 0 {
		return errors.New("没有候选城市：请先在“候选”步骤中为本措施勾选至少一个候选城市。")
	}
	if len(p.Criteria) == 0 {
		return errors.New("没有可比较的指标：请至少选择一个指标参与比较。")
	}
	if len(p.Names) != 0 && len(p.Names) != len(p.Alternatives) {
		return fmt.Errorf("候选名称有 %d 个，候选编号有 %d 个，两者应一一对应（程序内部错误，请报告）。", len(p.Names), len(p.Alternatives))
	}
	seen := make(map[string]int, len(p.Alternatives))
	for i, id := range p.Alternatives {
		if id == "" {
			return fmt.Errorf("第 %d 个候选城市没有编号，请检查候选名单。", i+1)
		}
		if k, ok := seen[id]; ok {
			return fmt.Errorf("候选编号“%s”重复（第 %d 个与第 %d 个），同一城市只能参与一次比较。", id, k+1, i+1)
		}
		seen[id] = i
	}
	cseen := make(map[string]int, len(p.Criteria))
	for j, c := range p.Criteria {
		if c.ID != "" {
			if k, ok := cseen[c.ID]; ok {
				return fmt.Errorf("指标编号“%s”重复（第 %d 个与第 %d 个指标），请去掉重复的指标。", c.ID, k+1, j+1)
			}
			cseen[c.ID] = j
		}
		if math.IsNaN(c.Weight) || math.IsInf(c.Weight, 0) || c.Weight < 0 {
			return fmt.Errorf("指标“%s”的权重为 %v：权重必须是不小于 0 的有限数，请改为 0 或正数。", c.label(), c.Weight)
		}
		if math.IsInf(c.Reference, 0) {
			return fmt.Errorf("指标“%s”的全省值为无穷大，请填写有效数值或留空。", c.label())
		}
	}
	if len(p.Values) != len(p.Alternatives) {
		return fmt.Errorf("指标值有 %d 行，候选城市有 %d 个，应一一对应（程序内部错误，请报告）。", len(p.Values), len(p.Alternatives))
	}
	for i, row := range p.Values {
		if len(row) != len(p.Criteria) {
			return fmt.Errorf("候选“%s”有 %d 个指标值，应为 %d 个（程序内部错误，请报告）。", p.name(i), len(row), len(p.Criteria))
		}
		for j, v := range row {
			if math.IsInf(v, 0) {
				return fmt.Errorf("候选“%s”的指标“%s”为无穷大，请填写有效数值；缺失请留空。", p.name(i), p.Criteria[j].label())
			}
		}
	}
	return nil
}

// Position is a value's place relative to the province value.
type Position int8

const (
	PosUnknown Position = iota // value or province value missing
	PosBelow
	PosEqual
	PosAbove
)

// String is the Chinese label shown in the matrix.
func (p Position) String() string {
	switch p {
	case PosBelow:
		return "低于全省"
	case PosEqual:
		return "与全省持平"
	case PosAbove:
		return "高于全省"
	}
	return "无法比较"
}

// Favourable is +1 when the position is better than the province value for a
// criterion of the given direction, −1 when worse, 0 when equal or unknown.
func (p Position) Favourable(higherIsBetter bool) int {
	s := 0
	switch p {
	case PosAbove:
		s = 1
	case PosBelow:
		s = -1
	}
	if !higherIsBetter {
		s = -s
	}
	return s
}

// IndicatorRanks is one column of the comparison matrix, ranked.
type IndicatorRanks struct {
	Crit           int // index into Problem.Criteria
	ID, Label      string
	HigherIsBetter bool
	Values         []float64 // per alternative, NaN = missing
	Rank           []int     // 1-based competition rank (1,1,3); 0 when missing
	Missing        []bool
	IsBest         []bool   // holds the best observed value (see package rules)
	IsWorst        []bool   // holds the worst observed value
	Best, Worst    []string // ids of the alternatives marked best / worst
	Reference      float64  // province value, NaN if none
	VsReference    []Position
	Diff           []float64 // value − province value, NaN when either is missing
	Observed       int       // number of non-missing values
	Distinct       int       // number of distinct observed values
	Message        string    // Chinese note when the column cannot discriminate, else ""
}

// RankIndicators ranks every alternative on every criterion. It returns an error
// (Chinese) only for malformed input.
func RankIndicators(p Problem) ([]IndicatorRanks, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	m := len(p.Alternatives)
	out := make([]IndicatorRanks, len(p.Criteria))
	idx := make([]int, 0, m)
	for j, c := range p.Criteria {
		r := IndicatorRanks{
			Crit: j, ID: c.ID, Label: c.Label, HigherIsBetter: c.HigherIsBetter,
			Values: make([]float64, m), Rank: make([]int, m), Missing: make([]bool, m),
			IsBest: make([]bool, m), IsWorst: make([]bool, m),
			Reference: c.Reference, VsReference: make([]Position, m), Diff: make([]float64, m),
		}
		idx = idx[:0]
		for i := 0; i < m; i++ {
			v := p.Values[i][j]
			r.Values[i] = v
			r.Diff[i] = math.NaN()
			if math.IsNaN(v) {
				r.Missing[i] = true
				continue
			}
			idx = append(idx, i)
			if !math.IsNaN(c.Reference) {
				r.Diff[i] = v - c.Reference
				tol := 1e-9 * math.Max(1, math.Abs(c.Reference))
				switch {
				case v > c.Reference+tol:
					r.VsReference[i] = PosAbove
				case v < c.Reference-tol:
					r.VsReference[i] = PosBelow
				default:
					r.VsReference[i] = PosEqual
				}
			}
		}
		r.Observed = len(idx)
		better := func(a, b float64) bool {
			if c.HigherIsBetter {
				return a > b
			}
			return a < b
		}
		sort.SliceStable(idx, func(a, b int) bool { return better(r.Values[idx[a]], r.Values[idx[b]]) })
		for k, i := range idx {
			if k > 0 && r.Values[i] == r.Values[idx[k-1]] {
				r.Rank[i] = r.Rank[idx[k-1]]
			} else {
				r.Rank[i] = k + 1
				r.Distinct++
			}
		}
		name := c.label()
		switch {
		case r.Observed == 0:
			r.Message = fmt.Sprintf("指标“%s”所有候选均缺失，无法排名，请补录数据。", name)
		case m == 1:
			r.Message = fmt.Sprintf("指标“%s”只有一个候选城市，无需排名。", name)
		case r.Distinct < 2:
			r.Message = fmt.Sprintf("指标“%s”的已填数值全部相同（或只有一个已填数值），不区分候选，未标注最好/最差。", name)
		default:
			bestV, worstV := r.Values[idx[0]], r.Values[idx[len(idx)-1]]
			for _, i := range idx {
				if r.Values[i] == bestV {
					r.IsBest[i] = true
					r.Best = append(r.Best, p.Alternatives[i])
				}
			}
			for _, i := range idx {
				if r.Values[i] == worstV {
					r.IsWorst[i] = true
					r.Worst = append(r.Worst, p.Alternatives[i])
				}
			}
		}
		out[j] = r
	}
	return out, nil
}

// Range is the normalization range of one criterion.
type Range struct {
	Min, Max float64 // of the observed values; NaN when none observed
	Observed int     // number of non-missing values
	Constant bool    // fewer than two distinct observed values: everybody gets 0.5
}

// Scores is the composite weighted-sum result.
type Scores struct {
	Method      string    // normalization and aggregation, in Chinese
	MissingRule string    // the missing-value rule, in Chinese
	Weights     []float64 // effective weights, sum 1
	Defaulted   bool      // weights were all unset: equal weights used
	Ranges      []Range   // per criterion
	Normalized  [][]float64
	// Contribution[i][j] = Weights[j]·Normalized[i][j]; a row sums to Score[i].
	Contribution [][]float64
	Score        []float64
	Rank         []int // 1-based competition rank on Score
	Order        []int // alternative indices, best first (ties by index)
	Missing      [][]bool
	MissingCount int
	Messages     []string // Chinese notes: degenerate cases and missing cells
}

// MethodText describes the normalization and aggregation (Scores.Method).
const MethodText = "min-max 归一化到 [0,1]：越大越好的指标 (x−最小值)/(最大值−最小值)，越小越好的指标 (最大值−x)/(最大值−最小值)，最小值、最大值取本措施各候选的已填数值；已填数值全部相同的指标各候选均计 0.5；综合得分 = Σ 权重×归一化值（权重之和为 1），范围 [0,1]。"

// MissingRuleText describes the missing-value rule (Scores.MissingRule).
const MissingRuleText = "缺失值按该指标最差的已填数值计（归一化值为 0），并标注“缺失”；缺失不会使候选得分高于填报了最差数值的候选。"

const scoreTol = 1e-9

// normalized is the shared preparation of WeightedSum, SMAA and StabilityIntervals.
type normalized struct {
	m, n     int
	x        [][]float64 // [alt][crit]
	missing  [][]bool
	ranges   []Range
	nMissing int
}

func normalize(p Problem) normalized {
	m, n := len(p.Alternatives), len(p.Criteria)
	z := normalized{m: m, n: n, x: make([][]float64, m), missing: make([][]bool, m), ranges: make([]Range, n)}
	for i := range z.x {
		z.x[i] = make([]float64, n)
		z.missing[i] = make([]bool, n)
	}
	for j, c := range p.Criteria {
		lo, hi := math.Inf(1), math.Inf(-1)
		obs := 0
		for i := 0; i < m; i++ {
			v := p.Values[i][j]
			if math.IsNaN(v) {
				z.missing[i][j] = true
				z.nMissing++
				continue
			}
			obs++
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
		r := Range{Min: lo, Max: hi, Observed: obs}
		if obs == 0 {
			r.Min, r.Max = math.NaN(), math.NaN()
		}
		r.Constant = obs == 0 || !(hi > lo)
		z.ranges[j] = r
		for i := 0; i < m; i++ {
			v := p.Values[i][j]
			switch {
			case r.Constant:
				z.x[i][j] = 0.5
			case math.IsNaN(v):
				z.x[i][j] = 0
			case c.HigherIsBetter:
				z.x[i][j] = (v - lo) / (hi - lo)
			default:
				z.x[i][j] = (hi - v) / (hi - lo)
			}
		}
	}
	return z
}

// weights returns the effective weights (sum 1) and whether they were defaulted.
func weights(p Problem) ([]float64, bool) {
	n := len(p.Criteria)
	w := make([]float64, n)
	sum := 0.0
	for _, c := range p.Criteria {
		sum += c.Weight
	}
	if sum == 0 {
		for j := range w {
			w[j] = 1 / float64(n)
		}
		return w, true
	}
	for j, c := range p.Criteria {
		w[j] = c.Weight / sum
	}
	return w, false
}

func dot(w, x []float64) float64 {
	s := 0.0
	for j, v := range x {
		s += w[j] * v
	}
	return s
}

// competitionRank returns 1-based ranks (ties within scoreTol share the best rank)
// and the order of indices, best first.
func competitionRank(s []float64) ([]int, []int) {
	order := make([]int, len(s))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return s[order[a]] > s[order[b]] })
	rank := make([]int, len(s))
	lead := 0
	for k, i := range order {
		if k > 0 && s[i] >= s[order[lead]]-scoreTol {
			rank[i] = rank[order[lead]]
			continue
		}
		lead = k
		rank[i] = k + 1
	}
	return rank, order
}

// WeightedSum computes the composite score with the rules of the package comment.
func WeightedSum(p Problem) (Scores, error) {
	if err := p.Validate(); err != nil {
		return Scores{}, err
	}
	z := normalize(p)
	w, def := weights(p)
	s := Scores{
		Method: MethodText, MissingRule: MissingRuleText,
		Weights: w, Defaulted: def, Ranges: z.ranges, Normalized: z.x,
		Contribution: make([][]float64, z.m), Score: make([]float64, z.m),
		Missing: z.missing, MissingCount: z.nMissing,
	}
	for i := 0; i < z.m; i++ {
		s.Contribution[i] = make([]float64, z.n)
		for j := range w {
			s.Contribution[i][j] = w[j] * z.x[i][j]
		}
		s.Score[i] = dot(w, z.x[i])
	}
	s.Rank, s.Order = competitionRank(s.Score)
	s.Messages = messages(p, z)
	return s, nil
}

func messages(p Problem, z normalized) []string {
	var msg []string
	if z.m == 1 {
		msg = append(msg, fmt.Sprintf("本措施只有一个候选城市（%s），无需比较：各指标归一化值均计 0.5，排名第 1。", p.name(0)))
	}
	if z.nMissing == z.m*z.n {
		msg = append(msg, "所有指标值均缺失：综合得分全部为 0.5，各候选并列第 1，比较没有意义，请先在“指标数据”步骤中录入数据。")
	} else {
		allConst := true
		for _, r := range z.ranges {
			allConst = allConst && r.Constant
		}
		if allConst && z.m > 1 {
			msg = append(msg, "各指标的已填数值在候选之间完全相同：综合得分全部相同，各候选并列第 1。")
		}
	}
	if z.m > 1 {
		for j, r := range z.ranges {
			c := p.Criteria[j]
			switch {
			case r.Observed == 0:
				msg = append(msg, fmt.Sprintf("指标“%s”所有候选均缺失，不参与区分（各候选均计 0.5），请补录数据。", c.label()))
			case r.Constant:
				msg = append(msg, fmt.Sprintf("指标“%s”的已填数值全部相同（%s），不区分候选（各候选均计 0.5）。", c.label(), fmtNum(r.Min, c.Unit)))
			}
		}
	}
	for i := 0; i < z.m; i++ {
		for j, c := range p.Criteria {
			switch {
			case !z.missing[i][j] || z.ranges[j].Observed == 0:
			case z.ranges[j].Constant:
				msg = append(msg, fmt.Sprintf("候选“%s”的指标“%s”缺失（该指标不区分候选，计 0.5），请在“指标数据”步骤中补录。", p.name(i), c.label()))
			default:
				msg = append(msg, fmt.Sprintf("候选“%s”的指标“%s”缺失，按该指标最差的已填数值计（归一化值 0），请在“指标数据”步骤中补录。", p.name(i), c.label()))
			}
		}
	}
	return msg
}

func fmtNum(v float64, unit string) string {
	s := fmt.Sprintf("%g", v)
	if unit != "" {
		s += unit
	}
	return s
}
