package submission

import (
	"aead.dev/minisign"
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"tuijian/data/bagit"
	"tuijian/data/discimage"
	"tuijian/data/signing"
	"tuijian/data/sm2sig"
	"tuijian/forms"
)

func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s 未安装", name)
	}
	return p
}

// problemsMention reports whether some problem names the file.
func problemsMention(rep Report, file string) bool {
	for _, p := range rep.Problems {
		if p.File == file {
			return true
		}
	}
	return false
}

func TestSubmissionJSONDeterministicAndParses(t *testing.T) {
	c, _ := demoCaseAndSections(t)
	s1, err := FromCase(c, exportDay, ScopeArchive)
	if err != nil {
		t.Fatal(err)
	}
	b1, _ := s1.MarshalIndent()
	// Shuffle the case's slices: the output must not depend on their order.
	c2 := *c
	c2.Figures = slices.Clone(c.Figures)
	slices.Reverse(c2.Figures)
	c2.Events = slices.Clone(c.Events)
	slices.Reverse(c2.Events)
	s2, _ := FromCase(&c2, exportDay, ScopeArchive)
	b2, _ := s2.MarshalIndent()
	if !bytes.Equal(b1, b2) {
		t.Fatal("submission.json depends on the order of the case's slices")
	}
	got, err := Parse(b1)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Figures) != len(c.Figures) || len(got.Events) != len(c.Events) || len(got.Choices) != 2 || len(got.Assessments) != len(c.Assessments) {
		t.Fatalf("counts: figures %d/%d events %d/%d choices %d", len(got.Figures), len(c.Figures), len(got.Events), len(c.Events), len(got.Choices))
	}
	if got.Province.Name != "山东省" || got.Date != "2022-02-10" || !got.Demo {
		t.Fatalf("header: %+v %s", got.Province, got.Date)
	}
	excl := 0
	for _, e := range got.Events {
		if e.Finding.Excludes {
			excl++
		}
	}
	if excl == 0 || len(got.Exclusions) == 0 {
		t.Fatal("the demo's excluding event is not in submission.json")
	}
	for _, ch := range got.Choices {
		if ch.UnitName == "" || ch.Reason == "" {
			t.Errorf("choice %s lacks name or reason", ch.Measure)
		}
	}
	for _, bad := range []string{`{}`, `{"schema":"x"}`, strings.Replace(string(b1), `"schema"`, `"extra": 1, "schema"`, 1)} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse accepted %.40s", bad)
		}
	}
}

