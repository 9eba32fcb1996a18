package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"tuijian/forms"
	"tuijian/forms/grading"
	"tuijian/forms/value"
)

func (t *Tx) base() (*forms.Case, error) { return loadBase(t.tx) }

func (t *Tx) unit(c *forms.Case, code string) (forms.Unit, error) {
	u, ok := c.Unit(code)
	if !ok {
		return u, fmt.Errorf("代码“%s”不是%s可推荐的市（州）", code, c.Province.Name)
	}
	return u, nil
}

// SetCandidate marks or unmarks a unit as a candidate for a measure.
func (t *Tx) SetCandidate(m forms.MeasureID, code string, on bool) error {
	c, err := t.base()
	if err != nil {
		return err
	}
	ms, err := c.Campaign.Measure(m)
	if err != nil {
		return err
	}
	u, err := t.unit(c, code)
	if err != nil {
		return err
	}
	if on {
		if err := forms.CheckUnit(c.Province, u); err != nil {
			return err
		}
		if err := forms.CheckLevel(ms, u); err != nil {
			return err
		}
	}
	var was int
	if err := t.scanRow("SELECT COUNT(*) FROM candidates WHERE measure = ? AND unit_code = ?", []any{m, code}, &was); err != nil {
		return err
	}
	if on {
		_, err = t.tx.Exec("INSERT OR IGNORE INTO candidates (measure, unit_code) VALUES (?, ?)", m, code)
	} else {
		var chosen int
		if err := t.scanRow("SELECT COUNT(*) FROM choices WHERE measure = ? AND unit_code = ?", []any{m, code}, &chosen); err != nil {
			return err
		}
		if chosen > 0 {
			return fmt.Errorf("%s 是%s已选的推荐对象，请先在“比选”中取消选择", u.Name, ms.Short)
		}
		_, err = t.tx.Exec("DELETE FROM candidates WHERE measure = ? AND unit_code = ?", m, code)
	}
	if err != nil {
		return err
	}
	return t.audit("候选", code, ms.Short+"候选", boolText(was > 0), boolText(on))
}

// FigureInput is a typed figure: the text as the officer typed it, remark and source.
type FigureInput struct {
	forms.FigureKey
	Text   string
	Remark string
	Source string
}

// SetFigure parses and writes a figure. A changed value of a verified figure returns
// it to 未审核 (the pre-flight then blocks again). The error names the cell.
func (t *Tx) SetFigure(in FigureInput) error {
	c, err := t.base()
	if err != nil {
		return err
	}
	u, err := t.unit(c, in.UnitCode)
	if err != nil {
		return err
	}
	ind, err := indicator(c.Campaign, in.Measure, in.Indicator)
	if err != nil {
		return err
	}
	ys := c.Campaign.IndicatorYears()
	if in.Year != ys[0] && in.Year != ys[1] {
		return fmt.Errorf("年份 %d 不在本年度的指标年份（%d、%d）内", in.Year, ys[0], ys[1])
	}
	v, err := value.Parse(in.Text, ind.Kind)
	if err != nil {
		return fmt.Errorf("%s %d年“%s”：%w", u.Name, in.Year, ind.Label, err)
	}
	canon := v.Format(ind.Kind)
	var old struct{ value, remark, source, state string }
	err = t.tx.QueryRow("SELECT value, remark, source, state FROM figures WHERE unit_code=? AND measure=? AND indicator=? AND year=?",
		in.UnitCode, in.Measure, in.Indicator, in.Year).Scan(&old.value, &old.remark, &old.source, &old.state)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	state := string(forms.StateAfterEdit(forms.VerifyState(old.state), exists, old.value != canon))
	if !exists && canon == "" && in.Remark == "" && in.Source == "" {
		return nil
	}
	_, err = t.tx.Exec(`INSERT INTO figures (unit_code, measure, indicator, year, value, remark, source, state) VALUES (?,?,?,?,?,?,?,?)
		ON CONFLICT (unit_code, measure, indicator, year) DO UPDATE SET value=excluded.value, remark=excluded.remark, source=excluded.source, state=excluded.state`,
		in.UnitCode, in.Measure, in.Indicator, in.Year, canon, in.Remark, in.Source, state)
	if err != nil {
		return err
	}
	field := fmt.Sprintf("%d年 %s", in.Year, ind.Label)
	for _, a := range [][3]string{{field, old.value, canon}, {field + " 备注", old.remark, in.Remark}, {field + " 来源", old.source, in.Source}, {field + " 审核状态", old.state, state}} {
		if exists || a[2] != "" {
			if err := t.audit("指标", in.UnitCode, a[0], a[1], a[2]); err != nil {
				return err
			}
		}
	}
	return nil
}

