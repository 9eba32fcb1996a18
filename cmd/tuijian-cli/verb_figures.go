package main

import (
	"flag"
	"fmt"
	"io"

	"tuijian/data/store"
	"tuijian/forms"
)

func init() {
	register(&verb{name: "indicators", summary: "列出各措施的指标（代码、名称、单位、审核方）", run: runIndicators})
	register(&verb{name: "figure", summary: "填写或列出指标数据：figure set|list", run: runFigure})
	register(&verb{name: "confirm", summary: "记录指标数据或主导产业表（--industries）的审核结果（统计局或通信管理局）", run: runConfirm})
	register(&verb{name: "industry", summary: "填写主导产业表（附件3）的一行", run: runIndustry})
}

func runIndicators(c *cli, args []string) error {
	fs := c.flags("indicators")
	mf := measureFlag(fs)
	year := fs.Int("year", 0, "内置定义的年度（不写时为本数据文件的定义）")
	if err := parse(fs, args); err != nil {
		return err
	}
	// The year's built-in definition; without --year the data file's, or the newest.
	if *year == 0 {
		if st, err := c.openExisting(); err == nil && st != nil {
			if camp, err := st.Campaign(); err == nil {
				return printIndicators(c, camp, *mf)
			}
		}
		*year = forms.LatestCampaignYear()
	}
	camp, err := forms.CampaignFor(*year)
	if err != nil {
		return usageErr{err}
	}
	return printIndicators(c, camp, *mf)
}

// printIndicators lists a campaign's indicators, of one measure when mf is given.
func printIndicators(c *cli, camp *forms.Campaign, mf string) error {
	var out []forms.Measure
	for _, m := range camp.Measures {
		if mf == "" || string(m.ID) == mf {
			out = append(out, m)
		}
	}
	return c.emit(out, func(w io.Writer) {
		for _, m := range out {
			fmt.Fprintf(w, "%s（%s，%s）\n", m.Name, m.ID, m.TableAnnex)
			for _, in := range m.Indicators {
				fmt.Fprintf(w, "  %-20s %s  [%s，审核：%s]\n", in.ID, in.Label, in.Kind, in.Verifier)
			}
		}
	})
}

func runFigure(c *cli, args []string) error {
	if len(args) == 0 || (args[0] != "set" && args[0] != "list") {
		return usagef("用法：tuijian-cli figure set --measure M --unit 市 --indicator ID --year 2021 --value 12.3 [--remark 备注] [--source 来源]\n      tuijian-cli figure list [--measure M] [--unit 市]")
	}
	fs := c.flags("figure " + args[0])
	mf := measureFlag(fs)
	unit := fs.String("unit", "", "市（州）名称或代码")
	ind := fs.String("indicator", "", "指标代码（tuijian-cli indicators 列出）")
	year := fs.Int("year", 0, "数据年份")
	val := fs.String("value", "", "数值，如 12.3、-0.5、3/1、是；留空或 — 表示无数据")
	remark := fs.String("remark", "", "备注")
	source := fs.String("source", "", "来源，如 2021年××市统计公报")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	cs, err := c.loadCase()
	if err != nil {
		return err
	}
	if args[0] == "list" {
		var out []forms.Figure
		var code string
		if *unit != "" {
			u, err := unitArg(cs, *unit)
			if err != nil {
				return err
			}
			code = u.Code
		}
		for _, f := range cs.Figures {
			if (*mf == "" || string(f.Measure) == *mf) && (code == "" || f.UnitCode == code) {
				out = append(out, f)
			}
		}
		return c.emit(out, func(w io.Writer) {
			for _, f := range out {
				m, _ := cs.Campaign.Measure(f.Measure)
				in, _ := m.Indicator(f.Indicator)
				u, _ := cs.Unit(f.UnitCode)
				fmt.Fprintf(w, "%s %d %s：%s  [%s] %s %s\n", u.Name, f.Year, in.Label, f.Value.Format(in.Kind), f.State, f.Source, f.Remark)
			}
		})
	}
	m, err := c.measureArg(*mf)
	if err != nil {
		return err
	}
	u, err := unitArg(cs, *unit)
	if err != nil {
		return err
	}
	if *ind == "" || *year == 0 {
		return usagef("请用 --indicator 和 --year 指定指标和年份")
	}
	k := forms.FigureKey{UnitCode: u.Code, Measure: m, Indicator: *ind, Year: *year}
	up := store.FigureUpdate{FigureKey: k}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "value":
			up.Text = val
		case "remark":
			up.Remark = remark
		case "source":
			up.Source = source
		}
	})
	if up.Text == nil && up.Remark == nil && up.Source == nil {
		return usagef("请用 --value、--remark 或 --source 写明要修改的内容（未写的保持不变）")
	}
	if err := c.st.Update("填写指标", func(t *store.Tx) error { return t.UpdateFigure(up) }); err != nil {
		return err
	}
	cs, err = c.loadCase()
	if err != nil {
		return err
	}
	f, _ := cs.Figure(k)
	ms, _ := cs.Campaign.Measure(m)
	indicator, _ := ms.Indicator(*ind)
	return c.emit(f, func(w io.Writer) {
		fmt.Fprintf(w, "已保存 %s %d年“%s” = %s（来源：%s；备注：%s）\n", u.Name, *year, indicator.Label, orDash(f.Value.Format(indicator.Kind)), orDash(f.Source), orDash(f.Remark))
	})
}

