package forms

import (
	"fmt"
	"sort"
	"time"

	"tuijian/forms/value"
)

// MeasureID names one of the two supervision-incentive measures of 办法 第二条.
type MeasureID string

const (
	Industry MeasureID = "industry" // 工业稳增长和转型升级成效明显市（州）, 办法 第六条
	Digital  MeasureID = "digital"  // 建设信息基础设施和推进产业数字化成效明显市（州）, 办法 第七条
)

// MeasureIDs lists the measures in the order of the notice.
var MeasureIDs = []MeasureID{Industry, Digital}

// ParseMeasure accepts the id or the short Chinese name of a measure.
func ParseMeasure(s string) (MeasureID, error) {
	switch s {
	case "industry", "工业", "工业稳增长":
		return Industry, nil
	case "digital", "数字", "信息基础设施", "产业数字化":
		return Digital, nil
	}
	return "", fmt.Errorf("未知的督查激励措施“%s”：请写 industry（工业稳增长）或 digital（信息基础设施和产业数字化）", s)
}

// Verifier says who confirms an indicator's figure before submission (通知 item 四).
type Verifier string

const (
	// VerifierStats: figures of the statistical system (national accounts, industrial
	// statistics) verified by the provincial statistics bureau.
	VerifierStats Verifier = "统计局"
	// VerifierTelecom: telecom statistics confirmed by the 通信管理局.
	VerifierTelecom Verifier = "通信管理局"
	// VerifierMinistryList: counts of ministry-recognised items, checked against the
	// ministry's published lists; the list's document number is the source.
	VerifierMinistryList Verifier = "部公布名单"
)

// Indicator is one row of the recommendation table (附件3/附件4).
type Indicator struct {
	ID             string // stable key, e.g. "ind.va_growth"
	Label          string // exact text of the table row, unit included
	Unit           string // "%", "个", "个/万人", "" for 是/否
	Kind           value.Kind
	Verifier       Verifier
	HigherIsBetter bool
	Remark         string // the 备注 printed in the table, if any
	Help           string // one-sentence definition for help texts
}

// Statistical reports whether the figure is in the statistical system and so must be
// verified by the statistics bureau (通知 item 四).
func (i Indicator) Statistical() bool { return i.Verifier == VerifierStats }

// NeedsVerification reports whether the figure must be confirmed by another body
// (statistics bureau or 通信管理局) before it may be submitted.
func (i Indicator) NeedsVerification() bool {
	return i.Verifier == VerifierStats || i.Verifier == VerifierTelecom
}

// Clause is one basic condition of 办法 第六条/第七条.
type Clause struct {
	Number     string   // "（一）" … "（六）"
	Key        string   // "1" … "6"
	Text       string   // exact text of the clause
	Indicators []string // ids of the indicators that support it
	FromEvents bool     // clause （六）: decided by the negative-event register
}

// Section is a part of the application outline (附件1/附件2).
type Section struct {
	Key        string // "1", "2.1", …: stable key for stored text
	Number     string // "一、", "（一）"
	Title      string
	Guidance   string // what the template asks for
	Children   []Section
	FromEvents bool // section 四 is drafted from the negative-event register
}

// Heading is the section's number and title as printed, e.g. "（二）促进工业稳增长".
func (s Section) Heading() string { return s.Number + s.Title }

// IndustryColumn is a column of the 主导产业 sub-table of 附件3.
type IndustryColumn struct {
	Key   string // "name", "share", "growth", "revenue", "profit"
	Label string
	Kind  value.Kind // ignored for the name column
	Text  bool       // the name column holds text
}

// Measure is one measure of a campaign with everything its forms need.
type Measure struct {
	ID          MeasureID
	Name        string // 工业稳增长和转型升级成效明显市（州）
	Short       string // 工业稳增长
	Article     string // 第六条
	Application string // 附件1
	TableAnnex  string // 附件3
	TableTitle  string // title of the recommendation table
	Indicators  []Indicator
	Clauses     []Clause
	Outline     []Section
	// LeadingIndustries is the 主导产业 sub-table (附件3 only), for the later year.
	LeadingIndustries []IndustryColumn
	// TelecomConcurrence: the 通信管理局 co-recommends this measure (办法 第四条).
	TelecomConcurrence bool
}

// Indicator returns the indicator with the given id.
func (m *Measure) Indicator(id string) (Indicator, bool) {
	for _, in := range m.Indicators {
		if in.ID == id {
			return in, true
		}
	}
	return Indicator{}, false
}

// Sections returns the outline flattened in document order.
func (m *Measure) Sections() []Section {
	var out []Section
	var walk func([]Section)
	walk = func(ss []Section) {
		for _, s := range ss {
			out = append(out, s)
			walk(s.Children)
		}
	}
	walk(m.Outline)
	return out
}

// Campaign is the definition of one yearly campaign under one notice.
type Campaign struct {
	Year        int    // the campaign year, e.g. 2021
	Notice      string // 工信厅规函〔2022〕13号
	NoticeTitle string
	Rules       string // the 实施办法 the notice attaches
	Deadline    time.Time
	Measures    []Measure
}

// IndicatorYears are the two years of figures: the year before the campaign year and
// the campaign year itself (附件3/附件4 columns).
func (c *Campaign) IndicatorYears() [2]int { return [2]int{c.Year - 1, c.Year} }

// Measure returns the measure with the given id.
func (c *Campaign) Measure(id MeasureID) (*Measure, error) {
	for i := range c.Measures {
		if c.Measures[i].ID == id {
			return &c.Measures[i], nil
		}
	}
	return nil, fmt.Errorf("%d 年度没有督查激励措施“%s”", c.Year, id)
}

// EventWindow is the period in which negative events count (办法 第六/七条（六）
// “近三年”): the three calendar years ending with the campaign year, and on up to the
// day of export when that is later.
func (c *Campaign) EventWindow(exportDay time.Time) (from, to time.Time) {
	from = time.Date(c.Year-2, 1, 1, 0, 0, 0, 0, time.UTC)
	to = time.Date(c.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	d := Day(exportDay)
	if d.After(to) {
		to = d
	}
	return from, to
}

// Day truncates t to its calendar day in UTC+8 (China Standard Time), as a UTC date.
func Day(t time.Time) time.Time {
	t = t.In(chinaTime)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

var chinaTime = time.FixedZone("CST", 8*3600)

var campaigns = map[int]func() *Campaign{}

// CampaignFor returns the definition of the campaign of the given year.
func CampaignFor(year int) (*Campaign, error) {
	f, ok := campaigns[year]
	if !ok {
		return nil, fmt.Errorf("暂无 %d 年度督查激励工作的定义：目前支持 %v 年度", year, CampaignYears())
	}
	return f(), nil
}

// CampaignYears lists the campaign years that have a definition.
func CampaignYears() []int {
	var ys []int
	for y := range campaigns {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}
