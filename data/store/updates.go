package store

import (
	"database/sql"
	"errors"
	"fmt"

	"tuijian/forms"
)

// Field-level updates (issue 13): a write names only what changes; a nil field keeps
// the stored value. Partial edits never delete a row: deleting is its own call.

// FigureUpdate changes some fields of one figure.
type FigureUpdate struct {
	forms.FigureKey
	Text   *string // the value as typed; "" or "—" is missing
	Remark *string
	Source *string
}

// UpdateFigure applies u to the stored figure (creating it when new) through SetFigure,
// so the same parsing, verification-reset and audit rules apply.
func (t *Tx) UpdateFigure(u FigureUpdate) error {
	in := FigureInput{FigureKey: u.FigureKey}
	var value string
	err := t.tx.QueryRow("SELECT value, remark, source FROM figures WHERE unit_code=? AND measure=? AND indicator=? AND year=?",
		u.UnitCode, u.Measure, u.Indicator, u.Year).Scan(&value, &in.Remark, &in.Source)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	in.Text = value
	if u.Text != nil {
		in.Text = *u.Text
	}
	if u.Remark != nil {
		in.Remark = *u.Remark
	}
	if u.Source != nil {
		in.Source = *u.Source
	}
	return t.SetFigure(in)
}

// UpdateProvinceFigure changes the value or the source of a province-wide figure.
func (t *Tx) UpdateProvinceFigure(m forms.MeasureID, ind string, year int, text, source *string) error {
	var v, s string
	err := t.tx.QueryRow("SELECT value, source FROM province_figures WHERE measure=? AND indicator=? AND year=?", m, ind, year).Scan(&v, &s)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if text != nil {
		v = *text
	}
	if source != nil {
		s = *source
	}
	return t.SetProvinceFigure(m, ind, year, v, s)
}

// IndustryUpdate changes some fields of one 主导产业 row; Figures[i] nil keeps figure i
// (share, growth, revenue, profit).
type IndustryUpdate struct {
	UnitCode string
	Row      int
	Name     *string
	Figures  [4]*string
}

// UpdateIndustry applies u to the row (creating it when new, which needs a name). An
// empty name is refused: deleting a row is DeleteIndustry.
func (t *Tx) UpdateIndustry(u IndustryUpdate) error {
	in := IndustryInput{UnitCode: u.UnitCode, Row: u.Row}
	var f [4]string
	err := t.tx.QueryRow("SELECT name, share, growth, revenue, profit FROM industries WHERE unit_code=? AND row=?", u.UnitCode, u.Row).
		Scan(&in.Name, &f[0], &f[1], &f[2], &f[3])
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	in.Figures = f
	if u.Name != nil {
		in.Name = *u.Name
	}
	for i, p := range u.Figures {
		if p != nil {
			in.Figures[i] = *p
		}
	}
	if in.Name == "" {
		if exists {
			return fmt.Errorf("主导产业第 %d 行的名称不能为空；要删除这一行，请用删除命令（命令行：industry --row %d --delete）", u.Row, u.Row)
		}
		return fmt.Errorf("主导产业第 %d 行尚未填写：新的一行须写明主导产业（产品）名称", u.Row)
	}
	return t.SetIndustry(in)
}

// DeleteIndustry removes a 主导产业 row.
func (t *Tx) DeleteIndustry(code string, row int) error {
	var n int
	if err := t.tx.QueryRow("SELECT COUNT(*) FROM industries WHERE unit_code=? AND row=?", code, row).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("主导产业第 %d 行不存在", row)
	}
	return t.SetIndustry(IndustryInput{UnitCode: code, Row: row})
}

// scanRow reads one row into dest; no row leaves dest as it is (the caller's zero
// values) and is not an error, any other failure is.
func (t *Tx) scanRow(query string, args []any, dest ...any) error {
	err := t.tx.QueryRow(query, args...).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	return err
}

// RestoreFigure puts a figure back exactly as it was before the officer's last change
// (撤销 in the desktop app): value, remark, source and verification; existed false
// removes the row. The verification comes back with the value it was given for, so
// an undone edit of an 已审核 figure is 已审核 again; every field is audited.
func (t *Tx) RestoreFigure(f forms.Figure, existed bool) error {
	c, err := t.base()
	if err != nil {
		return err
	}
	if _, err := t.unit(c, f.UnitCode); err != nil {
		return err
	}
	ind, err := indicator(c.Campaign, f.Measure, f.Indicator)
	if err != nil {
		return err
	}
	var old struct{ value, remark, source, state, by, at, doc string }
	err = t.tx.QueryRow("SELECT value, remark, source, state, verified_by, verified_at, verify_doc FROM figures WHERE unit_code=? AND measure=? AND indicator=? AND year=?",
		f.UnitCode, f.Measure, f.Indicator, f.Year).Scan(&old.value, &old.remark, &old.source, &old.state, &old.by, &old.at, &old.doc)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	field := fmt.Sprintf("%d年 %s", f.Year, ind.Label)
	if !existed {
		if _, err := t.tx.Exec("DELETE FROM figures WHERE unit_code=? AND measure=? AND indicator=? AND year=?", f.UnitCode, f.Measure, f.Indicator, f.Year); err != nil {
			return err
		}
		return t.audit("指标", f.UnitCode, field, old.value, "")
	}
	state := string(f.State)
	if state == "" {
		state = string(forms.Unverified)
	}
	canon := f.Value.Format(ind.Kind)
	_, err = t.tx.Exec(`INSERT INTO figures (unit_code, measure, indicator, year, value, remark, source, state, verified_by, verified_at, verify_doc) VALUES (?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT (unit_code, measure, indicator, year) DO UPDATE SET value=excluded.value, remark=excluded.remark, source=excluded.source,
		state=excluded.state, verified_by=excluded.verified_by, verified_at=excluded.verified_at, verify_doc=excluded.verify_doc`,
		f.UnitCode, f.Measure, f.Indicator, f.Year, canon, f.Remark, f.Source, state, f.VerifiedBy, f.VerifiedAt, f.VerifyDocNo)
	if err != nil {
		return err
	}
	for _, a := range [][3]string{{field, old.value, canon}, {field + " 备注", old.remark, f.Remark}, {field + " 来源", old.source, f.Source},
		{field + " 审核状态", nonEmpty(old.state, old.doc), nonEmpty(state, f.VerifyDocNo)}} {
		if err := t.audit("指标", f.UnitCode, a[0], a[1], a[2]); err != nil {
			return err
		}
	}
	return nil
}
