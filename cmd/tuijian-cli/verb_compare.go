package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"tuijian/data/chart"
	"tuijian/data/store"
	"tuijian/forms"
	"tuijian/forms/rank"
)

func init() {
	register(&verb{name: "compare", usage: "--measure M [--year Y] [--weights id=w,…] [--bounds id=lo:hi,…] [--samples N] [--seed S] [--charts DIR] [--record]",
		summary: "比选：指标矩阵、综合得分、稳健性分析（SMAA）和权重稳定区间；--record 保存决策记录", run: runCompare})
}

func runCompare(c *cli, args []string) error {
	fs := c.flags("compare")
	mf := measureFlag(fs)
	year := fs.Int("year", 0, "比较的指标年份（默认本年度，即推荐表的后一年）")
	weights := fs.String("weights", "", "权重，如 va_growth=0.2,clusters=0.1（未列出的指标权重为 0；不写则各指标等权）")
	bounds := fs.String("bounds", "", "稳健性分析的权重上下限，如 va_growth=0.05:0.3")
	samples := fs.Int("samples", rank.DefaultSamples, "稳健性分析的抽样次数")
	seed := fs.Uint64("seed", 1, "抽样的随机种子（同一种子结果可重现）")
	charts := fs.String("charts", "", "把图表（PNG）写入此目录")
	record := fs.Bool("record", false, "把决策记录与已有的推荐选择一起保存")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("compare：多余的参数“%s”", strings.Join(fs.Args(), " "))
	}
	m, err := c.measureArg(*mf)
	if err != nil {
		return err
	}
	cs, err := c.loadCase()
	if err != nil {
		return err
	}
	if cs.Campaign == nil {
		return usagef("尚未设置年度和推荐单位：请先运行 tuijian-cli setup")
	}
	meas, err := cs.Campaign.Measure(m)
	if err != nil {
		return usageErr{err}
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	// Prefill from the last decision record of the measure, flag by flag.
	var w map[string]float64
	var b map[string][2]float64
	var prefilled []string
	ch, chosen := cs.Choice(m)
	if chosen && ch.Decision != "" {
		if last, err := forms.ParseDecisionRecord(ch.Decision); err == nil && last.Measure == m {
			if !set["weights"] && last.InputWeights() != nil {
				w = last.InputWeights()
				prefilled = append(prefilled, "权重")
			}
			if !set["bounds"] && len(last.Bounds) > 0 {
				b = last.Bounds
				prefilled = append(prefilled, "权重上下限")
			}
			if !set["year"] && last.Year != 0 {
				*year = last.Year
			}
			if last.SMAA != nil {
				if !set["seed"] {
					*seed = last.SMAA.Seed
				}
				if !set["samples"] {
					*samples = last.SMAA.Samples
				}
			}
		}
	}
	if set["weights"] {
		if w, err = forms.ParseWeights(meas, *weights); err != nil {
			return usageErr{err}
		}
	}
	if set["bounds"] {
		if b, err = forms.ParseBounds(meas, *bounds); err != nil {
			return usageErr{err}
		}
	}
	if *samples < 1 || *samples > rank.MaxSamples {
		return usagef("--samples %d 无效：应在 1 到 %d 之间，常用 10000", *samples, rank.MaxSamples)
	}
	now := c.now()
	cmp, err := forms.ComparisonFor(cs, m, *year, w, b, now)
	if err != nil {
		if errors.Is(err, forms.ErrNoEligible) {
			printCompareExcluded(c.errOut, &cmp)
		}
		return usageErr{err}
	}
	rob, err := cmp.Robustness(context.Background(), *samples, *seed, nil)
	if err != nil {
		return usageErr{err}
	}
	var files []string
	if *charts != "" {
		if files, err = writeCompareCharts(*charts, &cmp, &rob); err != nil {
			return err
		}
	}
	var rec *forms.DecisionRecord
	if *record {
		if !chosen || ch.UnitCode == "" {
			return usagef("%s尚未选择推荐对象：请先运行 tuijian-cli choose --measure %s --unit 市 --reason 理由，再用 --record 保存决策记录", meas.Short, m)
		}
		if cmp.Index(ch.UnitCode) < 0 {
			return usagef("当前推荐对象 %s 不在可比选的候选中（可能已被排除），请重新选择", ch.UnitCode)
		}
		r := cmp.Record(ch.UnitCode, &rob, now)
		js, err := r.JSON()
		if err != nil {
			return err
		}
		ch.Decision = js
		if err := c.st.Update("保存比选决策记录", func(t *store.Tx) error { return t.Choose(ch, now) }); err != nil {
			return err
		}
		rec = &r
	}
	return c.emit(compareView(&cmp, &rob, rec, files, prefilled), func(out io.Writer) {
		printCompare(out, &cmp, &rob, rec, files, prefilled)
	})
}

