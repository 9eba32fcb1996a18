package forms

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"tuijian/forms/rank"
	"tuijian/forms/value"
)

// The comparison of one measure (DESIGN.md §2 step 7) is built from a Case by
// ComparisonFor and computed by forms/rank. The bridge applies these rules:
//
//   - Alternatives are the measure's candidates that may be recommended (Case.Exclusions
//     as of the export day is empty for them), in the order of Case.Candidates. The
//     others are listed in Comparison.Excluded with every reason, and take no part.
//   - One criterion per indicator, for one year: the campaign year (the later column
//     of 附件3/附件4) unless another indicator year is asked for. Both years' values
//     are kept for display (Comparison.Cells).
//   - A figure that is not entered, or entered as “无数据”, is missing (NaN), never 0;
//     forms/rank then applies its missing rule (rank.MissingRuleText) and flags it.
//   - 是/否 counts as 1/0.
//   - A count pair “a/b” (初赛/决赛胜出数量, 示范基地/五星级基地数量) counts as a+b
//     (PairRuleText): the second number counts units that are also in the first (a
//     决赛 winner has won the 初赛, a 五星级 base is a 示范基地), so a+b counts every
//     recognised unit once and the higher distinction once more. Taking a alone would
//     ignore the distinction; two criteria would give the indicator twice the weight
//     of the others under the default equal weights.
//   - The province value (Case.Province3) of the same indicator and year, converted
//     the same way, is the criterion's reference; NaN when not entered.
//   - Weights are given per indicator id; no weights (nil or empty map) means equal
//     weights; otherwise an indicator left out weighs 0. Bounds (min, max) per
//     indicator restrict the SMAA sampling; an indicator left out of bounds is
//     unbounded ([0, 1]). The rules of the score and of the robustness analysis are
//     those of forms/rank.

// PairRuleText states how a count pair “a/b” enters the comparison.
const PairRuleText = "“a/b”形式的数量对（初赛/决赛胜出数量、示范基地/五星级基地数量）按 a+b 计：b 所计的单位同时计入 a，按 a+b 计即高一级的每个单位多计一次；是/否按 1/0 计。"

// Cell is one figure as the comparison shows it.
type Cell struct {
	Text    string  // as entered, e.g. "8.4", "2/1", "是"; "缺失" when missing
	Number  float64 // the number compared (a+b for a pair, 1/0 for 是/否); NaN when missing
	Missing bool
	Remark  string // the figure's 备注 (e.g. why it is missing)
}

// MissingText is shown for a missing figure.
const MissingText = "缺失"

// ExcludedCandidate is a candidate that takes no part in the comparison.
type ExcludedCandidate struct {
	Unit    Unit
	Reasons []string
}

// Comparison is the comparison of one measure for one indicator year.
type Comparison struct {
	Measure    *Measure
	Year       int    // the indicator year compared
	Years      [2]int // both indicator years of the campaign, for display
	Candidates []Unit // the alternatives, in Problem order
	Excluded   []ExcludedCandidate
	Indicators []Indicator // the criteria, in Problem order
	// Cells[i][j][y] is candidate i, indicator j, year Years[y].
	Cells [][][2]Cell
	// Province[j][y] is the province-wide value of indicator j in year Years[y].
	Province [][2]Cell
	// Weights and Bounds as given (nil when not given).
	Weights map[string]float64
	Bounds  map[string][2]float64
	Problem rank.Problem
	Ranks   []rank.IndicatorRanks
	Scores  rank.Scores
	// Stability holds the exact weight stability interval of each indicator for the
	// weighted-sum leader.
	Stability []rank.Interval
	PairRule  string
	Digest    string // InputsDigest of Problem
}

// YearIndex is the index of Year in Years.
func (cmp *Comparison) YearIndex() int {
	if cmp.Year == cmp.Years[0] {
		return 0
	}
	return 1
}

// Leader is the candidate ranked first by the weighted sum (the first of tied leaders).
func (cmp *Comparison) Leader() Unit {
	if len(cmp.Scores.Order) == 0 {
		return Unit{}
	}
	return cmp.Candidates[cmp.Scores.Order[0]]
}

