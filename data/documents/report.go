package documents

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"tuijian/data/chart"
	"tuijian/data/pdfdoc"
	"tuijian/forms"
)

// The 比选报告 for the province's leadership: per measure the candidates, eligibility
// and exclusions with reasons, the comparison matrix (forms.ComparisonFor), the
// composite scores and the robustness analysis, the charts (data/chart PNGs), and the
// choice with its 推荐理由. Weights, year and SMAA seed come from the choice's decision
// record when there is one, so the report shows what the officer decided on.

// reportSMAAMax caps the SMAA samples drawn for the report.
const reportSMAAMax = 100000

var cnNumbers = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

func cnNum(i int) string {
	if i < len(cnNumbers) {
		return cnNumbers[i]
	}
	return fmt.Sprint(i + 1)
}

func unitNames(us []forms.Unit) string {
	var names []string
	for _, u := range us {
		names = append(names, u.Name)
	}
	return strings.Join(names, "、")
}

func pct(v float64) string {
	if math.IsNaN(v) {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", v*100)
}

func reportPDF(in Input) ([]byte, error) {
	c := in.Case
	camp := c.Campaign
	w, err := pdfdoc.New(in.Fonts, pdfdoc.Page{PageNumbers: true})
	if err != nil {
		return nil, err
	}
	title := fmt.Sprintf("%d年度工业和信息化领域督查激励推荐市（州）比选报告", camp.Year)
	w.SetInfo(title, department(c), docTime(in.Date))
	marks(in, w, 14)
	small := pdfdoc.Style{Face: pdfdoc.Fangsong, SizePt: 10.5}
	smallHead := pdfdoc.Style{Face: pdfdoc.Heiti, SizePt: 10.5}
	par := func(p pdfdoc.Para) error { return w.Paragraph(p) }
	body := func(format string, args ...any) error {
		return par(pdfdoc.Para{Text: fmt.Sprintf(format, args...), FirstLineIndentChars: 2})
	}
	note := func(text string) error {
		return par(pdfdoc.Para{Text: text, Style: small, FirstLineIndentChars: 2, LineHeightMM: 6})
	}
	if err := par(pdfdoc.Para{Text: fmt.Sprintf("%d年度工业和信息化领域督查激励\n推荐市（州）比选报告", camp.Year), Style: pdfdoc.Title, Align: pdfdoc.AlignCenter, LineHeightMM: 12, Bookmark: true}); err != nil {
		return nil, err
	}
	if err := par(pdfdoc.Para{Text: department(c) + "　" + cnDate(in.Date), Align: pdfdoc.AlignCenter}); err != nil {
		return nil, err
	}
	w.Skip(0.5)
	if err := body("根据《%s》（%s）和《%s》，每项督查激励措施各择优推荐不超过1个市（州），推荐结果须报经%s同意。现将%s两项措施的候选、资格审查、指标比较和推荐意见报告如下，请审定。",
		camp.NoticeTitle, camp.Notice, camp.Rules, government(c.Province), c.Province.Name); err != nil {
		return nil, err
	}
	for mi := range camp.Measures {
		m := &camp.Measures[mi]
		if err := par(pdfdoc.Para{Text: fmt.Sprintf("%s、%s", cnNum(mi), m.Name), Style: pdfdoc.Level1, Align: pdfdoc.AlignLeft, FirstLineIndentChars: 2, KeepWithNext: true, Bookmark: true}); err != nil {
			return nil, err
		}
		h2 := func(n int, t string) error {
			return par(pdfdoc.Para{Text: fmt.Sprintf("（%s）%s", cnNum(n), t), Style: pdfdoc.Level2, Align: pdfdoc.AlignLeft, FirstLineIndentChars: 2, KeepWithNext: true})
		}
		// The comparison is shown with the weights of the first choice's record.
		first, chosenOK := c.Choice(m.ID)
		var rec *forms.DecisionRecord
		if chosenOK && strings.TrimSpace(first.Decision) != "" {
			if r, err := forms.ParseDecisionRecord(first.Decision); err == nil && r.Measure == m.ID {
				rec = &r
			}
		}
		year := 0
		var weights map[string]float64
		var bounds map[string][2]float64
		if rec != nil {
			year, weights, bounds = rec.Year, rec.InputWeights(), rec.Bounds
		}
		cmp, cerr := forms.ComparisonFor(c, m.ID, year, weights, bounds, in.ExportDay)
		if cerr != nil && !errors.Is(cerr, forms.ErrNoEligible) {
			// Weights recorded earlier may no longer apply; fall back to equal weights.
			cmp, cerr = forms.ComparisonFor(c, m.ID, 0, nil, nil, in.ExportDay)
			if cerr != nil && !errors.Is(cerr, forms.ErrNoEligible) {
				return nil, cerr
			}
		}
		// (一) candidates
		if err := h2(0, "候选市（州）"); err != nil {
			return nil, err
		}
		var all []forms.Unit
		for _, code := range c.Candidates[m.ID] {
			u, ok := c.Unit(code)
			if !ok {
				u = forms.Unit{Code: code, Name: code}
			}
			all = append(all, u)
		}
		if len(all) == 0 {
			if err := body("尚未确定候选市（州）。"); err != nil {
				return nil, err
			}
			continue
		}
		if err := body("共%d个：%s。", len(all), unitNames(all)); err != nil {
			return nil, err
		}
		// (二) eligibility
		if err := h2(1, "资格审查"); err != nil {
			return nil, err
		}
		if len(cmp.Candidates) > 0 {
			if err := body("符合申报条件、参与比选的%d个：%s。", len(cmp.Candidates), unitNames(cmp.Candidates)); err != nil {
				return nil, err
			}
		}
		if len(cmp.Excluded) == 0 {
			if err := body("没有因层级、归属或近三年负面情况（%s（六））被排除的候选。", m.Article); err != nil {
				return nil, err
			}
		}
		for _, cand := range cmp.Candidates {
			for _, x := range in.Case.CommendationsOf(cand.Code) {
				if err := body("%s（办法第十一条，评审中加分优先支持）", CommendationText(cand.Name, x)); err != nil {
					return nil, err
				}
			}
		}
		for _, ex := range cmp.Excluded {
			if err := body("%s不参与比选：%s。", ex.Unit.Name, strings.TrimSuffix(strings.Join(ex.Reasons, "；"), "。")); err != nil {
				return nil, err
			}
		}
		if len(cmp.Candidates) == 0 {
			continue
		}
		// (三) matrix
		if err := h2(2, fmt.Sprintf("%d年指标比较", cmp.Year)); err != nil {
			return nil, err
		}
		if err := note(fmt.Sprintf("表中为各候选%d年的指标数值，括号内为在参与比选候选中的排名，★为最优、▽为最差；“缺失”为未填报。%s", cmp.Year, cmp.PairRule)); err != nil {
			return nil, err
		}
		yi := cmp.YearIndex()
		const perTable = 6
		for start := 0; start < len(cmp.Candidates); start += perTable {
			end := start + perTable
			if end > len(cmp.Candidates) {
				end = len(cmp.Candidates)
			}
			n := end - start
			colW := (156.0 - 52) / float64(n+1)
			cols := []float64{52, colW}
			head := []pdfdoc.Cell{{Text: "指标", Style: smallHead, Align: pdfdoc.AlignCenter}, {Text: "全省", Style: smallHead, Align: pdfdoc.AlignCenter}}
			for i := start; i < end; i++ {
				cols = append(cols, colW)
				head = append(head, pdfdoc.Cell{Text: cmp.Candidates[i].Name, Style: smallHead, Align: pdfdoc.AlignCenter})
			}
			t := pdfdoc.Table{ColumnsMM: cols, Style: small, HeaderRows: 1, PadMM: 1}
			t.Rows = append(t.Rows, pdfdoc.Row{Cells: head})
			for j, ind := range cmp.Indicators {
				row := []pdfdoc.Cell{{Text: ind.Label, Align: pdfdoc.AlignLeft}, {Text: cmp.Province[j][yi].Text, Align: pdfdoc.AlignCenter}}
				var ir = cmp.Ranks[j]
				for i := start; i < end; i++ {
					cell := cmp.Cells[i][j][yi]
					txt := cell.Text
					if !cell.Missing && ir.Rank[i] > 0 {
						txt += fmt.Sprintf("（%d）", ir.Rank[i])
					}
					switch {
					case ir.IsBest[i]:
						txt += "★"
					case ir.IsWorst[i]:
						txt += "▽"
					}
					row = append(row, pdfdoc.Cell{Text: txt, Align: pdfdoc.AlignCenter})
				}
				t.Rows = append(t.Rows, pdfdoc.Row{Cells: row})
			}
			if err := w.Table(t); err != nil {
				return nil, err
			}
			w.Skip(0.3)
		}
		// (四) scores and robustness
		if err := h2(3, "综合得分与稳健性"); err != nil {
			return nil, err
		}
		samples, seed := 10000, uint64(1)
		if rec != nil && rec.SMAA != nil {
			if rec.SMAA.Samples > 0 && rec.SMAA.Samples <= reportSMAAMax {
				samples = rec.SMAA.Samples
			}
			seed = rec.SMAA.Seed
		}
		rob, rerr := cmp.Robustness(context.Background(), samples, seed, nil)
		st := pdfdoc.Table{ColumnsMM: []float64{18, 50, 38, 50}, Style: small, HeaderRows: 1, PadMM: 1}
		st.Rows = append(st.Rows, pdfdoc.Row{Cells: []pdfdoc.Cell{{Text: "名次", Style: smallHead, Align: pdfdoc.AlignCenter},
			{Text: "市（州）", Style: smallHead, Align: pdfdoc.AlignCenter}, {Text: "综合得分", Style: smallHead, Align: pdfdoc.AlignCenter},
			{Text: "随机权重下排第一的比例", Style: smallHead, Align: pdfdoc.AlignCenter}}})
		for _, i := range cmp.Scores.Order {
			first := math.NaN()
			if rerr == nil {
				first = rob.SMAA.Acceptability[i][0]
			}
			st.Rows = append(st.Rows, pdfdoc.Row{Cells: []pdfdoc.Cell{{Text: fmt.Sprint(cmp.Scores.Rank[i]), Align: pdfdoc.AlignCenter},
				{Text: cmp.Candidates[i].Name, Align: pdfdoc.AlignCenter}, {Text: fmt.Sprintf("%.3f", cmp.Scores.Score[i]), Align: pdfdoc.AlignCenter},
				{Text: pct(first), Align: pdfdoc.AlignCenter}}})
		}
		if err := w.Table(st); err != nil {
			return nil, err
		}
		wtext := "各指标等权。"
		if !cmp.Scores.Defaulted {
			var parts []string
			for j, ind := range cmp.Indicators {
				parts = append(parts, fmt.Sprintf("%s %.3f", ind.Label, cmp.Scores.Weights[j]))
			}
			wtext = "权重：" + strings.Join(parts, "；") + "。"
		}
		notes := []string{"计分方法：" + cmp.Scores.Method, "缺失值：" + cmp.Scores.MissingRule, wtext}
		if rerr == nil {
			notes = append(notes, fmt.Sprintf("稳健性（SMAA-2）：在全部可能的权重中均匀随机抽取 %d 组（随机种子 %d），统计各候选排第一的比例；抽样误差不超过 %.1f 个百分点。", rob.SMAA.Samples, rob.SMAA.Seed, rob.SMAA.StdErr*100*2))
		} else {
			notes = append(notes, "稳健性分析未能完成："+rerr.Error())
		}
		notes = append(notes, cmp.Scores.Messages...)
		for _, n := range notes {
			if err := note(n); err != nil {
				return nil, err
			}
		}
		// (五) charts
		if err := h2(4, "图表"); err != nil {
			return nil, err
		}
		names := make([]string, len(cmp.Candidates))
		for i, u := range cmp.Candidates {
			names[i] = u.Name
		}
		// Charts are drawn at the size they are printed (300 dpi), so their text is
		// 9 pt or more on paper.
		if rerr == nil {
			const aw = 150.0
			ah := chart.PrintHeightMM(len(names), 1)
			png, err := chart.AcceptabilityStackedPrint(names, rob.SMAA.Acceptability, aw, ah)
			if err != nil {
				return nil, err
			}
			if err := note("图1　各候选在随机权重下的名次分布"); err != nil {
				return nil, err
			}
			if err := w.Image(png, aw); err != nil {
				return nil, err
			}
		}
		// Indicator charts two per row.
		const cw = 76.0
		chH := chart.PrintHeightMM(len(names), 4)
		for j, ind := range cmp.Indicators {
			vals := make([]float64, len(names))
			for i := range names {
				vals[i] = cmp.Cells[i][j][yi].Number
			}
			png, err := chart.IndicatorBarsPrint(ind.Label, names, vals, cmp.Province[j][yi].Number, ind.Unit, cw, chH)
			if err != nil {
				return nil, err
			}
			if j%2 == 0 {
				w.EnsureSpace(chH + 2)
			}
			x := 28.0
			if j%2 == 1 {
				x = 28 + 156 - cw
			}
			if err := w.ImageAt(png, x, w.Y(), cw, chH); err != nil {
				return nil, err
			}
			if j%2 == 1 || j == len(cmp.Indicators)-1 {
				w.SetY(w.Y() + chH + 2)
			}
		}
		// (六) choice
		if err := h2(5, "推荐意见"); err != nil {
			return nil, err
		}
		chosen := c.ChoicesOf(m.ID)
		if len(chosen) == 0 {
			if err := body("尚未确定推荐对象。"); err != nil {
				return nil, err
			}
			continue
		}
		for _, ch := range chosen {
			u, _ := c.Unit(ch.UnitCode)
			k := cmp.Index(ch.UnitCode)
			standing := ""
			if k >= 0 {
				standing = fmt.Sprintf("，综合得分%.3f，居参与比选候选第%d位", cmp.Scores.Score[k], cmp.Scores.Rank[k])
				if rerr == nil {
					standing += fmt.Sprintf("，随机权重下排第一的比例为%s", pct(rob.SMAA.Acceptability[k][0]))
				}
			}
			if err := body("拟推荐%s为%d年度%s%s。", u.FullName(), camp.Year, m.Name, standing); err != nil {
				return nil, err
			}
			// With n units a measure, a unit ranked below n needs its reason.
			if k >= 0 && cmp.Scores.Rank[k] > len(chosen) {
				if len(chosen) == 1 {
					if err := body("注意：推荐对象不是综合得分第一的候选（第一为%s），推荐理由应说明原因。", cmp.Leader().Name); err != nil {
						return nil, err
					}
				} else if err := body("注意：%s不在综合得分前%d位，推荐理由应说明原因。", u.FullName(), len(chosen)); err != nil {
					return nil, err
				}
			}
			reason := strings.TrimSpace(ch.Reason)
			if reason == "" {
				reason = "（尚未填写推荐理由）"
			}
			if err := body("推荐理由：%s", reason); err != nil {
				return nil, err
			}
		}
		if !m.GovernmentConsent {
			continue
		}
		if a := c.Approval(m.ID); a.Government == forms.ConsentYes {
			var parts []string
			if a.GovDocNo != "" {
				parts = append(parts, a.GovDocNo)
			}
			if d, err := time.Parse("2006-01-02", a.GovDate); err == nil {
				parts = append(parts, cnDate(d))
			}
			done := government(c.Province) + "已同意"
			if len(parts) > 0 {
				done += "（" + strings.Join(parts, "，") + "）"
			}
			if err := body("%s。", done); err != nil {
				return nil, err
			}
		} else {
			if err := body("尚待报请%s同意。", government(c.Province)); err != nil {
				return nil, err
			}
		}
	}
	return w.Bytes()
}