func cmpChartHeight(n int) int { return max(chart.MinSize, min(chart.MaxSize, 24*n+120)) }

// writeCompareCharts writes one bar chart per indicator and the acceptability chart.
func writeCompareCharts(dir string, cmp *forms.Comparison, rob *forms.Robustness) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建图表目录 %s：%v", dir, err)
	}
	names := cmp.Problem.Names
	h := cmpChartHeight(len(names))
	var files []string
	write := func(name string, png []byte) error {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			return fmt.Errorf("无法写入图表 %s：%v", p, err)
		}
		files = append(files, p)
		return nil
	}
	for j, in := range cmp.Indicators {
		r := cmp.Ranks[j]
		png, err := chart.IndicatorBars(fmt.Sprintf("%d年 %s", cmp.Year, in.Label), names, r.Values, r.Reference, in.Unit, 900, h)
		if err != nil {
			return nil, err
		}
		if err := write(fmt.Sprintf("%s-%02d-%s.png", cmp.Measure.ID, j+1, in.ID), png); err != nil {
			return nil, err
		}
	}
	png, err := chart.AcceptabilityStacked(names, rob.SMAA.Acceptability, 900, h)
	if err != nil {
		return nil, err
	}
	if err := write(fmt.Sprintf("%s-acceptability.png", cmp.Measure.ID), png); err != nil {
		return nil, err
	}
	return files, nil
}

func printCompareExcluded(out io.Writer, cmp *forms.Comparison) {
	for _, e := range cmp.Excluded {
		fmt.Fprintf(out, "  不参与比选：%s（%s）：%s\n", e.Unit.Name, e.Unit.Code, strings.Join(e.Reasons, "；"))
	}
}

func cmpNum(v float64) string {
	if math.IsNaN(v) {
		return forms.MissingText
	}
	return chart.FormatNumber(v)
}

