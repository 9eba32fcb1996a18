package submission

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tuijian/data/bagit"
)

// swapHarness exports the demo again and again to one folder and image.
type swapHarness struct {
	t        *testing.T
	out, iso string
	day      time.Time
}

func newSwapHarness(t *testing.T) *swapHarness {
	dir := t.TempDir()
	h := &swapHarness{t: t, out: filepath.Join(dir, "报送 包"), iso: filepath.Join(dir, "报送 包.iso"), day: exportDay}
	if err := h.export(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(restoreOS)
	return h
}

func restoreOS() { rename, removeAll, writeFile = os.Rename, os.RemoveAll, os.WriteFile }

// export writes a package dated one day later than the last (so that it differs).
func (h *swapHarness) export() error {
	c, secs := demoCaseAndSections(h.t)
	h.day = h.day.AddDate(0, 0, 1)
	_, err := Export(context.Background(), ExportInput{Case: c, Sections: secs, Key: sharedKey(h.t), Date: h.day, Out: h.out, ISO: h.iso, Documents: fakeDocuments}, nil)
	return err
}

// pair is the tag manifest of the folder and the one inside the image.
func (h *swapHarness) pair() (folder, image []byte) {
	folder, _ = os.ReadFile(filepath.Join(h.out, bagit.TagManifest))
	return folder, imageManifest(h.iso)
}

// consistent checks that folder and image are one package and both verify.
func (h *swapHarness) consistent(step string) {
	t := h.t
	t.Helper()
	f, i := h.pair()
	if f == nil || !bytes.Equal(f, i) {
		t.Errorf("%s: folder and image are not one package", step)
	}
	if rep := Verify(h.out, nil); !rep.OK() {
		t.Errorf("%s: the folder in place does not verify:\n%s", step, rep.Text())
	}
	if rep := Verify(h.iso, nil); !rep.OK() {
		t.Errorf("%s: the image in place does not verify:\n%s", step, rep.Text())
	}
}

// Issue 15 point 1 and issue 20 point 2: folder and image are one unit. Each rename or
// removal of an export is made to fail in turn; afterwards the folder and the image
// are both the old package or both the new one, never a mix, and an error says so.
func TestSwapFaultInjection(t *testing.T) {
	h := newSwapHarness(t)
	for fail := 1; ; fail++ {
		before, _ := h.pair()
		n := 0
		inject := func(real func() error) error {
			n++
			if n == fail {
				return errors.New("injected failure")
			}
			return real()
		}
		rename = func(a, b string) error { return inject(func() error { return os.Rename(a, b) }) }
		removeAll = func(p string) error { return inject(func() error { return os.RemoveAll(p) }) }
		writeFile = func(p string, b []byte, m os.FileMode) error {
			return inject(func() error { return os.WriteFile(p, b, m) })
		}
		err := h.export()
		restoreOS()
		after, _ := h.pair()
		switch {
		case n < fail: // every step done without a failure: all steps covered
			if err != nil || bytes.Equal(before, after) {
				t.Fatalf("export without failures: %v", err)
			}
			if fail < 6 {
				t.Fatalf("only %d steps", fail-1)
			}
			h.consistent("final")
			return
		case bytes.Equal(before, after):
			if err == nil || !strings.Contains(err.Error(), "未改动") {
				t.Errorf("step %d failed: old pair kept but the error says %v", fail, err)
			}
		case err != nil && !strings.Contains(err.Error(), "已写好"):
			t.Errorf("step %d failed: new pair in place but the error says %v", fail, err)
		}
		h.consistent(fmt.Sprintf("step %d", fail))
		if l := Leftovers(h.out, h.iso); len(l) > 0 && (err == nil || !strings.Contains(err.Error(), "手工删除")) {
			t.Errorf("step %d: leftovers %v", fail, l)
		}
		Repair(h.out, h.iso)
		if fail > 30 {
			t.Fatal("export never completes")
		}
	}
}

// Issue 20 point 2: a crash at any step of an export (simulated: from that step on
// nothing more is renamed or removed, as when the process is killed) leaves a state
// that Repair, which the next export runs first, turns back into one verified
// package, naming what it did; a leftover folder never verifies as a package.
func TestSwapCrashRepair(t *testing.T) {
	h := newSwapHarness(t)
	for crash := 1; ; crash++ {
		n := 0
		crashed := errors.New("simulated crash")
		rename = func(a, b string) error {
			if n++; n >= crash {
				return crashed
			}
			return os.Rename(a, b)
		}
		removeAll = func(p string) error {
			if n++; n >= crash {
				return crashed
			}
			return os.RemoveAll(p)
		}
		writeFile = func(p string, b []byte, m os.FileMode) error {
			if n++; n >= crash {
				return crashed
			}
			return os.WriteFile(p, b, m)
		}
		err := h.export()
		restoreOS()
		if err == nil {
			if crash < 6 {
				t.Fatalf("only %d steps", crash-1)
			}
			return
		}
		left := Leftovers(h.out, h.iso)
		for _, p := range left {
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				// The one window: the previous package moved aside, not yet marked, and
				// no package in its place (Repair puts it back).
				if rep := Verify(p, nil); rep.OK() && exists(h.out) {
					t.Errorf("crash at step %d: the leftover %s verifies as a package", crash, filepath.Base(p))
				}
			}
		}
		notes := Repair(h.out, h.iso)
		if len(left) > 0 && len(notes) == 0 {
			t.Errorf("crash at step %d: leftovers %v repaired without a word", crash, left)
		}
		h.consistent(fmt.Sprintf("after a crash at step %d", crash))
		if l := Leftovers(h.out, h.iso); len(l) > 0 {
			t.Errorf("crash at step %d: leftovers after repair %v", crash, l)
		}
		t.Logf("crash at step %d: %v", crash, notes)
		if crash > 30 {
			t.Fatal("export never completes")
		}
	}
}

// An export without an image replaces the image of the previous package beside the
// folder too (a new folder never sits beside an old image).
func TestExportWithoutISOKeepsThePair(t *testing.T) {
	h := newSwapHarness(t)
	c, secs := demoCaseAndSections(t)
	if _, err := Export(context.Background(), ExportInput{Case: c, Sections: secs, Key: sharedKey(t), Date: h.day.AddDate(0, 0, 1), Out: h.out, Documents: fakeDocuments}, nil); err != nil {
		t.Fatal(err)
	}
	h.consistent("export without --iso")
}

// A marked leftover is named as such by verify, and verify of the package beside it
// mentions it.
func TestVerifyNamesLeftovers(t *testing.T) {
	h := newSwapHarness(t)
	left := h.out + ".old-1"
	copyTree(t, h.out, left)
	if err := mark(left); err != nil {
		t.Fatal(err)
	}
	rep := Verify(left, nil)
	if rep.OK() || !problemsMention(rep, MarkerName) {
		t.Errorf("marked leftover:\n%s", rep.Text())
	}
	rep = Verify(h.out, nil)
	if !rep.OK() || len(rep.Notes) != 1 || !strings.Contains(rep.Notes[0], filepath.Base(left)) {
		t.Errorf("package beside a leftover: ok %v, notes %v", rep.OK(), rep.Notes)
	}
	if notes := Repair(h.out, h.iso); len(notes) != 1 || exists(left) {
		t.Errorf("repair: %v", notes)
	}
}