// LeaderReason is a 推荐理由 stated from the comparison alone, for the officer who
// recommends the leader: its composite score, the runner-up's, the year compared and
// how many indicators it leads. "" when nothing was scored.
func (cmp *Comparison) LeaderReason() string {
	if len(cmp.Scores.Order) == 0 || len(cmp.Scores.Score) != len(cmp.Candidates) {
		return ""
	}
	s := cmp.Scores
	first := s.Order[0]
	name := cmp.Candidates[first].Name
	if len(s.Order) == 1 {
		return fmt.Sprintf("%s是本措施唯一可推荐的候选（比较%d年指标）。", name, cmp.Year)
	}
	second := s.Order[1]
	leads := 0
	for _, r := range cmp.Ranks {
		if first < len(r.IsBest) && r.IsBest[first] {
			leads++
		}
	}
	missing := ""
	if first < len(s.Missing) {
		n := 0
		for _, m := range s.Missing[first] {
			if m {
				n++
			}
		}
		if n > 0 {
			missing = fmt.Sprintf("；其中%d项未填数据，按最差值计", n)
		}
	}
	return fmt.Sprintf("%s在%d个候选中综合得分第一（%.4f，第二名%s %.4f），%d项指标中%d项居首%s（比较%d年指标）。",
		name, len(s.Order), s.Score[first], cmp.Candidates[second].Name, s.Score[second], len(cmp.Indicators), leads, missing, cmp.Year)
}

// ErrNoEligible is returned (wrapped) by ComparisonFor when no candidate may be
// recommended; the returned Comparison still lists the excluded candidates.
var ErrNoEligible = errors.New("没有可参与比选的候选市（州）")

// numberOf converts a figure to the number compared; NaN when missing.
func numberOf(v value.Value, k value.Kind) float64 {
	if v.Missing {
		return math.NaN()
	}
	if k == value.CountPair {
		return v.A + v.B
	}
	return v.A
}

func cellOf(v value.Value, ok bool, k value.Kind, remark string) Cell {
	if !ok || v.Missing {
		return Cell{Text: MissingText, Number: math.NaN(), Missing: true, Remark: remark}
	}
	return Cell{Text: v.Format(k), Number: numberOf(v, k), Remark: remark}
}

