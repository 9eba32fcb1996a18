// Package submission writes and checks the signed submission package of a
// province: a BagIt 1.0 bag (data/bagit) holding the documents of every measure
// (data/documents) and a machine-readable submission.json, its tag manifest
// signed in minisign's format (data/signing), the public key, a Chinese README
// telling the receiver how to check it with minisign and sha256sum, a cover
// sheet (封面清单.pdf) for the paper set, and optionally an ISO 9660 disc image
// (data/discimage).
//
// Layout of a package folder:
//
//	bagit.txt, bag-info.txt, manifest-sha256.txt, tagmanifest-sha256.txt
//	tagmanifest-sha256.txt.minisig   signature of the tag manifest
//	tuijian.pub                      the department's public key (tag file)
//	README-验证说明.txt              how to verify (tag file)
//	data/<documents>                 per measure, as data/documents lays them out
//	data/submission.json             the recommended cities' figures, events, assessments,
//	                                 choices, approvals, screenings (scope ministry); in
//	                                 the archive (scope archive) every candidate's and the
//	                                 比选报告.pdf beside it
//	封面清单.pdf                     cover sheet: every file's SHA-256, the tag
//	                                 manifest's digest and the key fingerprint
//
// The cover sheet cannot be listed in the tag manifest (it prints that manifest's
// digest), so it is the one file outside the bag's own checksums. Verify instead
// regenerates it from the bag (it is deterministic, drawn with the embedded fonts)
// and requires it byte for byte, so no file of the folder escapes verification.
//
// Everything is deterministic: the same case, key, date and documents give
// byte-identical files (no clock is read; manifests are sorted; Ed25519 signatures
// are deterministic).
package submission

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"tuijian/forms"
	"tuijian/forms/grading"
)

// SchemaVersion names the format of submission.json. Version 2 (issue 11) carries the
// scope, the city each consent was given for, one 发文字号 per letter, the screenings
// and the commendations of 办法 第十一条. Version 3 (issue 16) names the campaign
// definition the package was made under (campaign.definition_sha256: the SHA-256 of
// data/campaign.json, which the package carries), may choose several units a measure
// as that definition's quota allows, and a consent's gov_unit/telecom_unit may list
// several units, joined by commas. Version 2 is still read.
const SchemaVersion = "tuijian-submission/3"

// schemaVersion2 is the format before issue 16 (one city a measure, the 2021 rules).
const schemaVersion2 = "tuijian-submission/2"

// CampaignName is the path of the campaign definition inside the bag.
const CampaignName = "data/campaign.json"

// Scopes of a package: what the ministry receives, and the province's own archive of
// the whole deliberation (forms.Case.ForMinistry says what the first leaves out).
const (
	ScopeMinistry = "ministry"
	ScopeArchive  = "archive"
)

// JSONName is the path of submission.json inside the bag.
const JSONName = "data/submission.json"

// Submission is the content of submission.json.
type Submission struct {
	Schema          string           `json:"schema"`
	Scope           string           `json:"scope"` // ScopeMinistry or ScopeArchive
	Date            string           `json:"date"`  // day of export, YYYY-MM-DD
	Campaign        Campaign         `json:"campaign"`
	Province        Province         `json:"province"`
	Department      string           `json:"department"`
	Contact         string           `json:"contact"`
	Phone           string           `json:"phone"`
	Demo            bool             `json:"demo"`
	Units           []Unit           `json:"units"`
	Measures        []Measure        `json:"measures"`
	Figures         []Figure         `json:"figures"`
	ProvinceFigures []ProvinceFigure `json:"province_figures"`
	Industries      []Industry       `json:"industries"`
	Events          []Event          `json:"events"`
	Assessments     []Assessment     `json:"assessments"`
	Choices         []Choice         `json:"choices"`
	Approvals       []Approval       `json:"approvals"`
	Exclusions      []Exclusion      `json:"exclusions"`
	Screenings      []Screening      `json:"screenings"`
	Commendations   []Commendation   `json:"commendations"`
	Bars            []Bar            `json:"bars"` // archive only
}

// Screening is the recorded check of a city for the events of 第六/七条（六）.
type Screening struct {
	Unit        string `json:"unit"`
	Checker     string `json:"checker"`
	Departments string `json:"departments"`
	Date        string `json:"date"`
	Basis       string `json:"basis"`
}

