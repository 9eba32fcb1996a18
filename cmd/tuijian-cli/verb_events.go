package main

import (
	"fmt"
	"io"
	"strconv"

	"tuijian/data/store"
	"tuijian/forms"
	"tuijian/forms/grading"
)

func init() {
	register(&verb{name: "event", summary: "负面情况登记：event add|list|delete", run: runEvent})
	register(&verb{name: "exclusions", summary: "列出被排除的市（州）及原因", run: runExclusions})
}

type findingOut struct {
	ID       int64  `json:"id"`
	Unit     string `json:"unit"`
	UnitName string `json:"unit_name"`
	Kind     string `json:"kind"`
	Date     string `json:"date"`
	Title    string `json:"title"`
	Grade    string `json:"grade"`
	Computed string `json:"computed_grade"`
	Official string `json:"official_grade"`
	Differs  bool   `json:"differs"`
	InWindow bool   `json:"in_window"`
	Excludes bool   `json:"excludes"`
	Basis    string `json:"basis"`
	Reason   string `json:"reason"`
}

func finding(cs *forms.Case, f forms.EventFinding) findingOut {
	u, _ := cs.Unit(f.Event.UnitCode)
	return findingOut{ID: f.Event.ID, Unit: u.Code, UnitName: u.Name, Kind: f.Event.Kind.Label(), Date: f.Event.Date.Format("2006-01-02"),
		Title: f.Event.Title, Grade: f.Grade.String(), Computed: f.Computed.Grade.String(), Official: f.Event.Official.String(),
		Differs: f.Differs, InWindow: f.InWindow, Excludes: f.Excludes, Basis: f.Computed.Basis, Reason: f.Reason}
}

func runEvent(c *cli, args []string) error {
	if len(args) == 0 {
		return usagef("用法：tuijian-cli event add --unit 市 --kind safety|environment|social --date 2021-05-01 --title 名称 [数字与事实参数]\n      tuijian-cli event list [--unit 市]\n      tuijian-cli event delete ID")
	}
	switch args[0] {
	case "add":
		return eventAdd(c, args[1:])
	case "list":
		fs := c.flags("event list")
		unit := fs.String("unit", "", "市（州）")
		if err := parse(fs, args[1:]); err != nil {
			return err
		}
		cs, err := c.loadCase()
		if err != nil {
			return err
		}
		var out []findingOut
		for _, u := range cs.Units {
			if *unit != "" {
				x, err := unitArg(cs, *unit)
				if err != nil {
					return err
				}
				if x.Code != u.Code {
					continue
				}
			}
			for _, f := range cs.Findings(u.Code, c.now()) {
				out = append(out, finding(cs, f))
			}
		}
		return c.emit(out, func(w io.Writer) {
			if len(out) == 0 {
				fmt.Fprintln(w, "没有登记负面情况")
			}
			for _, f := range out {
				fmt.Fprintf(w, "#%d %s：%s\n", f.ID, f.UnitName, f.Reason)
			}
		})
	case "delete":
		if len(args) != 2 {
			return usagef("用法：tuijian-cli event delete ID")
		}
		id, err := strconv.ParseInt(args[1], 10, 64)
		if err != nil {
			return usagef("事件编号“%s”不是数字", args[1])
		}
		s, err := c.open()
		if err != nil {
			return err
		}
		if err := s.Update("删除负面情况", func(t *store.Tx) error { return t.DeleteEvent(id) }); err != nil {
			return err
		}
		return c.emit(map[string]int64{"deleted": id}, func(w io.Writer) { fmt.Fprintf(w, "已删除事件 #%d\n", id) })
	}
	return usagef("未知的子命令“%s”：应为 add、list 或 delete", args[0])
}

