package forms

import (
	"slices"
	"strings"
	"time"

	"tuijian/forms/grading"
	"tuijian/forms/value"
)

// Settings are the campaign settings of one store (DESIGN.md §2 step 1).
type Settings struct {
	ProvinceCode string // the 推荐单位
	Year         int    // campaign year
	Department   string // e.g. 山东省工业和信息化厅
	Contact      string // 联系人
	Phone        string // 联系电话
	Demo         bool   // 演示数据: figures are invented and must never be submitted
}

// VerifyState is the verification state of a figure.
type VerifyState string

const (
	Unverified VerifyState = "未审核"
	Verified   VerifyState = "已审核"
	Questioned VerifyState = "有疑问" // the verifier questioned it and it was not yet resolved
)

// FigureKey identifies one cell of the recommendation table.
type FigureKey struct {
	UnitCode  string
	Measure   MeasureID
	Indicator string
	Year      int
}

// Figure is one indicator value of one candidate for one year, with its provenance.
type Figure struct {
	FigureKey
	Value       value.Value
	Remark      string // 备注
	Source      string // e.g. 2021年××市国民经济和社会发展统计公报
	State       VerifyState
	VerifiedBy  string // body and person, e.g. 省统计局 张三
	VerifiedAt  string // date of the verification document, YYYY-MM-DD
	VerifyDocNo string // document number of the verification reply
}

// ProvinceFigure is the province-wide value of an indicator, for context.
type ProvinceFigure struct {
	Measure   MeasureID
	Indicator string
	Year      int
	Value     value.Value
	Source    string
}

// LeadingIndustry is one row of the 主导产业 sub-table of 附件3 (the later year).
type LeadingIndustry struct {
	UnitCode string
	Row      int    // 1-based order
	Name     string // 主导产业（产品）名称
	Share    value.Value
	Growth   value.Value
	Revenue  value.Value // 亿元
	Profit   value.Value // 亿元
	// The row's figures come from the industrial statistics and are verified by the
	// statistics bureau like the other statistical figures (通知 item 四). A row whose
	// figures are not in the statistical system (e.g. an industry the statistics do not
	// break out) is marked NotStatistical with the reason; it then needs no verification
	// (a warning names it).
	NotStatistical bool
	NotStatReason  string
	State          VerifyState
	VerifiedBy     string // body and person
	VerifiedAt     string // YYYY-MM-DD
	VerifyDocNo    string // document number of the verification reply
}

// EventKind is the kind of a negative event (办法 第六/七条（六）).
type EventKind string

const (
	EventSafety      EventKind = "safety"      // 安全生产事故
	EventEnvironment EventKind = "environment" // 突发环境事件
	EventSocial      EventKind = "social"      // 社会事件
)

// Label is the Chinese name of the event kind.
func (k EventKind) Label() string {
	switch k {
	case EventSafety:
		return "安全生产事故"
	case EventEnvironment:
		return "突发环境事件"
	case EventSocial:
		return "社会事件"
	}
	return string(k)
}

// ParseEventKind accepts the id or the Chinese name.
func ParseEventKind(s string) (EventKind, bool) {
	for _, k := range []EventKind{EventSafety, EventEnvironment, EventSocial} {
		if s == string(k) || s == k.Label() {
			return k, true
		}
	}
	return "", false
}

// Event is one entry of the negative-event register of a candidate.
type Event struct {
	ID          int64
	UnitCode    string
	Kind        EventKind
	Date        time.Time // day the event happened
	Title       string
	Description string
	Safety      grading.Safety      // for EventSafety
	Environment grading.Environment // for EventEnvironment
	Official    grading.Grade       // 认定等级, GradeNone when no official determination exists
	OfficialDoc string              // the document that determined it
	// Severe: a social incident with 恶劣影响, the officer's judgment; Basis records why.
	Severe bool
	Basis  string
}

// Assessment is the officer's assessment of one clause of 第六/七条 for a candidate.
type Assessment struct {
	UnitCode string
	Measure  MeasureID
	Clause   string // Clause.Key, "1" … "5"
	Verdict  Verdict
	Evidence string
}

// Verdict is the assessment of a clause.
type Verdict string

const (
	VerdictNone    Verdict = ""
	VerdictMet     Verdict = "符合"
	VerdictPartial Verdict = "基本符合"
	VerdictNotMet  Verdict = "不符合"
)

// Verdicts lists the verdicts an officer can choose.
var Verdicts = []Verdict{VerdictMet, VerdictPartial, VerdictNotMet}

// Choice is the city chosen for a measure, with the reason (推荐理由).
type Choice struct {
	Measure  MeasureID
	UnitCode string
	Reason   string
	Decision string // decision record of the comparison (JSON), may be empty
}

// Consent is a yes/no answer that may not have been given yet.
type Consent string

const (
	ConsentUnknown Consent = ""
	ConsentYes     Consent = "是"
	ConsentNo      Consent = "否"
)