// Verification records who verified a figure.
type Verification struct {
	forms.FigureKey
	State forms.VerifyState
	By    string // e.g. 省统计局 王五
	At    string // YYYY-MM-DD
	DocNo string // document number of the reply
}

// SetVerification records the verification state of an entered figure.
func (t *Tx) SetVerification(v Verification) error {
	at, err := checkVerification(v.State, v.By, v.At, v.DocNo)
	if err != nil {
		return err
	}
	v.At = at
	c, err := t.base()
	if err != nil {
		return err
	}
	u, err := t.unit(c, v.UnitCode)
	if err != nil {
		return err
	}
	ind, err := indicator(c.Campaign, v.Measure, v.Indicator)
	if err != nil {
		return err
	}
	var oldState, oldDoc string
	err = t.tx.QueryRow("SELECT state, verify_doc FROM figures WHERE unit_code=? AND measure=? AND indicator=? AND year=?",
		v.UnitCode, v.Measure, v.Indicator, v.Year).Scan(&oldState, &oldDoc)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %d年“%s”尚未填写数值，不能审核", u.Name, v.Year, ind.Label)
	}
	if err != nil {
		return err
	}
	if _, err := t.tx.Exec("UPDATE figures SET state=?, verified_by=?, verified_at=?, verify_doc=? WHERE unit_code=? AND measure=? AND indicator=? AND year=?",
		v.State, v.By, v.At, v.DocNo, v.UnitCode, v.Measure, v.Indicator, v.Year); err != nil {
		return err
	}
	field := fmt.Sprintf("%d年 %s 审核状态", v.Year, ind.Label)
	return t.audit("审核", v.UnitCode, field, nonEmpty(oldState, oldDoc), nonEmpty(string(v.State), v.By, v.At, v.DocNo))
}

// checkVerification applies the rules of forms.Verification.
func checkVerification(state forms.VerifyState, by, at, doc string) (string, error) {
	v, err := forms.Verification{State: state, By: by, At: at, DocNo: doc}.Checked()
	return v.At, err
}

// IndustryVerification records who verified one row of the 主导产业 table (all four
// figures of the row at once).
type IndustryVerification struct {
	State forms.VerifyState
	By    string // e.g. 省统计局 王五
	At    string // YYYY-MM-DD
	DocNo string // document number of the reply
}

// SetIndustryVerification records the verification state of an entered 主导产业 row.
func (t *Tx) SetIndustryVerification(unitCode string, row int, v IndustryVerification) error {
	at, err := checkVerification(v.State, v.By, v.At, v.DocNo)
	if err != nil {
		return err
	}
	v.At = at
	var oldState, oldDoc string
	err = t.tx.QueryRow("SELECT state, verify_doc FROM industries WHERE unit_code=? AND row=?", unitCode, row).Scan(&oldState, &oldDoc)
	if errors.Is(err, sql.ErrNoRows) {
		name := unitCode
		if c, err := t.base(); err == nil {
			name = unitText(c, unitCode)
		}
		return fmt.Errorf("%s 主导产业第 %d 行尚未填写，不能审核", name, row)
	}
	if err != nil {
		return err
	}
	if _, err := t.tx.Exec("UPDATE industries SET state=?, verified_by=?, verified_at=?, verify_doc=? WHERE unit_code=? AND row=?",
		v.State, v.By, v.At, v.DocNo, unitCode, row); err != nil {
		return err
	}
	return t.audit("审核", unitCode, fmt.Sprintf("主导产业第%d行 审核状态", row), nonEmpty(oldState, oldDoc), nonEmpty(string(v.State), v.By, v.At, v.DocNo))
}