// ComparisonFor builds and computes the comparison of measure m: year 0 means the
// campaign year; weights and bounds are per indicator id (see the rules above).
// Errors are in Chinese. With no eligible candidate it returns the Comparison
// (Excluded filled, nothing computed) and an error wrapping ErrNoEligible.
func ComparisonFor(c *Case, m MeasureID, year int, weights map[string]float64, bounds map[string][2]float64, exportDay time.Time) (Comparison, error) {
	if c.Campaign == nil {
		return Comparison{}, errors.New("尚未设置年度和推荐单位，请先在“设置”中填写")
	}
	meas, err := c.Campaign.Measure(m)
	if err != nil {
		return Comparison{}, err
	}
	years := c.Campaign.IndicatorYears()
	if year == 0 {
		year = years[1]
	}
	if year != years[0] && year != years[1] {
		return Comparison{}, fmt.Errorf("%d 年度的推荐表只有 %d 年和 %d 年的指标，不能按 %d 年比较", c.Campaign.Year, years[0], years[1], year)
	}
	cmp := Comparison{Measure: meas, Year: year, Years: years, Indicators: meas.Indicators, PairRule: PairRuleText}
	for id := range weights {
		if _, ok := meas.Indicator(id); !ok {
			return Comparison{}, fmt.Errorf("权重中的指标“%s”不是%s的指标：请使用指标编号（如 %s）", id, meas.Short, meas.Indicators[0].ID)
		}
	}
	for id, b := range bounds {
		in, ok := meas.Indicator(id)
		if !ok {
			return Comparison{}, fmt.Errorf("权重上下限中的指标“%s”不是%s的指标：请使用指标编号（如 %s）", id, meas.Short, meas.Indicators[0].ID)
		}
		if !(b[0] >= 0 && b[1] <= 1 && b[0] <= b[1]) {
			return Comparison{}, fmt.Errorf("指标“%s”的权重上下限 %g～%g 无效：应满足 0 ≤ 下限 ≤ 上限 ≤ 1", in.Label, b[0], b[1])
		}
	}
	if len(weights) > 0 {
		cmp.Weights = weights
	}
	if len(bounds) > 0 {
		cmp.Bounds = bounds
	}
	excl := c.Exclusions(exportDay)
	for _, code := range c.Candidates[m] {
		u, ok := c.Unit(code)
		if !ok {
			u = Unit{Code: code, Name: code}
		}
		if ex := excl[code]; len(ex) > 0 {
			e := ExcludedCandidate{Unit: u}
			for _, x := range ex {
				e.Reasons = append(e.Reasons, x.Reason)
			}
			cmp.Excluded = append(cmp.Excluded, e)
			continue
		}
		cmp.Candidates = append(cmp.Candidates, u)
	}
	for _, in := range meas.Indicators {
		var pc [2]Cell
		for y, yr := range years {
			pc[y] = cellOf(value.Value{}, false, in.Kind, "")
			for _, pf := range c.Province3 {
				if pf.Measure == m && pf.Indicator == in.ID && pf.Year == yr {
					pc[y] = cellOf(pf.Value, true, in.Kind, pf.Source)
				}
			}
		}
		cmp.Province = append(cmp.Province, pc)
	}
	yi := cmp.YearIndex()
	p := rank.Problem{}
	for j, in := range meas.Indicators {
		cr := rank.Criterion{ID: in.ID, Label: in.Label, Unit: in.Unit, HigherIsBetter: in.HigherIsBetter,
			Reference: cmp.Province[j][yi].Number}
		if w, ok := weights[in.ID]; ok {
			cr.Weight = w
		}
		if b, ok := bounds[in.ID]; ok {
			cr.MinWeight, cr.MaxWeight = b[0], b[1]
		}
		p.Criteria = append(p.Criteria, cr)
	}
	if len(weights) > 0 {
		sum := 0.0
		for _, w := range weights {
			sum += w
		}
		if !(sum > 0) {
			return Comparison{}, errors.New("权重全部为 0：请至少给一个指标正的权重，或不设权重（各指标等权）")
		}
	}
	for _, u := range cmp.Candidates {
		row := make([][2]Cell, len(meas.Indicators))
		vals := make([]float64, len(meas.Indicators))
		for j, in := range meas.Indicators {
			for y, yr := range years {
				f, ok := c.Figure(FigureKey{UnitCode: u.Code, Measure: m, Indicator: in.ID, Year: yr})
				row[j][y] = cellOf(f.Value, ok, in.Kind, f.Remark)
			}
			vals[j] = row[j][yi].Number
		}
		cmp.Cells = append(cmp.Cells, row)
		p.Alternatives = append(p.Alternatives, u.Code)
		p.Names = append(p.Names, u.Name)
		p.Values = append(p.Values, vals)
	}
	cmp.Problem = p
	cmp.Digest = InputsDigest(m, year, p)
	if len(cmp.Candidates) == 0 {
		return cmp, fmt.Errorf("%w：%s的候选均不能推荐（见排除原因），或尚未勾选候选，请先在“候选市（州）”和“负面情况”中处理", ErrNoEligible, meas.Short)
	}
	if cmp.Ranks, err = rank.RankIndicators(p); err != nil {
		return cmp, err
	}
	if cmp.Scores, err = rank.WeightedSum(p); err != nil {
		return cmp, err
	}
	if cmp.Stability, err = rank.StabilityIntervals(p); err != nil {
		return cmp, err
	}
	return cmp, nil
}

// Robustness is the SMAA-2 analysis of a comparison.
type Robustness struct {
	SMAA rank.SMAAResult
	// MostFirst is the candidate index with the highest first-rank acceptability (the
	// first of ties).
	MostFirst int
}