func printCompare(out io.Writer, cmp *forms.Comparison, rob *forms.Robustness, rec *forms.DecisionRecord, files, prefilled []string) {
	meas := cmp.Measure
	fmt.Fprintf(out, "比选：%s（%s）  比较年份：%d 年  候选 %d 个\n", meas.Name, meas.ID, cmp.Year, len(cmp.Candidates))
	if len(prefilled) > 0 {
		fmt.Fprintf(out, "（%s取自上次保存的决策记录）\n", strings.Join(prefilled, "、"))
	}
	printCompareExcluded(out, cmp)
	fmt.Fprintln(out, "\n一、指标矩阵（▲ 优于全省，▼ 差于全省，= 持平；★ 最好，✕ 最差）")
	for j, in := range cmp.Indicators {
		r := cmp.Ranks[j]
		dir := "越大越好"
		if !in.HigherIsBetter {
			dir = "越小越好"
		}
		pv := cmp.Province[j]
		fmt.Fprintf(out, "\n【%d】%s（%s，%s）\n    全省  %d年 %s  %d年 %s\n", j+1, in.Label, in.ID, dir,
			cmp.Years[0], pv[0].Text, cmp.Years[1], pv[1].Text)
		for i, u := range cmp.Candidates {
			cell := cmp.Cells[i][j]
			rk := "—"
			if r.Rank[i] > 0 {
				rk = fmt.Sprintf("第%d", r.Rank[i])
			}
			pos := ""
			switch r.VsReference[i].Favourable(in.HigherIsBetter) {
			case 1:
				pos = "▲"
			case -1:
				pos = "▼"
			default:
				if r.VsReference[i] == rank.PosEqual {
					pos = "="
				}
			}
			mark := ""
			if r.IsBest[i] {
				mark = "★最好"
			}
			if r.IsWorst[i] {
				mark = "✕最差"
			}
			fmt.Fprintf(out, "    %s %d年 %s %d年 %s %s %s %s\n", pad(u.Name, 12), cmp.Years[0], pad(cell[0].Text, 8), cmp.Years[1], pad(cell[1].Text, 8), pad(rk, 5), pad(pos, 2), mark)
			for y, yc := range cell {
				if yc.Missing && yc.Remark != "" {
					fmt.Fprintf(out, "             %d年缺失，备注：%s\n", cmp.Years[y], yc.Remark)
				}
			}
		}
		if r.Message != "" {
			fmt.Fprintf(out, "    注：%s\n", r.Message)
		}
	}
	s := cmp.Scores
	fmt.Fprintf(out, "\n二、综合得分（%d 年）\n方法：%s\n缺失值：%s\n数量对与是/否：%s\n", cmp.Year, s.Method, s.MissingRule, cmp.PairRule)
	if s.Defaulted {
		fmt.Fprintln(out, "权重：未设置，各指标等权")
	}
	fmt.Fprintln(out, "  指标                 权重     归一化范围（最小值～最大值）")
	for j, in := range cmp.Indicators {
		rg := s.Ranges[j]
		span := fmt.Sprintf("%s～%s", cmpNum(rg.Min), cmpNum(rg.Max))
		if rg.Constant {
			span += "（不区分候选，各计 0.5）"
		}
		fmt.Fprintf(out, "  %-20s %.4f   %s\n", in.ID, s.Weights[j], span)
	}
	fmt.Fprintln(out, "  名次  市（州）   综合得分  缺失指标数")
	for _, i := range s.Order {
		miss := 0
		for _, x := range s.Missing[i] {
			if x {
				miss++
			}
		}
		fmt.Fprintf(out, "  %-4d  %s  %.4f    %d\n", s.Rank[i], pad(cmp.Candidates[i].Name, 12), s.Score[i], miss)
	}
	for _, msg := range s.Messages {
		fmt.Fprintf(out, "  注：%s\n", msg)
	}
	a := rob.SMAA
	fmt.Fprintf(out, "\n三、稳健性分析（SMAA-2）\n%s\n抽样 %d 组（抽取 %d 组），随机种子 %d，最大标准误 %.4f\n", a.Method, a.Samples, a.Drawn, a.Seed, a.StdErr)
	fmt.Fprint(out, "  市（州）  ")
	for r := range cmp.Candidates {
		fmt.Fprintf(out, " 第%d名  ", r+1)
	}
	fmt.Fprintln(out)
	for i, u := range cmp.Candidates {
		fmt.Fprintf(out, "  %s", pad(u.Name, 12))
		for _, x := range a.Acceptability[i] {
			fmt.Fprintf(out, " %5.1f%%", 100*x)
		}
		fmt.Fprintln(out)
	}
	fmt.Fprintf(out, "最常排第一：%s（%.1f%%）\n中心权重（使该市排第一的权重的平均值）：\n", cmp.Candidates[rob.MostFirst].Name, 100*a.Acceptability[rob.MostFirst][0])
	for i, u := range cmp.Candidates {
		if math.IsNaN(a.Confidence[i]) {
			fmt.Fprintf(out, "  %s：在任何抽样权重下都不排第一\n", u.Name)
			continue
		}
		var parts []string
		for j, in := range cmp.Indicators {
			parts = append(parts, fmt.Sprintf("%s %.3f", in.ID, a.CentralWeights[i][j]))
		}
		fmt.Fprintf(out, "  %s（置信因子 %.2f）：%s\n", u.Name, a.Confidence[i], strings.Join(parts, "，"))
	}
	fmt.Fprintln(out, "\n四、权重稳定区间（综合得分第一名不变的单个指标权重范围）")
	for _, iv := range cmp.Stability {
		fmt.Fprintf(out, "  %s\n", iv.Text)
	}
	for _, f := range files {
		fmt.Fprintf(out, "图表：%s\n", f)
	}
	if rec != nil {
		fmt.Fprintf(out, "\n已保存决策记录：推荐 %s，数据摘要 %s\n", rec.Chosen, rec.InputsDigest)
		if rec.ChosenNotLeader {
			fmt.Fprintln(out, "注意：推荐对象不是综合得分第一名，请在推荐理由中说明原因。")
		}
	}
}