// SetProvinceFigure writes the province-wide value of an indicator.
func (t *Tx) SetProvinceFigure(m forms.MeasureID, ind string, year int, text, source string) error {
	c, err := t.base()
	if err != nil {
		return err
	}
	in, err := indicator(c.Campaign, m, ind)
	if err != nil {
		return err
	}
	if ys := c.Campaign.IndicatorYears(); year != ys[0] && year != ys[1] {
		return fmt.Errorf("全省“%s”的年份 %d 不在本年度的指标年份（%d、%d）内", in.Label, year, ys[0], ys[1])
	}
	v, err := value.Parse(text, in.Kind)
	if err != nil {
		return fmt.Errorf("全省 %d年“%s”：%w", year, in.Label, err)
	}
	var old string
	if err := t.scanRow("SELECT value FROM province_figures WHERE measure=? AND indicator=? AND year=?", []any{m, ind, year}, &old); err != nil {
		return err
	}
	if _, err := t.tx.Exec(`INSERT INTO province_figures (measure, indicator, year, value, source) VALUES (?,?,?,?,?)
		ON CONFLICT (measure, indicator, year) DO UPDATE SET value=excluded.value, source=excluded.source`, m, ind, year, v.Format(in.Kind), source); err != nil {
		return err
	}
	return t.audit("全省指标", "", fmt.Sprintf("%d年 %s", year, in.Label), old, v.Format(in.Kind))
}

// IndustryInput is a typed row of the 主导产业 table: name then four figures.
type IndustryInput struct {
	UnitCode string
	Row      int
	Name     string
	Figures  [4]string // share, growth, revenue, profit
}

// SetIndustry writes one row of the 主导产业 table; an empty name deletes the row.
func (t *Tx) SetIndustry(in IndustryInput) error {
	c, err := t.base()
	if err != nil {
		return err
	}
	u, err := t.unit(c, in.UnitCode)
	if err != nil {
		return err
	}
	if in.Row < 1 || in.Row > 20 {
		return fmt.Errorf("主导产业行号 %d 无效（1–20）", in.Row)
	}
	m := c.Campaign.IndustryMeasure()
	if m == nil {
		return fmt.Errorf("%d 年度的推荐表没有主导产业表", c.Campaign.Year)
	}
	canon := make([]string, 4)
	for i, text := range in.Figures {
		col := m.LeadingIndustries[i+1]
		v, err := value.Parse(text, col.Kind)
		if err != nil {
			return fmt.Errorf("%s 主导产业第 %d 行“%s”：%w", u.Name, in.Row, col.Label, err)
		}
		canon[i] = v.Format(col.Kind)
	}
	var old []string
	var o [5]string
	oldState := ""
	if err := t.tx.QueryRow("SELECT name, share, growth, revenue, profit, state FROM industries WHERE unit_code=? AND row=?", in.UnitCode, in.Row).
		Scan(&o[0], &o[1], &o[2], &o[3], &o[4], &oldState); err == nil {
		old = o[:]
	}
	name := strings.TrimSpace(in.Name)
	// Like SetFigure: a changed name or figure is no longer what the bureau verified.
	state := oldState
	if old == nil || strings.Join(old, "\x00") != strings.Join(append([]string{name}, canon...), "\x00") {
		state = string(forms.Unverified)
	}
	if name == "" {
		_, err = t.tx.Exec("DELETE FROM industries WHERE unit_code=? AND row=?", in.UnitCode, in.Row)
		canon = []string{"", "", "", ""}
		state = ""
	} else if state == oldState {
		_, err = t.tx.Exec(`INSERT INTO industries (unit_code, row, name, share, growth, revenue, profit) VALUES (?,?,?,?,?,?,?)
			ON CONFLICT (unit_code, row) DO UPDATE SET name=excluded.name, share=excluded.share, growth=excluded.growth, revenue=excluded.revenue, profit=excluded.profit`,
			in.UnitCode, in.Row, name, canon[0], canon[1], canon[2], canon[3])
	} else {
		_, err = t.tx.Exec(`INSERT INTO industries (unit_code, row, name, share, growth, revenue, profit, state) VALUES (?,?,?,?,?,?,?,?)
			ON CONFLICT (unit_code, row) DO UPDATE SET name=excluded.name, share=excluded.share, growth=excluded.growth, revenue=excluded.revenue, profit=excluded.profit,
			state=excluded.state, verified_by='', verified_at='', verify_doc=''`,
			in.UnitCode, in.Row, name, canon[0], canon[1], canon[2], canon[3], state)
	}
	if err != nil {
		return err
	}
	if err := t.audit("主导产业", in.UnitCode, fmt.Sprintf("第%d行", in.Row), strings.Join(old, " | "), strings.Join(append([]string{name}, canon...), " | ")); err != nil {
		return err
	}
	if old != nil && state != oldState {
		return t.audit("主导产业", in.UnitCode, fmt.Sprintf("第%d行 审核状态", in.Row), oldState, state)
	}
	return nil
}