// Robustness runs SMAA-2 on the comparison: weights uniform on the simplex, or within
// the comparison's bounds when any were given. samples 0 means rank.DefaultSamples.
// progress, when set, is called from the calling goroutine (see rank.SMAAOptions).
func (cmp *Comparison) Robustness(ctx context.Context, samples int, seed uint64, progress func(done, total int)) (Robustness, error) {
	if len(cmp.Candidates) == 0 {
		return Robustness{}, ErrNoEligible
	}
	r, err := rank.SMAAContext(ctx, cmp.Problem, rank.SMAAOptions{Samples: samples, Seed: seed, UseBounds: len(cmp.Bounds) > 0, Progress: progress})
	if err != nil {
		return Robustness{}, err
	}
	best := 0
	for i := range r.Acceptability {
		if r.Acceptability[i][0] > r.Acceptability[best][0] {
			best = i
		}
	}
	return Robustness{SMAA: r, MostFirst: best}, nil
}

// InputsDigest is "sha256:" and the hex SHA-256 of a canonical text of what the
// comparison computes on: the measure, the year, the candidates (codes, in order), and
// per indicator its id, direction, province value and every candidate's value (as
// compared; shortest round-trip decimal, "NaN" for missing). Weights are not part of
// it: they are recorded beside it.
func InputsDigest(m MeasureID, year int, p rank.Problem) string {
	var b strings.Builder
	num := func(v float64) string {
		if math.IsNaN(v) {
			return "NaN"
		}
		if v == 0 {
			v = 0
		}
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	fmt.Fprintf(&b, "tuijian-compare/1\nmeasure\t%s\nyear\t%d\ncandidates\t%s\n", m, year, strings.Join(p.Alternatives, ","))
	for j, c := range p.Criteria {
		fmt.Fprintf(&b, "criterion\t%s\t%t\t%s", c.ID, c.HigherIsBetter, num(c.Reference))
		for i := range p.Alternatives {
			b.WriteString("\t" + num(p.Values[i][j]))
		}
		b.WriteByte('\n')
	}
	sum := sha256.Sum256([]byte(b.String()))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// DecisionRecord is what is stored with a choice (Choice.Decision, as JSON): the
// inputs digest, the weights and method used, the seed, and the result, so that the
// choice can be explained and reproduced later.
type DecisionRecord struct {
	Version      int       `json:"version"`
	Measure      MeasureID `json:"measure"`
	Year         int       `json:"year"`
	At           time.Time `json:"at"`
	InputsDigest string    `json:"inputs_digest"`
	Candidates   []string  `json:"candidates"`
	// Excluded maps an excluded candidate's code to its reasons.
	Excluded   map[string][]string `json:"excluded,omitempty"`
	Indicators []string            `json:"indicators"`
	// Weights are the effective weights (sum 1) per indicator id; EqualWeights is true
	// when none were set and equal weights were used.
	Weights      map[string]float64    `json:"weights"`
	EqualWeights bool                  `json:"equal_weights"`
	Bounds       map[string][2]float64 `json:"bounds,omitempty"`
	Method       string                `json:"method"`
	MissingRule  string                `json:"missing_rule"`
	PairRule     string                `json:"pair_rule"`
	Scores       map[string]float64    `json:"scores"`
	Ranks        map[string]int        `json:"ranks"`
	Leader       string                `json:"leader"` // weighted-sum first place (code)
	// Stability maps an indicator id to its weight stability interval [lo, hi].
	Stability map[string][2]float64 `json:"stability"`
	// SMAA, present when the robustness analysis was run.
	SMAA   *SMAARecord `json:"smaa,omitempty"`
	Chosen string      `json:"chosen"` // the chosen candidate's code
	// ChosenNotLeader is true when the chosen city is not the weighted-sum leader; the
	// 推荐理由 should then say why.
	ChosenNotLeader bool `json:"chosen_not_leader"`
}

// SMAARecord is the robustness part of a DecisionRecord.
type SMAARecord struct {
	Method  string  `json:"method"`
	Seed    uint64  `json:"seed"`
	Samples int     `json:"samples"`
	Drawn   int     `json:"drawn"`
	Bounded bool    `json:"bounded"`
	StdErr  float64 `json:"std_err"`
	// Acceptability maps a candidate code to its shares of ranks 1…m.
	Acceptability map[string][]float64 `json:"acceptability"`
	// CentralWeights maps a candidate code that is ever first to its central weights
	// (in Indicators order); Confidence likewise.
	CentralWeights map[string][]float64 `json:"central_weights,omitempty"`
	Confidence     map[string]float64   `json:"confidence,omitempty"`
	MostFirst      string               `json:"most_first"`
}

// DecisionVersion is the DecisionRecord.Version written by this code.
const DecisionVersion = 1

// Record makes the decision record of choosing the candidate chosen (a unit code),
// at the caller's time; rob is nil when the robustness analysis was not run.
func (cmp *Comparison) Record(chosen string, rob *Robustness, at time.Time) DecisionRecord {
	r := DecisionRecord{
		Version: DecisionVersion, Measure: cmp.Measure.ID, Year: cmp.Year, At: at, InputsDigest: cmp.Digest,
		Weights: map[string]float64{}, EqualWeights: cmp.Scores.Defaulted, Bounds: cmp.Bounds,
		Method: cmp.Scores.Method, MissingRule: cmp.Scores.MissingRule, PairRule: cmp.PairRule,
		Scores: map[string]float64{}, Ranks: map[string]int{}, Stability: map[string][2]float64{}, Chosen: chosen,
	}
	for _, u := range cmp.Candidates {
		r.Candidates = append(r.Candidates, u.Code)
	}
	for _, e := range cmp.Excluded {
		if r.Excluded == nil {
			r.Excluded = map[string][]string{}
		}
		r.Excluded[e.Unit.Code] = e.Reasons
	}
	for j, in := range cmp.Indicators {
		r.Indicators = append(r.Indicators, in.ID)
		if j < len(cmp.Scores.Weights) {
			r.Weights[in.ID] = cmp.Scores.Weights[j]
		}
	}
	for i, u := range cmp.Candidates {
		if i < len(cmp.Scores.Score) {
			r.Scores[u.Code] = cmp.Scores.Score[i]
			r.Ranks[u.Code] = cmp.Scores.Rank[i]
		}
	}
	for _, iv := range cmp.Stability {
		r.Stability[cmp.Indicators[iv.Crit].ID] = [2]float64{iv.Lo, iv.Hi}
	}
	if len(cmp.Candidates) > 0 {
		r.Leader = cmp.Leader().Code
		if k := indexOf(cmp.Candidates, chosen); k >= 0 {
			r.ChosenNotLeader = cmp.Scores.Rank[k] != 1
		}
	}
	if rob != nil {
		s := rob.SMAA
		sr := &SMAARecord{Method: s.Method, Seed: s.Seed, Samples: s.Samples, Drawn: s.Drawn, Bounded: len(cmp.Bounds) > 0,
			StdErr: s.StdErr, Acceptability: map[string][]float64{}, MostFirst: cmp.Candidates[rob.MostFirst].Code}
		for i, u := range cmp.Candidates {
			sr.Acceptability[u.Code] = s.Acceptability[i]
			if !math.IsNaN(s.Confidence[i]) {
				if sr.CentralWeights == nil {
					sr.CentralWeights, sr.Confidence = map[string][]float64{}, map[string]float64{}
				}
				sr.CentralWeights[u.Code] = s.CentralWeights[i]
				sr.Confidence[u.Code] = s.Confidence[i]
			}
		}
		r.SMAA = sr
	}
	return r
}

func indexOf(us []Unit, code string) int {
	for i, u := range us {
		if u.Code == code {
			return i
		}
	}
	return -1
}

// Index returns the position of a candidate code among the compared candidates, or −1.
func (cmp *Comparison) Index(code string) int { return indexOf(cmp.Candidates, code) }

// JSON is the record as stored in Choice.Decision (compact, keys sorted by
// encoding/json for maps).
func (r DecisionRecord) JSON() (string, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return "", fmt.Errorf("决策记录无法保存：%v", err)
	}
	return string(b), nil
}

// ParseDecisionRecord reads a stored decision record.
func ParseDecisionRecord(s string) (DecisionRecord, error) {
	var r DecisionRecord
	if strings.TrimSpace(s) == "" {
		return r, errors.New("没有决策记录")
	}
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		return r, fmt.Errorf("决策记录无法读取（%v），请在“比选”中重新比较并确认推荐", err)
	}
	if r.Version < 1 || r.Version > DecisionVersion {
		return r, fmt.Errorf("决策记录版本 %d 不受支持，请在“比选”中重新比较并确认推荐", r.Version)
	}
	return r, nil
}

