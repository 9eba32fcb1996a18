package store

import (
	"fmt"
	"strings"

	"tuijian/forms"
)

// SetScreening records who checked a candidate's last three years for the negative
// events of 办法 第六/七条（六）, with which departments, when and on what basis. Every
// field is required: the documents print “经核查…” on its strength.
func (t *Tx) SetScreening(x forms.Screening) error {
	c, err := t.base()
	if err != nil {
		return err
	}
	u, err := t.unit(c, x.UnitCode)
	if err != nil {
		return err
	}
	x.Checker, x.Departments, x.Basis = strings.TrimSpace(x.Checker), strings.TrimSpace(x.Departments), strings.TrimSpace(x.Basis)
	for _, f := range []struct{ name, v string }{{"核查人", x.Checker}, {"会同核查的部门（如省应急管理厅、省生态环境厅）", x.Departments}, {"核查日期", x.Date}, {"核查依据（如复函文号）", x.Basis}} {
		if f.v == "" {
			return fmt.Errorf("%s负面情况核查：未填写%s", u.Name, f.name)
		}
	}
	if x.Date, err = forms.NormalizeDate(x.Date); err != nil {
		return fmt.Errorf("%s负面情况核查日期：%w", u.Name, err)
	}
	var old forms.Screening
	if err := t.scanRow("SELECT checker, departments, date, basis FROM screenings WHERE unit_code=?", []any{x.UnitCode}, &old.Checker, &old.Departments, &old.Date, &old.Basis); err != nil {
		return err
	}
	if _, err := t.tx.Exec(`INSERT INTO screenings (unit_code, checker, departments, date, basis) VALUES (?,?,?,?,?)
		ON CONFLICT (unit_code) DO UPDATE SET checker=excluded.checker, departments=excluded.departments, date=excluded.date, basis=excluded.basis`,
		x.UnitCode, x.Checker, x.Departments, x.Date, x.Basis); err != nil {
		return err
	}
	return t.audit("负面情况核查", x.UnitCode, "近三年负面情况核查", nonEmpty(old.Checker, old.Departments, old.Date, old.Basis), nonEmpty(x.Checker, x.Departments, x.Date, x.Basis))
}

// DeleteScreening removes a unit's screening record.
func (t *Tx) DeleteScreening(code string) error {
	var old forms.Screening
	if err := t.tx.QueryRow("SELECT checker, departments, date, basis FROM screenings WHERE unit_code=?", code).Scan(&old.Checker, &old.Departments, &old.Date, &old.Basis); err != nil {
		return fmt.Errorf("%s 没有负面情况核查记录", code)
	}
	if _, err := t.tx.Exec("DELETE FROM screenings WHERE unit_code=?", code); err != nil {
		return err
	}
	return t.audit("负面情况核查", code, "近三年负面情况核查", nonEmpty(old.Checker, old.Departments, old.Date, old.Basis), "")
}

// AddBar records a decision under 办法 第十六条: a city (UnitCode) or the province
// (UnitCode "") barred for the campaign years FromYear…ToYear.
func (t *Tx) AddBar(b forms.Bar) (int64, error) {
	c, err := t.base()
	if err != nil {
		return 0, err
	}
	who := c.Province.Name
	if b.UnitCode != "" {
		u, err := t.unit(c, b.UnitCode)
		if err != nil {
			return 0, err
		}
		who = u.Name
	}
	if b.ToYear == 0 {
		b.ToYear = b.FromYear + 2 // “三年”
	}
	if b.FromYear < 2000 || b.ToYear < b.FromYear || b.ToYear > b.FromYear+9 {
		return 0, fmt.Errorf("取消资格的年度 %d—%d 无效：应写起始年度（如 2021），三年即至 %d 年度", b.FromYear, b.ToYear, b.FromYear+2)
	}
	b.DocNo, b.Reason = strings.TrimSpace(b.DocNo), strings.TrimSpace(b.Reason)
	if b.DocNo == "" || b.Reason == "" {
		return 0, fmt.Errorf("取消%s资格须写明决定文件文号和原因（办法第十六条）", who)
	}
	res, err := t.tx.Exec("INSERT INTO bars (unit_code, from_year, to_year, doc_no, reason) VALUES (?,?,?,?,?)", b.UnitCode, b.FromYear, b.ToYear, b.DocNo, b.Reason)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return id, t.audit("取消资格", b.UnitCode, fmt.Sprintf("第十六条#%d", id), "", fmt.Sprintf("%s %d—%d年度 %s %s", who, b.FromYear, b.ToYear, b.DocNo, b.Reason))
}