// JSON view: NaN becomes null.

type cmpCellJSON struct {
	Text    string   `json:"text"`
	Value   *float64 `json:"value"`
	Missing bool     `json:"missing"`
	Remark  string   `json:"remark,omitempty"`
}

func cmpNF(v float64) *float64 {
	if math.IsNaN(v) {
		return nil
	}
	return &v
}

func cmpCell(c forms.Cell) cmpCellJSON {
	return cmpCellJSON{Text: c.Text, Value: cmpNF(c.Number), Missing: c.Missing, Remark: c.Remark}
}

type cmpUnitJSON struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type cmpExcludedJSON struct {
	cmpUnitJSON
	Reasons []string `json:"reasons"`
}

type cmpMatrixCellJSON struct {
	Code       string         `json:"code"`
	Values     [2]cmpCellJSON `json:"values"`
	Rank       int            `json:"rank"` // 0 when missing
	VsProvince string         `json:"vs_province"`
	Favourable int            `json:"favourable"` // +1 better than the province, −1 worse, 0
	Best       bool           `json:"best"`
	Worst      bool           `json:"worst"`
}

type cmpIndicatorJSON struct {
	ID             string              `json:"id"`
	Label          string              `json:"label"`
	Unit           string              `json:"unit"`
	HigherIsBetter bool                `json:"higher_is_better"`
	Province       [2]cmpCellJSON      `json:"province"`
	Weight         float64             `json:"weight"`
	Min            *float64            `json:"norm_min"`
	Max            *float64            `json:"norm_max"`
	Constant       bool                `json:"norm_constant"`
	Cells          []cmpMatrixCellJSON `json:"cells"`
	Note           string              `json:"note,omitempty"`
}

type cmpScoreJSON struct {
	Code    string    `json:"code"`
	Name    string    `json:"name"`
	Score   float64   `json:"score"`
	Rank    int       `json:"rank"`
	Missing int       `json:"missing"`
	Contrib []float64 `json:"contributions"`
}

type cmpSMAAJSON struct {
	Method         string               `json:"method"`
	Samples        int                  `json:"samples"`
	Drawn          int                  `json:"drawn"`
	Seed           uint64               `json:"seed"`
	Bounded        bool                 `json:"bounded"`
	StdErr         float64              `json:"std_err"`
	Acceptability  map[string][]float64 `json:"acceptability"`
	CentralWeights map[string][]float64 `json:"central_weights"`
	Confidence     map[string]float64   `json:"confidence"`
	MostFirst      string               `json:"most_first"`
}

type cmpStabilityJSON struct {
	ID      string  `json:"id"`
	Current float64 `json:"current"`
	Lo      float64 `json:"lo"`
	Hi      float64 `json:"hi"`
	LoRival string  `json:"lo_rival,omitempty"`
	HiRival string  `json:"hi_rival,omitempty"`
	Text    string  `json:"text"`
}

type compareJSON struct {
	Measure      forms.MeasureID       `json:"measure"`
	Year         int                   `json:"year"`
	Years        [2]int                `json:"years"`
	Candidates   []cmpUnitJSON         `json:"candidates"`
	Excluded     []cmpExcludedJSON     `json:"excluded"`
	Indicators   []cmpIndicatorJSON    `json:"indicators"`
	Method       string                `json:"method"`
	MissingRule  string                `json:"missing_rule"`
	PairRule     string                `json:"pair_rule"`
	EqualWeights bool                  `json:"equal_weights"`
	Bounds       map[string][2]float64 `json:"bounds,omitempty"`
	Scores       []cmpScoreJSON        `json:"scores"` // best first
	Leader       string                `json:"leader"`
	Messages     []string              `json:"messages"`
	SMAA         cmpSMAAJSON           `json:"smaa"`
	Stability    []cmpStabilityJSON    `json:"stability"`
	InputsDigest string                `json:"inputs_digest"`
	Prefilled    []string              `json:"prefilled_from_record,omitempty"`
	Charts       []string              `json:"charts,omitempty"`
	Record       *forms.DecisionRecord `json:"record,omitempty"`
}

