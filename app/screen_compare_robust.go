package app

// The 比选 robustness analysis (SMAA-2) run in the background with progress and 取消.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/chart"
	"tuijian/forms"
	"tuijian/forms/rank"
)

func compareChartHeight(n int) int { return chart.HeightFor(n) }

// setPNG decodes a PNG into a canvas image shown at 3/4 of its pixel size.
func setPNG(img *canvas.Image, b []byte, w, h int) error {
	im, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return err
	}
	img.Image = im
	img.SetMinSize(fyne.NewSize(float32(w)*0.75, float32(h)*0.75))
	img.Refresh()
	return nil
}

// Robustness.

func (p *comparePanel) clearRobustness() {
	p.rob = nil
	p.accGrid.Objects = nil
	p.accGrid.Refresh()
	p.accChart.Hide()
	p.central.SetText("")
	p.robStatus.SetText("尚未运行稳健性分析（或比较条件已改变，需重新运行）。")
	if p.summary != nil {
		p.summary.SetText(p.summaryText())
	}
}

func (p *comparePanel) runRobustness() {
	n, err := strconv.Atoi(strings.TrimSpace(p.samplesIn.Text))
	if err != nil || n < 1 || n > rank.MaxSamples {
		p.env().ShowError(fmt.Errorf("抽样次数“%s”无效：请填写 1 到 %d 之间的整数，常用 10000", p.samplesIn.Text, rank.MaxSamples))
		return
	}
	seed, err := strconv.ParseUint(strings.TrimSpace(p.seedIn.Text), 10, 64)
	if err != nil {
		p.env().ShowError(fmt.Errorf("随机种子“%s”无效：请填写不小于 0 的整数（同一种子结果可重现）", p.seedIn.Text))
		return
	}
	if p.cmpErr != nil || len(p.cmp.Candidates) == 0 {
		p.env().ShowError(errors.New("比较条件有误或没有可比选的候选，无法进行稳健性分析：请先改正权重或上下限"))
		return
	}
	p.stop()
	ctx, cancel := context.WithCancel(context.Background())
	p.mu.Lock()
	p.cancel = cancel
	p.mu.Unlock()
	p.runID++
	cmp, gen, id := p.cmp, p.gen, p.runID
	p.runBtn.Disable()
	p.cancelBtn.Enable()
	p.progress.SetValue(0)
	p.progress.Show()
	p.robStatus.SetText(fmt.Sprintf("正在抽样 %d 组权重……", n))
	var rob forms.Robustness
	var chartPNG []byte
	h := compareChartHeight(len(cmp.Candidates))
	inBackground(func() {
		rob, err = cmp.Robustness(ctx, n, seed, func(done, total int) {
			fyne.Do(func() {
				if id == p.runID {
					p.progress.SetValue(float64(done) / float64(total))
				}
			})
		})
		if err == nil {
			if chartPNG, err = chart.AcceptabilityStacked(cmp.Problem.Names, rob.SMAA.Acceptability, 900, h); err != nil {
				err = fmt.Errorf("排名可接受度图未能生成：%w", err)
			}
		}
	}, func() {
		cancel()
		if id != p.runID {
			return // superseded
		}
		p.mu.Lock()
		p.cancel = nil
		p.mu.Unlock()
		p.runBtn.Enable()
		p.cancelBtn.Disable()
		p.progress.Hide()
		switch {
		case errors.Is(err, context.Canceled):
			p.robStatus.SetText("稳健性分析已取消。")
		case err != nil:
			p.robStatus.SetText("稳健性分析未完成：" + err.Error())
			p.env().ShowError(err)
		case gen != p.gen:
			p.robStatus.SetText("比较条件在分析期间已改变，结果已作废，请重新运行。")
		default:
			p.robGen = gen
			p.showRobustness(&cmp, &rob, chartPNG, h)
		}
		p.updateChooseNote()
		if p.robDone != nil {
			p.robDone()
		}
	})
}

// stop cancels a running analysis.
func (p *comparePanel) stop() {
	p.mu.Lock()
	if p.cancel != nil {
		p.cancel()
	}
	p.mu.Unlock()
}

func (p *comparePanel) showRobustness(cmp *forms.Comparison, rob *forms.Robustness, chartPNG []byte, h int) {
	p.rob = rob
	a := rob.SMAA
	p.robStatus.SetText(fmt.Sprintf("结论：在 %d 组随机权重中，%s 排第一的比例最高（%.1f%%）。\n%s\n试验 %d 组（共抽取 %d 组），随机种子 %d；比例的统计误差不超过 %.2f 个百分点。",
		a.Samples, cmp.Candidates[rob.MostFirst].Name, 100*a.Acceptability[rob.MostFirst][0], a.Method, a.Samples, a.Drawn, a.Seed, 100*a.StdErr))
	p.summary.SetText(p.summaryText())
	m := len(cmp.Candidates)
	cols := min(m, 6) + 1
	head := []fyne.CanvasObject{boldLabel("排名可接受度")}
	for r := 0; r < cols-1; r++ {
		head = append(head, boldLabel(fmt.Sprintf("第 %d 名", r+1)))
	}
	p.accGrid.Objects = []fyne.CanvasObject{container.NewGridWithColumns(cols, head...)}
	for i, u := range cmp.Candidates {
		row := []fyne.CanvasObject{widget.NewLabel(u.Name)}
		for r := 0; r < cols-1; r++ {
			row = append(row, widget.NewLabel(fmt.Sprintf("%.1f%%", 100*a.Acceptability[i][r])))
		}
		p.accGrid.Add(container.NewGridWithColumns(cols, row...))
	}
	p.accGrid.Refresh()
	if chartPNG != nil && setPNG(p.accChart, chartPNG, 900, h) == nil {
		p.accChart.Show()
	}
	var lines []string
	for i, u := range cmp.Candidates {
		if math.IsNaN(a.Confidence[i]) {
			lines = append(lines, u.Name+"：在任何抽样权重下都不排第一。")
			continue
		}
		var parts []string
		for j := range cmp.Indicators {
			parts = append(parts, fmt.Sprintf("%d:%.3f", j+1, a.CentralWeights[i][j]))
		}
		lines = append(lines, fmt.Sprintf("%s 中心权重（按指标序号）%s；置信因子 %.2f", u.Name, strings.Join(parts, " "), a.Confidence[i]))
	}
	p.central.SetText("中心权重是使该市排第一的抽样权重的平均值：\n" + strings.Join(lines, "\n"))
}

// Choice.