// Commendation is a 国务院大督查通报表扬 of a city (办法 第十一条).
type Commendation struct {
	Unit  string `json:"unit"`
	DocNo string `json:"doc_no"`
	Date  string `json:"date"`
	Title string `json:"title"`
}

// Bar is an entry of the 第十六条 register; Unit "" is the province.
type Bar struct {
	Unit     string `json:"unit"`
	FromYear int    `json:"from_year"`
	ToYear   int    `json:"to_year"`
	DocNo    string `json:"doc_no"`
	Reason   string `json:"reason"`
}

// Campaign identifies the campaign and its notice.
type Campaign struct {
	Year        int    `json:"year"`
	Notice      string `json:"notice"`
	NoticeTitle string `json:"notice_title"`
	Rules       string `json:"rules"`
	Deadline    string `json:"deadline"`
	// DefinitionSHA256 is the SHA-256 of data/campaign.json (version 3).
	DefinitionSHA256 string `json:"definition_sha256,omitempty"`
}

// Province is the recommending unit.
type Province struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Unit is a unit named anywhere in the submission (candidates, figures, events).
type Unit struct {
	Code string `json:"code"`
	Name string `json:"name"`
	Type string `json:"type"`
}

// Measure lists a measure's candidates and the indicators of its table.
type Measure struct {
	ID         forms.MeasureID `json:"id"`
	Name       string          `json:"name"`
	Short      string          `json:"short"`
	Candidates []string        `json:"candidates"`
	Indicators []Indicator     `json:"indicators"`
}

// Indicator is one row of the measure's recommendation table.
type Indicator struct {
	ID       string `json:"id"`
	Label    string `json:"label"`
	Kind     string `json:"kind"`
	Verifier string `json:"verifier"`
}

// Figure is one cell of a recommendation table with its provenance.
type Figure struct {
	Unit        string          `json:"unit"`
	Measure     forms.MeasureID `json:"measure"`
	Indicator   string          `json:"indicator"`
	Year        int             `json:"year"`
	Value       string          `json:"value"` // value.Format of the indicator's kind; "" missing
	Missing     bool            `json:"missing"`
	Remark      string          `json:"remark"`
	Source      string          `json:"source"`
	State       string          `json:"state"`
	VerifiedBy  string          `json:"verified_by"`
	VerifiedAt  string          `json:"verified_at"`
	VerifyDocNo string          `json:"verify_doc_no"`
}

// ProvinceFigure is a province-wide value.
type ProvinceFigure struct {
	Measure   forms.MeasureID `json:"measure"`
	Indicator string          `json:"indicator"`
	Year      int             `json:"year"`
	Value     string          `json:"value"`
	Source    string          `json:"source"`
}

// Industry is a row of the 主导产业 sub-table.
type Industry struct {
	Unit    string `json:"unit"`
	Row     int    `json:"row"`
	Name    string `json:"name"`
	Share   string `json:"share"`
	Growth  string `json:"growth"`
	Revenue string `json:"revenue"`
	Profit  string `json:"profit"`
	// The row's figures come from the industrial statistics: verified by the
	// statistics bureau like the statistical figures (通知 item 四).
	State          string `json:"state"`
	VerifiedBy     string `json:"verified_by"`
	VerifiedAt     string `json:"verified_at"`
	VerifyDocNo    string `json:"verify_doc_no"`
	NotStatistical bool   `json:"not_statistical"` // outside the statistical system
	NotStatReason  string `json:"not_stat_reason"`
}

// Event is an entry of the negative-event register with its finding.
type Event struct {
	ID          int64   `json:"id"`
	Unit        string  `json:"unit"`
	Kind        string  `json:"kind"`
	Date        string  `json:"date"`
	Title       string  `json:"title"`
	Description string  `json:"description"`
	Safety      *Safety `json:"safety,omitempty"`
	Environment *Env    `json:"environment,omitempty"`
	Official    string  `json:"official_grade"`
	OfficialDoc string  `json:"official_doc"`
	Severe      bool    `json:"severe"`
	Basis       string  `json:"basis"`
	Finding     Finding `json:"finding"`
}

