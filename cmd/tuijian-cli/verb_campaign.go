package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"tuijian/data/store"
	"tuijian/forms"
)

func init() {
	register(&verb{name: "campaign", summary: "督查激励工作的定义：list、export、check、diff、schema", run: runCampaign,
		usage: "list | export 年度 --out 文件 | check 文件 | diff 甲 乙 | schema [--out 文件]"})
}

func runCampaign(c *cli, args []string) error {
	if len(args) == 0 {
		return usagef("用法：tuijian-cli campaign list | export 年度 --out 文件 | check 文件 | diff 甲 乙 | schema [--out 文件]")
	}
	switch args[0] {
	case "list":
		return campaignList(c, args[1:])
	case "export":
		return campaignExport(c, args[1:])
	case "check":
		return campaignCheck(c, args[1:])
	case "diff":
		return campaignDiff(c, args[1:])
	case "schema":
		return campaignSchema(c, args[1:])
	}
	return usagef("campaign 没有子命令“%s”：可用 list、export、check、diff、schema", args[0])
}

type campaignRow struct {
	Year     int    `json:"year"`
	Notice   string `json:"notice"`
	Deadline string `json:"deadline"`
	Source   string `json:"source"`
	InUse    bool   `json:"in_use,omitempty"`
}

// campaignList lists the built-in definitions and, when a data file is set up, the
// one the case belongs to.
func campaignList(c *cli, args []string) error {
	fs := c.flags("campaign list")
	if err := parse(fs, args); err != nil {
		return err
	}
	var rows []campaignRow
	for _, y := range forms.CampaignYears() {
		def, _ := forms.CampaignFor(y)
		rows = append(rows, campaignRow{Year: y, Notice: def.Notice, Deadline: def.Deadline.Format(time.DateOnly), Source: "内置"})
	}
	if s, err := c.openExisting(); err == nil && s != nil {
		if r, err := s.CampaignRecord(); err == nil {
			def, err := s.Campaign()
			if err != nil {
				return err
			}
			if r.Builtin() {
				for i := range rows {
					rows[i].InUse = rows[i].Year == def.Year
				}
			} else {
				rows = append(rows, campaignRow{Year: def.Year, Notice: def.Notice, Deadline: def.Deadline.Format(time.DateOnly), Source: r.Source, InUse: true})
			}
		}
	}
	return c.emit(rows, func(w io.Writer) {
		for _, r := range rows {
			mark := "  "
			if r.InUse {
				mark = "* "
			}
			fmt.Fprintf(w, "%s%d  %s  截止 %s  %s\n", mark, r.Year, pad(r.Notice, 26), r.Deadline, r.Source)
		}
		fmt.Fprintln(w, "（* 本数据文件采用的定义）")
	})
}

func campaignExport(c *cli, args []string) error {
	fs := c.flags("campaign export")
	out := fs.String("out", "", "写入的文件")
	// The year may come before or after --out.
	var year string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		year, args = args[0], args[1:]
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if year == "" && fs.NArg() == 1 {
		year = fs.Arg(0)
	} else if fs.NArg() > 0 {
		year = ""
	}
	if year == "" || *out == "" {
		return usagef("用法：tuijian-cli campaign export 年度 --out 文件")
	}
	y, err := strconv.Atoi(year)
	if err != nil {
		return usagef("“%s”不是年度：请写如 2021", year)
	}
	b, ok := forms.BuiltinCampaign(y)
	if !ok {
		_, err := forms.CampaignFor(y)
		return usageErr{err}
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		return err
	}
	return c.emit(map[string]any{"year": y, "out": *out}, func(w io.Writer) {
		fmt.Fprintf(w, "已把 %d 年度的定义写入 %s\n", y, *out)
	})
}

// readDefinition reads and checks a definition file; a fault is a usage error (exit
// 2) naming the JSON path.
func readDefinition(path string) (*forms.Campaign, []byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, usagef("无法读取定义文件 %s：%v", path, errors.Unwrap(err))
	}
	def, err := forms.DecodeCampaign(b)
	if err != nil {
		return nil, nil, usageErr{fmt.Errorf("%s：%w", path, err)}
	}
	return def, b, nil
}

func campaignCheck(c *cli, args []string) error {
	fs := c.flags("campaign check")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("用法：tuijian-cli campaign check 文件")
	}
	def, _, err := readDefinition(fs.Arg(0))
	if err != nil {
		return err
	}
	return c.emit(map[string]any{"ok": true, "year": def.Year, "notice": def.Notice, "measures": len(def.Measures)}, func(w io.Writer) {
		fmt.Fprintf(w, "定义文件无误：%d 年度，%s，%d 项措施，报送截止 %s\n", def.Year, def.Notice, len(def.Measures), def.Deadline.Format(time.DateOnly))
		for _, m := range def.Measures {
			fmt.Fprintf(w, "  %d. %s（%s）：%s，%d 项指标\n", m.Seq, m.Name, m.ID, m.Quota.Text(), len(m.Indicators))
		}
	})
}

// campaignArg reads a definition named by a year (built-in) or a file.
func campaignArg(s string) (*forms.Campaign, error) {
	if y, err := strconv.Atoi(s); err == nil {
		def, err := forms.CampaignFor(y)
		if err != nil {
			return nil, usageErr{err}
		}
		return def, nil
	}
	def, _, err := readDefinition(s)
	return def, err
}

func campaignDiff(c *cli, args []string) error {
	fs := c.flags("campaign diff")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return usagef("用法：tuijian-cli campaign diff 甲 乙（年度或定义文件）")
	}
	a, err := campaignArg(fs.Arg(0))
	if err != nil {
		return err
	}
	b, err := campaignArg(fs.Arg(1))
	if err != nil {
		return err
	}
	d := forms.DiffCampaigns(a, b)
	return c.emit(map[string]any{"changes": d}, func(w io.Writer) {
		if len(d) == 0 {
			fmt.Fprintln(w, "两个定义相同")
			return
		}
		for _, l := range d {
			fmt.Fprintln(w, l)
		}
	})
}

func campaignSchema(c *cli, args []string) error {
	fs := c.flags("campaign schema")
	out := fs.String("out", "", "写入的文件（不写则输出到屏幕）")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		_, err := c.out.Write(forms.CampaignSchema())
		return err
	}
	return os.WriteFile(*out, forms.CampaignSchema(), 0o644)
}

// openExisting opens the data file only when it exists (nil, nil otherwise): listing
// definitions creates no data file.
func (c *cli) openExisting() (*store.Store, error) {
	p := c.dbPath
	if p == "" {
		var err error
		if p, err = store.DefaultPath(); err != nil {
			return nil, err
		}
	}
	if _, err := os.Stat(p); err != nil {
		return nil, nil
	}
	return c.open()
}
