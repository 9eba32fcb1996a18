package store

import (
	"database/sql"
	"fmt"
	"time"

	"tuijian/data/divisions"
	"tuijian/forms"
	"tuijian/forms/grading"
	"tuijian/forms/value"
)

type querier interface {
	QueryRow(string, ...any) *sql.Row
	Query(string, ...any) (*sql.Rows, error)
}

// ErrNotSetUp is returned when the settings name no province or campaign yet.
var ErrNotSetUp = fmt.Errorf("尚未设置推荐单位和年度：请先完成“设置”（命令行：tuijian-cli setup）")

// Case loads everything of the campaign for the checks of package forms.
func (s *Store) Case() (*forms.Case, error) { return loadCase(s.db) }

// Case loads the campaign as it stands inside the transaction.
func (t *Tx) Case() (*forms.Case, error) { return loadCase(t.tx) }

func loadBase(q querier) (*forms.Case, error) {
	st, err := (&Store{}).settingsTx(q)
	if err != nil {
		return nil, err
	}
	if st.ProvinceCode == "" || st.Year == 0 {
		return nil, ErrNotSetUp
	}
	c := &forms.Case{Settings: st, Candidates: map[forms.MeasureID][]string{}}
	if c.Campaign, err = campaignOf(q, st.Year); err != nil {
		return nil, err
	}
	p, ok := divisions.Province(st.ProvinceCode)
	if !ok {
		return nil, fmt.Errorf("数据文件中的推荐单位代码 %s 无效", st.ProvinceCode)
	}
	c.Province = p
	c.Units = divisions.UnitsFor(p.Code, c.Campaign)
	return c, nil
}

