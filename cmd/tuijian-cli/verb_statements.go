package main

import (
	"fmt"
	"io"
	"strconv"

	"tuijian/data/store"
	"tuijian/forms"
)

func init() {
	register(&verb{name: "screening", run: runScreening,
		summary: "记录对某市（州）近三年负面情况的核查（核查人、会同部门、日期、依据）：screening --unit 市 --checker … --departments … --on 日期 --basis …"})
	register(&verb{name: "bar", run: runBar,
		summary: "办法第十六条取消资格登记：bar add --unit 市|--province --from 年度 --doc 文号 --reason 原因；bar list；bar delete ID"})
	register(&verb{name: "commend", run: runCommend,
		summary: "办法第十一条国务院大督查通报表扬：commend add --unit 市 --doc 文号 --on 日期 [--title 内容]；commend list；commend delete ID"})
}

func runScreening(c *cli, args []string) error {
	fs := c.flags("screening")
	unit := fs.String("unit", "", "市（州）")
	checker := fs.String("checker", "", "核查人，如 规划处 李四")
	deps := fs.String("departments", "", "会同核查的部门，如 省应急管理厅、省生态环境厅")
	date := fs.String("on", "", "核查日期 YYYY-MM-DD")
	basis := fs.String("basis", "", "依据，如 两厅复函文号")
	del := fs.Bool("delete", false, "删除该市（州）的核查记录")
	_, u, err := c.parseUnit(fs, args, unit)
	if err != nil {
		return err
	}
	if *del {
		if err := c.st.Update("删除负面情况核查", func(t *store.Tx) error { return t.DeleteScreening(u.Code) }); err != nil {
			return usageErr{err}
		}
		return c.emit(map[string]string{"deleted": u.Code}, func(w io.Writer) { fmt.Fprintf(w, "已删除 %s 的负面情况核查记录\n", u.Name) })
	}
	x := forms.Screening{UnitCode: u.Code, Checker: *checker, Departments: *deps, Date: *date, Basis: *basis}
	if err := c.st.Update("负面情况核查", func(t *store.Tx) error { return t.SetScreening(x) }); err != nil {
		return usageErr{err}
	}
	return c.emit(x, func(w io.Writer) {
		fmt.Fprintf(w, "已记录：%s 近三年负面情况已于 %s 由 %s 会同 %s 核查（%s）\n", u.Name, x.Date, x.Checker, x.Departments, x.Basis)
	})
}

// registerVerb is a verb over one of the notice's registers: add, list, delete ID.
type registerVerb struct {
	name, what string // verb and its Chinese name, e.g. bar, 取消资格登记
	none       string // the list's text when empty
	// rows are the entries as JSON values and as lines.
	rows   func(cs *forms.Case) (any, []string)
	delete func(t *store.Tx, id int64) error
	add    func(c *cli, args []string) error
}

func (r registerVerb) run(c *cli, args []string) error {
	if len(args) == 0 {
		return usagef("用法：tuijian-cli %s add|list|delete …", r.name)
	}
	switch args[0] {
	case "list":
		cs, err := c.loadCase()
		if err != nil {
			return err
		}
		v, lines := r.rows(cs)
		return c.emit(v, func(w io.Writer) {
			if len(lines) == 0 {
				fmt.Fprintln(w, r.none)
			}
			for _, l := range lines {
				fmt.Fprintln(w, l)
			}
		})
	case "delete":
		id, err := idArg(args[1:])
		if err != nil {
			return err
		}
		if err := c.openUpdate("删除"+r.what, func(t *store.Tx) error { return r.delete(t, id) }); err != nil {
			return err
		}
		return c.emit(map[string]int64{"deleted": id}, func(w io.Writer) { fmt.Fprintf(w, "已删除%s #%d\n", r.what, id) })
	case "add":
		return r.add(c, args[1:])
	}
	return usagef("%s 只有 add、list、delete 三个子命令", r.name)
}

