package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"tuijian/data/divisions"
	"tuijian/data/store"
	"tuijian/forms"
)

func init() {
	register(&verb{name: "setup", summary: "设置推荐单位、年度、联系人和电话", run: runSetup,
		usage: "--province 山东 [--campaign 2021|定义文件] --department 山东省工业和信息化厅 --contact 姓名 --phone 电话"})
	register(&verb{name: "provinces", summary: "列出可作为推荐单位的省级行政区（含兵团）", run: runProvinces})
	register(&verb{name: "units", summary: "列出本省可推荐的市（州），含候选标记和排除原因", run: runUnits})
}

func runSetup(c *cli, args []string) error {
	fs := c.flags("setup")
	fs.String("doc-number", "", "（已改为 approve --letter-no，每份推荐函一个文号）")
	prov := fs.String("province", "", "推荐单位：省份名称或代码，如 山东 或 370000；兵团写 兵团")
	year := fs.Int("year", 0, "督查激励年度，如 2021（内置定义）")
	campaign := fs.String("campaign", "", "督查激励工作的定义：内置的年度（如 2021）或定义文件（tuijian-cli campaign check 先查）")
	dept := fs.String("department", "", "推荐单位名称（不写时按省份填入，如 山东省工业和信息化厅）")
	contact := fs.String("contact", "", "联系人")
	phone := fs.String("phone", "", "联系电话")
	if err := parse(fs, args); err != nil {
		return err
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	st, err := s.Settings()
	if err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if set["province"] {
		p, ok := divisions.ProvinceByName(*prov)
		if !ok {
			p, ok = divisions.Province(*prov)
		}
		if !ok {
			return usagef("找不到推荐单位“%s”：请写省级行政区名称（如 山东、广西壮族自治区）、代码（如 370000）或 兵团", *prov)
		}
		if !set["department"] {
			st.Department = forms.DepartmentFor(st.Department, st.ProvinceCode, p.Code)
		}
		st.ProvinceCode = p.Code
	}
	if set["year"] {
		st.Year = *year
	}
	// --campaign FILE: the definition is checked first and adopted with the settings
	// in one change, so a refused file changes nothing.
	var defFile []byte
	if set["campaign"] {
		if y, err := strconv.Atoi(*campaign); err == nil {
			if set["year"] && y != *year {
				return usagef("--year %d 与 --campaign %d 不一致", *year, y)
			}
			if _, err := forms.CampaignFor(y); err != nil {
				return usageErr{err}
			}
			st.Year = y
		} else {
			def, b, err := readDefinition(*campaign)
			if err != nil {
				return err
			}
			if set["year"] && def.Year != *year {
				return usagef("--year %d 与定义文件的年度 %d 不一致", *year, def.Year)
			}
			st.Year, defFile = def.Year, b
		}
	}
	if st.Year == 0 {
		st.Year = forms.LatestCampaignYear()
	}
	source := ""
	if defFile != nil {
		if source, err = filepath.Abs(*campaign); err != nil {
			return err
		}
	}
	if set["department"] {
		st.Department = *dept
	}
	if set["contact"] {
		st.Contact = *contact
	}
	if set["phone"] {
		st.Phone = *phone
	}
	if set["doc-number"] {
		return usagef("推荐函发文字号每项措施各一个，请用 approve --measure 措施 --letter-no 文号 填写")
	}
	if st.ProvinceCode == "" {
		return usagef("请用 --province 指定推荐单位")
	}
	if err := s.Update("设置", func(t *store.Tx) error {
		if defFile != nil {
			if _, err := t.AdoptCampaign(defFile, source); err != nil {
				return err
			}
		}
		return t.SetSettings(st)
	}); err != nil {
		return usageErr{err}
	}
	def, err := s.Campaign()
	if err != nil {
		return err
	}
	p, _ := divisions.Province(st.ProvinceCode)
	return c.emit(st, func(w io.Writer) {
		fmt.Fprintf(w, "已设置：%s（%s），%d 年度（%s，报送截止 %s），联系人 %s %s\n", p.Name, st.Department, st.Year, def.Notice,
			def.Deadline.Format(time.DateOnly), st.Contact, st.Phone)
	})
}

func runProvinces(c *cli, args []string) error {
	ps := divisions.Provinces()
	return c.emit(ps, func(w io.Writer) {
		for _, p := range ps {
			fmt.Fprintf(w, "%s  %s  %s\n", p.Code, p.Name, p.Region)
		}
	})
}

type unitRow struct {
	forms.Unit
	Candidate map[forms.MeasureID]bool `json:"candidate"`
	Excluded  []string                 `json:"excluded,omitempty"`
}

func runUnits(c *cli, args []string) error {
	fs := c.flags("units")
	day := dayFlag(fs)
	if err := c.parseDay(fs, args, day); err != nil {
		return err
	}
	cs, err := c.loadCase()
	if err != nil {
		return err
	}
	ex := cs.Exclusions(c.now())
	var rows []unitRow
	for _, u := range cs.Units {
		r := unitRow{Unit: u, Candidate: map[forms.MeasureID]bool{}}
		for _, m := range cs.Campaign.MeasureIDs() {
			r.Candidate[m] = cs.IsCandidate(m, u.Code)
		}
		for _, e := range ex[u.Code] {
			r.Excluded = append(r.Excluded, e.Reason)
		}
		rows = append(rows, r)
	}
	return c.emit(rows, func(w io.Writer) {
		var legend []string
		for _, m := range cs.Campaign.Measures {
			legend = append(legend, fmt.Sprintf("%d=%s", m.Seq, m.Short))
		}
		what := "市（州）"
		if len(rows) > 0 && rows[len(rows)-1].Type == forms.TypeCounty {
			what = "单位（含县级行政区）"
		}
		fmt.Fprintf(w, "%s 可推荐的%s（%d 个；候选：%s）\n", cs.Province.Name, what, len(rows), strings.Join(legend, "，"))
		for _, r := range rows {
			marks := ""
			for _, m := range cs.Campaign.Measures {
				if r.Candidate[m.ID] {
					marks += strconv.Itoa(m.Seq)
				} else {
					marks += "·"
				}
			}
			plan := ""
			if r.PlanCity {
				plan = " 计划单列市"
			}
			fmt.Fprintf(w, "%s  %s %s  %s  [%s]", r.Code, pad(r.FullName(), 16), pad(string(r.Type)+plan, 22), r.Region, marks)
			for _, e := range r.Excluded {
				fmt.Fprintf(w, "\n        排除：%s", e)
			}
			fmt.Fprintln(w)
		}
	})
}