func TestExportVerifyAndStockTools(t *testing.T) {
	dir, res := sharedPackage(t)
	out, iso := filepath.Join(dir, "pkg"), filepath.Join(dir, "pkg.iso")
	if res.ISOBytes%2048 != 0 || res.ISOBytes == 0 {
		t.Fatalf("iso size %d", res.ISOBytes)
	}
	files := readTree(t, out)
	for _, must := range []string{bagit.BagitFile, bagit.InfoFile, bagit.Manifest, bagit.TagManifest, bagit.SignatureFile, bagit.SM2SignatureFile, PublicKeyName, SM2PublicKeyName, ReadmeName, CoverName, JSONName} {
		if _, ok := files[must]; !ok {
			t.Errorf("missing %s", must)
		}
	}
	info := string(files[bagit.InfoFile])
	for _, want := range []string{"Source-Organization: 山东省工业和信息化厅（演示）", "Contact-Name: 张演示", "Bagging-Date: 2022-02-10", "Payload-Oxum: ", "External-Description: 山东省2021年度"} {
		if !strings.Contains(info, want) {
			t.Errorf("bag-info.txt lacks %q:\n%s", want, info)
		}
	}
	if !strings.Contains(string(files[ReadmeName]), "minisign -Vm tagmanifest-sha256.txt -p tuijian.pub") || !strings.Contains(string(files[ReadmeName]), res.Fingerprint) {
		t.Error("README lacks the minisign command or the fingerprint")
	}
	if !strings.Contains(string(files[ReadmeName]), openSSLCommand) || res.SM2Fingerprint == "" || !strings.Contains(string(files[ReadmeName]), res.SM2Fingerprint) {
		t.Error("README lacks the openssl command or the SM2 fingerprint")
	}
	if rep := Verify(out, nil); !rep.OK() {
		t.Fatalf("fresh package fails:\n%s", rep.Text())
	} else if rep.Fingerprint != res.Fingerprint || rep.SM2Fingerprint != res.SM2Fingerprint || rep.Files != len(files) {
		t.Fatalf("report %+v", rep)
	}
	if f, err := os.Open(iso); err != nil {
		t.Fatal(err)
	} else {
		img, err := discimage.Open(f, res.ISOBytes)
		f.Close()
		if err != nil || img.VolumeID != "山东省2021督查激励" {
			t.Fatalf("image label %v %v", img, err)
		}
	}
	if rep := Verify(iso, signing.PublicKeyFile(sharedKey(t).Public())); !rep.OK() {
		t.Fatalf("fresh image fails:\n%s", rep.Text())
	}

	t.Run("minisign", func(t *testing.T) {
		mi := needTool(t, "minisign")
		cmd := exec.Command(mi, "-Vm", bagit.TagManifest, "-p", PublicKeyName)
		cmd.Dir = out
		if b, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(b), "verified") {
			t.Fatalf("minisign -V: %v\n%s", err, b)
		}
	})
	t.Run("openssl-sm2", func(t *testing.T) {
		needTool(t, "openssl")
		cmd := exec.Command("sh", "-c", openSSLCommand)
		cmd.Dir = out
		if b, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(b), "Signature Verified Successfully") {
			t.Fatalf("%s: %v\n%s", openSSLCommand, err, b)
		}
	})
	t.Run("sha256sum", func(t *testing.T) {
		ss := needTool(t, "sha256sum")
		for _, m := range []string{bagit.Manifest, bagit.TagManifest} {
			cmd := exec.Command(ss, "--strict", "-c", m)
			cmd.Dir = out
			b, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("sha256sum -c %s: %v\n%s", m, err, b)
			}
			if n := strings.Count(string(b), ": OK"); n != strings.Count(string(files[m]), "\n") {
				t.Fatalf("sha256sum -c %s checked %d lines:\n%s", m, n, b)
			}
		}
	})
	t.Run("xorriso-joliet", func(t *testing.T) {
		xo := needTool(t, "xorriso")
		cmd := exec.Command(xo, "-local_charset", "UTF-8", "-rockridge", "off", "-joliet", "on", "-indev", iso, "-find", "/", "-type", "f")
		b, err := cmd.Output()
		if err != nil {
			t.Fatalf("xorriso: %v", err)
		}
		listed := map[string]bool{}
		for _, l := range strings.Split(string(b), "\n") {
			l = strings.Trim(strings.TrimSpace(l), "'")
			if l != "" {
				listed[strings.TrimPrefix(l, "/")] = true
			}
		}
		deep := 0
		for rel := range files {
			if !listed[rel] {
				t.Errorf("Joliet tree lacks %s (listed: %v)", rel, listed)
			}
			if strings.Count(rel, "/") >= 2 && strings.ContainsFunc(rel, func(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }) {
				deep++
			}
		}
		if deep == 0 || len(listed) != len(files) {
			t.Fatalf("Chinese names at depth ≥ 2: %d; listed %d of %d", deep, len(listed), len(files))
		}
	})
	t.Run("7z", func(t *testing.T) {
		sz := needTool(t, "7z")
		b, err := exec.Command(sz, "l", "-slt", iso).Output()
		if err != nil {
			t.Fatalf("7z: %v", err)
		}
		listed := map[string]bool{}
		for _, l := range strings.Split(string(b), "\n") {
			if p, ok := strings.CutPrefix(strings.TrimSpace(l), "Path = "); ok {
				listed[p] = true
			}
		}
		for rel := range files {
			if !listed[rel] {
				t.Errorf("7z does not list %s", rel)
			}
		}
	})
}

