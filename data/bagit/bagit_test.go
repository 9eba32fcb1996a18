package bagit

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var testInfo = Info{Fields: [][2]string{
	{"Source-Organization", "山东省工业和信息化厅"},
	{"Contact-Name", "张三"},
	{"Contact-Phone", "0531-12345678"},
	{"External-Description", "2021 年度督查激励推荐材料"},
	{"Bagging-Date", "2022-03-01"},
	{"Payload-Oxum", "1.1"}, // ignored: always computed
}}

var payloadFiles = map[string]string{
	"data/submission.json":                  `{"a":1}`,
	"data/工业稳增长/推荐表.xlsx":                   "PK\x03\x04 fake xlsx",
	"data/工业稳增长/推荐函.pdf":                    "%PDF-1.7 fake",
	"data/工业稳增长/申报书 (定稿).docx":              "docx bytes",
	"data/技术改造/济南市/真实性承诺.pdf":               "承诺",
	"data/技术改造/empty.txt":                   "",
	"data/技术改造/济南市/深层/更深/说明 with space.txt": "x y z\n",
}

var extras = []TagFile{
	{Name: "tuijian.pub", Data: []byte("untrusted comment: minisign public key 0123456789ABCDEF\nRWQ...\n")},
	{Name: "README-验证说明.txt", Data: []byte("用 sha256sum -c manifest-sha256.txt 核对。\n")},
}

func makePayload(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for p, c := range payloadFiles {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func makeBag(t *testing.T) string {
	t.Helper()
	dir := makePayload(t)
	if err := Write(dir, testInfo, extras...); err != nil {
		t.Fatal(err)
	}
	return dir
}

func readAll(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestWriteVerify(t *testing.T) {
	dir := makeBag(t)
	if probs := Verify(dir); len(probs) != 0 {
		t.Fatalf("fresh bag has problems: %v", probs)
	}
	files := readAll(t, dir)
	if got := string(files[BagitFile]); got != "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n" {
		t.Fatalf("bagit.txt %q", got)
	}
	var octets int
	for _, c := range payloadFiles {
		octets += len(c)
	}
	wantInfo := "Source-Organization: 山东省工业和信息化厅\nContact-Name: 张三\nContact-Phone: 0531-12345678\n" +
		"External-Description: 2021 年度督查激励推荐材料\nBagging-Date: 2022-03-01\n" +
		"Payload-Oxum: " + strconv.Itoa(octets) + "." + strconv.Itoa(len(payloadFiles)) + "\n"
	if got := string(files[InfoFile]); got != wantInfo {
		t.Fatalf("bag-info.txt:\n%s\nwant:\n%s", got, wantInfo)
	}
	man := strings.Split(strings.TrimSuffix(string(files[Manifest]), "\n"), "\n")
	if len(man) != len(payloadFiles) {
		t.Fatalf("manifest has %d lines, want %d", len(man), len(payloadFiles))
	}
	for i := 1; i < len(man); i++ {
		if man[i-1][66:] >= man[i][66:] {
			t.Fatalf("manifest not sorted: %q before %q", man[i-1], man[i])
		}
	}
	tm := string(files[TagManifest])
	for _, n := range []string{BagitFile, InfoFile, Manifest, "tuijian.pub", "README-验证说明.txt"} {
		if !strings.Contains(tm, "  "+n+"\n") {
			t.Errorf("tag manifest lacks %s:\n%s", n, tm)
		}
	}
	if bytes.Contains(files[TagManifest], []byte("\r")) || bytes.Contains(files[Manifest], []byte("\r")) {
		t.Fatal("CR in manifest")
	}

	// Re-run: byte-identical.
	if err := Write(dir, testInfo, extras...); err != nil {
		t.Fatal(err)
	}
	again := readAll(t, dir)
	if len(again) != len(files) {
		t.Fatalf("file count changed %d → %d", len(files), len(again))
	}
	for p, b := range files {
		if !bytes.Equal(again[p], b) {
			t.Fatalf("%s differs on re-run", p)
		}
	}
	// A second bag with the same content in another folder: identical tag files.
	other := makeBag(t)
	for _, n := range []string{BagitFile, InfoFile, Manifest, TagManifest} {
		if !bytes.Equal(readAll(t, other)[n], files[n]) {
			t.Fatalf("%s differs between two folders", n)
		}
	}
}

func TestDefaultBaggingDate(t *testing.T) {
	dir := makePayload(t)
	if err := Write(dir, Info{Fields: [][2]string{{"Source-Organization", "x"}}}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, InfoFile))
	if !bytes.Contains(b, []byte("\nBagging-Date: 20")) {
		t.Fatalf("no Bagging-Date: %s", b)
	}
	if p := Verify(dir); p != nil {
		t.Fatal(p)
	}
}

func TestSha256sumChecks(t *testing.T) {
	sum, err := exec.LookPath("sha256sum")
	if err != nil {
		t.Skip("sha256sum not installed")
	}
	dir := makeBag(t)
	for _, m := range []string{Manifest, TagManifest} {
		cmd := exec.Command(sum, "--strict", "-c", m)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("sha256sum -c %s: %v\n%s", m, err, out)
		}
		if n := strings.Count(string(out), ": OK\n"); n == 0 {
			t.Fatalf("sha256sum checked nothing:\n%s", out)
		}
	}
	// And it notices a change.
	os.WriteFile(filepath.Join(dir, "data", "submission.json"), []byte(`{"a":2}`), 0o644)
	cmd := exec.Command(sum, "-c", Manifest)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Fatalf("sha256sum accepted a changed file:\n%s", out)
	}
}

