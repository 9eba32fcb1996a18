package store

import (
	"strings"
	"time"
)

// AuditEntry is one change in the history.
type AuditEntry struct {
	ID       int64
	Batch    int64
	At       time.Time
	Who      string
	Note     string // the action the change belongs to, e.g. “导入 figures.xlsx”
	Entity   string // 指标, 候选, 负面情况, …
	UnitCode string
	Field    string
	Old, New string
}

// AuditFilter selects history entries; empty fields match everything.
type AuditFilter struct {
	UnitCode string
	Field    string // substring of the field name
	Limit    int    // 0: no limit
}

// Audit returns the history, newest first.
func (s *Store) Audit(f AuditFilter) ([]AuditEntry, error) {
	q := `SELECT a.id, a.batch_id, b.at, b.who, b.note, a.entity, a.unit_code, a.field, a.old, a.new
		FROM audit a JOIN audit_batches b ON b.id = a.batch_id WHERE 1=1`
	var args []any
	if f.UnitCode != "" {
		q += " AND a.unit_code = ?"
		args = append(args, f.UnitCode)
	}
	if f.Field != "" {
		q += " AND instr(a.field, ?) > 0"
		args = append(args, strings.TrimSpace(f.Field))
	}
	q += " ORDER BY a.id DESC"
	if f.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, f.Limit)
	}
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &e.Batch, &at, &e.Who, &e.Note, &e.Entity, &e.UnitCode, &e.Field, &e.Old, &e.New); err != nil {
			return nil, err
		}
		e.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, e)
	}
	return out, rows.Err()
}