func TestReexportByteIdentical(t *testing.T) {
	shared, _ := sharedPackage(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	copyTree(t, filepath.Join(shared, "pkg"), a)
	os.WriteFile(filepath.Join(dir, "a.iso"), mustRead(t, filepath.Join(shared, "pkg.iso")), 0o644)
	c, secs := demoCaseAndSections(t)
	if _, err := Export(context.Background(), ExportInput{Case: c, Sections: secs, Key: sharedKey(t), Date: exportDay,
		Out: b, ISO: filepath.Join(dir, "b.iso")}, nil); err != nil {
		t.Fatal(err)
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("%d vs %d files", len(ta), len(tb))
	}
	for rel, x := range ta {
		if !bytes.Equal(x, tb[rel]) {
			t.Errorf("%s differs between exports", rel)
		}
	}
	ia, _ := os.ReadFile(filepath.Join(dir, "a.iso"))
	ib, _ := os.ReadFile(filepath.Join(dir, "b.iso"))
	if !bytes.Equal(ia, ib) {
		t.Error("disc images differ")
	}
	// Re-export over the existing package replaces it and leaves nothing beside.
	if _, err := Export(context.Background(), ExportInput{Case: c, Sections: secs, Key: sharedKey(t), Date: exportDay, Out: a}, nil); err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(dir)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if len(names) != 4 {
		t.Errorf("left beside the package: %v", names)
	}
	if !bytes.Equal(readTree(t, a)[bagit.TagManifest], ta[bagit.TagManifest]) {
		t.Error("re-export over the old package changed it")
	}
}

func TestTamper(t *testing.T) {
	shared, _ := sharedPackage(t)
	dir := t.TempDir()
	orig := filepath.Join(shared, "pkg")
	files := readTree(t, orig)
	fresh := func(name string) string {
		p := filepath.Join(dir, name)
		os.RemoveAll(p)
		copyTree(t, orig, p)
		return p
	}
	pkg := fresh("work")
	var names []string
	for rel := range files {
		names = append(names, rel)
	}
	slices.Sort(names)
	// One byte changed in every file in turn: verify fails naming that file.
	for _, rel := range names {
		p := filepath.Join(pkg, filepath.FromSlash(rel))
		b := slices.Clone(files[rel])
		i := len(b) / 2
		b[i] ^= 0x01
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		rep := Verify(pkg, nil)
		if rep.OK() || !problemsMention(rep, rel) {
			t.Errorf("byte %d of %s changed: verify did not name it:\n%s", i, rel, rep.Text())
		}
		os.WriteFile(p, files[rel], 0o644)
	}
	if rep := Verify(pkg, nil); !rep.OK() {
		t.Fatalf("restored package fails:\n%s", rep.Text())
	}
	// A file added, in data/ and at the top.
	for _, rel := range []string{"data/01-工业稳增长/补充.txt", "附加说明.txt"} {
		p := filepath.Join(pkg, filepath.FromSlash(rel))
		os.WriteFile(p, []byte("x"), 0o644)
		if rep := Verify(pkg, nil); rep.OK() || !problemsMention(rep, rel) {
			t.Errorf("added %s not named:\n%s", rel, rep.Text())
		}
		os.Remove(p)
	}
	// Each file removed in turn.
	for _, rel := range names {
		p := filepath.Join(pkg, filepath.FromSlash(rel))
		os.Remove(p)
		if rep := Verify(pkg, nil); rep.OK() || !problemsMention(rep, rel) {
			t.Errorf("removed %s not named:\n%s", rel, rep.Text())
		}
		os.WriteFile(p, files[rel], 0o644)
	}
	// The public key swapped for another (with the tag manifest re-hashed, so only
	// the signature can tell).
	other := otherKey(t)
	swap := fresh("swap")
	os.WriteFile(filepath.Join(swap, PublicKeyName), signing.PublicKeyFile(other), 0o644)
	rep := Verify(swap, nil)
	if rep.OK() || !problemsMention(rep, PublicKeyName) || !problemsMention(rep, bagit.SignatureFile) {
		t.Errorf("swapped key not named:\n%s", rep.Text())
	}
	rehash(t, swap, bagit.TagManifest, PublicKeyName)
	rep = Verify(swap, nil)
	if rep.OK() || !problemsMention(rep, bagit.SignatureFile) {
		t.Errorf("swapped key with re-hashed tag manifest passes:\n%s", rep.Text())
	}
	// With the trusted key given, a package signed by another key is named.
	rep = Verify(fresh("given"), signing.PublicKeyFile(other))
	if rep.OK() || !problemsMention(rep, PublicKeyName) || !problemsMention(rep, bagit.SignatureFile) {
		t.Errorf("package vs given other key:\n%s", rep.Text())
	}
}

// rehash rewrites the manifest line of rel in manifest to the file's current digest.
func rehash(t *testing.T, dir, manifest, rel string) {
	t.Helper()
	b, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	lines := strings.Split(string(mustRead(t, filepath.Join(dir, manifest))), "\n")
	for i, l := range lines {
		if strings.HasSuffix(l, "  "+rel) {
			lines[i] = sha256Hex(b) + "  " + rel
		}
	}
	os.WriteFile(filepath.Join(dir, manifest), []byte(strings.Join(lines, "\n")), 0o644)
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A figure changed in submission.json with its manifest entry re-hashed and the tag
// manifest re-hashed and re-signed: only the consistency check can catch it.
func TestConsistencyCatchesAlteredSubmission(t *testing.T) {
	shared, _ := sharedPackage(t)
	pkg := filepath.Join(t.TempDir(), "p")
	copyTree(t, filepath.Join(shared, "pkg"), pkg)
	js := string(mustRead(t, filepath.Join(pkg, filepath.FromSlash(JSONName))))
	sub, err := Parse([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	ch := sub.Choices[0]
	var target Figure
	for _, f := range sub.Figures {
		if f.Unit == ch.Unit && f.Measure == ch.Measure && f.Value != "" && f.Indicator == "ind.va_growth" {
			target = f
		}
	}
	if target.Value == "" {
		t.Fatal("no figure of the chosen city")
	}
	for i := range sub.Figures {
		if sub.Figures[i] == target {
			sub.Figures[i].Value = "99.9"
		}
	}
	// An excluded city recommended, and a second city for the other measure.
	sub.Exclusions = append(sub.Exclusions, Exclusion{Unit: ch.Unit, Reason: "模拟的排除理由"})
	sub.Choices = append(sub.Choices, Choice{Measure: sub.Choices[1].Measure, Unit: "370600", UnitName: "烟台市", Decision: []byte("null")})
	b, _ := sub.MarshalIndent()
	os.WriteFile(filepath.Join(pkg, filepath.FromSlash(JSONName)), b, 0o644)
	rehash(t, pkg, bagit.Manifest, JSONName)
	// Payload-Oxum: the size changed; rewrite bag-info via a fresh bagit.Write-like fix.
	info := string(mustRead(t, filepath.Join(pkg, bagit.InfoFile)))
	pl := readTree(t, filepath.Join(pkg, "data"))
	var n int64
	for _, x := range pl {
		n += int64(len(x))
	}
	lines := strings.Split(info, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "Payload-Oxum: ") {
			lines[i] = "Payload-Oxum: " + itoa(n) + "." + itoa(int64(len(pl)))
		}
	}
	os.WriteFile(filepath.Join(pkg, bagit.InfoFile), []byte(strings.Join(lines, "\n")), 0o644)
	rehash(t, pkg, bagit.TagManifest, bagit.Manifest)
	rehash(t, pkg, bagit.TagManifest, bagit.InfoFile)
	c, _ := demoCaseAndSections(t)
	sig, err := signing.SignFile(sharedKey(t), filepath.Join(pkg, bagit.TagManifest), trustedComment(c, exportDay))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(pkg, bagit.SignatureFile), sig, 0o644)
	cd, err := CoverDataFromBag(pkg)
	if err != nil {
		t.Fatal(err)
	}
	cover, _ := CoverPDF(cd)
	os.WriteFile(filepath.Join(pkg, CoverName), cover, 0o644)

	rep := Verify(pkg, nil)
	var table, oneCity, excluded bool
	for _, p := range rep.Problems {
		switch p.Check {
		case CheckData:
			excluded = excluded || strings.Contains(p.What, "模拟的排除理由")
		case CheckTable:
			table = table || strings.Contains(p.What, "99.9")
		case CheckOneCity:
			oneCity = true
		case CheckBag, CheckSignature, CheckCover:
			t.Errorf("unexpected %s problem: %s", p.Check, p)
		}
	}
	if !table || !oneCity || !excluded {
		t.Fatalf("consistency problems not found (table %v, one city %v, excluded %v):\n%s", table, oneCity, excluded, rep.Text())
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestInterruptedExportKeepsPrevious(t *testing.T) {
	shared, _ := sharedPackage(t)
	dir := t.TempDir()
	out, iso := filepath.Join(dir, "pkg"), filepath.Join(dir, "pkg.iso")
	copyTree(t, filepath.Join(shared, "pkg"), out)
	os.WriteFile(iso, mustRead(t, filepath.Join(shared, "pkg.iso")), 0o644)
	before := readTree(t, out)
	isoBefore := mustRead(t, iso)
	c, secs := demoCaseAndSections(t)
	// Change the case so a completed export would differ.
	c2 := *c
	c2.Settings.Contact = "李中断"
	steps := map[string]bool{}
	for _, stop := range []string{"生成推荐材料", "写入报送文件", "生成清单", "签名", "生成封面清单", "生成光盘映像", "替换报送包"} {
		ctx, cancel := context.WithCancel(context.Background())
		_, err := Export(ctx, ExportInput{Case: &c2, Sections: secs, Key: sharedKey(t), Date: exportDay, Out: out, ISO: iso, Documents: fakeDocuments},
			func(step string, done, total int) {
				steps[step] = true
				if step == stop {
					cancel()
				}
			})
		cancel()
		if err == nil || !errors.Is(err, context.Canceled) {
			t.Fatalf("stopped at %s: err %v", stop, err)
		}
		after := readTree(t, out)
		if len(after) != len(before) {
			t.Fatalf("stopped at %s: %d files, was %d", stop, len(after), len(before))
		}
		for rel, b := range before {
			if !bytes.Equal(after[rel], b) {
				t.Fatalf("stopped at %s: %s changed", stop, rel)
			}
		}
		if !bytes.Equal(mustRead(t, iso), isoBefore) {
			t.Fatalf("stopped at %s: the disc image changed", stop)
		}
		ents, _ := os.ReadDir(dir)
		if len(ents) != 2 {
			var n []string
			for _, e := range ents {
				n = append(n, e.Name())
			}
			t.Fatalf("stopped at %s: left %v", stop, n)
		}
	}
	// A failing documents builder leaves no package where there was none.
	none := filepath.Join(dir, "none")
	_, err := Export(context.Background(), ExportInput{Case: c, Sections: secs, Key: sharedKey(t), Date: exportDay, Out: none,
		Documents: func(DocumentsInput) ([]File, error) { return nil, errors.New("模拟失败") }}, nil)
	if err == nil {
		t.Fatal("no error")
	}
	if _, err := os.Stat(none); !os.IsNotExist(err) {
		t.Fatal("a package was left after a failed export")
	}
	// A crash between the two renames (previous package moved aside) is repaired by
	// the next export: the previous package comes back first.
	os.Rename(out, out+".old-1")
	if notes := Repair(out, ""); len(notes) == 0 {
		t.Error("the repair was not named")
	}
	if !bytes.Equal(readTree(t, out)[bagit.TagManifest], before[bagit.TagManifest]) {
		t.Fatal("previous package not restored")
	}
}

func TestExportRefusesBlockersAndForeignFolder(t *testing.T) {
	c, secs := demoCaseAndSections(t)
	c2 := *c
	c2.Settings.Contact = ""
	c2.Approvals = nil
	dir := t.TempDir()
	_, err := Export(context.Background(), ExportInput{Case: &c2, Sections: secs, Key: sharedKey(t), Date: exportDay, Out: filepath.Join(dir, "x"), Documents: fakeDocuments}, nil)
	var be *BlockedError
	if !errors.As(err, &be) || len(be.Blockers) < 2 || !strings.Contains(err.Error(), "联系人") {
		t.Fatalf("blockers: %v", err)
	}
	foreign := filepath.Join(dir, "mine")
	os.MkdirAll(foreign, 0o755)
	os.WriteFile(filepath.Join(foreign, "重要.docx"), []byte("x"), 0o644)
	_, err = Export(context.Background(), ExportInput{Case: c, Sections: secs, Key: sharedKey(t), Date: exportDay, Out: foreign, Documents: fakeDocuments}, nil)
	if err == nil || !strings.Contains(err.Error(), "不是报送包") {
		t.Fatalf("foreign folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(foreign, "重要.docx")); err != nil {
		t.Fatal("the user's file was touched")
	}
	// Bad names from the documents builder are refused before anything is written.
	_, err = Export(context.Background(), ExportInput{Case: c, Sections: secs, Key: sharedKey(t), Date: exportDay, Out: filepath.Join(dir, "n"),
		Documents: func(DocumentsInput) ([]File, error) {
			return []File{{"a/100%.txt", nil}, {"b/x.txt", nil}, {"B/X.txt", nil}, {"c/😀.txt", nil}}, nil
		}}, nil)
	if err == nil || !strings.Contains(err.Error(), "百分号") || !strings.Contains(err.Error(), "大小写") || !strings.Contains(err.Error(), "表情") {
		t.Fatalf("bad names: %v", err)
	}
	// A disc that is too small.
	_, err = Export(context.Background(), ExportInput{Case: c, Sections: secs, Key: sharedKey(t), Date: exportDay, Out: filepath.Join(dir, "s"),
		ISO: filepath.Join(dir, "s.iso"), MaxISOBytes: 100 * 2048, Documents: fakeDocuments}, nil)
	if err == nil {
		t.Fatal("oversized image accepted")
	}
	if _, err := os.Stat(filepath.Join(dir, "s")); !os.IsNotExist(err) {
		t.Fatal("package left after the image failed")
	}
	_ = forms.Industry
}

// otherKey is a second public key (no scrypt: only its public half is needed).
func otherKey(t *testing.T) signing.PublicKey {
	t.Helper()
	pub, _, err := minisign.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	k, err := signing.ParsePublicKey([]byte("untrusted comment: other\n" + pub.String() + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// TestKilledExport kills processes that export over and over at random moments:
// the package folder is always a complete, valid package (after the clean-up the
// next export does first), never a half one.
func TestKilledExport(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	sharedKey(t) // the key file exists before the children read it
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	type child struct {
		cmd *exec.Cmd
		out string
		sc  *bufio.Scanner
	}
	var kids []child
	for range 2 { // in parallel: each unlocks the key first (seconds)
		out := filepath.Join(t.TempDir(), "pkg")
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "TUIJIAN_TEST_EXPORT_LOOP="+out)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer cmd.Process.Kill()
		kids = append(kids, child{cmd, out, bufio.NewScanner(stdout)})
	}
	for round, k := range kids {
		for k.sc.Scan() {
			line := k.sc.Text()
			if strings.HasPrefix(line, "error") {
				t.Fatal(line)
			}
			if line == "done 1" {
				break
			}
		}
		// One export takes a few hundred milliseconds: kill somewhere inside one.
		delay := time.Duration(rng.IntN(600)) * time.Millisecond
		time.Sleep(delay)
		k.cmd.Process.Kill()
		k.cmd.Wait()
		t.Logf("repaired: %v", Repair(k.out, k.out+".iso"))
		rep := Verify(k.out, nil)
		if !rep.OK() {
			t.Fatalf("round %d, killed %v into an export: package invalid:\n%s", round, delay, rep.Text())
		}
		if tm, _ := folderManifest(k.out); !bytes.Equal(tm, imageManifest(k.out+".iso")) && exists(k.out+".iso") {
			t.Fatalf("round %d, killed %v into an export: folder and image differ after repair", round, delay)
		}
		info := string(mustRead(t, filepath.Join(k.out, bagit.InfoFile)))
		if !strings.Contains(info, "Contact-Name: 联系人0") && !strings.Contains(info, "Contact-Name: 联系人1") {
			t.Fatalf("unexpected package:\n%s", info)
		}
		ents, _ := os.ReadDir(filepath.Dir(k.out))
		for _, e := range ents {
			if strings.Contains(e.Name(), ".tmp-") || strings.Contains(e.Name(), ".old-") {
				t.Errorf("round %d: %s left after clean-up", round, e.Name())
			}
		}
		t.Logf("round %d: killed %v into an export; package valid", round, delay)
	}
}

// The verifier does not take the package's own exclusion list on trust: it grades
// every registered event again as of the export day, and checks that each recommended
// unit is the province's own unit of the right level (通知 item 二, 办法 第五条).
func TestVerifyRegradesEventsAndChecksUnits(t *testing.T) {
	camp, _ := forms.CampaignFor(2021)
	sub := &Submission{Schema: SchemaVersion, Date: "2022-02-10", Campaign: Campaign{Year: 2021, Notice: camp.Notice},
		Province: Province{Code: "370000", Name: "山东省"}, Department: "山东省工业和信息化厅",
		Units:   []Unit{{Code: "370300", Name: "淄博市"}, {Code: "210200", Name: "大连市"}},
		Choices: []Choice{{Measure: forms.Industry, Unit: "370300", UnitName: "淄博市"}, {Measure: forms.Digital, Unit: "210200", UnitName: "大连市"}},
		// A 重大 accident (12 deaths) inside the window, whose finding and exclusion
		// were left out of the package.
		Events: []Event{{ID: 7, Unit: "370300", Kind: "safety", Date: "2020-06-01", Title: "爆炸", Safety: &Safety{Deaths: 12},
			Finding: Finding{Grade: "一般", ComputedGrade: "一般", InWindow: true}}},
	}
	var probs []Problem
	checkSubmission(t.TempDir(), sub, campaign2021(), func(file, check, format string, a ...any) {
		probs = append(probs, Problem{file, check, fmt.Sprintf(format, a...)})
	})
	var regraded, excluded, foreign bool
	for _, p := range probs {
		regraded = regraded || p.Check == CheckData && strings.Contains(p.What, "事件#7") && strings.Contains(p.What, "重大")
		excluded = excluded || p.Check == CheckData && strings.Contains(p.What, "淄博市") && strings.Contains(p.What, "排除")
		foreign = foreign || p.Check == CheckData && strings.Contains(p.What, "大连市") && strings.Contains(p.What, "不属于山东省")
	}
	if !regraded || !excluded || !foreign {
		t.Errorf("regraded %v, excluded %v, foreign unit %v:\n%v", regraded, excluded, foreign, probs)
	}
	// The same event graded as the package says, outside the window: nothing to report.
	sub.Choices = sub.Choices[:1]
	sub.Approvals = []Approval{{Measure: forms.Industry, Government: "是", GovDocNo: "鲁政字〔2022〕1号", GovUnit: "370300"}}
	sub.Screenings = []Screening{{Unit: "370300", Checker: "李四", Departments: "省应急管理厅", Date: "2022-02-01", Basis: "复函"}}
	sub.Events[0].Date, sub.Events[0].Finding = "2018-12-31", Finding{Grade: "重大", ComputedGrade: "重大"}
	probs = nil
	checkSubmission(t.TempDir(), sub, campaign2021(), func(file, check, format string, a ...any) {
		if check == CheckData {
			probs = append(probs, Problem{file, check, fmt.Sprintf(format, a...)})
		}
	})
	if len(probs) != 0 {
		t.Errorf("unexpected problems: %v", probs)
	}
}

// The 推荐表 workbook's 主导产业 sub-table and approval row must agree with
// submission.json, like its indicator rows.
func TestTableIndustriesAndApprovalConsistency(t *testing.T) {
	shared, _ := sharedPackage(t)
	pkg := filepath.Join(shared, "pkg")
	sub, err := Parse(mustRead(t, filepath.Join(pkg, filepath.FromSlash(JSONName))))
	if err != nil {
		t.Fatal(err)
	}
	check := func() []Problem {
		var out []Problem
		checkSubmission(pkg, sub, nil, func(file, check, format string, a ...any) {
			if check == CheckTable {
				out = append(out, Problem{file, check, fmt.Sprintf(format, a...)})
			}
		})
		return out
	}
	if p := check(); len(p) != 0 {
		t.Fatalf("the exported package is inconsistent: %v", p)
	}
	var unit string
	for _, ch := range sub.Choices {
		if ch.Measure == forms.Industry {
			unit = ch.Unit
		}
	}
	// The demo verified its 主导产业 rows; the state travels in submission.json.
	for _, li := range sub.Industries {
		if li.State != string(forms.Verified) || li.VerifyDocNo == "" || li.VerifiedBy == "" {
			t.Errorf("主导产业 row without its verification in submission.json: %+v", li)
		}
	}
	changed := false
	for i := range sub.Industries {
		if sub.Industries[i].Unit == unit && !changed {
			sub.Industries[i].Revenue, changed = "1.5", true
		}
	}
	if !changed {
		t.Fatal("the demo's industry city has no 主导产业 rows")
	}
	for i := range sub.Approvals {
		if sub.Approvals[i].Measure == forms.Industry {
			sub.Approvals[i].Government = "否"
		}
	}
	var industries, approval bool
	for _, p := range check() {
		industries = industries || strings.Contains(p.What, "主导产业") && strings.Contains(p.What, "1.5")
		approval = approval || strings.Contains(p.What, "省级人民政府") && strings.Contains(p.What, "否")
	}
	if !industries || !approval {
		t.Errorf("industries %v, approval %v: %v", industries, approval, check())
	}
}

// The verifier re-checks the rules the pre-flight enforces on the recommended city's
// figures and consents: statistical figures verified (通知 item 四; the telecom ones are
// a warning of the pre-flight, not a fault), the provincial government's consent to
// this city (通知 item 五), the 通信管理局's for digital (办法 第四条), the screening.
func TestVerifyRecheckesVerificationAndConsents(t *testing.T) {
	camp, _ := forms.CampaignFor(2021)
	sub := &Submission{Schema: SchemaVersion, Date: "2022-02-10", Campaign: Campaign{Year: 2021, Notice: camp.Notice},
		Province: Province{Code: "370000", Name: "山东省"}, Department: "山东省工业和信息化厅",
		Units:   []Unit{{Code: "370200", Name: "青岛市"}},
		Choices: []Choice{{Measure: forms.Industry, Unit: "370200", UnitName: "青岛市"}, {Measure: forms.Digital, Unit: "370200", UnitName: "青岛市"}},
		Figures: []Figure{
			{Unit: "370200", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2021, Value: "8.1", State: "未审核"},
			{Unit: "370200", Measure: forms.Industry, Indicator: "ind.va_growth", Year: 2020, Value: "", Missing: true, Remark: "无", State: "未审核"},
			{Unit: "370200", Measure: forms.Industry, Indicator: "ind.little_giants", Year: 2021, Value: "3", State: "未审核"},
			{Unit: "370200", Measure: forms.Digital, Indicator: "dig.bs5g", Year: 2021, Value: "20.5", State: "有疑问"},
		},
		Industries: []Industry{
			{Unit: "370200", Row: 1, Name: "家电", Share: "18.2", Growth: "9.5", Revenue: "3560.4", Profit: "210.7", State: "已审核", VerifiedBy: "省统计局", VerifyDocNo: "鲁统函〔2022〕1号"},
			{Unit: "370200", Row: 2, Name: "汽车", Share: "12.6", Growth: "11.8", Revenue: "2150", Profit: "120.3", State: "有疑问"},
			{Unit: "370200", Row: 3, Name: "轨道交通装备", Share: "6.3", Growth: "7.2", Revenue: "890.5", Profit: "45.1"},
		},
		Approvals: []Approval{{Measure: forms.Industry, Government: "是", GovDocNo: "鲁政字〔2022〕1号", GovUnit: "370100"}, {Measure: forms.Digital, Government: "", Telecom: "否"}},
	}
	var what []string
	checkSubmission(t.TempDir(), sub, campaign2021(), func(file, check, format string, a ...any) {
		if check == CheckData {
			what = append(what, fmt.Sprintf(format, a...))
		}
	})
	all := strings.Join(what, "\n")
	for _, want := range []string{"2021年“规模以上工业增加值增速（%）”未经统计局审核",
		"信息基础设施和产业数字化：未经省级人民政府", "信息基础设施和产业数字化：未经通信管理局",
		"工业稳增长：省政府同意的是370100，推荐的却是青岛市", "工业稳增长：没有对青岛市近三年负面情况的核查记录",
		"工业稳增长：青岛市 制造业主导产业第 2 行“汽车”未经统计局审核（状态：有疑问）", "第 3 行“轨道交通装备”未经统计局审核（状态：无）"} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in:\n%s", want, all)
		}
	}
	for _, not := range []string{"2020年“规模以上工业增加值增速", "专精特新", "工业稳增长：未经省级人民政府", "“家电”", "信息基础设施和产业数字化：青岛市 制造业主导产业",
		"每万人拥有5G基站数"} {
		if strings.Contains(all, not) {
			t.Errorf("unexpected %q in:\n%s", not, all)
		}
	}
}

// openSSLCommand is the README's command for the 国密 co-signature, run as written.
const openSSLCommand = "openssl pkeyutl -verify -pubin -inkey tuijian-sm2-pub.pem -rawin -digest sm3 -pkeyopt distid:1234567812345678 -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sm2sig"

// Issue 18: the 国密 co-signature is checked like the minisign one, and a problem says
// which of the two failed.
func TestTamperSM2(t *testing.T) {
	shared, _ := sharedPackage(t)
	dir := t.TempDir()
	orig := filepath.Join(shared, "pkg")
	otherEd, _, err := signing.GenerateKeyPair("另一推荐单位的口令 x", nil)
	if err != nil {
		t.Fatal(err)
	}
	other, err := sm2sig.Derive(otherEd)
	if err != nil {
		t.Fatal(err)
	}
	own, _ := sm2sig.Derive(sharedKey(t))
	cases := []struct {
		name   string
		change func(pkg string)
		keys   Keys
		file   string // the file a problem must name
		check  string
	}{
		{"truncated signature", func(pkg string) {
			p := filepath.Join(pkg, bagit.SM2SignatureFile)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, b[:len(b)-5], 0o644)
		}, Keys{}, bagit.SM2SignatureFile, CheckSM2},
		{"signature removed", func(pkg string) { os.Remove(filepath.Join(pkg, bagit.SM2SignatureFile)) }, Keys{}, bagit.SM2SignatureFile, CheckSM2},
		{"another key's signature", func(pkg string) {
			tm, _ := os.ReadFile(filepath.Join(pkg, bagit.TagManifest))
			sig, _ := sm2sig.Sign(other, tm)
			os.WriteFile(filepath.Join(pkg, bagit.SM2SignatureFile), sig, 0o644)
		}, Keys{}, bagit.SM2SignatureFile, CheckSM2},
		// Key and signature both swapped: the bag sees the changed key file, and the
		// expected key (from the register) sees the swap.
		{"swapped key and signature", func(pkg string) {
			tm, _ := os.ReadFile(filepath.Join(pkg, bagit.TagManifest))
			sig, _ := sm2sig.Sign(other, tm)
			os.WriteFile(filepath.Join(pkg, bagit.SM2SignatureFile), sig, 0o644)
			os.WriteFile(filepath.Join(pkg, SM2PublicKeyName), sm2sig.PublicPEM(other.Public()), 0o644)
		}, Keys{SM2: sm2sig.PublicPEM(own.Public())}, SM2PublicKeyName, CheckSM2},
		{"changed tag manifest", func(pkg string) {
			p := filepath.Join(pkg, bagit.TagManifest)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, append(b, []byte("0000000000000000000000000000000000000000000000000000000000000000  多余.txt\n")...), 0o644)
		}, Keys{}, bagit.TagManifest, CheckSignature},
	}
	for _, c := range cases {
		pkg := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-"))
		copyTree(t, orig, pkg)
		c.change(pkg)
		rep := VerifyKeys(pkg, c.keys)
		found := false
		for _, p := range rep.Problems {
			found = found || (p.File == c.file && p.Check == c.check)
		}
		if rep.OK() || !found {
			t.Errorf("%s: no 【%s】 problem on %s:\n%s", c.name, c.check, c.file, rep.Text())
		}
		if c.check == CheckSM2 {
			for _, p := range rep.Problems {
				if p.Check == CheckSignature {
					t.Errorf("%s: the minisign signature is reported too: %s", c.name, p)
				}
			}
		}
	}
	// The stock tool agrees on a tampered signature.
	if _, err := exec.LookPath("openssl"); err == nil {
		pkg := filepath.Join(dir, "openssl")
		copyTree(t, orig, pkg)
		cases[2].change(pkg)
		cmd := exec.Command("sh", "-c", openSSLCommand)
		cmd.Dir = pkg
		if b, err := cmd.CombinedOutput(); err == nil {
			t.Errorf("openssl verified another key's signature:\n%s", b)
		}
	}
}