func runConfirm(c *cli, args []string) error {
	fs := c.flags("confirm")
	mf := measureFlag(fs)
	unit := fs.String("unit", "", "市（州）名称或代码")
	ind := fs.String("indicator", "", "指标代码；省略则为该市该措施全部需审核的指标")
	year := fs.Int("year", 0, "数据年份；省略则两年都记录")
	by := fs.String("by", "", "审核单位和审核人，如 省统计局 王五")
	doc := fs.String("doc", "", "审核文件文号")
	date := fs.String("date", "", "审核日期 YYYY-MM-DD")
	state := fs.String("state", string(forms.Verified), "审核状态：已审核、有疑问 或 未审核")
	industries := fs.Bool("industries", false, "记录该市主导产业表（附件3）全部已填写行的审核结果，不用 --measure、--indicator、--year")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *industries {
		if *mf != "" || *ind != "" || *year != 0 {
			return usagef("--industries 记录主导产业表各行的审核结果，不能与 --measure、--indicator、--year 同用")
		}
		return confirmIndustries(c, *unit, store.IndustryVerification{State: forms.VerifyState(*state), By: *by, At: *date, DocNo: *doc})
	}
	m, cs, u, err := c.measureUnit(*mf, *unit)
	if err != nil {
		return err
	}
	ms, _ := cs.Campaign.Measure(m)
	st := forms.VerifyState(*state)
	if st != forms.Verified && st != forms.Questioned && st != forms.Unverified {
		return usagef("--state 应为 已审核、有疑问 或 未审核")
	}
	var keys []forms.FigureKey
	for _, in := range ms.Indicators {
		if (*ind == "" && in.NeedsVerification()) || in.ID == *ind {
			for _, y := range cs.Campaign.IndicatorYears() {
				if *year == 0 || y == *year {
					keys = append(keys, forms.FigureKey{UnitCode: u.Code, Measure: m, Indicator: in.ID, Year: y})
				}
			}
		}
	}
	if len(keys) == 0 {
		return usagef("没有符合条件的指标：--indicator “%s” --year %d", *ind, *year)
	}
	err = c.st.Update("记录审核结果", func(t *store.Tx) error {
		for _, k := range keys {
			if err := t.SetVerification(store.Verification{FigureKey: k, State: st, By: *by, At: *date, DocNo: *doc}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return c.emit(keys, func(w io.Writer) { fmt.Fprintf(w, "已记录 %s %d 项指标为“%s”\n", u.Name, len(keys), st) })
}

// confirmIndustries records the verification of every named 主导产业 row of a city.
func confirmIndustries(c *cli, unit string, v store.IndustryVerification) error {
	if v.State != forms.Verified && v.State != forms.Questioned && v.State != forms.Unverified {
		return usagef("--state 应为 已审核、有疑问 或 未审核")
	}
	cs, err := c.loadCase()
	if err != nil {
		return err
	}
	u, err := unitArg(cs, unit)
	if err != nil {
		return err
	}
	var rows []forms.LeadingIndustry
	for _, li := range cs.Industries {
		if li.UnitCode == u.Code && li.Name != "" {
			rows = append(rows, li)
		}
	}
	if len(rows) == 0 {
		return usagef("%s 尚未填写主导产业表，没有可审核的行：请先用 tuijian-cli industry 填写", u.Name)
	}
	err = c.st.Update("记录主导产业审核结果", func(t *store.Tx) error {
		for _, li := range rows {
			if err := t.SetIndustryVerification(u.Code, li.Row, v); err != nil {
				return fmt.Errorf("%s 主导产业第 %d 行“%s”：%w", u.Name, li.Row, li.Name, err)
			}
		}
		return nil
	})
	if err != nil {
		return usageErr{err}
	}
	for i := range rows {
		rows[i].State, rows[i].VerifiedBy, rows[i].VerifiedAt, rows[i].VerifyDocNo = v.State, v.By, v.At, v.DocNo
	}
	return c.emit(rows, func(w io.Writer) {
		for _, li := range rows {
			fmt.Fprintf(w, "已记录 %s 主导产业第 %d 行“%s”为“%s”\n", u.Name, li.Row, li.Name, v.State)
		}
	})
}

func runIndustry(c *cli, args []string) error {
	fs := c.flags("industry")
	unit := fs.String("unit", "", "市（州）名称或代码")
	row := fs.Int("row", 1, "行号（1 起）")
	name := fs.String("name", "", "主导产业（产品）名称")
	share := fs.String("share", "", "在全部工业增加值中占比（%）")
	growth := fs.String("growth", "", "工业增加值增速（%）")
	revenue := fs.String("revenue", "", "销售收入（亿元）")
	profit := fs.String("profit", "", "利润总额（亿元）")
	del := fs.Bool("delete", false, "删除这一行")
	notStat := fs.String("not-statistical", "", "该行数据未纳入统计体系，写明原因（不需统计部门审核）")
	isStat := fs.Bool("statistical", false, "该行数据纳入统计体系（须经统计部门审核，默认）")
	_, u, err := c.parseUnit(fs, args, unit)
	if err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *del {
		if err := c.st.Update("删除主导产业", func(t *store.Tx) error { return t.DeleteIndustry(u.Code, *row) }); err != nil {
			return usageErr{err}
		}
		return c.emit(map[string]any{"deleted": *row}, func(w io.Writer) { fmt.Fprintf(w, "已删除 %s 主导产业第 %d 行\n", u.Name, *row) })
	}
	in := store.IndustryUpdate{UnitCode: u.Code, Row: *row}
	for flagName, dst := range map[string]**string{"name": &in.Name, "share": &in.Figures[0], "growth": &in.Figures[1], "revenue": &in.Figures[2], "profit": &in.Figures[3]} {
		if set[flagName] {
			*dst = map[string]*string{"name": name, "share": share, "growth": growth, "revenue": revenue, "profit": profit}[flagName]
		}
	}
	onlyFlag := (set["not-statistical"] || set["statistical"]) && !set["name"] && !set["share"] && !set["growth"] && !set["revenue"] && !set["profit"]
	if err := c.st.Update("主导产业", func(t *store.Tx) error {
		if !onlyFlag {
			if err := t.UpdateIndustry(in); err != nil {
				return err
			}
		}
		if set["not-statistical"] || set["statistical"] {
			return t.SetIndustryStatistical(u.Code, *row, set["not-statistical"] && !*isStat, *notStat)
		}
		return nil
	}); err != nil {
		return err
	}
	return c.emit(in, func(w io.Writer) { fmt.Fprintf(w, "已保存 %s 主导产业第 %d 行\n", u.Name, *row) })
}

func init() {
	register(&verb{name: "province-figure", summary: "填写全省指标值（供比较参考）", run: runProvinceFigure})
}

func runProvinceFigure(c *cli, args []string) error {
	fs := c.flags("province-figure")
	mf := measureFlag(fs)
	ind := fs.String("indicator", "", "指标代码")
	year := fs.Int("year", 0, "数据年份")
	val := fs.String("value", "", "数值")
	source := fs.String("source", "", "来源")
	if err := parse(fs, args); err != nil {
		return err
	}
	m, err := c.measureArg(*mf)
	if err != nil {
		return err
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	var text, src *string
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "value":
			text = val
		case "source":
			src = source
		}
	})
	if err := s.Update("全省指标", func(t *store.Tx) error { return t.UpdateProvinceFigure(m, *ind, *year, text, src) }); err != nil {
		return err
	}
	return c.emit(map[string]string{"indicator": *ind, "value": *val}, func(w io.Writer) { fmt.Fprintf(w, "已保存全省 %d年 %s = %s\n", *year, *ind, *val) })
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