// Approval records the consents a measure's recommendation needs (通知 item 五,
// 办法 第四条) and the 推荐函 that carries it. A consent is given for one city: GovUnit
// and TelecomUnit name the city each consent was recorded for; when the measure's
// chosen city is another one, the consent is stale (Approval.StaleFor).
type Approval struct {
	Measure      MeasureID
	Government   Consent // provincial government (or 兵团) consent, 附件3/4 header
	GovDocNo     string
	GovDate      string  // YYYY-MM-DD
	GovUnit      string  // the city the government consented to
	Telecom      Consent // 通信管理局 concurrence, `digital` only
	TelecomDocNo string
	TelecomDate  string
	TelecomUnit  string // the city the 通信管理局 concurred in
	// LetterNo is the 发文字号 of this measure's 推荐函 (each 函 has its own number).
	LetterNo string
}

// GovFor reports whether the provincial government's consent was given for the unit.
func (a Approval) GovFor(code string) bool {
	return a.Government == ConsentYes && slices.Contains(UnitSet(a.GovUnit), code) && code != ""
}

// TelecomFor reports whether the 通信管理局's concurrence was given for the unit.
func (a Approval) TelecomFor(code string) bool {
	return a.Telecom == ConsentYes && slices.Contains(UnitSet(a.TelecomUnit), code) && code != ""
}

// GovCovers reports whether the government's answer was recorded for the unit (yes or
// no); TelecomCovers the same for the 通信管理局.
func (a Approval) GovCovers(code string) bool { return slices.Contains(UnitSet(a.GovUnit), code) }

// TelecomCovers reports whether the 通信管理局's answer was recorded for the unit.
func (a Approval) TelecomCovers(code string) bool {
	return slices.Contains(UnitSet(a.TelecomUnit), code)
}

