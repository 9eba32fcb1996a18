package workbook

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"tuijian/forms"
	"tuijian/forms/value"
)

// Sheet names and the hidden metadata.
const (
	guideSheet       = "填报说明"
	industrySheet    = "主导产业"
	verifySheet      = "统计数据审核"
	verifyGuideSheet = "审核说明"
	metaSheet        = "_tuijian"

	formatFigures      = "tuijian-figures"
	formatVerification = "tuijian-verification"
	formatVersion      = 1

	headerRows   = 2 // rows 1–2 of every data sheet are header
	baseFirstRow = 8 // first fingerprint row of the metadata sheet
	baseTag      = "基准"
	industrySlot = 5 // rows offered per candidate in the 主导产业 sheet
	validationTo = 1000
)

// field is what a figure column holds.
type field int

const (
	fieldValue field = iota
	fieldSource
	fieldRemark
)

// figCol is one column of a measure sheet.
type figCol struct {
	col   int // 1-based
	ind   forms.Indicator
	year  int
	field field
	sub   string // the row-2 header
}

// measureColumns lists the figure columns of a measure sheet, from column C: per
// indicator the two years' values, then their 来源, then their 备注.
func measureColumns(c *forms.Campaign, m *forms.Measure) []figCol {
	ys := c.IndicatorYears()
	var out []figCol
	col := 3
	for _, in := range m.Indicators {
		for _, f := range []field{fieldValue, fieldSource, fieldRemark} {
			for _, y := range ys {
				sub := fmt.Sprintf("%d年", y)
				switch f {
				case fieldSource:
					sub += "来源"
				case fieldRemark:
					sub += "备注"
				}
				out = append(out, figCol{col: col, ind: in, year: y, field: f, sub: sub})
				col++
			}
		}
	}
	return out
}

// colsPerIndicator is the width of one indicator's group.
const colsPerIndicator = 6

// header is the expected text of a column: top (row 1, or the only header row) and sub
// (row 2 of a two-row header).
type header struct{ top, sub string }

func (h header) String() string {
	if h.sub == "" {
		return h.top
	}
	return h.top + " / " + h.sub
}

func measureHeaders(c *forms.Campaign, m *forms.Measure) []header {
	hs := []header{{"代码", ""}, {"市（州）", ""}}
	for _, fc := range measureColumns(c, m) {
		hs = append(hs, header{fc.ind.Label, fc.sub})
	}
	return hs
}

// industryHeaders are the columns of the 主导产业 sheet (row 2).
func industryHeaders(m *forms.Measure) []header {
	hs := []header{{"代码", ""}, {"市（州）", ""}, {"序号", ""}}
	for _, ic := range m.LeadingIndustries {
		hs = append(hs, header{ic.Label, ""})
	}
	return hs
}

func industryTitle(c *forms.Campaign) string {
	return fmt.Sprintf("制造业主导产业发展情况（%d年）", c.Year)
}

// Columns of the verification sheet (row 2).
var verifyHeaders = []header{{"代码", ""}, {"市（州）", ""}, {"措施", ""}, {"指标", ""}, {"年份", ""}, {"数值", ""}, {"单位", ""}, {"来源", ""}, {"审核值", ""}, {"审核意见", ""}, {"审核人", ""}}

const (
	vCode = iota + 1
	vName
	vMeasure
	vIndicator
	vYear
	vValue
	vUnit
	vSource
	vReviewed
	vOpinion
	vReviewer
)

func verifyTitle(c *forms.Case) string {
	return fmt.Sprintf("%s %d年度督查激励 统计数据审核表", c.Province.Name, c.Campaign.Year)
}

// norm removes all white space (wrapped header text, stray spaces).
func norm(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}

var yearHeader = regexp.MustCompile(`^(\d{4})年`)

// matchHeaders finds the expected columns in the header rows. top is row 1 and sub row 2
// of a two-row header (sub nil for a one-row header, then top is that row). In a
// two-row header a blank top cell continues the label to its left (merged cells hold
// their text in the first cell only). It returns the 1-based column of each expected
// header (0 when missing) and reports missing, unknown and repeated columns.
func matchHeaders(sheet string, headerRow int, top, sub []string, want []header, years [2]int, p *Problems) []int {
	n := len(top)
	if len(sub) > n {
		n = len(sub)
	}
	at := func(s []string, i int) string {
		if i < len(s) {
			return norm(s[i])
		}
		return ""
	}
	index := map[header]int{}
	for i, h := range want {
		index[header{norm(h.top), norm(h.sub)}] = i
	}
	cols := make([]int, len(want))
	last := ""
	for i := 0; i < n; i++ {
		t, s := at(top, i), ""
		if sub != nil {
			s = at(sub, i)
			if t == "" && s != "" {
				t = last
			}
			if t != "" {
				last = t
			}
		}
		if t == "" && s == "" {
			continue
		}
		h := header{t, s}
		k, ok := index[h]
		ref := cellName(i+1, headerRow)
		if sub != nil && s == "" {
			ref = cellName(i+1, headerRow-1)
		}
		if !ok {
			if m := yearHeader.FindStringSubmatch(s); m != nil {
				if y, _ := strconv.Atoi(m[1]); y != years[0] && y != years[1] {
					p.add(sheet, ref, "表头年份“%s”与本年度的指标年份（%d年、%d年）不符：这份表可能是其他年度导出的，请使用本年度导出的填报表", s, years[0], years[1])
					continue
				}
			}
			p.add(sheet, ref, "表头“%s”不是本年度填报表的列：请使用本程序导出的填报表，不要修改表头", h)
			continue
		}
		if cols[k] != 0 {
			p.add(sheet, ref, "列“%s”重复（已在 %s 列）：请删除重复的列", h, colName(cols[k]))
			continue
		}
		cols[k] = i + 1
	}
	for i, h := range want {
		if cols[i] == 0 {
			p.add(sheet, "", "缺少列“%s”：请使用本程序导出的填报表，不要删除列或修改表头", h)
		}
	}
	return cols
}

// cell returns the trimmed cell of a 1-based column.
func cellAt(cells []string, col int) string {
	if col < 1 || col > len(cells) {
		return ""
	}
	return strings.TrimSpace(cells[col-1])
}

// numeric reports whether a kind is written as a number.
func numeric(k value.Kind) bool {
	return k == value.Growth || k == value.Share || k == value.Coverage || k == value.Count || k == value.Number || k == value.SignedNumber
}