func hasProblem(probs []Problem, path, what string) bool {
	for _, p := range probs {
		if p.Path == path && strings.Contains(p.What, what) {
			return true
		}
	}
	return false
}

func TestTamper(t *testing.T) {
	all := []string{BagitFile, InfoFile, Manifest, TagManifest, "tuijian.pub", "README-验证说明.txt"}
	for p := range payloadFiles {
		all = append(all, p)
	}
	// One byte changed (or appended to an empty file) in every file.
	for _, p := range all {
		t.Run("change "+p, func(t *testing.T) {
			dir := makeBag(t)
			full := filepath.Join(dir, filepath.FromSlash(p))
			b, _ := os.ReadFile(full)
			if len(b) == 0 {
				b = []byte{'x'}
			} else {
				b[len(b)/2] ^= 0x01
			}
			os.WriteFile(full, b, 0o644)
			probs := Verify(dir)
			if len(probs) == 0 {
				t.Fatal("change not detected")
			}
			named := false
			for _, q := range probs {
				if q.Path == p || strings.Contains(q.What, p) {
					named = true
				}
			}
			// A change to the tag manifest itself is caught by its signature
			// (not this package); a broken line is still reported here.
			if !named && p != TagManifest {
				t.Fatalf("problems do not name %s: %v", p, probs)
			}
		})
	}
	t.Run("payload file added", func(t *testing.T) {
		dir := makeBag(t)
		os.WriteFile(filepath.Join(dir, "data", "工业稳增长", "补充.pdf"), []byte("x"), 0o644)
		probs := Verify(dir)
		if !hasProblem(probs, "data/工业稳增长/补充.pdf", "打包后加入") || !hasProblem(probs, InfoFile, "Payload-Oxum") {
			t.Fatal(probs)
		}
	})
	t.Run("payload file removed", func(t *testing.T) {
		dir := makeBag(t)
		os.Remove(filepath.Join(dir, "data", "工业稳增长", "推荐表.xlsx"))
		probs := Verify(dir)
		if !hasProblem(probs, "data/工业稳增长/推荐表.xlsx", "缺失") {
			t.Fatal(probs)
		}
	})
	t.Run("payload file renamed", func(t *testing.T) {
		dir := makeBag(t)
		os.Rename(filepath.Join(dir, "data", "submission.json"), filepath.Join(dir, "data", "Submission.json"))
		probs := Verify(dir)
		if !hasProblem(probs, "data/submission.json", "缺失") || !hasProblem(probs, "data/Submission.json", "打包后加入") {
			t.Fatal(probs)
		}
	})
	t.Run("tag file added", func(t *testing.T) {
		dir := makeBag(t)
		os.WriteFile(filepath.Join(dir, "extra.txt"), []byte("x"), 0o644)
		os.MkdirAll(filepath.Join(dir, "meta"), 0o755)
		os.WriteFile(filepath.Join(dir, "meta", "x.txt"), []byte("x"), 0o644)
		probs := Verify(dir)
		if !hasProblem(probs, "extra.txt", "打包后加入") || !hasProblem(probs, "meta/x.txt", "打包后加入") {
			t.Fatal(probs)
		}
	})
	t.Run("signature file allowed", func(t *testing.T) {
		dir := makeBag(t)
		os.WriteFile(filepath.Join(dir, SignatureFile), []byte("sig"), 0o644)
		if probs := Verify(dir); probs != nil {
			t.Fatal(probs)
		}
		// and a new Write removes the stale signature
		if err := Write(dir, testInfo, extras...); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(dir, SignatureFile)); !os.IsNotExist(err) {
			t.Fatal("stale signature kept")
		}
	})
	for _, p := range []string{"tuijian.pub", InfoFile, Manifest, BagitFile, TagManifest} {
		t.Run("tag file removed "+p, func(t *testing.T) {
			dir := makeBag(t)
			os.Remove(filepath.Join(dir, p))
			probs := Verify(dir)
			if !hasProblem(probs, p, "缺") {
				t.Fatal(probs)
			}
		})
	}
	t.Run("manifest line dropped", func(t *testing.T) {
		dir := makeBag(t)
		full := filepath.Join(dir, TagManifest)
		b, _ := os.ReadFile(full)
		var keep []string
		for _, l := range strings.SplitAfter(string(b), "\n") {
			if !strings.HasSuffix(l, "  "+InfoFile+"\n") {
				keep = append(keep, l)
			}
		}
		os.WriteFile(full, []byte(strings.Join(keep, "")), 0o644)
		if probs := Verify(dir); !hasProblem(probs, TagManifest, "没有列出 bag-info.txt") {
			t.Fatal(probs)
		}
	})
	t.Run("path escapes bag", func(t *testing.T) {
		dir := makeBag(t)
		f, _ := os.OpenFile(filepath.Join(dir, Manifest), os.O_APPEND|os.O_WRONLY, 0)
		f.WriteString(strings.Repeat("0", 64) + "  data/../../etc/passwd\n")
		f.Close()
		if probs := Verify(dir); !hasProblem(probs, Manifest, "包外") {
			t.Fatal(probs)
		}
	})
}

