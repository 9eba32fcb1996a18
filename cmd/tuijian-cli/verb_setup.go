package main

import (
	"flag"
	"fmt"
	"io"

	"tuijian/data/divisions"
	"tuijian/data/store"
	"tuijian/forms"
)

func init() {
	register(&verb{name: "setup", summary: "设置推荐单位、年度、联系人和电话", run: runSetup,
		usage: "--province 山东 --year 2021 --department 山东省工业和信息化厅 --contact 姓名 --phone 电话"})
	register(&verb{name: "provinces", summary: "列出可作为推荐单位的省级行政区（含兵团）", run: runProvinces})
	register(&verb{name: "units", summary: "列出本省可推荐的市（州），含候选标记和排除原因", run: runUnits})
}

func runSetup(c *cli, args []string) error {
	fs := c.flags("setup")
	fs.String("doc-number", "", "（已改为 approve --letter-no，每份推荐函一个文号）")
	prov := fs.String("province", "", "推荐单位：省份名称或代码，如 山东 或 370000；兵团写 兵团")
	year := fs.Int("year", 0, "督查激励年度，如 2021")
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
	if st.Year == 0 {
		st.Year = forms.CampaignYears()[len(forms.CampaignYears())-1]
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
	if err := s.Update("设置", func(t *store.Tx) error { return t.SetSettings(st) }); err != nil {
		return err
	}
	p, _ := divisions.Province(st.ProvinceCode)
	return c.emit(st, func(w io.Writer) {
		fmt.Fprintf(w, "已设置：%s（%s），%d 年度，联系人 %s %s\n", p.Name, st.Department, st.Year, st.Contact, st.Phone)
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
		for _, m := range forms.MeasureIDs {
			r.Candidate[m] = cs.IsCandidate(m, u.Code)
		}
		for _, e := range ex[u.Code] {
			r.Excluded = append(r.Excluded, e.Reason)
		}
		rows = append(rows, r)
	}
	return c.emit(rows, func(w io.Writer) {
		fmt.Fprintf(w, "%s 可推荐的市（州）（%d 个；候选：工=工业稳增长，数=信息基础设施和产业数字化）\n", cs.Province.Name, len(rows))
		for _, r := range rows {
			mark := func(m forms.MeasureID, s string) string {
				if r.Candidate[m] {
					return s
				}
				return "·"
			}
			plan := ""
			if r.PlanCity {
				plan = " 计划单列市"
			}
			fmt.Fprintf(w, "%s  %s %s  %s  [%s%s]", r.Code, pad(r.Name, 16), pad(string(r.Type)+plan, 22), r.Region, mark(forms.Industry, "工"), mark(forms.Digital, "数"))
			for _, e := range r.Excluded {
				fmt.Fprintf(w, "\n        排除：%s", e)
			}
			fmt.Fprintln(w)
		}
	})
}
