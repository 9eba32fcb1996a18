package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"tuijian/data/divisions"
	"tuijian/forms"

	"tuijian/data/demo"
	"tuijian/data/store"
)

func init() {
	register(&verb{name: "demo", summary: "在新数据文件中创建演示数据（演示数据，数字均为虚构）：demo [--campaign 定义文件] [--province 省]", run: runDemo})
	register(&verb{name: "history", summary: "修改记录：history [--unit 市] [--field 字段] [--limit N]", run: runHistory})
}

func runDemo(c *cli, args []string) error {
	fs := c.flags("demo")
	campaign := fs.String("campaign", "", "在这份督查激励定义（年度或定义文件）上创建演示数据，试用新年度的定义")
	prov := fs.String("province", "", "演示的推荐单位（默认山东）")
	if err := parse(fs, args); err != nil {
		return err
	}
	opts, err := demoOptions(*campaign, *prov)
	if err != nil {
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
	if opts == nil {
		err = demo.FillFor(s, c.now())
	} else {
		err = demo.FillCampaign(s, c.now(), *opts)
	}
	if err != nil {
		return err
	}
	cs, err := s.Case()
	if err != nil {
		return err
	}
	return c.emit(map[string]string{"db": s.Path(), "note": "演示数据"}, func(w io.Writer) {
		fmt.Fprintf(w, "已在 %s 创建演示数据（%s，%d 年度；演示数据，数字均为虚构，不得报送）\n", s.Path(), cs.Province.Name, cs.Campaign.Year)
	})
}

// demoOptions makes the demo for another campaign or province (demo.Picks chooses the
// units); nil: the standard demo (山东, 2021).
func demoOptions(campaign, province string) (*demo.Options, error) {
	if campaign == "" && province == "" {
		return nil, nil
	}
	o := &demo.Options{Province: demo.Province}
	if province != "" {
		p, ok := divisions.ProvinceByName(province)
		if !ok {
			p, ok = divisions.Province(province)
		}
		if !ok {
			return nil, usagef("找不到推荐单位“%s”", province)
		}
		o.Province = p.Code
	}
	def, _ := forms.CampaignFor(2021)
	if campaign != "" {
		var err error
		if def, err = campaignArg(campaign); err != nil {
			return nil, err
		}
		if o.Definition, err = forms.EncodeCampaign(def); err != nil {
			return nil, err
		}
		o.Source = campaign
		if abs, err := filepath.Abs(campaign); err == nil {
			if _, err := os.Stat(abs); err == nil {
				o.Source = abs
			}
		}
	}
	o.Candidates, o.Chosen = demo.Picks(def, o.Province)
	return o, nil
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
	var err error
	if f.UnitCode, err = c.unitCodeArg(*unit); err != nil {
		return err
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