// InputWeights returns the weights to prefill from a record: nil when equal weights
// were used.
func (r DecisionRecord) InputWeights() map[string]float64 {
	if r.EqualWeights || len(r.Weights) == 0 {
		return nil
	}
	return r.Weights
}

// Verify recomputes the inputs digest from the case as of the export day and reports
// whether it still matches the record: false means a figure, a province value, the
// candidates or their eligibility changed since the decision.
func (r DecisionRecord) Verify(c *Case, exportDay time.Time) (bool, error) {
	cmp, err := ComparisonFor(c, r.Measure, r.Year, nil, nil, exportDay)
	if err != nil && !errors.Is(err, ErrNoEligible) {
		return false, err
	}
	return cmp.Digest == r.InputsDigest, nil
}

// DecisionWarnings lists, as pre-flight warnings of the 比选 step, the choices whose
// decision record is absent, unreadable, for another city, or whose inputs changed
// since (digest mismatch). Preflight should append them.
func DecisionWarnings(c *Case, exportDay time.Time) []Issue {
	if c.Campaign == nil {
		return nil
	}
	var out []Issue
	for i := range c.Campaign.Measures {
		m := &c.Campaign.Measures[i]
		for _, ch := range c.ChoicesOf(m.ID) {
			out = append(out, decisionWarnings(c, m, ch, exportDay)...)
		}
	}
	return out
}