func loadCase(q querier) (*forms.Case, error) {
	c, err := loadBase(q)
	if err != nil {
		return nil, err
	}
	if err := each(q, "SELECT measure, unit_code FROM candidates ORDER BY measure, unit_code", func(r *sql.Rows) error {
		var m, code string
		if err := r.Scan(&m, &code); err != nil {
			return err
		}
		c.Candidates[forms.MeasureID(m)] = append(c.Candidates[forms.MeasureID(m)], code)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := each(q, "SELECT unit_code, measure, indicator, year, value, remark, source, state, verified_by, verified_at, verify_doc FROM figures ORDER BY unit_code, measure, indicator, year", func(r *sql.Rows) error {
		var f forms.Figure
		var raw, state string
		if err := r.Scan(&f.UnitCode, &f.Measure, &f.Indicator, &f.Year, &raw, &f.Remark, &f.Source, &state, &f.VerifiedBy, &f.VerifiedAt, &f.VerifyDocNo); err != nil {
			return err
		}
		f.State = forms.VerifyState(state)
		in, err := indicator(c.Campaign, f.Measure, f.Indicator)
		if err != nil {
			return nil // a figure of an indicator no longer defined is ignored
		}
		if f.Value, err = value.Parse(raw, in.Kind); err != nil {
			return fmt.Errorf("数据文件中 %s 的“%s”值“%s”无效：%w", f.UnitCode, in.Label, raw, err)
		}
		c.Figures = append(c.Figures, f)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := each(q, "SELECT measure, indicator, year, value, source FROM province_figures ORDER BY measure, indicator, year", func(r *sql.Rows) error {
		var f forms.ProvinceFigure
		var raw string
		if err := r.Scan(&f.Measure, &f.Indicator, &f.Year, &raw, &f.Source); err != nil {
			return err
		}
		in, err := indicator(c.Campaign, f.Measure, f.Indicator)
		if err != nil {
			return nil
		}
		if f.Value, err = value.Parse(raw, in.Kind); err != nil {
			return err
		}
		c.Province3 = append(c.Province3, f)
		return nil
	}); err != nil {
		return nil, err
	}
	// The 主导产业 sub-table belongs to the measure whose table has it; a campaign
	// without one ignores stored rows.
	m := c.Campaign.IndustryMeasure()
	if m == nil {
		m = &forms.Measure{}
	}
	if err := each(q, "SELECT unit_code, row, name, share, growth, revenue, profit, state, verified_by, verified_at, verify_doc, not_statistical, not_stat_reason FROM industries ORDER BY unit_code, row", func(r *sql.Rows) error {
		var li forms.LeadingIndustry
		raw := make([]string, 4)
		var state string
		var notStat int
		if err := r.Scan(&li.UnitCode, &li.Row, &li.Name, &raw[0], &raw[1], &raw[2], &raw[3], &state, &li.VerifiedBy, &li.VerifiedAt, &li.VerifyDocNo, &notStat, &li.NotStatReason); err != nil {
			return err
		}
		li.NotStatistical = notStat != 0
		li.State = forms.VerifyState(state)
		if len(m.LeadingIndustries) != 5 {
			return nil
		}
		dst := []*value.Value{&li.Share, &li.Growth, &li.Revenue, &li.Profit}
		for i := range dst {
			v, err := value.Parse(raw[i], m.LeadingIndustries[i+1].Kind)
			if err != nil {
				return err
			}
			*dst[i] = v
		}
		c.Industries = append(c.Industries, li)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := each(q, "SELECT "+eventColumns+" FROM events ORDER BY date, id", func(r *sql.Rows) error {
		e, err := scanEvent(r)
		if err == nil {
			c.Events = append(c.Events, e)
		}
		return err
	}); err != nil {
		return nil, err
	}
	if err := each(q, "SELECT unit_code, measure, clause, verdict, evidence FROM assessments ORDER BY unit_code, measure, clause", func(r *sql.Rows) error {
		var a forms.Assessment
		var v string
		err := r.Scan(&a.UnitCode, &a.Measure, &a.Clause, &v, &a.Evidence)
		a.Verdict = forms.Verdict(v)
		c.Assessments = append(c.Assessments, a)
		return err
	}); err != nil {
		return nil, err
	}
	if err := each(q, "SELECT measure, unit_code, reason, decision FROM choices ORDER BY measure, rowid", func(r *sql.Rows) error {
		var ch forms.Choice
		err := r.Scan(&ch.Measure, &ch.UnitCode, &ch.Reason, &ch.Decision)
		c.Choices = append(c.Choices, ch)
		return err
	}); err != nil {
		return nil, err
	}
	if err := each(q, "SELECT "+approvalColumns+" FROM approvals ORDER BY measure", func(r *sql.Rows) error {
		a, err := scanApproval(r)
		c.Approvals = append(c.Approvals, a)
		return err
	}); err != nil {
		return nil, err
	}
	if err := each(q, "SELECT unit_code, checker, departments, date, basis FROM screenings ORDER BY unit_code", func(r *sql.Rows) error {
		var x forms.Screening
		err := r.Scan(&x.UnitCode, &x.Checker, &x.Departments, &x.Date, &x.Basis)
		c.Screenings = append(c.Screenings, x)
		return err
	}); err != nil {
		return nil, err
	}
	if err := each(q, "SELECT id, unit_code, from_year, to_year, doc_no, reason FROM bars ORDER BY id", func(r *sql.Rows) error {
		var x forms.Bar
		err := r.Scan(&x.ID, &x.UnitCode, &x.FromYear, &x.ToYear, &x.DocNo, &x.Reason)
		c.Bars = append(c.Bars, x)
		return err
	}); err != nil {
		return nil, err
	}
	if err := each(q, "SELECT id, unit_code, doc_no, date, title FROM commendations ORDER BY date, id", func(r *sql.Rows) error {
		var x forms.Commendation
		err := r.Scan(&x.ID, &x.UnitCode, &x.DocNo, &x.Date, &x.Title)
		c.Commendations = append(c.Commendations, x)
		return err
	}); err != nil {
		return nil, err
	}
	c.Applications = map[forms.ChoiceKey]map[string]string{}
	for _, ch := range c.Choices {
		texts := map[string]string{}
		if err := eachWith(q, "SELECT key, text FROM sections WHERE unit_code = ? AND measure = ?", []any{ch.UnitCode, ch.Measure}, func(r *sql.Rows) error {
			var k, v string
			err := r.Scan(&k, &v)
			texts[k] = v
			return err
		}); err != nil {
			return nil, err
		}
		c.Applications[forms.ChoiceKey{Measure: ch.Measure, UnitCode: ch.UnitCode}] = texts
	}
	return c, nil
}

func each(q querier, query string, fn func(*sql.Rows) error) error {
	return eachWith(q, query, nil, fn)
}

func eachWith(q querier, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := q.Query(query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func indicator(c *forms.Campaign, m forms.MeasureID, id string) (forms.Indicator, error) {
	ms, err := c.Measure(m)
	if err != nil {
		return forms.Indicator{}, err
	}
	in, ok := ms.Indicator(id)
	if !ok {
		return forms.Indicator{}, fmt.Errorf("%s 没有指标“%s”", ms.Short, id)
	}
	return in, nil
}

const eventColumns = "id, unit_code, kind, date, title, description, deaths, injuries, evacuated, loss_yuan, water_source, ecology, radiation, impact, official, official_doc, severe, basis"

func scanEvent(r *sql.Rows) (forms.Event, error) {
	var e forms.Event
	var kind, date string
	var deaths, injuries, evac, ws, eco, rad, imp, off, severe int
	var loss int64
	err := r.Scan(&e.ID, &e.UnitCode, &kind, &date, &e.Title, &e.Description, &deaths, &injuries, &evac, &loss, &ws, &eco, &rad, &imp, &off, &e.OfficialDoc, &severe, &e.Basis)
	if err != nil {
		return e, err
	}
	e.Kind = forms.EventKind(kind)
	e.Date, _ = time.Parse("2006-01-02", date)
	switch e.Kind {
	case forms.EventSafety:
		e.Safety = grading.Safety{Deaths: deaths, SeriousInjuries: injuries, LossYuan: loss}
	case forms.EventEnvironment:
		e.Environment = grading.Environment{Deaths: deaths, Poisoned: injuries, Evacuated: evac, LossYuan: loss,
			WaterSource: grading.WaterSource(ws), Ecology: grading.Ecology(eco), Radiation: grading.Radiation(rad), Impact: grading.Impact(imp)}
	}
	e.Official = grading.Grade(off)
	e.Severe = severe != 0
	return e, nil
}

const approvalColumns = "measure, government, gov_doc, gov_date, gov_unit, telecom, telecom_doc, telecom_date, telecom_unit, letter_no"

func scanApproval(r interface{ Scan(...any) error }) (forms.Approval, error) {
	var a forms.Approval
	var g, tel string
	err := r.Scan(&a.Measure, &g, &a.GovDocNo, &a.GovDate, &a.GovUnit, &tel, &a.TelecomDocNo, &a.TelecomDate, &a.TelecomUnit, &a.LetterNo)
	a.Government, a.Telecom = forms.Consent(g), forms.Consent(tel)
	return a, err
}