func eventAdd(c *cli, args []string) error {
	fs := c.flags("event add")
	unit := fs.String("unit", "", "市（州）名称或代码")
	kind := fs.String("kind", "", "safety（安全生产事故）|environment（突发环境事件）|social（社会事件）")
	date := fs.String("date", "", "发生日期 YYYY-MM-DD")
	title := fs.String("title", "", "事件名称")
	desc := fs.String("description", "", "简要情况")
	deaths := fs.Int("deaths", 0, "死亡人数")
	injuries := fs.Int("injuries", 0, "重伤人数（安全生产事故，含急性工业中毒）")
	poisoned := fs.Int("poisoned", 0, "中毒或重伤人数（突发环境事件）")
	evacuated := fs.Int("evacuated", 0, "疏散、转移人数")
	loss := fs.Int64("loss-yuan", 0, "直接经济损失（元）")
	water := fs.String("water-source", "", "city|county|township")
	ecology := fs.String("ecology", "", "lost|partial|species")
	radiation := fs.String("radiation", "", "i|ii|iii|iv")
	impact := fs.String("impact", "", "border|province|prefecture")
	official := fs.String("official", "", "认定等级：一般、较大、重大、特别重大（无则留空）")
	officialDoc := fs.String("official-doc", "", "认定文件")
	severe := fs.Bool("severe", false, "社会事件造成恶劣影响")
	basis := fs.String("basis", "", "认定恶劣影响的依据")
	cs, u, err := c.parseUnit(fs, args, unit)
	if err != nil {
		return err
	}
	k, ok := forms.ParseEventKind(*kind)
	if !ok {
		return usagef("--kind 应为 safety、environment 或 social")
	}
	d, err := forms.ParseDate(*date)
	if err != nil {
		return usagef("--date：%v", err)
	}
	e := forms.Event{UnitCode: u.Code, Kind: k, Date: d, Title: *title, Description: *desc, OfficialDoc: *officialDoc, Severe: *severe, Basis: *basis}
	if e.Official, err = grading.ParseGrade(*official); err != nil {
		return usageErr{err}
	}
	switch k {
	case forms.EventSafety:
		e.Safety = grading.Safety{Deaths: *deaths, SeriousInjuries: *injuries, LossYuan: *loss}
	case forms.EventEnvironment:
		x := grading.Environment{Deaths: *deaths, Poisoned: *poisoned, Evacuated: *evacuated, LossYuan: *loss}
		if x.WaterSource, err = grading.ParseWaterSource(*water); err != nil {
			return usageErr{err}
		}
		if x.Ecology, err = grading.ParseEcology(*ecology); err != nil {
			return usageErr{err}
		}
		if x.Radiation, err = grading.ParseRadiation(*radiation); err != nil {
			return usageErr{err}
		}
		if x.Impact, err = grading.ParseImpact(*impact); err != nil {
			return usageErr{err}
		}
		e.Environment = x
	}
	err = c.st.Update("登记负面情况", func(t *store.Tx) error {
		var err error
		e.ID, err = t.SaveEvent(e)
		return err
	})
	if err != nil {
		return err
	}
	f := finding(cs, forms.EvaluateEvent(cs.Campaign, e, c.now()))
	return c.emit(f, func(w io.Writer) { fmt.Fprintf(w, "已登记 #%d %s：%s\n", f.ID, f.UnitName, f.Reason) })
}

type exclusionOut struct {
	Unit     string   `json:"unit"`
	UnitName string   `json:"unit_name"`
	Reasons  []string `json:"reasons"`
}

func runExclusions(c *cli, args []string) error {
	fs := c.flags("exclusions")
	day := dayFlag(fs)
	if err := c.parseDay(fs, args, day); err != nil {
		return err
	}
	cs, err := c.loadCase()
	if err != nil {
		return err
	}
	ex := cs.Exclusions(c.now())
	out := []exclusionOut{}
	for _, u := range cs.Units {
		if len(ex[u.Code]) == 0 {
			continue
		}
		o := exclusionOut{Unit: u.Code, UnitName: u.Name}
		for _, e := range ex[u.Code] {
			o.Reasons = append(o.Reasons, e.Reason)
		}
		out = append(out, o)
	}
	return c.emit(out, func(w io.Writer) {
		if len(out) == 0 {
			fmt.Fprintln(w, "没有被排除的市（州）")
		}
		for _, o := range out {
			for _, r := range o.Reasons {
				fmt.Fprintf(w, "%s（%s）排除：%s\n", o.UnitName, o.Unit, r)
			}
		}
	})
}
