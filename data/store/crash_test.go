package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"tuijian/forms"
)

// The crash test (issue 20): a child process edits (one figure per transaction) and
// imports (twelve figures in one transaction, as a workbook import does) in a loop,
// printing each number once Update has returned; it is killed with SIGKILL at a random
// moment. The file must then pass SQLite's integrity check, hold every edit reported
// as saved, and show each import whole or not at all, with its audit batch. (A kill
// leaves the OS cache; power loss is what synchronous=FULL is for, see store.go.)

const crashEnv = "TUIJIAN_TEST_EDIT_LOOP"

var crashUnits = []string{"370100", "370200", "370300", "370400", "370500", "370600"}

func crashKey(u string, year int) forms.FigureKey {
	return forms.FigureKey{UnitCode: u, Measure: forms.Industry, Indicator: "ind.va_growth", Year: year}
}

func TestMain(m *testing.M) {
	if p := os.Getenv(crashEnv); p != "" {
		editLoop(p)
		return
	}
	os.Exit(m.Run())
}

func editLoop(path string) {
	s, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	s.Actor = "子进程"
	w := bufio.NewWriter(os.Stdout)
	for i := 1; ; i++ {
		v := strconv.Itoa(i)
		if i%2 == 1 { // an edit
			err = s.Update("录入", func(tx *Tx) error {
				return tx.SetFigure(FigureInput{FigureKey: crashKey("370100", 2020), Text: v})
			})
		} else { // an import of twelve figures
			err = s.Update("导入填报表", func(tx *Tx) error {
				for _, u := range crashUnits {
					for _, y := range []int{2020, 2021} {
						if u == "370100" && y == 2020 {
							continue
						}
						if err := tx.SetFigure(FigureInput{FigureKey: crashKey(u, y), Text: v}); err != nil {
							return err
						}
					}
				}
				return nil
			})
		}
		if err != nil {
			fmt.Fprintln(w, "error", err)
			w.Flush()
			os.Exit(1)
		}
		fmt.Fprintln(w, "committed", i)
		w.Flush()
	}
}

func TestKilledEditsAndImports(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 11))
	for round := range 6 {
		path := filepath.Join(t.TempDir(), "case.db")
		s := open(t, path)
		setup(t, s)
		s.Close()
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), crashEnv+"="+path)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1<<16)
		go func() {
			sc := bufio.NewScanner(stdout)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		delay := time.Duration(200+rng.IntN(800)) * time.Millisecond
		time.Sleep(delay)
		cmd.Process.Kill()
		cmd.Wait()
		last := 0
		for l := range lines {
			if strings.HasPrefix(l, "error") {
				t.Fatal(l)
			}
			if n, err := strconv.Atoi(strings.TrimPrefix(l, "committed ")); err == nil {
				last = n
			}
		}
		if last < 2 {
			t.Logf("round %d: only %d transactions before the kill", round, last)
		}

		s = open(t, path)
		var check string
		if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
			t.Fatalf("round %d: integrity_check %q %v", round, check, err)
		}
		c, err := s.Case()
		if err != nil {
			t.Fatal(err)
		}
		value := func(k forms.FigureKey) int {
			f, ok := c.Figure(k)
			if !ok {
				return 0
			}
			return int(f.Value.A)
		}
		edit := value(crashKey("370100", 2020))
		imp := value(crashKey("370200", 2020))
		// Every reported commit is there; at most the one in flight beyond it.
		lastEdit, lastImport := last-(1-last%2), last-last%2
		if edit < lastEdit || edit > last+1 {
			t.Errorf("round %d: edit value %d, last reported edit %d", round, edit, lastEdit)
		}
		if imp < lastImport || imp > last+1 {
			t.Errorf("round %d: import value %d, last reported import %d", round, imp, lastImport)
		}
		for _, u := range crashUnits {
			for _, y := range []int{2020, 2021} {
				if (u != "370100" || y != 2020) && value(crashKey(u, y)) != imp {
					t.Errorf("round %d: half-applied import: %s %d = %d, others %d", round, u, y, value(crashKey(u, y)), imp)
				}
			}
		}
		// One audit batch per committed transaction (plus 设置), none half-written.
		var batches int
		if err := s.db.QueryRow("SELECT count(*) FROM audit_batches").Scan(&batches); err != nil {
			t.Fatal(err)
		}
		if applied := max(edit, imp); batches < applied+1 {
			t.Errorf("round %d: %d audit batches for %d transactions", round, batches, applied)
		}
		s.Close()
		t.Logf("round %d: killed after %v, %d transactions reported, edit %d, import %d, %d batches", round, delay, last, edit, imp, batches)
	}
}
