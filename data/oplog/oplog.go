// Package oplog is the operator's log beside the database and the error type with two
// readers (issue 13): Error carries the officer's message (Chinese: names, where, what
// to do; what the GUI and the CLI show) and the operator's detail (codes, paths, the
// underlying error chain; what the log keeps). The log is a text file next to the
// data file (tuijian.db → tuijian.log), rotated at MaxBytes into one .1 file, readable
// by the user only; it never holds a passphrase (Record blanks the value of
// TUIJIAN_PASSPHRASE wherever it would appear).
package oplog

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Error is an error for two readers.
type Error struct {
	Message string // for the officer
	Detail  string // for the operator (may be empty)
	Err     error  // the cause, if any
}

func (e *Error) Error() string { return e.Message }
func (e *Error) Unwrap() error { return e.Err }

// Wrap gives err an officer's message; the operator keeps err's text as the detail.
func Wrap(message string, err error) error {
	if err == nil {
		return nil
	}
	return &Error{Message: message, Err: err}
}

// Detail is everything the operator should know of err: every message of its chain
// and every Detail, outermost first, without repeats.
func Detail(err error) string {
	var parts []string
	seen := map[string]bool{}
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" && !seen[s] {
			seen[s] = true
			parts = append(parts, s)
		}
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		var oe *Error
		if errors.As(e, &oe) && oe == e {
			add(oe.Message)
			add(oe.Detail)
			continue
		}
		add(fmt.Sprintf("%T: %s", e, e.Error()))
	}
	return strings.Join(parts, " ← ")
}

// MaxBytes is the size at which the log is rotated.
const MaxBytes = 1 << 20

// PassphraseEnv is the variable whose value must never reach the log.
const PassphraseEnv = "TUIJIAN_PASSPHRASE"

// Log is the operator's log of one data file.
type Log struct {
	path string
	mu   sync.Mutex
	now  func() time.Time
}

// ForStore is the log beside the data file dbPath.
func ForStore(dbPath string) *Log {
	base := strings.TrimSuffix(dbPath, filepath.Ext(dbPath))
	return &Log{path: base + ".log", now: time.Now}
}

// Path is the log file's path (for the message that points to it).
func (l *Log) Path() string { return l.path }

// Record appends one entry: time, what was being done, the officer's message and the
// operator's detail. A log that cannot be written is not an error for the caller.
func (l *Log) Record(what string, err error) {
	if l == nil || err == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	line := fmt.Sprintf("%s [%s] %s | %s\n", l.now().Format(time.RFC3339), what, oneLine(err.Error()), oneLine(Detail(err)))
	if p := os.Getenv(PassphraseEnv); p != "" {
		line = strings.ReplaceAll(line, p, "******")
	}
	if st, e := os.Stat(l.path); e == nil && st.Size()+int64(len(line)) > MaxBytes {
		os.Rename(l.path, l.path+".1")
	}
	f, e := os.OpenFile(l.path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if e != nil {
		return
	}
	defer f.Close()
	f.WriteString(line)
}

func oneLine(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r", ""), "\n", " ⏎ ")
}
