package forms

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"tuijian/forms/value"
)

// MeasureID names one of the two supervision-incentive measures of 办法 第二条.
type MeasureID string

const (
	Industry MeasureID = "industry" // 工业稳增长和转型升级成效明显市（州）, 办法 第六条
	Digital  MeasureID = "digital"  // 建设信息基础设施和推进产业数字化成效明显市（州）, 办法 第七条
)

// ParseMeasure accepts a measure's id, its number in the notice (1, 2…), its short
// name or its full name.
func (c *Campaign) ParseMeasure(s string) (MeasureID, error) {
	s = strings.TrimSpace(s)
	var names []string
	for _, m := range c.Measures {
		if s == string(m.ID) || s == m.Short || s == m.Name || s == fmt.Sprint(m.Seq) {
			return m.ID, nil
		}
		names = append(names, fmt.Sprintf("%s（%s）", m.ID, m.Short))
	}
	// The short names of the 2021 notice's measures, as officers write them.
	for _, a := range []struct {
		id    MeasureID
		alias []string
	}{
		{Industry, []string{"工业", "工业稳增长"}},
		{Digital, []string{"数字", "信息基础设施", "产业数字化"}},
	} {
		if slices.Contains(a.alias, s) {
			if _, err := c.Measure(a.id); err == nil {
				return a.id, nil
			}
		}
	}
	return "", fmt.Errorf("%d 年度没有督查激励措施“%s”：请写 %s", c.Year, s, strings.Join(names, "、"))
}

// MeasureIDs lists the campaign's measures in the order of the notice.
func (c *Campaign) MeasureIDs() []MeasureID {
	var out []MeasureID
	for _, m := range c.Measures {
		out = append(out, m.ID)
	}
	return out
}

// IndustryMeasure is the measure whose table has the 主导产业 sub-table, nil when none.
func (c *Campaign) IndustryMeasure() *Measure {
	for i := range c.Measures {
		if len(c.Measures[i].LeadingIndustries) > 0 {
			return &c.Measures[i]
		}
	}
	return nil
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
	// Years are the indicator years the table asks for this row; nil: every one of
	// the campaign's (Campaign.IndicatorYears).
	Years []int
}

// Asks reports whether the table asks for the indicator's figure of the year.
func (i Indicator) Asks(year int) bool { return i.Years == nil || slices.Contains(i.Years, year) }

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
	Seq         int    // 1-based position in the campaign (folders are numbered by it)
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
	// GovernmentConsent: the recommendation needs the provincial government's (or the
	// 兵团's) consent (通知 五 since 2020); TelecomConcurrence: the 通信管理局
	// co-recommends this measure (办法 第四条). The definition file lists them as
	// "approvals".
	GovernmentConsent  bool
	TelecomConcurrence bool
	// Quota is how many units the province may recommend (通知 二).
	Quota Quota
}

// Level is the administrative level of a unit a measure accepts.
type Level string

const (
	// LevelPrefecture: 地级及以上 (地级市, 自治州, 地区, 盟, 计划单列市); for a 直辖市 its
	// districts and counties (办法 第五条); for the 兵团 its 师市.
	LevelPrefecture Level = "prefecture"
	// LevelCounty: a county-level division of a province's prefecture (县, 县级市, 市辖区,
	// 旗…), as the 2017 notice allowed (“县级行政区不超过1个”). Not available to a 直辖市
	// (its districts are the prefecture level) nor to the 兵团.
	LevelCounty Level = "county"
)

// Label is the Chinese name of the level.
func (l Level) Label() string {
	switch l {
	case LevelPrefecture:
		return "地级行政区"
	case LevelCounty:
		return "县级行政区"
	}
	return string(l)
}

// LevelQuota is the most units of one level a province may recommend for a measure.
type LevelQuota struct {
	Level Level
	Max   int
}

// Quota is the rule of 通知 二 for one measure: at most Max units in all, at most the
// level's Max of each allowed level; a 计划单列市 (or a county under it) counts inside
// the province's quota when PlanCitiesInQuota, else apart from it, at most PlanCityMax
// per 计划单列市 (the notices up to 2020: “计划单列市…不占用所在省名额”).
type Quota struct {
	Max               int
	Levels            []LevelQuota
	PlanCitiesInQuota bool
	PlanCityMax       int
}

// Allows reports whether the measure accepts units of the level.
func (q Quota) Allows(l Level) bool { return q.LevelMax(l) > 0 }

// LevelMax is the most units of the level (0: not allowed).
func (q Quota) LevelMax(l Level) int {
	for _, x := range q.Levels {
		if x.Level == l {
			return x.Max
		}
	}
	return 0
}