// UnitSet splits the units a consent was given for (GovUnit, TelecomUnit: codes
// joined by commas, one consent covering every unit chosen for the measure then).
func UnitSet(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// Screening is the officer's record that a candidate's last three years were checked
// for the negative events of 办法 第六/七条（六） with the competent departments: only
// then may the documents state “经核查…未发生…”.
type Screening struct {
	UnitCode    string
	Checker     string // who checked, e.g. 规划处 李四
	Departments string // with whom, e.g. 省应急管理厅、省生态环境厅
	Date        string // YYYY-MM-DD
	Basis       string // e.g. 省应急管理厅复函（×应急函〔2022〕5号）
}

// Bar is an entry of the register of 办法 第十六条: a city (UnitCode) or the whole
// province (UnitCode "") barred for three campaign years for false material.
type Bar struct {
	ID       int64
	UnitCode string // "" bars the province (推荐单位) itself
	FromYear int    // first campaign year barred
	ToYear   int    // last campaign year barred (FromYear+2 for “三年”)
	DocNo    string // the ministry's decision
	Reason   string
}

// Covers reports whether the bar applies to a campaign year.
func (b Bar) Covers(year int) bool { return year >= b.FromYear && year <= b.ToYear }

// Commendation is a 国务院大督查通报表扬 of a city's typical practice in industry and IT,
// which 办法 第十一条 makes a bonus in the ministry's review.
type Commendation struct {
	ID       int64
	UnitCode string
	DocNo    string // the 通报 document, e.g. 国办发〔2021〕49号
	Date     string // YYYY-MM-DD
	Title    string // what was commended
}

// Case is everything known about one campaign of one province: what the store holds,
// as the checks in this package read it.
type Case struct {
	Settings    Settings
	Campaign    *Campaign
	Province    Province
	Units       []Unit // the units the province may recommend
	Candidates  map[MeasureID][]string
	Figures     []Figure
	Province3   []ProvinceFigure
	Industries  []LeadingIndustry
	Events      []Event
	Assessments []Assessment
	Choices     []Choice
	Approvals   []Approval
	Screenings  []Screening
	Bars        []Bar
	// Commendations of 办法 第十一条, any city of the province.
	Commendations []Commendation
	// Applications holds the application text (申报书) of each chosen unit of each
	// measure, by Section.Key.
	Applications map[ChoiceKey]map[string]string
}

// ChoiceKey names one chosen unit of one measure.
type ChoiceKey struct {
	Measure  MeasureID
	UnitCode string
}

// Application returns the application texts of a unit for a measure (nil when none).
func (c *Case) Application(m MeasureID, code string) map[string]string {
	return c.Applications[ChoiceKey{m, code}]
}

// Unit returns the unit with the given code among the province's units.
func (c *Case) Unit(code string) (Unit, bool) {
	for _, u := range c.Units {
		if u.Code == code {
			return u, true
		}
	}
	return Unit{}, false
}

// IsCandidate reports whether the unit is a candidate for the measure.
func (c *Case) IsCandidate(m MeasureID, code string) bool {
	for _, x := range c.Candidates[m] {
		if x == code {
			return true
		}
	}
	return false
}

// Figure returns the figure of the key, if entered.
func (c *Case) Figure(k FigureKey) (Figure, bool) {
	for _, f := range c.Figures {
		if f.FigureKey == k {
			return f, true
		}
	}
	return Figure{}, false
}

// ChoicesOf lists the units chosen for a measure (as many as its quota allows).
func (c *Case) ChoicesOf(m MeasureID) []Choice {
	var out []Choice
	for _, ch := range c.Choices {
		if ch.Measure == m && ch.UnitCode != "" {
			out = append(out, ch)
		}
	}
	return out
}

// ChoiceOf returns the choice of a unit for a measure, if it is chosen.
func (c *Case) ChoiceOf(m MeasureID, code string) (Choice, bool) {
	for _, ch := range c.Choices {
		if ch.Measure == m && ch.UnitCode == code {
			return ch, true
		}
	}
	return Choice{}, false
}

// Choice returns the first choice for a measure, if any: the choice, for a measure
// that takes one unit (every measure since 2018).
func (c *Case) Choice(m MeasureID) (Choice, bool) {
	for _, ch := range c.Choices {
		if ch.Measure == m {
			return ch, true
		}
	}
	return Choice{}, false
}

// Approval returns the approval record of a measure (zero when none).
func (c *Case) Approval(m MeasureID) Approval {
	for _, a := range c.Approvals {
		if a.Measure == m {
			return a
		}
	}
	return Approval{Measure: m}
}

// Screening returns the screening record of a unit, if any.
func (c *Case) Screening(code string) (Screening, bool) {
	for _, s := range c.Screenings {
		if s.UnitCode == code {
			return s, true
		}
	}
	return Screening{}, false
}

// CommendationsOf lists the commendations of a unit.
func (c *Case) CommendationsOf(code string) []Commendation {
	var out []Commendation
	for _, x := range c.Commendations {
		if x.UnitCode == code {
			out = append(out, x)
		}
	}
	return out
}

// ForMinistry is the part of the case the ministry receives (办法 第八条, 通知 五
// “精简报送材料”): the recommended cities only, with their own figures, 主导产业 rows,
// events, assessments, screenings and commendations, the approvals of the recommended
// measures, the province-wide values, and the choices without the comparison's
// decision record (it scores the other candidates). Everything else — the other
// candidates, their figures, events and scores, the 第十六条 register — stays with the
// province in the archive package. The receiver c is not changed.
func (c *Case) ForMinistry() *Case {
	out := *c
	chosen := map[ChoiceKey]bool{}
	measures := map[MeasureID]bool{}
	units := map[string]bool{}
	out.Choices = nil
	for _, ch := range c.Choices {
		if ch.UnitCode == "" {
			continue
		}
		chosen[ChoiceKey{ch.Measure, ch.UnitCode}] = true
		measures[ch.Measure] = true
		units[ch.UnitCode] = true
		ch.Decision = ""
		out.Choices = append(out.Choices, ch)
	}
	out.Candidates = map[MeasureID][]string{}
	for _, ch := range out.Choices {
		out.Candidates[ch.Measure] = append(out.Candidates[ch.Measure], ch.UnitCode)
	}
	out.Figures = nil
	for _, f := range c.Figures {
		if chosen[ChoiceKey{f.Measure, f.UnitCode}] {
			out.Figures = append(out.Figures, f)
		}
	}
	out.Assessments = nil
	for _, a := range c.Assessments {
		if chosen[ChoiceKey{a.Measure, a.UnitCode}] {
			out.Assessments = append(out.Assessments, a)
		}
	}
	out.Industries = nil
	if im := c.Campaign.IndustryMeasure(); im != nil {
		for _, li := range c.Industries {
			if chosen[ChoiceKey{im.ID, li.UnitCode}] {
				out.Industries = append(out.Industries, li)
			}
		}
	}
	out.Events = nil
	for _, e := range c.Events {
		if units[e.UnitCode] {
			out.Events = append(out.Events, e)
		}
	}
	out.Screenings = nil
	for _, s := range c.Screenings {
		if units[s.UnitCode] {
			out.Screenings = append(out.Screenings, s)
		}
	}
	out.Commendations = nil
	for _, x := range c.Commendations {
		if units[x.UnitCode] {
			out.Commendations = append(out.Commendations, x)
		}
	}
	out.Approvals = nil
	for _, a := range c.Approvals {
		if measures[a.Measure] {
			out.Approvals = append(out.Approvals, a)
		}
	}
	out.Bars = nil
	out.Applications = map[ChoiceKey]map[string]string{}
	for k := range chosen {
		if t, ok := c.Applications[k]; ok {
			out.Applications[k] = t
		}
	}
	return &out
}

// Unassessed lists the clauses of measure m the officer has not yet assessed for the
// unit (clause （六） is decided by the event register and never listed).
func (c *Case) Unassessed(m *Measure, code string) []Clause {
	done := map[string]bool{}
	for _, a := range c.Assessments {
		if a.UnitCode == code && a.Measure == m.ID && a.Verdict != VerdictNone {
			done[a.Clause] = true
		}
	}
	var out []Clause
	for _, cl := range m.Clauses {
		if !cl.FromEvents && !done[cl.Key] {
			out = append(out, cl)
		}
	}
	return out
}
