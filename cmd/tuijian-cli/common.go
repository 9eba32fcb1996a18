package main

import (
	"flag"
	"strings"

	"tuijian/data/divisions"
	"tuijian/forms"
)

// unitArg resolves a unit given by code or name within the province of the case.
func unitArg(c *forms.Case, s string) (forms.Unit, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return forms.Unit{}, usagef("请用 --unit 指定市（州）（代码或名称）")
	}
	if u, ok := c.Unit(s); ok {
		return u, nil
	}
	if u, ok := divisions.UnitByName(c.Province.Code, s); ok {
		return u, nil
	}
	// County-level units (campaigns that accept them) by name or 地市+name; a name
	// two prefectures share must be given with its prefecture.
	var found []forms.Unit
	for _, u := range c.Units {
		if u.Type == forms.TypeCounty && (u.Name == s || u.FullName() == s) {
			found = append(found, u)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
	default:
		var names []string
		for _, u := range found {
			names = append(names, u.FullName()+"（"+u.Code+"）")
		}
		return forms.Unit{}, usagef("“%s”有 %d 个：%s；请写明所属的市或写代码", s, len(found), strings.Join(names, "、"))
	}
	if u, ok := divisions.Unit(s); ok {
		return forms.Unit{}, usagef("%s（%s）不属于%s，只能由所在省份推荐", u.Name, u.Code, c.Province.Name)
	}
	for _, p := range divisions.Provinces() {
		if u, ok := divisions.UnitByName(p.Code, s); ok {
			return forms.Unit{}, usagef("%s（%s）属于%s，不属于%s，只能由所在省份推荐", u.Name, u.Code, p.Name, c.Province.Name)
		}
	}
	return forms.Unit{}, usagef("找不到市（州）“%s”：请写%s所辖市（州）的名称或 6 位代码（tuijian-cli units 列出全部）", s, c.Province.Name)
}

// measureArg resolves --measure against the case's campaign (id, number or name).
func (c *cli) measureArg(s string) (forms.MeasureID, error) {
	if s == "" {
		return "", usagef("请用 --measure 指定措施（tuijian-cli campaign check 列出本年度的措施），如 industry 或 digital")
	}
	st, err := c.open()
	if err != nil {
		return "", err
	}
	def, err := st.Campaign()
	if err != nil {
		return "", err
	}
	m, err := def.ParseMeasure(s)
	if err != nil {
		return "", usageErr{err}
	}
	return m, nil
}

// measureFlag adds --measure to a flag set.
func measureFlag(fs *flag.FlagSet) *string {
	return fs.String("measure", "", "措施：标识、序号或简称，如 industry（工业稳增长）、digital（信息基础设施和产业数字化）")
}

// loadCase opens the store and loads the case.
func (c *cli) loadCase() (*forms.Case, error) {
	s, err := c.open()
	if err != nil {
		return nil, err
	}
	return s.Case()
}

// measureUnit resolves --measure and --unit against the loaded case.
func (c *cli) measureUnit(measure, unit string) (forms.MeasureID, *forms.Case, forms.Unit, error) {
	m, err := c.measureArg(measure)
	if err != nil {
		return "", nil, forms.Unit{}, err
	}
	cs, err := c.loadCase()
	if err != nil {
		return "", nil, forms.Unit{}, err
	}
	u, err := unitArg(cs, unit)
	return m, cs, u, err
}

// pad right-pads s with spaces to width terminal columns, counting CJK and full-width
// characters as two columns, so tables of Chinese names line up (fmt's %-8s counts
// runes).
func pad(s string, width int) string {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	if w >= width {
		return s
	}
	return s + strings.Repeat(" ", width-w)
}

func runeWidth(r rune) int {
	switch {
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6, r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}

// parseUnit parses a verb's flags, loads the case and resolves its --unit, the
// preamble of every verb about one city.
func (c *cli) parseUnit(fs *flag.FlagSet, args []string, unit *string) (*forms.Case, forms.Unit, error) {
	if err := parse(fs, args); err != nil {
		return nil, forms.Unit{}, err
	}
	cs, err := c.loadCase()
	if err != nil {
		return nil, forms.Unit{}, err
	}
	u, err := unitArg(cs, *unit)
	return cs, u, err
}

// unitCodeArg resolves an optional --unit against the loaded case: "" stays "".
func (c *cli) unitCodeArg(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	cs, err := c.loadCase()
	if err != nil {
		return "", err
	}
	u, err := unitArg(cs, s)
	return u.Code, err
}
