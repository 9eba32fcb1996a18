package main

import (
	"fmt"
	"io"

	"tuijian/data/demo"
	"tuijian/data/store"
)

func init() {
	register(&verb{name: "demo", summary: "在新数据文件中创建演示数据（演示数据，数字均为虚构）", run: runDemo})
	register(&verb{name: "history", summary: "修改记录：history [--unit 市] [--field 字段] [--limit N]", run: runHistory})
}

func runDemo(c *cli, args []string) error {
	if err := parse(c.flags("demo"), args); err != nil {
		return err
	}
	// Without --db the demo goes to its own file, as in the desktop app: never into the
	// officer's real data.
	if c.dbPath == "" {
		p, err := store.DemoPath()
		if err != nil {
			return err
		}
		c.dbPath = p
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	if err := demo.FillFor(s, c.now()); err != nil {
		return err
	}
	return c.emit(map[string]string{"db": s.Path(), "note": "演示数据"}, func(w io.Writer) {
		fmt.Fprintf(w, "已在 %s 创建演示数据（山东省，2021 年度；演示数据，数字均为虚构，不得报送）\n", s.Path())
	})
}

func runHistory(c *cli, args []string) error {
	fs := c.flags("history")
	unit := fs.String("unit", "", "市（州）")
	field := fs.String("field", "", "字段名中包含的文字")
	limit := fs.Int("limit", 50, "最多显示条数（0 为全部）")
	if err := parse(fs, args); err != nil {
		return err
	}
	f := store.AuditFilter{Field: *field, Limit: *limit}
	if *unit != "" {
		cs, err := c.loadCase()
		if err != nil {
			return err
		}
		u, err := unitArg(cs, *unit)
		if err != nil {
			return err
		}
		f.UnitCode = u.Code
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	rows, err := s.Audit(f)
	if err != nil {
		return err
	}
	return c.emit(rows, func(w io.Writer) {
		for _, r := range rows {
			fmt.Fprintf(w, "%s %s [%s] %s %s %s：%q → %q\n", r.At.Local().Format("2006-01-02 15:04:05"), r.Who, r.Note, r.Entity, r.UnitCode, r.Field, r.Old, r.New)
		}
	})
}