func runBar(c *cli, args []string) error {
	return registerVerb{name: "bar", what: "取消资格登记", none: "没有取消资格的登记（办法第十六条）",
		rows: func(cs *forms.Case) (any, []string) {
			bars := append([]forms.Bar{}, cs.Bars...)
			var lines []string
			for _, b := range bars {
				lines = append(lines, fmt.Sprintf("#%d  %s  %d—%d年度  %s  %s", b.ID, barSubject(cs, b), b.FromYear, b.ToYear, b.DocNo, b.Reason))
			}
			return bars, lines
		},
		delete: func(t *store.Tx, id int64) error { return t.DeleteBar(id) },
		add:    addBar,
	}.run(c, args)
}

func addBar(c *cli, args []string) error {
	fs := c.flags("bar add")
	unit := fs.String("unit", "", "被取消评选资格的市（州）")
	prov := fs.Bool("province", false, "取消本推荐单位（省）的申报资格")
	from := fs.Int("from", 0, "起始年度，如 2021")
	to := fs.Int("to", 0, "截止年度（默认起始年度后第 2 年，即三年）")
	doc := fs.String("doc", "", "决定文件文号")
	reason := fs.String("reason", "", "原因")
	if err := parse(fs, args); err != nil {
		return err
	}
	cs, err := c.loadCase()
	if err != nil {
		return err
	}
	b := forms.Bar{FromYear: *from, ToYear: *to, DocNo: *doc, Reason: *reason}
	switch {
	case *prov && *unit != "":
		return usagef("--unit 和 --province 只能写一个")
	case !*prov:
		u, err := unitArg(cs, *unit)
		if err != nil {
			return err
		}
		b.UnitCode = u.Code
	}
	if err := c.st.Update("取消资格登记", func(t *store.Tx) error { b.ID, err = t.AddBar(b); return err }); err != nil {
		return usageErr{err}
	}
	return c.emit(b, func(w io.Writer) {
		fmt.Fprintf(w, "已登记 #%d：%s 取消资格（办法第十六条）\n", b.ID, barSubject(cs, b))
	})
}

func barSubject(cs *forms.Case, b forms.Bar) string {
	if b.UnitCode == "" {
		return cs.Province.Name + "（推荐单位）"
	}
	return unitNameOf(cs, b.UnitCode)
}

func runCommend(c *cli, args []string) error {
	return registerVerb{name: "commend", what: "通报表扬", none: "没有国务院大督查通报表扬的登记（办法第十一条）",
		rows: func(cs *forms.Case) (any, []string) {
			xs := append([]forms.Commendation{}, cs.Commendations...)
			var lines []string
			for _, x := range xs {
				lines = append(lines, fmt.Sprintf("#%d  %s  %s  %s  %s", x.ID, unitNameOf(cs, x.UnitCode), x.Date, x.DocNo, x.Title))
			}
			return xs, lines
		},
		delete: func(t *store.Tx, id int64) error { return t.DeleteCommendation(id) },
		add:    addCommendation,
	}.run(c, args)
}

func addCommendation(c *cli, args []string) error {
	fs := c.flags("commend add")
	unit := fs.String("unit", "", "市（州）")
	doc := fs.String("doc", "", "通报文件文号，如 国办发〔2021〕49号")
	date := fs.String("on", "", "通报日期，如 2021-07-01")
	title := fs.String("title", "", "表扬的典型经验做法")
	_, u, err := c.parseUnit(fs, args, unit)
	if err != nil {
		return err
	}
	x := forms.Commendation{UnitCode: u.Code, DocNo: *doc, Date: *date, Title: *title}
	if err := c.st.Update("通报表扬", func(t *store.Tx) error { x.ID, err = t.AddCommendation(x); return err }); err != nil {
		return usageErr{err}
	}
	return c.emit(x, func(w io.Writer) {
		fmt.Fprintf(w, "已登记 #%d：%s 获国务院大督查通报表扬（%s）\n", x.ID, u.Name, x.DocNo)
	})
}

func idArg(args []string) (int64, error) {
	if len(args) != 1 {
		return 0, usagef("请给出记录编号，如 delete 3")
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("记录编号“%s”无效", args[0])
	}
	return id, nil
}

// openUpdate opens the store and runs one change; a refused change is bad input.
func (c *cli) openUpdate(note string, fn func(t *store.Tx) error) error {
	s, err := c.open()
	if err != nil {
		return err
	}
	if err := s.Update(note, fn); err != nil {
		return usageErr{err}
	}
	return nil
}