func decisionWarnings(c *Case, m *Measure, ch Choice, exportDay time.Time) []Issue {
	var out []Issue
	{
		field := "decision:" + string(m.ID)
		add := func(format string, args ...any) {
			out = append(out, Issue{Severity: Warning, Measure: m.ID, Step: StepCompare, Field: field, Message: m.Short + "：" + fmt.Sprintf(format, args...)})
		}
		if strings.TrimSpace(ch.Decision) == "" {
			add("推荐%s没有比选决策记录（权重、方法、结果），请在“比选”中比较后点“确定推荐”（命令行：tuijian-cli compare --measure %s --record）", unitNames(c, ch.UnitCode), m.ID)
			return out
		}
		r, err := ParseDecisionRecord(ch.Decision)
		if err != nil {
			add("%s", err.Error())
			return out
		}
		if r.Measure != m.ID {
			add("决策记录属于另一项措施（%s），请在“比选”中重新确认推荐", r.Measure)
			return out
		}
		if r.Chosen != ch.UnitCode {
			add("决策记录中的推荐对象（%s）与当前选择（%s）不同，请在“比选”中重新确认推荐", r.Chosen, ch.UnitCode)
			return out
		}
		same, err := r.Verify(c, exportDay)
		if err != nil {
			add("无法核对决策记录：%s", err.Error())
		} else if !same {
			add("比选（%s）之后指标数据、全省数值、候选或排除情况有变化，决策记录已过时，请在“比选”中重新比较并确认推荐", r.At.In(chinaTime).Format("2006-01-02 15:04"))
		}
	}
	return out
}

// ParseWeights reads "id=0.2,id=0.1" (ids of m's indicators, or the part after the
// dot, e.g. va_growth).
// ParseWeight reads one indicator's weight as typed (CLI list or GUI field): a number
// not below 0; what names the indicator in the message.
func ParseWeight(what, text string) (float64, error) {
	w, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
	if err != nil || math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
		return 0, fmt.Errorf("%s的权重“%s”无效：应为不小于 0 的数，如 1 或 0.2", what, text)
	}
	return w, nil
}