// Safety holds the figures of a production-safety accident.
type Safety struct {
	Deaths          int   `json:"deaths"`
	SeriousInjuries int   `json:"serious_injuries"`
	LossYuan        int64 `json:"loss_yuan"`
}

// Env holds the facts of an environmental emergency.
type Env struct {
	Deaths      int    `json:"deaths"`
	Poisoned    int    `json:"poisoned"`
	Evacuated   int    `json:"evacuated"`
	LossYuan    int64  `json:"loss_yuan"`
	WaterSource string `json:"water_source"`
	Ecology     string `json:"ecology"`
	Radiation   string `json:"radiation"`
	Impact      string `json:"impact"`
}

// Finding is the evaluation of an event as of the day of export.
type Finding struct {
	Grade         string `json:"grade"`
	ComputedGrade string `json:"computed_grade"`
	Basis         string `json:"basis"`
	Differs       bool   `json:"differs"`
	InWindow      bool   `json:"in_window"`
	Excludes      bool   `json:"excludes"`
	Reason        string `json:"reason"`
}

// Assessment is the officer's verdict on a clause.
type Assessment struct {
	Unit     string          `json:"unit"`
	Measure  forms.MeasureID `json:"measure"`
	Clause   string          `json:"clause"`
	Verdict  string          `json:"verdict"`
	Evidence string          `json:"evidence"`
}

// Choice is the city recommended for a measure with its decision record.
type Choice struct {
	Measure  forms.MeasureID `json:"measure"`
	Unit     string          `json:"unit"`
	UnitName string          `json:"unit_name"`
	Reason   string          `json:"reason"`
	// Decision is the stored decision record (JSON) of the comparison, or null.
	Decision json.RawMessage `json:"decision"`
}

// Approval records the consents of a measure.
type Approval struct {
	Measure      forms.MeasureID `json:"measure"`
	Government   string          `json:"government"`
	GovDocNo     string          `json:"gov_doc_no"`
	GovDate      string          `json:"gov_date"`
	GovUnit      string          `json:"gov_unit"` // the city consented to
	Telecom      string          `json:"telecom"`
	TelecomDocNo string          `json:"telecom_doc_no"`
	TelecomDate  string          `json:"telecom_date"`
	TelecomUnit  string          `json:"telecom_unit"`
	LetterNo     string          `json:"letter_no"` // 发文字号 of the measure's 推荐函
}

// Exclusion is a reason a candidate cannot be recommended.
type Exclusion struct {
	Unit    string `json:"unit"`
	Reason  string `json:"reason"`
	EventID int64  `json:"event_id,omitempty"`
}

func gradeText(g grading.Grade) string { return g.String() }