func TestRejectNames(t *testing.T) {
	for _, name := range []string{"100%完成.pdf", "a\nb.txt", "a\rb.txt", `a\b.txt`} {
		dir := makePayload(t)
		if err := os.WriteFile(filepath.Join(dir, "data", name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		err := Write(dir, testInfo)
		if err == nil || !strings.Contains(err.Error(), "文件名") {
			t.Fatalf("%q: %v", name, err)
		}
		if _, err := os.Stat(filepath.Join(dir, TagManifest)); !os.IsNotExist(err) {
			t.Fatalf("%q: tag manifest written despite error", name)
		}
	}
	// Folder name with %.
	dir := makePayload(t)
	os.MkdirAll(filepath.Join(dir, "data", "50%"), 0o755)
	if err := Write(dir, testInfo); err == nil || !strings.Contains(err.Error(), "百分号") {
		t.Fatal(err)
	}
}

func TestWriteRefuses(t *testing.T) {
	dir := makePayload(t)
	os.WriteFile(filepath.Join(dir, "stray.txt"), []byte("x"), 0o644)
	if err := Write(dir, testInfo); err == nil || !strings.Contains(err.Error(), "stray.txt") {
		t.Fatalf("stray top-level file: %v", err)
	}
	dir = makePayload(t)
	if err := os.Symlink("/etc/hostname", filepath.Join(dir, "data", "link")); err == nil {
		if err := Write(dir, testInfo); err == nil || !strings.Contains(err.Error(), "符号链接") {
			t.Fatalf("symlink: %v", err)
		}
	}
	dir = t.TempDir()
	if err := Write(dir, testInfo); err == nil || !strings.Contains(err.Error(), "data") {
		t.Fatalf("no data/: %v", err)
	}
	for _, info := range []Info{
		{Fields: [][2]string{{"Bad:Label", "x"}}},
		{Fields: [][2]string{{"Label", "two\nlines"}}},
		{Fields: [][2]string{{"Bagging-Date", "2022/3/1"}}},
	} {
		if err := Write(makePayload(t), info); err == nil {
			t.Fatalf("bad info accepted: %v", info)
		}
	}
	for _, tf := range []TagFile{{Name: "a/b"}, {Name: Manifest}, {Name: "manifest-md5.txt"}, {Name: ""}} {
		if err := Write(makePayload(t), testInfo, tf); err == nil {
			t.Fatalf("bad tag file name accepted: %q", tf.Name)
		}
	}
}

func TestEmptyPayload(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "data"), 0o755)
	if err := Write(dir, testInfo); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, InfoFile))
	if !bytes.Contains(b, []byte("Payload-Oxum: 0.0\n")) {
		t.Fatalf("%s", b)
	}
	if p := Verify(dir); p != nil {
		t.Fatal(p)
	}
}