func compareView(cmp *forms.Comparison, rob *forms.Robustness, rec *forms.DecisionRecord, files, prefilled []string) compareJSON {
	s := cmp.Scores
	v := compareJSON{Measure: cmp.Measure.ID, Year: cmp.Year, Years: cmp.Years, Method: s.Method, MissingRule: s.MissingRule,
		PairRule: cmp.PairRule, EqualWeights: s.Defaulted, Bounds: cmp.Bounds, Leader: cmp.Leader().Code, Messages: s.Messages,
		InputsDigest: cmp.Digest, Prefilled: prefilled, Charts: files, Record: rec,
		Candidates: []cmpUnitJSON{}, Excluded: []cmpExcludedJSON{}}
	code := func(i int) string {
		if i < 0 {
			return ""
		}
		return cmp.Candidates[i].Code
	}
	for _, u := range cmp.Candidates {
		v.Candidates = append(v.Candidates, cmpUnitJSON{u.Code, u.Name})
	}
	for _, e := range cmp.Excluded {
		v.Excluded = append(v.Excluded, cmpExcludedJSON{cmpUnitJSON{e.Unit.Code, e.Unit.Name}, e.Reasons})
	}
	for j, in := range cmp.Indicators {
		r, rg := cmp.Ranks[j], s.Ranges[j]
		ij := cmpIndicatorJSON{ID: in.ID, Label: in.Label, Unit: in.Unit, HigherIsBetter: in.HigherIsBetter,
			Province: [2]cmpCellJSON{cmpCell(cmp.Province[j][0]), cmpCell(cmp.Province[j][1])},
			Weight:   s.Weights[j], Min: cmpNF(rg.Min), Max: cmpNF(rg.Max), Constant: rg.Constant, Note: r.Message}
		for i, u := range cmp.Candidates {
			c := cmp.Cells[i][j]
			ij.Cells = append(ij.Cells, cmpMatrixCellJSON{Code: u.Code, Values: [2]cmpCellJSON{cmpCell(c[0]), cmpCell(c[1])}, Rank: r.Rank[i],
				VsProvince: r.VsReference[i].String(), Favourable: r.VsReference[i].Favourable(in.HigherIsBetter),
				Best: r.IsBest[i], Worst: r.IsWorst[i]})
		}
		v.Indicators = append(v.Indicators, ij)
	}
	for _, i := range s.Order {
		miss := 0
		for _, x := range s.Missing[i] {
			if x {
				miss++
			}
		}
		v.Scores = append(v.Scores, cmpScoreJSON{Code: code(i), Name: cmp.Candidates[i].Name, Score: s.Score[i], Rank: s.Rank[i], Missing: miss, Contrib: s.Contribution[i]})
	}
	a := rob.SMAA
	v.SMAA = cmpSMAAJSON{Method: a.Method, Samples: a.Samples, Drawn: a.Drawn, Seed: a.Seed, Bounded: len(cmp.Bounds) > 0, StdErr: a.StdErr,
		Acceptability: map[string][]float64{}, CentralWeights: map[string][]float64{}, Confidence: map[string]float64{}, MostFirst: code(rob.MostFirst)}
	for i, u := range cmp.Candidates {
		v.SMAA.Acceptability[u.Code] = a.Acceptability[i]
		if !math.IsNaN(a.Confidence[i]) {
			v.SMAA.CentralWeights[u.Code] = a.CentralWeights[i]
			v.SMAA.Confidence[u.Code] = a.Confidence[i]
		}
	}
	for _, iv := range cmp.Stability {
		v.Stability = append(v.Stability, cmpStabilityJSON{ID: cmp.Indicators[iv.Crit].ID, Current: iv.Current, Lo: iv.Lo, Hi: iv.Hi,
			LoRival: code(iv.LoRival), HiRival: code(iv.HiRival), Text: iv.Text})
	}
	return v
}
