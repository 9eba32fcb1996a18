package store

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"tuijian/forms"
)

// A case belongs to one campaign definition (issue 16): the definition file as the
// officer adopted it is kept in the data file (table campaign), so that neither a
// release with a corrected built-in file nor an edited file on disk changes the rules a
// case runs on. Only AdoptCampaign (设置 → 载入定义文件, setup --campaign) replaces it,
// after the officer has seen the difference.

// BuiltinSource is the source of a built-in definition: "builtin:2021".
const builtinSource = "builtin:"

// CampaignRecord is the stored definition of the case's campaign.
type CampaignRecord struct {
	Definition []byte // canonical JSON (forms.EncodeCampaign)
	Source     string // "builtin:YEAR" or the path of the file it was loaded from
	FileSHA256 string // SHA-256 of the file as read
	AdoptedAt  string // RFC 3339
	Stored     bool   // false: an older data file without a row, on the built-in definition
}

// Builtin reports whether the definition is one of the program's.
func (r CampaignRecord) Builtin() bool { return strings.HasPrefix(r.Source, builtinSource) }

// SourceText is the source as the officer reads it.
func (r CampaignRecord) SourceText() string {
	if y, ok := strings.CutPrefix(r.Source, builtinSource); ok {
		return "本程序内置的 " + y + " 年度定义"
	}
	return "定义文件 " + r.Source
}