// FromCase builds the submission of a case as of the day of export for a scope: the
// ministry's (the recommended cities only, forms.Case.ForMinistry) or the province's
// archive (everything). It reads no clock: date is the only time it writes.
func FromCase(c *forms.Case, date time.Time, scope string) (*Submission, error) {
	if c == nil || c.Campaign == nil {
		return nil, fmt.Errorf("尚未完成“设置”（推荐单位和年度），无法生成报送数据")
	}
	switch scope {
	case ScopeMinistry:
		c = c.ForMinistry()
	case ScopeArchive:
	default:
		return nil, fmt.Errorf("未知的报送包范围“%s”", scope)
	}
	camp := c.Campaign
	s := &Submission{
		Schema: SchemaVersion, Scope: scope,
		Date: forms.Day(date).Format(time.DateOnly),
		Campaign: Campaign{Year: camp.Year, Notice: camp.Notice, NoticeTitle: camp.NoticeTitle, Rules: camp.Rules,
			Deadline: camp.Deadline.Format(time.DateOnly), DefinitionSHA256: definitionSHA(camp)},
		Province:   Province{Code: c.Province.Code, Name: c.Province.Name},
		Department: c.Settings.Department, Contact: c.Settings.Contact, Phone: c.Settings.Phone,
		Demo:  c.Settings.Demo,
		Units: []Unit{}, Measures: []Measure{}, Figures: []Figure{}, ProvinceFigures: []ProvinceFigure{},
		Industries: []Industry{}, Events: []Event{}, Assessments: []Assessment{}, Choices: []Choice{},
		Approvals: []Approval{}, Exclusions: []Exclusion{}, Screenings: []Screening{}, Commendations: []Commendation{}, Bars: []Bar{},
	}
	mIndex := map[forms.MeasureID]int{}
	indIndex := map[string]int{}
	used := map[string]bool{}
	for i := range camp.Measures {
		m := &camp.Measures[i]
		mIndex[m.ID] = i
		sm := Measure{ID: m.ID, Name: m.Name, Short: m.Short, Candidates: slices.Sorted(slices.Values(c.Candidates[m.ID]))}
		if sm.Candidates == nil {
			sm.Candidates = []string{}
		}
		for _, code := range sm.Candidates {
			used[code] = true
		}
		for j, in := range m.Indicators {
			indIndex[string(m.ID)+"/"+in.ID] = j
			sm.Indicators = append(sm.Indicators, Indicator{ID: in.ID, Label: in.Label, Kind: in.Kind.String(), Verifier: string(in.Verifier)})
		}
		s.Measures = append(s.Measures, sm)
	}
	for _, f := range c.Figures {
		m, err := camp.Measure(f.Measure)
		if err != nil {
			return nil, err
		}
		in, ok := m.Indicator(f.Indicator)
		if !ok {
			return nil, fmt.Errorf("指标“%s”不属于%s", f.Indicator, m.Short)
		}
		used[f.UnitCode] = true
		s.Figures = append(s.Figures, Figure{Unit: f.UnitCode, Measure: f.Measure, Indicator: f.Indicator, Year: f.Year,
			Value: f.Value.Format(in.Kind), Missing: f.Value.Missing, Remark: f.Remark, Source: f.Source, State: string(f.State),
			VerifiedBy: f.VerifiedBy, VerifiedAt: f.VerifiedAt, VerifyDocNo: f.VerifyDocNo})
	}
	slices.SortFunc(s.Figures, func(a, b Figure) int {
		if d := mIndex[a.Measure] - mIndex[b.Measure]; d != 0 {
			return d
		}
		if d := strings.Compare(a.Unit, b.Unit); d != 0 {
			return d
		}
		if d := indIndex[string(a.Measure)+"/"+a.Indicator] - indIndex[string(b.Measure)+"/"+b.Indicator]; d != 0 {
			return d
		}
		return a.Year - b.Year
	})
	for _, p := range c.Province3 {
		m, err := camp.Measure(p.Measure)
		if err != nil {
			return nil, err
		}
		in, _ := m.Indicator(p.Indicator)
		s.ProvinceFigures = append(s.ProvinceFigures, ProvinceFigure{Measure: p.Measure, Indicator: p.Indicator, Year: p.Year,
			Value: p.Value.Format(in.Kind), Source: p.Source})
	}
	slices.SortFunc(s.ProvinceFigures, func(a, b ProvinceFigure) int {
		if d := mIndex[a.Measure] - mIndex[b.Measure]; d != 0 {
			return d
		}
		if d := indIndex[string(a.Measure)+"/"+a.Indicator] - indIndex[string(b.Measure)+"/"+b.Indicator]; d != 0 {
			return d
		}
		return a.Year - b.Year
	})
	var cols map[string]forms.IndustryColumn = map[string]forms.IndustryColumn{}
	for _, m := range camp.Measures {
		for _, col := range m.LeadingIndustries {
			cols[col.Key] = col
		}
	}
	for _, li := range c.Industries {
		used[li.UnitCode] = true
		s.Industries = append(s.Industries, Industry{Unit: li.UnitCode, Row: li.Row, Name: li.Name,
			Share: li.Share.Format(cols["share"].Kind), Growth: li.Growth.Format(cols["growth"].Kind),
			Revenue: li.Revenue.Format(cols["revenue"].Kind), Profit: li.Profit.Format(cols["profit"].Kind),
			State: string(li.State), VerifiedBy: li.VerifiedBy, VerifiedAt: li.VerifiedAt, VerifyDocNo: li.VerifyDocNo,
			NotStatistical: li.NotStatistical, NotStatReason: li.NotStatReason})
	}
	slices.SortFunc(s.Industries, func(a, b Industry) int {
		if d := strings.Compare(a.Unit, b.Unit); d != 0 {
			return d
		}
		return a.Row - b.Row
	})
	for _, e := range c.Events {
		used[e.UnitCode] = true
		f := forms.EvaluateEvent(camp, e, date)
		se := Event{ID: e.ID, Unit: e.UnitCode, Kind: string(e.Kind), Date: forms.Day(e.Date).Format(time.DateOnly), Title: e.Title,
			Description: e.Description, Official: gradeText(e.Official), OfficialDoc: e.OfficialDoc, Severe: e.Severe, Basis: e.Basis,
			Finding: Finding{Grade: gradeText(f.Grade), ComputedGrade: gradeText(f.Computed.Grade), Basis: f.Computed.Basis,
				Differs: f.Differs, InWindow: f.InWindow, Excludes: f.Excludes, Reason: f.Reason}}
		switch e.Kind {
		case forms.EventSafety:
			se.Safety = &Safety{Deaths: e.Safety.Deaths, SeriousInjuries: e.Safety.SeriousInjuries, LossYuan: e.Safety.LossYuan}
		case forms.EventEnvironment:
			v := e.Environment
			se.Environment = &Env{Deaths: v.Deaths, Poisoned: v.Poisoned, Evacuated: v.Evacuated, LossYuan: v.LossYuan,
				WaterSource: v.WaterSource.Key(), Ecology: v.Ecology.Key(), Radiation: v.Radiation.Key(), Impact: v.Impact.Key()}
		}
		s.Events = append(s.Events, se)
	}
	slices.SortFunc(s.Events, func(a, b Event) int {
		if d := strings.Compare(a.Unit, b.Unit); d != 0 {
			return d
		}
		if d := strings.Compare(a.Date, b.Date); d != 0 {
			return d
		}
		return int(a.ID - b.ID)
	})
	for _, a := range c.Assessments {
		s.Assessments = append(s.Assessments, Assessment{Unit: a.UnitCode, Measure: a.Measure, Clause: a.Clause,
			Verdict: string(a.Verdict), Evidence: a.Evidence})
	}
	slices.SortFunc(s.Assessments, func(a, b Assessment) int {
		if d := mIndex[a.Measure] - mIndex[b.Measure]; d != 0 {
			return d
		}
		if d := strings.Compare(a.Unit, b.Unit); d != 0 {
			return d
		}
		return strings.Compare(a.Clause, b.Clause)
	})
	for _, ch := range c.Choices {
		used[ch.UnitCode] = true
		sc := Choice{Measure: ch.Measure, Unit: ch.UnitCode, Reason: ch.Reason, Decision: json.RawMessage("null")}
		if u, ok := c.Unit(ch.UnitCode); ok {
			sc.UnitName = u.FullName()
		}
		if d := strings.TrimSpace(ch.Decision); d != "" {
			if !json.Valid([]byte(d)) {
				return nil, fmt.Errorf("%s 的决策记录已损坏，请在“比选”中重新比较并确认推荐", ch.Measure)
			}
			var buf bytes.Buffer
			if err := json.Compact(&buf, []byte(d)); err != nil {
				return nil, err
			}
			sc.Decision = buf.Bytes()
		}
		s.Choices = append(s.Choices, sc)
	}
	slices.SortFunc(s.Choices, func(a, b Choice) int {
		if d := mIndex[a.Measure] - mIndex[b.Measure]; d != 0 {
			return d
		}
		return strings.Compare(a.Unit, b.Unit)
	})
	for _, m := range camp.Measures {
		if len(c.ChoicesOf(m.ID)) == 0 && scope == ScopeMinistry {
			continue
		}
		a := c.Approval(m.ID)
		s.Approvals = append(s.Approvals, Approval{Measure: m.ID, Government: string(a.Government), GovDocNo: a.GovDocNo, GovDate: a.GovDate,
			GovUnit: a.GovUnit, Telecom: string(a.Telecom), TelecomDocNo: a.TelecomDocNo, TelecomDate: a.TelecomDate, TelecomUnit: a.TelecomUnit,
			LetterNo: a.LetterNo})
	}
	for _, x := range c.Screenings {
		used[x.UnitCode] = true
		s.Screenings = append(s.Screenings, Screening{Unit: x.UnitCode, Checker: x.Checker, Departments: x.Departments, Date: x.Date, Basis: x.Basis})
	}
	for _, x := range c.Commendations {
		used[x.UnitCode] = true
		s.Commendations = append(s.Commendations, Commendation{Unit: x.UnitCode, DocNo: x.DocNo, Date: x.Date, Title: x.Title})
	}
	for _, x := range c.Bars {
		if x.UnitCode != "" {
			used[x.UnitCode] = true
		}
		s.Bars = append(s.Bars, Bar{Unit: x.UnitCode, FromYear: x.FromYear, ToYear: x.ToYear, DocNo: x.DocNo, Reason: x.Reason})
	}
	for code, xs := range c.Exclusions(date) {
		used[code] = true
		for _, x := range xs {
			s.Exclusions = append(s.Exclusions, Exclusion{Unit: code, Reason: x.Reason, EventID: x.EventID})
		}
	}
	slices.SortFunc(s.Exclusions, func(a, b Exclusion) int {
		if d := strings.Compare(a.Unit, b.Unit); d != 0 {
			return d
		}
		if d := int(a.EventID - b.EventID); d != 0 {
			return d
		}
		return strings.Compare(a.Reason, b.Reason)
	})
	for _, code := range slices.Sorted(func(yield func(string) bool) {
		for k := range used {
			if !yield(k) {
				return
			}
		}
	}) {
		u, ok := c.Unit(code)
		if !ok {
			s.Units = append(s.Units, Unit{Code: code})
			continue
		}
		s.Units = append(s.Units, Unit{Code: u.Code, Name: u.Name, Type: string(u.Type)})
	}
	return s, nil
}