// ParseBound reads one indicator's robustness weight bounds as typed, lo and hi each
// blank (0, 1) or a number, with 0 ≤ lo ≤ hi ≤ 1.
func ParseBound(what, lo, hi string) ([2]float64, error) {
	b := [2]float64{0, 1}
	for i, t := range []string{lo, hi} {
		if t = strings.TrimSpace(t); t == "" {
			continue
		}
		f, err := strconv.ParseFloat(t, 64)
		if err != nil || math.IsNaN(f) {
			return b, fmt.Errorf("%s的权重上下限“%s”无效：应为 0 到 1 之间的数", what, t)
		}
		b[i] = f
	}
	if !(b[0] >= 0 && b[1] <= 1 && b[0] <= b[1]) {
		return b, fmt.Errorf("%s的权重上下限 %s:%s 无效：应满足 0 ≤ 下限 ≤ 上限 ≤ 1", what, strings.TrimSpace(lo), strings.TrimSpace(hi))
	}
	return b, nil
}

func ParseWeights(m *Measure, s string) (map[string]float64, error) {
	out := map[string]float64{}
	for _, part := range splitList(s) {
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return nil, fmt.Errorf("权重“%s”格式不对：应写成 指标编号=权重，如 %s=0.2", part, m.Indicators[0].ID)
		}
		id, err := indicatorID(m, k)
		if err != nil {
			return nil, err
		}
		w, err := ParseWeight("指标 "+id+" ", v)
		if err != nil {
			return nil, err
		}
		out[id] = w
	}
	return out, nil
}

// ParseBounds reads "id=0.05:0.3,id=:0.5" (empty lower bound 0, empty upper bound 1).
func ParseBounds(m *Measure, s string) (map[string][2]float64, error) {
	out := map[string][2]float64{}
	for _, part := range splitList(s) {
		k, v, ok := strings.Cut(part, "=")
		lo, hi, ok2 := strings.Cut(v, ":")
		if !ok || !ok2 {
			return nil, fmt.Errorf("权重上下限“%s”格式不对：应写成 指标编号=下限:上限，如 %s=0.05:0.3", part, m.Indicators[0].ID)
		}
		id, err := indicatorID(m, k)
		if err != nil {
			return nil, err
		}
		b, err := ParseBound("指标 "+id+" ", lo, hi)
		if err != nil {
			return nil, err
		}
		out[id] = b
	}
	return out, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ';' || r == '；' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func indicatorID(m *Measure, k string) (string, error) {
	k = strings.TrimSpace(k)
	for _, in := range m.Indicators {
		if in.ID == k || strings.TrimPrefix(in.ID, strings.SplitN(in.ID, ".", 2)[0]+".") == k {
			return in.ID, nil
		}
	}
	ids := make([]string, 0, len(m.Indicators))
	for _, in := range m.Indicators {
		ids = append(ids, in.ID)
	}
	sort.Strings(ids)
	return "", fmt.Errorf("“%s”不是%s的指标编号；可用：%s", k, m.Short, strings.Join(ids, "、"))
}

// DecisionSummary is a decision record as a person reads it (history, messages): the
// comparison's time, how many candidates, the weights used, the chosen city's score and
// rank and the leader. unitName names a code. An empty or unreadable record says so.
func DecisionSummary(raw string, unitName func(string) string) string {
	if strings.TrimSpace(raw) == "" {
		return ""
	}
	r, err := ParseDecisionRecord(raw)
	if err != nil {
		return "（决策记录无法读取）"
	}
	weights := "各指标等权"
	if !r.EqualWeights {
		weights = "自定权重"
	}
	s := fmt.Sprintf("%s 比选 %d 个候选（%s，%s）", r.At.In(chinaTime).Format("2006-01-02 15:04"), len(r.Candidates), weights, r.Method)
	if r.Chosen != "" {
		s += fmt.Sprintf("，推荐%s", unitName(r.Chosen))
		if rank, ok := r.Ranks[r.Chosen]; ok {
			s += fmt.Sprintf("（综合得分 %.3f，第 %d 位）", r.Scores[r.Chosen], rank)
		}
	}
	if r.Leader != "" && r.Leader != r.Chosen {
		s += fmt.Sprintf("，得分第一为%s", unitName(r.Leader))
	}
	return s
}