func fileSHA(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// campaignRecord reads the stored definition; without a row, the built-in one of year.
func campaignRecord(q querier, year int) (CampaignRecord, error) {
	var r CampaignRecord
	var def string
	err := q.QueryRow("SELECT definition, source, file_sha256, adopted_at FROM campaign WHERE id = 1").Scan(&def, &r.Source, &r.FileSHA256, &r.AdoptedAt)
	switch {
	case err == nil:
		r.Definition, r.Stored = []byte(def), true
		return r, nil
	case !errors.Is(err, sql.ErrNoRows):
		return r, err
	}
	b, ok := forms.BuiltinCampaign(year)
	if !ok {
		_, err := forms.CampaignFor(year)
		return r, err
	}
	return CampaignRecord{Definition: b, Source: builtinSource + strconv.Itoa(year), FileSHA256: fileSHA(b)}, nil
}

// campaignOf decodes the case's definition.
func campaignOf(q querier, year int) (*forms.Campaign, error) {
	r, err := campaignRecord(q, year)
	if err != nil {
		return nil, err
	}
	c, err := forms.DecodeCampaign(r.Definition)
	if err != nil {
		return nil, fmt.Errorf("数据文件中保存的督查激励定义（%s）无法读取：%w", r.SourceText(), err)
	}
	if c.Year != year {
		return nil, fmt.Errorf("数据文件中保存的督查激励定义是 %d 年度的，设置的年度却是 %d", c.Year, year)
	}
	return c, nil
}

// CampaignRecord returns the stored definition of the case.
func (s *Store) CampaignRecord() (CampaignRecord, error) {
	st, err := s.Settings()
	if err != nil {
		return CampaignRecord{}, err
	}
	if st.Year == 0 {
		return CampaignRecord{}, ErrNotSetUp
	}
	return campaignRecord(s.db, st.Year)
}

// Campaign returns the case's campaign definition.
func (s *Store) Campaign() (*forms.Campaign, error) {
	st, err := s.Settings()
	if err != nil {
		return nil, err
	}
	if st.Year == 0 {
		return nil, ErrNotSetUp
	}
	return campaignOf(s.db, st.Year)
}

// AdoptCampaign makes the definition file b (read from source: a path, or
// "builtin:YEAR") the case's campaign and sets the settings' year to its year. It is
// refused, changing nothing, when the file has faults, when the case has candidates of
// another year, or when the new definition drops a measure the case has candidates or
// choices for or allows fewer units than are chosen.
func (t *Tx) AdoptCampaign(b []byte, source string) (*forms.Campaign, error) {
	return t.adopt(b, source, true)
}

// adopt stores the definition; setYear: also set the settings' year (SetSettings sets
// it itself).
func (t *Tx) adopt(b []byte, source string, setYear bool) (*forms.Campaign, error) {
	c, err := forms.DecodeCampaign(b)
	if err != nil {
		return nil, err
	}
	canon, err := forms.EncodeCampaign(c)
	if err != nil {
		return nil, err
	}
	st, err := t.s.settingsTx(t.tx)
	if err != nil {
		return nil, err
	}
	var old CampaignRecord // none before the first setup
	if st.Year != 0 {
		if old, err = campaignRecord(t.tx, st.Year); err != nil {
			return nil, err
		}
	}
	if st.Year != 0 && st.Year != c.Year {
		var n int
		if err := t.scanRow("SELECT (SELECT COUNT(*) FROM candidates) + (SELECT COUNT(*) FROM figures)", []any{}, &n); err != nil {
			return nil, err
		}
		if n > 0 {
			return nil, fmt.Errorf("本数据文件已有 %d 年度的候选和数据，不能改为 %d 年度的定义；新年度请新建数据文件（--db）", st.Year, c.Year)
		}
	}
	counts, err := countsByMeasure(t.tx, "SELECT measure, COUNT(*) FROM (SELECT measure FROM candidates UNION ALL SELECT measure FROM choices) GROUP BY measure")
	if err != nil {
		return nil, err
	}
	for m, n := range counts {
		if _, err := c.Measure(forms.MeasureID(m)); err != nil && n > 0 {
			return nil, fmt.Errorf("新定义没有措施“%s”，而本数据文件已有它的候选或推荐选择：请先取消，再载入", m)
		}
	}
	chosen, err := countsByMeasure(t.tx, "SELECT measure, COUNT(*) FROM choices GROUP BY measure")
	if err != nil {
		return nil, err
	}
	for _, m := range c.Measures {
		if n := chosen[string(m.ID)]; n > m.Quota.Max {
			return nil, fmt.Errorf("措施“%s”已选定 %d 个，新定义最多推荐 %d 个：请先取消多出的选择，再载入", m.Short, n, m.Quota.Max)
		}
	}
	if old.Stored && bytes.Equal(old.Definition, canon) && old.Source == source {
		return c, nil
	}
	if _, err := t.tx.Exec(`INSERT INTO campaign (id, definition, source, file_sha256, adopted_at) VALUES (1, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, source = excluded.source, file_sha256 = excluded.file_sha256, adopted_at = excluded.adopted_at`,
		string(canon), source, fileSHA(b), t.s.Now().Format(time.RFC3339)); err != nil {
		return nil, err
	}
	if setYear && st.Year != c.Year {
		if _, err := t.tx.Exec("UPDATE settings SET year = ? WHERE id = 1", c.Year); err != nil {
			return nil, err
		}
		if err := t.audit("设置", "", "年度", yearText(st.Year), strconv.Itoa(c.Year)); err != nil {
			return nil, err
		}
	}
	desc := func(r CampaignRecord) string {
		if r.Definition == nil {
			return ""
		}
		return fmt.Sprintf("%s（SHA-256 %s）", r.SourceText(), r.FileSHA256[:16])
	}
	return c, t.audit("督查激励定义", "", "定义", desc(old), desc(CampaignRecord{Definition: canon, Source: source, FileSHA256: fileSHA(b)}))
}

// countsByMeasure runs a query of (measure, count) rows into a map.
func countsByMeasure(q querier, query string) (map[string]int, error) {
	out := map[string]int{}
	err := each(q, query, func(r *sql.Rows) error {
		var m string
		var n int
		err := r.Scan(&m, &n)
		out[m] = n
		return err
	})
	return out, err
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// CampaignDrift says, in Chinese, when the definition the case was set up with has
// changed where it came from: the file on disk was edited, moved or deleted, or this
// release's built-in definition of the year differs from the stored one. The case
// keeps running on its stored definition; the officer adopts the new one explicitly.
// "" when nothing changed.
func (s *Store) CampaignDrift() (string, error) {
	r, err := s.CampaignRecord()
	if err != nil || !r.Stored {
		return "", err
	}
	stored, err := forms.DecodeCampaign(r.Definition)
	if err != nil {
		return "", err
	}
	if y, ok := strings.CutPrefix(r.Source, builtinSource); ok {
		year, _ := strconv.Atoi(y)
		b, ok := forms.BuiltinCampaign(year)
		if !ok || fileSHA(b) == r.FileSHA256 {
			return "", nil
		}
		now, _ := forms.DecodeCampaign(b)
		return driftText(fmt.Sprintf("本版程序内置的 %d 年度定义与本数据文件采用的不同", year), stored, now), nil
	}
	b, err := os.ReadFile(r.Source)
	if err != nil {
		return fmt.Sprintf("本数据文件采用的定义文件 %s 已不在（%v）；数据文件中保存的定义照常使用", r.Source, errors.Unwrap(err)), nil
	}
	if fileSHA(b) == r.FileSHA256 {
		return "", nil
	}
	now, err := forms.DecodeCampaign(b)
	if err != nil {
		return fmt.Sprintf("定义文件 %s 自采用后已改动，且现有错误，不能采用；数据文件中保存的定义照常使用。\n%v", r.Source, err), nil
	}
	return driftText(fmt.Sprintf("定义文件 %s 自采用后已改动", r.Source), stored, now), nil
}

func driftText(head string, stored, now *forms.Campaign) string {
	d := forms.DiffCampaigns(stored, now)
	if len(d) == 0 {
		return head + "（只改了格式，规则相同）；数据文件中保存的定义照常使用。"
	}
	return head + "；数据文件中保存的定义照常使用，如需采用请在“设置”中载入（tuijian-cli setup --campaign 文件）。改动：\n  " + strings.Join(d, "\n  ")
}

// pinCampaign keeps the case's definition in step with the settings' year: the year
// of the stored definition stays; another year takes that year's built-in definition
// (refused when there is none: a new year's notice comes as a file); a data file
// without a stored definition gets its built-in one written, so that a later release
// does not change it.
func (t *Tx) pinCampaign(year int) error {
	var def string
	err := t.tx.QueryRow("SELECT definition FROM campaign WHERE id = 1").Scan(&def)
	switch {
	case err == nil:
		if c, err := forms.DecodeCampaign([]byte(def)); err == nil && c.Year == year {
			return nil
		}
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	b, ok := forms.BuiltinCampaign(year)
	if !ok {
		_, err := forms.CampaignFor(year)
		return err
	}
	_, err = t.adopt(b, builtinSource+strconv.Itoa(year), false)
	return err
}