// Single reports whether the measure takes at most one unit in all (the rule since
// 2018), so that choosing another unit replaces the one chosen.
func (q Quota) Single() bool { return q.Max == 1 && (q.PlanCitiesInQuota || q.PlanCityMax == 0) }

// Text is the rule as the notice words it, e.g. “不超过1个市（州）” or “地级行政区不超过2个，
// 县级行政区不超过1个；计划单列市不超过1个，不占用所在省名额”.
func (q Quota) Text() string {
	var parts []string
	if len(q.Levels) == 1 && q.Levels[0].Level == LevelPrefecture {
		parts = append(parts, fmt.Sprintf("不超过%d个市（州）", q.Max))
	} else {
		var ls []string
		sum := 0
		for _, x := range q.Levels {
			ls = append(ls, fmt.Sprintf("%s不超过%d个", x.Level.Label(), x.Max))
			sum += x.Max
		}
		s := strings.Join(ls, "，")
		if sum > q.Max {
			s += fmt.Sprintf("，合计不超过%d个", q.Max)
		}
		parts = append(parts, s)
	}
	if !q.PlanCitiesInQuota && q.PlanCityMax > 0 {
		parts = append(parts, fmt.Sprintf("计划单列市（含其下辖县区）各不超过%d个，不占用所在省名额", q.PlanCityMax))
	}
	return strings.Join(parts, "；")
}

// UnitWord is what the measure recommends: “市（州）” when it takes prefectures only,
// else “单位”.
func (m *Measure) UnitWord() string {
	if len(m.Quota.Levels) == 1 && m.Quota.Levels[0].Level == LevelPrefecture {
		return "市（州）"
	}
	return "单位"
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

// Campaign is the definition of one yearly campaign under one notice. It is data: a
// definition file (DecodeCampaign; the built-in ones are embedded, see CampaignFor)
// transcribed from the notice, so that next year's notice needs a reviewed file, not
// a new release.
type Campaign struct {
	Year        int    // the campaign year, e.g. 2021
	Notice      string // 工信厅规函〔2022〕13号
	NoticeTitle string
	Issuer      string // 工业和信息化部办公厅
	// NoticeDate is the 成文日期 as YYYY-MM-DD, "" when the transcribed text does not
	// carry it (the definition never guesses).
	NoticeDate string
	Rules      string // the 实施办法 the notice attaches
	// Basis is the State Council document the notice implements, e.g. 《国务院办公厅关于
	// 新形势下进一步加强督查激励的通知》（国办发〔2021〕49号）.
	Basis string
	// NoticeSHA256 and NoticeSource name the text the definition was transcribed from.
	NoticeSHA256 string
	NoticeSource string
	Deadline     time.Time
	// Years are the two indicator years, the columns of 附件3/附件4 (earlier first).
	Years [2]int
	// EventYears is the length of “近N年” in calendar years ending with the campaign
	// year; EventsThroughExport extends the window to the day of export.
	EventYears          int
	EventsThroughExport bool
	// EventExclusion: a city with a 重大/特别重大 accident in the window is excluded (通知
	// 三, since the 2020 campaign). Without it the register is kept and shown but
	// excludes nobody.
	EventExclusion bool
	// StatisticsVerification: the statistical figures must be verified by the
	// statistics bureau before submission (通知 四, since the 2021 campaign).
	StatisticsVerification bool
	// Materials: the 主送机关 of the 推荐函, paper copies, whether a CD goes with them,
	// and the articles of the 实施办法 the 声明 cites.
	Addressee        string // 工业和信息化部（规划司）
	PaperCopies      int
	Disc             bool
	MaterialsArticle string // 第八条: what the recommendation material is
	PenaltyArticle   string // 第十六条: the penalty for false material
	Measures         []Measure
}

// IndicatorYears are the two years of figures (附件3/附件4 columns), earlier first.
func (c *Campaign) IndicatorYears() [2]int { return c.Years }

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
	n := max(c.EventYears, 1)
	from = time.Date(c.Year-n+1, 1, 1, 0, 0, 0, 0, time.UTC)
	to = time.Date(c.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	if d := Day(exportDay); c.EventsThroughExport && d.After(to) {
		to = d
	}
	return from, to
}

// Recent is “近三年” as the notice words the event window (EventYears), “近两年” or
// “近五年” for another length.
func (c *Campaign) Recent() string {
	n := max(c.EventYears, 1)
	if n == 2 {
		return "近两年"
	}
	if n <= 10 {
		return "近" + string([]rune("一二三四五六七八九十")[n-1]) + "年"
	}
	return fmt.Sprintf("近%d年", n)
}

// Day truncates t to its calendar day in UTC+8 (China Standard Time), as a UTC date.
func Day(t time.Time) time.Time {
	t = t.In(chinaTime)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

var chinaTime = time.FixedZone("CST", 8*3600)
