// Package store keeps a province's campaign in one SQLite file (modernc.org/sqlite, no
// cgo): embedded migrations, WAL, foreign keys, and an audit history in which every
// change is written in the same transaction as the change itself.
//
// The file is opened in SQLite's exclusive locking mode and locked at once, so a
// second process that opens the same file gets ErrInUse (“数据文件正在被另一个程序使用”)
// instead of racing the first. Figures are stored as the canonical text of
// forms/value and parsed again on load, so what is stored is what was validated.
//
// Durability: synchronous=FULL, so a change reported saved (已保存) survives a power
// loss; a single edit costs one fsync of the WAL, which officers' typing rate does not
// notice. The folder is created 0700 and the file kept 0600.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"tuijian/data/divisions"
	"tuijian/forms"
)

//go:embed migrations/*.sql
var migrations embed.FS

// ErrInUse is returned by Open when another process holds the file.
var ErrInUse = errors.New("数据文件正在被另一个程序（可能是另一个 Tuijian 窗口或命令行）使用，请先关闭它再打开")

// Store is an open campaign database.
type Store struct {
	db   *sql.DB
	path string
	// Actor is recorded as “who” in the audit history.
	Actor string
	// Now is the clock; tests replace it.
	Now func() time.Time

	lastMu sync.Mutex
	last   Change
}

// Change describes the newest committed Update that changed something: what the
// desktop app tells the officer after every save or import.
type Change struct {
	Seq    int // counts the changes since the store was opened; 0: none yet
	Note   string
	Fields int // entries of the history it wrote
	At     time.Time
}

// LastChange is the newest committed change of this process.
func (s *Store) LastChange() Change {
	s.lastMu.Lock()
	defer s.lastMu.Unlock()
	return s.last
}

// DefaultPath is the database in the user's configuration directory
// (Windows: %AppData%\Tuijian\tuijian.db; Linux: ~/.config/Tuijian/tuijian.db).
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("找不到用户配置目录：%w；请用 --db 指定数据文件", err)
	}
	return filepath.Join(dir, "Tuijian", "tuijian.db"), nil
}

// DemoPath is the demo database beside the default one, never mixed with real data.
func DemoPath() (string, error) {
	p, err := DefaultPath()
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(p), "tuijian-demo.db"), nil
}

// Open opens or creates the database at path and brings its schema up to date.
func Open(path string) (*Store, error) {
	// Private by default (issue 20): the folder is the user's only, the file too.
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("无法创建数据目录 %s：%w", filepath.Dir(path), err)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path))
	if err != nil {
		return nil, err
	}
	// One connection: the exclusive lock and the pragmas belong to it.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	s := &Store{db: db, path: path, Actor: currentUser(), Now: time.Now}
	if err := s.init(); err != nil {
		db.Close()
		return nil, err
	}
	// SQLite creates the file with the process umask; on Windows the profile's ACL
	// already keeps it the user's.
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if _, err := os.Stat(p); err == nil {
			os.Chmod(p, 0o600)
		}
	}
	return s, nil
}

func currentUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "unknown"
}

func (s *Store) init() error {
	for _, p := range []string{"PRAGMA busy_timeout = 300", "PRAGMA locking_mode = EXCLUSIVE", "PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL"} {
		if _, err := s.db.Exec(p); err != nil {
			return s.wrapOpen(err)
		}
	}
	// Take the exclusive lock now, so a second process fails at open.
	if _, err := s.db.Exec("BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL); COMMIT"); err != nil {
		s.db.Exec("ROLLBACK")
		return s.wrapOpen(err)
	}
	return s.migrate()
}

func (s *Store) wrapOpen(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%w（%s）", ErrInUse, s.path)
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			return fmt.Errorf("%s 不是 Tuijian 数据文件或已损坏：%v", s.path, err)
		}
	}
	return fmt.Errorf("无法打开数据文件 %s：%w", s.path, err)
}

