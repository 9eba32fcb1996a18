package safefile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileReplacesWholeOrNot(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "填报表.xlsx")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new content"), 0o600); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(b) != "new content" || st.Mode().Perm() != 0o600 {
		t.Errorf("%q %v", b, st.Mode())
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("left behind: %v", ents)
	}
	// A target that cannot be replaced (a folder) keeps the old state and no temp file.
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "x"), []byte("x"), 0o644)
	if err := WriteFile(sub, []byte("y"), 0o644); err == nil {
		t.Error("replaced a non-empty folder")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("left behind: %v", ents)
	}
}