// DeleteBar removes an entry of the 第十六条 register.
func (t *Tx) DeleteBar(id int64) error {
	var b forms.Bar
	if err := t.tx.QueryRow("SELECT unit_code, from_year, to_year, doc_no, reason FROM bars WHERE id=?", id).Scan(&b.UnitCode, &b.FromYear, &b.ToYear, &b.DocNo, &b.Reason); err != nil {
		return fmt.Errorf("取消资格记录#%d 不存在", id)
	}
	if _, err := t.tx.Exec("DELETE FROM bars WHERE id=?", id); err != nil {
		return err
	}
	return t.audit("取消资格", b.UnitCode, fmt.Sprintf("第十六条#%d", id), fmt.Sprintf("%d—%d年度 %s %s", b.FromYear, b.ToYear, b.DocNo, b.Reason), "")
}

// AddCommendation records a 国务院大督查通报表扬 of a city (办法 第十一条).
func (t *Tx) AddCommendation(x forms.Commendation) (int64, error) {
	c, err := t.base()
	if err != nil {
		return 0, err
	}
	u, err := t.unit(c, x.UnitCode)
	if err != nil {
		return 0, err
	}
	x.DocNo, x.Title = strings.TrimSpace(x.DocNo), strings.TrimSpace(x.Title)
	if x.DocNo == "" {
		return 0, fmt.Errorf("%s的通报表扬须写明通报文件文号（如 国办发〔2021〕49号）", u.Name)
	}
	if x.Date, err = forms.NormalizeDate(x.Date); err != nil || x.Date == "" {
		if err == nil {
			err = fmt.Errorf("未填写")
		}
		return 0, fmt.Errorf("%s通报表扬日期：%w", u.Name, err)
	}
	res, err := t.tx.Exec("INSERT INTO commendations (unit_code, doc_no, date, title) VALUES (?,?,?,?)", x.UnitCode, x.DocNo, x.Date, x.Title)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return id, t.audit("通报表扬", x.UnitCode, fmt.Sprintf("第十一条#%d", id), "", nonEmpty(x.DocNo, x.Date, x.Title))
}

// DeleteCommendation removes a commendation.
func (t *Tx) DeleteCommendation(id int64) error {
	var x forms.Commendation
	if err := t.tx.QueryRow("SELECT unit_code, doc_no, date, title FROM commendations WHERE id=?", id).Scan(&x.UnitCode, &x.DocNo, &x.Date, &x.Title); err != nil {
		return fmt.Errorf("通报表扬记录#%d 不存在", id)
	}
	if _, err := t.tx.Exec("DELETE FROM commendations WHERE id=?", id); err != nil {
		return err
	}
	return t.audit("通报表扬", x.UnitCode, fmt.Sprintf("第十一条#%d", id), nonEmpty(x.DocNo, x.Date, x.Title), "")
}

// SetIndustryStatistical marks a 主导产业 row as inside (notStat false) or outside the
// statistical system; outside needs a reason and then needs no verification.
func (t *Tx) SetIndustryStatistical(code string, row int, notStat bool, reason string) error {
	reason = strings.TrimSpace(reason)
	if notStat && reason == "" {
		return fmt.Errorf("标记主导产业第 %d 行未纳入统计体系时须写明原因", row)
	}
	if !notStat {
		reason = ""
	}
	var oldFlag int
	var oldReason string
	if err := t.tx.QueryRow("SELECT not_statistical, not_stat_reason FROM industries WHERE unit_code=? AND row=?", code, row).Scan(&oldFlag, &oldReason); err != nil {
		return fmt.Errorf("%s 主导产业第 %d 行尚未填写", code, row)
	}
	if _, err := t.tx.Exec("UPDATE industries SET not_statistical=?, not_stat_reason=? WHERE unit_code=? AND row=?", b2i(notStat), reason, code, row); err != nil {
		return err
	}
	text := func(flag bool, r string) string {
		if flag {
			return "未纳入统计体系：" + r
		}
		return "纳入统计体系"
	}
	return t.audit("主导产业", code, fmt.Sprintf("第%d行 统计口径", row), text(oldFlag != 0, oldReason), text(notStat, reason))
}