func (s *Store) migrate() error {
	var have int
	if err := s.db.QueryRow("SELECT COALESCE(MAX(version), 0) FROM schema_version").Scan(&have); err != nil {
		return s.wrapOpen(err)
	}
	names, _ := fs.Glob(migrations, "migrations/*.sql")
	sort.Strings(names)
	if have > len(names) {
		return fmt.Errorf("数据文件 %s 由更新版本的 Tuijian 创建（结构版本 %d），请升级本程序", s.path, have)
	}
	for i := have; i < len(names); i++ {
		body, _ := migrations.ReadFile(names[i])
		tx, err := s.db.Begin()
		if err != nil {
			return err
		}
		if _, err := tx.Exec(string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("升级数据文件结构（%s）失败：%w", names[i], err)
		}
		if _, err := tx.Exec("INSERT INTO schema_version (version) VALUES (?)", i+1); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Path is the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Close checkpoints the WAL and closes the file.
func (s *Store) Close() error {
	s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	return s.db.Close()
}

// Tx is one change: everything done through it is committed together with its audit
// rows, or not at all.
type Tx struct {
	tx    *sql.Tx
	s     *Store
	batch int64
	note  string
	n     int
}

// Update runs fn in one transaction recorded as one audit batch with the given note
// (e.g. “导入 figures.xlsx”). If fn returns an error nothing is written.
func (s *Store) Update(note string, fn func(*Tx) error) error {
	tx, err := s.db.BeginTx(context.Background(), nil)
	if err != nil {
		return err
	}
	t := &Tx{tx: tx, s: s, note: note}
	res, err := tx.Exec("INSERT INTO audit_batches (at, who, note) VALUES (?, ?, ?)", s.Now().Format(time.RFC3339), s.Actor, note)
	if err == nil {
		t.batch, err = res.LastInsertId()
	}
	if err == nil {
		err = fn(t)
	}
	if err == nil && t.n == 0 {
		// Nothing changed: keep no empty batch.
		_, err = tx.Exec("DELETE FROM audit_batches WHERE id = ?", t.batch)
	}
	if err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if t.n > 0 {
		s.lastMu.Lock()
		s.last = Change{Seq: s.last.Seq + 1, Note: note, Fields: t.n, At: s.Now()}
		s.lastMu.Unlock()
	}
	return nil
}

func (t *Tx) audit(entity, unit, field, old, new string) error {
	if old == new {
		return nil
	}
	t.n++
	_, err := t.tx.Exec("INSERT INTO audit (batch_id, entity, unit_code, field, old, new) VALUES (?, ?, ?, ?, ?, ?)",
		t.batch, entity, unit, field, old, new)
	return err
}

func boolText(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// nonEmpty joins the non-empty parts.
func nonEmpty(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// Settings reads the campaign settings.
func (s *Store) Settings() (forms.Settings, error) {
	var st forms.Settings
	var demo int
	err := s.db.QueryRow("SELECT province_code, year, department, contact, phone, demo FROM settings WHERE id = 1").
		Scan(&st.ProvinceCode, &st.Year, &st.Department, &st.Contact, &st.Phone, &demo)
	st.Demo = demo != 0
	return st, err
}

// SetSettings validates and writes the settings.
func (t *Tx) SetSettings(st forms.Settings) error {
	if _, ok := divisions.Province(st.ProvinceCode); !ok {
		return fmt.Errorf("推荐单位代码“%s”不是省级行政区或新疆生产建设兵团", st.ProvinceCode)
	}
	old, err := t.s.settingsTx(t.tx)
	if err != nil {
		return err
	}
	if err := t.pinCampaign(st.Year); err != nil {
		return err
	}
	if old.ProvinceCode != "" && old.ProvinceCode != st.ProvinceCode {
		var n int
		if err := t.scanRow("SELECT COUNT(*) FROM candidates", []any{}, &n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("已有候选市（州），不能更改推荐单位；请为另一省份新建数据文件（--db）")
		}
	}
	// Issue 11: never keep another province's body, never invent a placeholder.
	if old.ProvinceCode != st.ProvinceCode && st.Department == old.Department {
		st.Department = forms.DepartmentFor(st.Department, old.ProvinceCode, st.ProvinceCode)
	}
	st.Department, st.Contact, st.Phone = strings.TrimSpace(st.Department), strings.TrimSpace(st.Contact), strings.TrimSpace(st.Phone)
	if err := forms.CheckSettings(st); err != nil {
		return err
	}
	_, err = t.tx.Exec("UPDATE settings SET province_code=?, year=?, department=?, contact=?, phone=?, demo=? WHERE id = 1",
		st.ProvinceCode, st.Year, st.Department, st.Contact, st.Phone, b2i(st.Demo))
	if err != nil {
		return err
	}
	for _, f := range []struct{ name, o, n string }{
		{"推荐单位", old.ProvinceCode, st.ProvinceCode},
		{"年度", fmt.Sprint(old.Year), fmt.Sprint(st.Year)},
		{"推荐单位名称", old.Department, st.Department},
		{"联系人", old.Contact, st.Contact},
		{"联系电话", old.Phone, st.Phone},
		{"演示数据", boolText(old.Demo), boolText(st.Demo)},
	} {
		if err := t.audit("设置", "", f.name, f.o, f.n); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) settingsTx(q interface {
	QueryRow(string, ...any) *sql.Row
}) (forms.Settings, error) {
	var st forms.Settings
	var demo int
	err := q.QueryRow("SELECT province_code, year, department, contact, phone, demo FROM settings WHERE id = 1").
		Scan(&st.ProvinceCode, &st.Year, &st.Department, &st.Contact, &st.Phone, &demo)
	st.Demo = demo != 0
	return st, err
}