// SaveEvent inserts (ID 0) or updates an event after validating it, and returns its id.
func (t *Tx) SaveEvent(e forms.Event) (int64, error) {
	c, err := t.base()
	if err != nil {
		return 0, err
	}
	u, err := t.unit(c, e.UnitCode)
	if err != nil {
		return 0, err
	}
	if _, ok := forms.ParseEventKind(string(e.Kind)); !ok {
		return 0, fmt.Errorf("事件类型“%s”无效：应为安全生产事故、突发环境事件或社会事件", e.Kind)
	}
	if e.Date.IsZero() {
		return 0, fmt.Errorf("%s 的事件未填写发生日期", u.Name)
	}
	if strings.TrimSpace(e.Title) == "" {
		return 0, fmt.Errorf("%s 的事件未填写名称", u.Name)
	}
	if e.Official < grading.GradeNone || e.Official > grading.Extraordinary {
		return 0, fmt.Errorf("%s 的事件“%s”认定等级无效：应为一般、较大、重大、特别重大，没有认定等级请留空", u.Name, e.Title)
	}
	var deaths, injuries, evac, ws, eco, rad, imp int
	var loss int64
	switch e.Kind {
	case forms.EventSafety:
		if err := e.Safety.Validate(); err != nil {
			return 0, err
		}
		deaths, injuries, loss = e.Safety.Deaths, e.Safety.SeriousInjuries, e.Safety.LossYuan
	case forms.EventEnvironment:
		if err := e.Environment.Validate(); err != nil {
			return 0, err
		}
		x := e.Environment
		deaths, injuries, evac, loss = x.Deaths, x.Poisoned, x.Evacuated, x.LossYuan
		ws, eco, rad, imp = int(x.WaterSource), int(x.Ecology), int(x.Radiation), int(x.Impact)
	case forms.EventSocial:
		if e.Severe && strings.TrimSpace(e.Basis) == "" {
			return 0, fmt.Errorf("认定社会事件造成恶劣影响时须写明依据")
		}
	}
	// The calendar day in China (UTC+8) is stored: the day the grading window uses.
	args := []any{e.UnitCode, e.Kind, forms.Day(e.Date).Format("2006-01-02"), e.Title, e.Description, deaths, injuries, evac, loss, ws, eco, rad, imp, int(e.Official), e.OfficialDoc, b2i(e.Severe), e.Basis}
	desc := describeEvent(e)
	if e.ID == 0 {
		res, err := t.tx.Exec(`INSERT INTO events (unit_code, kind, date, title, description, deaths, injuries, evacuated, loss_yuan, water_source, ecology, radiation, impact, official, official_doc, severe, basis)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, args...)
		if err != nil {
			return 0, err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return 0, err
		}
		return id, t.audit("负面情况", e.UnitCode, fmt.Sprintf("事件#%d", id), "", desc)
	}
	old, err := t.event(e.ID)
	if err != nil {
		return 0, err
	}
	res, err := t.tx.Exec(`UPDATE events SET unit_code=?, kind=?, date=?, title=?, description=?, deaths=?, injuries=?, evacuated=?, loss_yuan=?, water_source=?, ecology=?, radiation=?, impact=?, official=?, official_doc=?, severe=?, basis=? WHERE id=?`,
		append(args, e.ID)...)
	if err != nil {
		return 0, err
	}
	if n, err := res.RowsAffected(); err != nil {
		return 0, err
	} else if n == 0 {
		return 0, fmt.Errorf("事件#%d 不存在", e.ID)
	}
	return e.ID, t.audit("负面情况", e.UnitCode, fmt.Sprintf("事件#%d", e.ID), describeEvent(old), desc)
}

func (t *Tx) event(id int64) (forms.Event, error) {
	rows, err := t.tx.Query("SELECT "+eventColumns+" FROM events WHERE id = ?", id)
	if err != nil {
		return forms.Event{}, err
	}
	defer rows.Close()
	if !rows.Next() {
		return forms.Event{}, fmt.Errorf("事件#%d 不存在", id)
	}
	return scanEvent(rows)
}

// DeleteEvent removes an event.
func (t *Tx) DeleteEvent(id int64) error {
	old, err := t.event(id)
	if err != nil {
		return err
	}
	if _, err := t.tx.Exec("DELETE FROM events WHERE id = ?", id); err != nil {
		return err
	}
	return t.audit("负面情况", old.UnitCode, fmt.Sprintf("事件#%d", id), describeEvent(old), "")
}

func describeEvent(e forms.Event) string {
	s := fmt.Sprintf("%s %s %s", forms.Day(e.Date).Format("2006-01-02"), e.Kind.Label(), e.Title)
	switch e.Kind {
	case forms.EventSafety:
		s += fmt.Sprintf(" 死亡%d 重伤%d 损失%d元", e.Safety.Deaths, e.Safety.SeriousInjuries, e.Safety.LossYuan)
	case forms.EventEnvironment:
		x := e.Environment
		s += fmt.Sprintf(" 死亡%d 中毒或重伤%d 疏散%d 损失%d元", x.Deaths, x.Poisoned, x.Evacuated, x.LossYuan)
		for _, f := range []string{x.WaterSource.String(), x.Ecology.String(), x.Radiation.String(), x.Impact.String()} {
			if f != "" && f != "无" {
				s += " " + f
			}
		}
	case forms.EventSocial:
		if e.Severe {
			s += " 恶劣影响：" + e.Basis
		}
	}
	if e.Official != 0 {
		s += " 认定" + e.Official.String() + " " + e.OfficialDoc
	}
	return s
}

// SetAssessment writes the assessment of a clause for a candidate.
func (t *Tx) SetAssessment(a forms.Assessment) error {
	c, err := t.base()
	if err != nil {
		return err
	}
	if _, err := t.unit(c, a.UnitCode); err != nil {
		return err
	}
	m, err := c.Campaign.Measure(a.Measure)
	if err != nil {
		return err
	}
	var cl *forms.Clause
	for i := range m.Clauses {
		if m.Clauses[i].Key == a.Clause {
			cl = &m.Clauses[i]
		}
	}
	if cl == nil || cl.FromEvents {
		return fmt.Errorf("%s没有可评估的条款“%s”（（六）由负面情况登记决定）", m.Article, a.Clause)
	}
	switch a.Verdict {
	case forms.VerdictNone, forms.VerdictMet, forms.VerdictPartial, forms.VerdictNotMet:
	default:
		return fmt.Errorf("评估结论“%s”无效：应为符合、基本符合或不符合", a.Verdict)
	}
	var ov, oe string
	if err := t.scanRow("SELECT verdict, evidence FROM assessments WHERE unit_code=? AND measure=? AND clause=?", []any{a.UnitCode, a.Measure, a.Clause}, &ov, &oe); err != nil {
		return err
	}
	if _, err := t.tx.Exec(`INSERT INTO assessments (unit_code, measure, clause, verdict, evidence) VALUES (?,?,?,?,?)
		ON CONFLICT (unit_code, measure, clause) DO UPDATE SET verdict=excluded.verdict, evidence=excluded.evidence`,
		a.UnitCode, a.Measure, a.Clause, a.Verdict, a.Evidence); err != nil {
		return err
	}
	f := m.Article + cl.Number
	if err := t.audit("基本条件", a.UnitCode, f+" 结论", ov, string(a.Verdict)); err != nil {
		return err
	}
	return t.audit("基本条件", a.UnitCode, f+" 依据", oe, a.Evidence)
}

// Choose records a unit chosen for a measure with its reason. The unit must be an
// eligible candidate; the measure's quota (通知 二, from the campaign definition)
// decides whether it is added, replaces the one unit whose place it takes (with one
// city a measure: the city chosen before), or is refused. Choosing a chosen unit again
// updates its reason and decision record.
func (t *Tx) Choose(ch forms.Choice, exportDay time.Time) error {
	c, err := t.Case()
	if err != nil {
		return err
	}
	m, err := c.Campaign.Measure(ch.Measure)
	if err != nil {
		return err
	}
	if err := c.CheckChoice(ch.Measure, ch.UnitCode, exportDay); err != nil {
		return err
	}
	if ch.Reason = strings.TrimSpace(ch.Reason); ch.Reason == "" {
		return fmt.Errorf("%s：%w", m.Short, forms.ErrNoReason)
	}
	replace, err := c.ChoiceToReplace(m, ch.UnitCode)
	if err != nil {
		return err
	}
	old, existed := c.ChoiceOf(ch.Measure, ch.UnitCode)
	switch {
	case replace != "":
		old, _ = c.ChoiceOf(ch.Measure, replace)
		_, err = t.tx.Exec("UPDATE choices SET unit_code=?, reason=?, decision=? WHERE measure=? AND unit_code=?",
			ch.UnitCode, ch.Reason, ch.Decision, ch.Measure, replace)
	case existed:
		_, err = t.tx.Exec("UPDATE choices SET reason=?, decision=? WHERE measure=? AND unit_code=?", ch.Reason, ch.Decision, ch.Measure, ch.UnitCode)
	default:
		_, err = t.tx.Exec("INSERT INTO choices (measure, unit_code, reason, decision) VALUES (?,?,?,?)", ch.Measure, ch.UnitCode, ch.Reason, ch.Decision)
	}
	if err != nil {
		return err
	}
	if err := t.audit("比选", ch.UnitCode, m.Short+" 推荐", unitText(c, old.UnitCode), unitText(c, ch.UnitCode)); err != nil {
		return err
	}
	if err := t.audit("比选", ch.UnitCode, m.Short+" 推荐理由", old.Reason, ch.Reason); err != nil {
		return err
	}
	name := func(code string) string {
		if u, ok := c.Unit(code); ok {
			return u.Name
		}
		return code
	}
	// History speaks in names: the record is summarised, never shown as JSON.
	return t.audit("比选", ch.UnitCode, m.Short+" 决策记录", forms.DecisionSummary(old.Decision, name), forms.DecisionSummary(ch.Decision, name))
}

// firstUnit is the first unit of a consent's set, the unit the history files it under.
func firstUnit(set string) string {
	if s := forms.UnitSet(set); len(s) > 0 {
		return s[0]
	}
	return ""
}

// unitText names a unit code for the history, “” for none.
func unitText(c *forms.Case, code string) string {
	if u, ok := c.Unit(code); ok {
		return u.FullName()
	}
	return code
}

// Unchoose removes a unit chosen for a measure; code "" removes every unit chosen
// for it.
func (t *Tx) Unchoose(m forms.MeasureID, code string) error {
	c, err := t.base()
	if err != nil {
		return err
	}
	var codes []string
	if err := eachWith(t.tx, "SELECT unit_code FROM choices WHERE measure=? AND (?='' OR unit_code=?) ORDER BY rowid", []any{m, code, code}, func(r *sql.Rows) error {
		var x string
		err := r.Scan(&x)
		codes = append(codes, x)
		return err
	}); err != nil {
		return err
	}
	label := string(m)
	if ms, err := c.Campaign.Measure(m); err == nil {
		label = ms.Short
	}
	for _, x := range codes {
		if _, err := t.tx.Exec("DELETE FROM choices WHERE measure=? AND unit_code=?", m, x); err != nil {
			return err
		}
		if err := t.audit("比选", x, label+" 推荐", unitText(c, x), ""); err != nil {
			return err
		}
	}
	return nil
}

// RecordApproval is what the officer's entry of an approval means (forms/approval.go):
// a 文号 for an unanswered consent is 同意, and the other measures whose government
// consent is empty or still equal take the same one; it returns those measures.
func (t *Tx) RecordApproval(a forms.Approval) ([]forms.MeasureID, error) {
	a = a.WithImpliedConsent()
	before, err := t.Case()
	if err != nil {
		return nil, err
	}
	if err := t.SetApproval(a); err != nil {
		return nil, err
	}
	after, err := t.Case()
	if err != nil {
		return nil, err
	}
	var followed []forms.MeasureID
	for _, o := range forms.FollowingGovConsent(after, before.Approval(a.Measure), after.Approval(a.Measure)) {
		if err := t.SetApproval(o); err != nil {
			return nil, err
		}
		followed = append(followed, o.Measure)
	}
	return followed, nil
}

// SetApproval writes the approvals of a measure and its 推荐函's 发文字号. A consent is
// recorded for the measure's chosen city: a consent whose answer, 文号 or date changes
// is attributed to the city chosen now; one left as it was keeps the city it was given
// for, so that switching the city makes it stale (forms.Preflight blocks) instead of
// silently carrying it over. GovUnit and TelecomUnit of a are ignored.
func (t *Tx) SetApproval(a forms.Approval) error {
	c, err := t.Case()
	if err != nil {
		return err
	}
	m, err := c.Campaign.Measure(a.Measure)
	if err != nil {
		return err
	}
	for _, x := range []forms.Consent{a.Government, a.Telecom} {
		if x != forms.ConsentUnknown && x != forms.ConsentYes && x != forms.ConsentNo {
			return fmt.Errorf("同意意见“%s”无效：应为 是 或 否", x)
		}
	}
	for _, d := range []struct {
		name string
		v    *string
	}{{"省政府同意日期", &a.GovDate}, {"通信管理局会同日期", &a.TelecomDate}} {
		norm, err := forms.NormalizeDate(*d.v)
		if err != nil {
			return fmt.Errorf("%s：%w", d.name, err)
		}
		*d.v = norm
	}
	if !m.TelecomConcurrence && (a.Telecom != "" || a.TelecomDocNo != "") {
		return fmt.Errorf("%s不需要通信管理局会同意见", m.Short)
	}
	a.LetterNo = strings.TrimSpace(a.LetterNo)
	if a.LetterNo != "" {
		for _, other := range c.Approvals {
			if other.Measure != a.Measure && strings.TrimSpace(other.LetterNo) == a.LetterNo {
				om, _ := c.Campaign.Measure(other.Measure)
				return fmt.Errorf("推荐函发文字号“%s”已用于%s的推荐函：每份函须有自己的文号", a.LetterNo, om.Short)
			}
		}
	}
	old := c.Approval(a.Measure)
	// A consent is given for every unit chosen for the measure when it is recorded.
	chosen := strings.Join(c.ChosenCodes(a.Measure), ",")
	attribute := func(consent forms.Consent, changed bool, oldUnit string) (string, error) {
		switch {
		case consent == forms.ConsentUnknown:
			return "", nil
		case !changed:
			return oldUnit, nil
		case chosen == "":
			return "", fmt.Errorf("%s尚未选择推荐的单位：报批意见是对所选单位的，请先在“比选”中选择", m.Short)
		}
		return chosen, nil
	}
	govChanged := a.Government != old.Government || a.GovDocNo != old.GovDocNo || a.GovDate != old.GovDate
	if a.GovUnit, err = attribute(a.Government, govChanged, old.GovUnit); err != nil {
		return err
	}
	telChanged := a.Telecom != old.Telecom || a.TelecomDocNo != old.TelecomDocNo || a.TelecomDate != old.TelecomDate
	if a.TelecomUnit, err = attribute(a.Telecom, telChanged, old.TelecomUnit); err != nil {
		return err
	}
	if _, err := t.tx.Exec(`INSERT INTO approvals (measure, government, gov_doc, gov_date, gov_unit, telecom, telecom_doc, telecom_date, telecom_unit, letter_no) VALUES (?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT (measure) DO UPDATE SET government=excluded.government, gov_doc=excluded.gov_doc, gov_date=excluded.gov_date, gov_unit=excluded.gov_unit,
		telecom=excluded.telecom, telecom_doc=excluded.telecom_doc, telecom_date=excluded.telecom_date, telecom_unit=excluded.telecom_unit, letter_no=excluded.letter_no`,
		a.Measure, a.Government, a.GovDocNo, a.GovDate, a.GovUnit, a.Telecom, a.TelecomDocNo, a.TelecomDate, a.TelecomUnit, a.LetterNo); err != nil {
		return err
	}
	name := func(set string) string {
		var names []string
		for _, code := range forms.UnitSet(set) {
			names = append(names, unitText(c, code))
		}
		return strings.Join(names, "、")
	}
	consent := func(x forms.Consent, doc, date, unit string) string {
		if x == forms.ConsentUnknown {
			return nonEmpty(doc, date)
		}
		return nonEmpty(string(x)+"（"+name(unit)+"）", doc, date)
	}
	if err := t.audit("报批", firstUnit(a.GovUnit), m.Short+" 省政府同意", consent(old.Government, old.GovDocNo, old.GovDate, old.GovUnit), consent(a.Government, a.GovDocNo, a.GovDate, a.GovUnit)); err != nil {
		return err
	}
	if err := t.audit("报批", firstUnit(a.TelecomUnit), m.Short+" 通信管理局会同", consent(old.Telecom, old.TelecomDocNo, old.TelecomDate, old.TelecomUnit), consent(a.Telecom, a.TelecomDocNo, a.TelecomDate, a.TelecomUnit)); err != nil {
		return err
	}
	return t.audit("报批", "", m.Short+" 推荐函发文字号", old.LetterNo, a.LetterNo)
}

// SetSection writes the application text of one outline section for a city.
func (t *Tx) SetSection(code string, m forms.MeasureID, key, text string) error {
	c, err := t.base()
	if err != nil {
		return err
	}
	if _, err := t.unit(c, code); err != nil {
		return err
	}
	ms, err := c.Campaign.Measure(m)
	if err != nil {
		return err
	}
	var sec *forms.Section
	for _, s := range ms.Sections() {
		if s.Key == key {
			s := s
			sec = &s
		}
	}
	if sec == nil {
		return fmt.Errorf("申报书提纲中没有章节“%s”", key)
	}
	var old string
	if err := t.scanRow("SELECT text FROM sections WHERE unit_code=? AND measure=? AND key=?", []any{code, m, key}, &old); err != nil {
		return err
	}
	if _, err := t.tx.Exec(`INSERT INTO sections (unit_code, measure, key, text) VALUES (?,?,?,?)
		ON CONFLICT (unit_code, measure, key) DO UPDATE SET text=excluded.text`, code, m, key, text); err != nil {
		return err
	}
	return t.audit("申报书", code, ms.Short+" "+sec.Heading(), old, text)
}

// Sections returns the application text of a city for a measure, by section key.
func (s *Store) Sections(code string, m forms.MeasureID) (map[string]string, error) {
	out := map[string]string{}
	rows, err := s.db.Query("SELECT key, text FROM sections WHERE unit_code=? AND measure=?", code, m)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, rows.Err()
}