// UnitName returns the name of a unit code listed in the submission, or the code.
func (s *Submission) UnitName(code string) string {
	for _, u := range s.Units {
		if u.Code == code && u.Name != "" {
			return u.Name
		}
	}
	return code
}

// unitNames names the units of a consent's set, joined with “、”.
func (s *Submission) unitNames(set string) string {
	var names []string
	for _, code := range forms.UnitSet(set) {
		names = append(names, s.UnitName(code))
	}
	return strings.Join(names, "、")
}

// MarshalIndent returns submission.json: UTF-8, two-space indent, HTML characters
// not escaped, final LF.
func (s *Submission) MarshalIndent() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, fmt.Errorf("生成 submission.json 失败：%v", err)
	}
	return b.Bytes(), nil
}

// Parse reads submission.json strictly: unknown fields, a wrong schema version or
// missing required parts are errors (in Chinese).
func Parse(b []byte) (*Submission, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var s Submission
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("不是有效的报送数据（%v）", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("不是有效的报送数据：JSON 之后还有多余内容")
	}
	var miss []string
	if s.Schema != SchemaVersion && s.Schema != schemaVersion2 {
		return nil, fmt.Errorf("格式版本为“%s”，应为“%s”", s.Schema, SchemaVersion)
	}
	if s.Scope != ScopeMinistry && s.Scope != ScopeArchive {
		miss = append(miss, "scope（报送包范围：ministry 或 archive）")
	}
	if _, err := time.Parse(time.DateOnly, s.Date); err != nil {
		miss = append(miss, "date（导出日期）")
	}
	if s.Campaign.Year == 0 || s.Campaign.Notice == "" {
		miss = append(miss, "campaign（年度与通知文号）")
	}
	if s.Province.Code == "" {
		miss = append(miss, "province（推荐单位）")
	}
	if s.Department == "" {
		miss = append(miss, "department（推荐单位名称）")
	}
	if len(s.Measures) == 0 {
		miss = append(miss, "measures（措施）")
	}
	if len(miss) > 0 {
		return nil, fmt.Errorf("缺少或无效的字段：%s", strings.Join(miss, "、"))
	}
	return &s, nil
}

// Definition is the campaign definition file a package carries (data/campaign.json):
// the definition the case ran on, in canonical form.
func Definition(c *forms.Campaign) []byte {
	b, err := forms.EncodeCampaign(c)
	if err != nil {
		// A decoded definition always encodes; a failure is a program defect.
		panic(err)
	}
	return b
}

func definitionSHA(c *forms.Campaign) string { return sha256Hex(Definition(c)) }
