package discimage

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

var testOpt = Options{
	VolumeID:       "tuijian_2021",
	JolietVolumeID: "山东省督查激励推荐2021",
	ModTime:        time.Date(2022, 3, 1, 8, 0, 0, 0, time.FixedZone("CST", 8*3600)),
}

// makeTree writes a test folder and returns it with its files (slash path →
// content).
func makeTree(t testing.TB) (string, map[string][]byte) {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.UintN(256))
		}
		return b
	}
	files := map[string][]byte{
		"bagit.txt":                      []byte("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"),
		"README-验证说明.txt":                []byte("请用 sha256sum 核对\n"),
		"tagmanifest-sha256.txt.minisig": []byte("untrusted comment: x\n"),
		"data/submission.json":           []byte(`{"省份":"山东"}`),
		"data/empty.txt":                 nil,
		"data/工业稳增长/推荐表.xlsx":            random(3000),
		"data/工业稳增长/推荐表.pdf":             random(2048),
		"data/工业稳增长/申报书 (定稿).docx":       random(1),
		"data/工业稳增长/济南市/推荐函.pdf":         random(10000),
		"data/工业稳增长/济南市/深一层/更深一层/第五层/说明.txt": []byte("五层"),
		"data/技术改造/Readme":                                                []byte("no extension"),
		"data/技术改造/a.b.c.tar.gz":                                          random(100),
		"data/" + strings.Repeat("长", 59) + ".txt":                        []byte("64 units"),
		"data/" + strings.Repeat("名", 40) + "/" + strings.Repeat("x", 64): []byte("ascii 64"),
	}
	// Enough entries for a directory extent of several sectors.
	for i := range 60 {
		files[fmt.Sprintf("data/多文件/第%03d号附件（扫描件）说明材料.pdf", i)] = []byte(fmt.Sprint(i))
	}
	dir := t.TempDir()
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, c, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.MkdirAll(filepath.Join(dir, "data", "空文件夹"), 0o755)
	return dir, files
}

func buildImage(t testing.TB, dir string, opt Options) string {
	t.Helper()
	iso := filepath.Join(t.TempDir(), "image.iso")
	f, err := os.Create(iso)
	if err != nil {
		t.Fatal(err)
	}
	var last int64
	if err := Write(f, dir, opt, func(done, total int64) { last = done }); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(iso)
	if last != st.Size() {
		t.Fatalf("final progress %d, image %d", last, st.Size())
	}
	return iso
}

func TestWriteReadBack(t *testing.T) {
	dir, files := makeTree(t)
	iso := buildImage(t, dir, testOpt)
	b, err := os.ReadFile(iso)
	if err != nil {
		t.Fatal(err)
	}
	if len(b)%SectorSize != 0 {
		t.Fatalf("image size %d is not a multiple of %d", len(b), SectorSize)
	}
	if n, err := Size(dir, testOpt); err != nil || n != int64(len(b)) {
		t.Fatalf("Size = %d, %v; image is %d", n, err, len(b))
	}
	img, err := Open(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if img.VolumeID != "山东省督查激励推荐2021" {
		t.Fatalf("Joliet volume id %q", img.VolumeID)
	}
	got := img.Files()
	if len(got) != len(files) {
		t.Fatalf("%d files in image, %d in folder", len(got), len(files))
	}
	for _, f := range got {
		want, ok := files[f.Path]
		if !ok {
			t.Fatalf("unexpected file %q", f.Path)
		}
		if f.Size != int64(len(want)) {
			t.Fatalf("%s: size %d want %d", f.Path, f.Size, len(want))
		}
		r, err := img.Open(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		c, _ := io.ReadAll(r)
		if !bytes.Equal(c, want) {
			t.Fatalf("%s: content differs", f.Path)
		}
	}
	if _, err := img.Open("data/none.txt"); err == nil {
		t.Fatal("opened a missing file")
	}
}

func TestDeterministic(t *testing.T) {
	dir, _ := makeTree(t)
	var a, b bytes.Buffer
	if err := Write(&a, dir, testOpt, nil); err != nil {
		t.Fatal(err)
	}
	// Source time stamps must not matter.
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		return os.Chtimes(p, time.Now(), time.Now().Add(-time.Hour))
	})
	if err := Write(&b, dir, testOpt, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two images of the same folder differ")
	}
	// A copy of the folder elsewhere gives the same image.
	dir2, _ := makeTree(t)
	var c bytes.Buffer
	if err := Write(&c, dir2, testOpt, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Fatal("image depends on the folder's location")
	}
	opt := testOpt
	opt.ModTime = opt.ModTime.Add(time.Second)
	c.Reset()
	Write(&c, dir, opt, nil)
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Fatal("ModTime not recorded")
	}
}

// extractTree reads a folder extracted by a stock tool.
func extractTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		os.Chmod(p, 0o755) // xorriso restores r-- / r-x; let TempDir clean up
		if d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return nil
	})
	return out
}

func compareTrees(t *testing.T, tool string, got, want map[string][]byte) {
	t.Helper()
	for p, w := range want {
		g, ok := got[p]
		if !ok {
			t.Errorf("%s: %s missing", tool, p)
			continue
		}
		if !bytes.Equal(g, w) {
			t.Errorf("%s: %s content differs (%d vs %d bytes)", tool, p, len(g), len(w))
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: unexpected %q", tool, p)
		}
	}
}

var lsdlLine = regexp.MustCompile(`^([-d])\S+\s+\d+\s+\d+\s+\d+\s+(\d+) .* '(/.*)'$`)

// xorrisoList lists the image with xorriso; mode selects the tree.
func xorrisoList(t *testing.T, iso string, mode ...string) (files map[string]int64, dirs []string) {
	t.Helper()
	args := append([]string{"-local_charset", "UTF-8"}, mode...)
	args = append(args, "-indev", iso, "-find", "/", "-exec", "lsdl")
	out, err := exec.Command("xorriso", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("xorriso %v: %v\n%s", args, err, out)
	}
	if regexp.MustCompile(`(?i)\b(WARNING|SORRY|FAILURE|FATAL)\b`).Match(out) {
		t.Fatalf("xorriso complains:\n%s", out)
	}
	files = map[string]int64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		m := lsdlLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		p := strings.TrimPrefix(m[3], "/")
		if m[1] == "d" {
			dirs = append(dirs, p)
			continue
		}
		var n int64
		fmt.Sscan(m[2], &n)
		files[p] = n
	}
	return files, dirs
}

func needTool(t *testing.T, name string) {
	if _, err := exec.LookPath(name); err != nil {
		t.Skip(name + " not installed")
	}
}

func checkListing(t *testing.T, tool string, got map[string]int64, files map[string][]byte) {
	t.Helper()
	if len(got) != len(files) {
		t.Errorf("%s lists %d files, want %d", tool, len(got), len(files))
	}
	for p, c := range files {
		if n, ok := got[p]; !ok || n != int64(len(c)) {
			t.Errorf("%s: %q listed=%v size %d want %d", tool, p, ok, n, len(c))
		}
	}
}

func TestXorrisoJoliet(t *testing.T) {
	needTool(t, "xorriso")
	dir, files := makeTree(t)
	iso := buildImage(t, dir, testOpt)
	// "-read_fs norock" makes xorriso read the Joliet tree even though Rock
	// Ridge is present ("-rockridge off" alone still loads Rock Ridge names).
	got, dirs := xorrisoList(t, iso, "-read_fs", "norock", "-rockridge", "off", "-joliet", "on")
	checkListing(t, "xorriso joliet", got, files)
	if !strings.Contains(strings.Join(dirs, "\n"), "data/工业稳增长/济南市/深一层/更深一层/第五层") || !strings.Contains(strings.Join(dirs, "\n"), "data/空文件夹") {
		t.Errorf("directories: %q", dirs)
	}
	out := filepath.Join(t.TempDir(), "x")
	cmd := exec.Command("xorriso", "-osirrox", "on", "-local_charset", "UTF-8", "-read_fs", "norock", "-indev", iso, "-extract", "/", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	compareTrees(t, "xorriso joliet extract", extractTree(t, out), files)
}

func TestXorrisoRockRidge(t *testing.T) {
	needTool(t, "xorriso")
	dir, files := makeTree(t)
	iso := buildImage(t, dir, testOpt)
	got, _ := xorrisoList(t, iso, "-read_fs", "nojoliet", "-rockridge", "on")
	checkListing(t, "xorriso rock ridge", got, files)
	out := filepath.Join(t.TempDir(), "x")
	cmd := exec.Command("xorriso", "-osirrox", "on", "-local_charset", "UTF-8", "-read_fs", "nojoliet", "-indev", iso, "-extract", "/", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	compareTrees(t, "xorriso rock ridge extract", extractTree(t, out), files)
	// Rock Ridge permissions as written.
	b, _ := exec.Command("xorriso", "-read_fs", "nojoliet", "-indev", iso, "-lsdl", "/bagit.txt", "/data").CombinedOutput()
	if !strings.Contains(string(b), "-r--r--r--") || !strings.Contains(string(b), "dr-xr-xr-x") {
		t.Errorf("permissions:\n%s", b)
	}
}

// The plain ISO 9660 tree: 8.3 upper-case d-character names, unique.
func TestPrimaryTreeNames(t *testing.T) {
	needTool(t, "xorriso")
	dir, files := makeTree(t)
	iso := buildImage(t, dir, testOpt)
	out, err := exec.Command("xorriso", "-read_fs", "ecma119", "-indev", iso, "-find", "/", "-exec", "lsdl").CombinedOutput()
	if err != nil {
		t.Skipf("xorriso -read_fs ecma119 unsupported: %v\n%s", err, out)
	}
	var names []string
	for _, l := range strings.Split(string(out), "\n") {
		if m := lsdlLine.FindStringSubmatch(l); m != nil && m[3] != "/" {
			names = append(names, m[3])
		}
	}
	if len(names) < len(files) {
		t.Fatalf("primary tree lists %d entries, want ≥ %d:\n%s", len(names), len(files), out)
	}
	elem := regexp.MustCompile(`^[A-Z0-9_]{1,8}(\.[A-Z0-9_]{0,3})?$`)
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			t.Errorf("duplicate %s", n)
		}
		seen[n] = true
		for _, e := range strings.Split(strings.TrimPrefix(n, "/"), "/") {
			if !elem.MatchString(e) {
				t.Errorf("%s: element %q is not 8.3 d-characters", n, e)
			}
		}
	}
	for _, want := range []string{"/BAGIT.TXT", "/DATA/SUBMISSI.JSO", "/DATA/EMPTY.TXT"} {
		if !seen[want] {
			t.Errorf("missing %s in %v", want, names)
		}
	}
}

func Test7z(t *testing.T) {
	needTool(t, "7z")
	dir, files := makeTree(t)
	iso := buildImage(t, dir, testOpt)
	out, err := exec.Command("7z", "l", "-slt", iso).CombinedOutput()
	if err != nil {
		t.Fatalf("7z l: %v\n%s", err, out)
	}
	got := map[string]int64{}
	var cur string
	var isDir bool
	for _, l := range strings.Split(string(out), "\n") {
		switch {
		case strings.HasPrefix(l, "Path = "):
			cur = strings.TrimPrefix(l, "Path = ")
			isDir = false
		case l == "Folder = +":
			isDir = true
		case strings.HasPrefix(l, "Size = ") && cur != "" && cur != iso:
			var n int64
			fmt.Sscan(strings.TrimPrefix(l, "Size = "), &n)
			if !isDir {
				got[cur] = n
			}
		case l == "":
			if isDir {
				delete(got, cur)
			}
		}
	}
	checkListing(t, "7z l", got, files)
	x := filepath.Join(t.TempDir(), "x")
	if b, err := exec.Command("7z", "x", "-y", "-o"+x, iso).CombinedOutput(); err != nil {
		t.Fatalf("7z x: %v\n%s", err, b)
	}
	compareTrees(t, "7z x", extractTree(t, x), files)
	if b, err := exec.Command("7z", "t", iso).CombinedOutput(); err != nil || !strings.Contains(string(b), "Everything is Ok") {
		t.Fatalf("7z t: %v\n%s", err, b)
	}
}

func writeNamed(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCheckNames(t *testing.T) {
	dir := t.TempDir()
	long65 := strings.Repeat("长", 61) + ".txt"
	ok64 := strings.Repeat("长", 60) + ".txt"
	writeNamed(t, dir,
		"ok/"+ok64,
		"ok/普通 文件 (1).xlsx",
		"sub/"+long65,
		"sub/表情😀.txt",
		"sub/100%.txt",
		"sub/a.txt", "sub/A.TXT",
		"sub/推荐表.XLSX", "sub/推荐表.xlsx",
		"sub/分号;.txt",
		"sub/尾点.",
		"sub/尾空格 ",
		"sub/a:b.txt",
		"sub/问号?.txt",
		"sub/tab\tname.txt",
		"sub/CON.txt",
		"d1/d2/d3/d4/d5/d6/d7/file.txt",
		"e1/e2/e3/e4/e5/e6/e7/e8/file.txt",
	)
	os.Symlink("/etc/hostname", filepath.Join(dir, "sub", "link"))
	probs := CheckNames(dir)
	find := func(path, what string) {
		t.Helper()
		for _, p := range probs {
			if p.Path == path && strings.Contains(p.What, what) {
				return
			}
		}
		t.Errorf("no problem %q for %q in:\n%v", what, path, probs)
	}
	find("sub/"+long65, "65 个字符")
	find("sub/表情😀.txt", "不支持的字符")
	find("sub/100%.txt", "百分号")
	find("sub/a.txt", "大小写")
	find("sub/推荐表.xlsx", "大小写")
	find("sub/分号;.txt", "分号")
	find("sub/尾点.", "句点或空格结尾")
	find("sub/尾空格 ", "句点或空格结尾")
	find("sub/a:b.txt", "“:”")
	find("sub/问号?.txt", "“?”")
	find("sub/tab\tname.txt", "控制字符")
	find("sub/CON.txt", "保留")
	find("e1/e2/e3/e4/e5/e6/e7/e8", "层级")
	find("sub/link", "符号链接")
	for _, p := range probs {
		if strings.HasPrefix(p.Path, "ok/") || strings.HasPrefix(p.Path, "d1/") {
			t.Errorf("false alarm: %v", p)
		}
	}
	// Write refuses with the same problems and writes nothing.
	var buf bytes.Buffer
	err := Write(&buf, dir, testOpt, nil)
	var pe *ProblemsError
	if !errors.As(err, &pe) || len(pe.Problems) != len(probs) || buf.Len() != 0 {
		t.Fatalf("Write: %v (%d bytes written)", err, buf.Len())
	}
	if !strings.Contains(err.Error(), "sub/100%.txt") {
		t.Fatalf("error does not name the file: %v", err)
	}
	// A clean folder has no problems.
	clean := t.TempDir()
	writeNamed(t, clean, "ok/"+ok64, "d1/d2/d3/d4/d5/d6/d7/file.txt")
	if p := CheckNames(clean); p != nil {
		t.Fatal(p)
	}
}

func TestLimits(t *testing.T) {
	dir, _ := makeTree(t)
	opt := testOpt
	opt.MaxBytes = 100 * SectorSize
	var buf bytes.Buffer
	err := Write(&buf, dir, opt, nil)
	if err == nil || !strings.Contains(err.Error(), "超过上限") || buf.Len() != 0 {
		t.Fatalf("MaxBytes: %v, %d bytes written", err, buf.Len())
	}
	for _, o := range []Options{
		{VolumeID: "推荐"},
		{VolumeID: strings.Repeat("A", 33)},
		{JolietVolumeID: "山东省工业和信息化厅督查激励推荐材料"},
		{JolietVolumeID: "a:b"},
	} {
		if err := Write(io.Discard, dir, o, nil); err == nil {
			t.Errorf("options accepted: %+v", o)
		}
	}
	if err := Write(io.Discard, filepath.Join(dir, "none"), testOpt, nil); err == nil {
		t.Error("missing folder accepted")
	}
}

func TestCancel(t *testing.T) {
	dir := t.TempDir()
	writeNamed(t, dir, "a.txt")
	big := bytes.Repeat([]byte("0123456789abcdef"), 1<<19) // 8 MiB
	os.WriteFile(filepath.Join(dir, "big.bin"), big, 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := WriteContext(ctx, io.Discard, dir, testOpt, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled write: %v", err)
	}
}

func TestEmptyFolder(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, t.TempDir(), testOpt, nil); err != nil {
		t.Fatal(err)
	}
	img, err := Open(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil || len(img.Files()) != 0 {
		t.Fatalf("%v %v", img, err)
	}
}

func TestOpenRejects(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":   nil,
		"zeros":   make([]byte, 40*SectorSize),
		"no svd":  primaryOnly(t),
		"trimmed": trimmed(t),
	} {
		if _, err := Open(bytes.NewReader(b), int64(len(b))); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// primaryOnly returns an image whose Joliet descriptor is blanked.
func primaryOnly(t *testing.T) []byte {
	dir, _ := makeTree(t)
	var buf bytes.Buffer
	Write(&buf, dir, testOpt, nil)
	b := buf.Bytes()
	b[17*SectorSize] = 255 // SVD becomes a terminator
	return b
}

// trimmed cuts the image in the middle of the file data.
func trimmed(t *testing.T) []byte {
	dir, _ := makeTree(t)
	var buf bytes.Buffer
	Write(&buf, dir, testOpt, nil)
	return buf.Bytes()[:buf.Len()-(padSectors+3)*SectorSize]
}

// Our tree names sort the way the path table order demands.
func TestPathTableOrder(t *testing.T) {
	ids := [][]byte{[]byte("B"), []byte("A_1"), []byte("A"), []byte("AB")}
	sort.Slice(ids, func(i, j int) bool { return compareIDs(ids[i], ids[j], 1) < 0 })
	if got := fmt.Sprint(strings.Join([]string{string(ids[0]), string(ids[1]), string(ids[2]), string(ids[3])}, ",")); got != "A,AB,A_1,B" {
		t.Fatalf("order %s", got)
	}
}

// walkRaw visits every directory of the tree whose root record is at vdSector
// offset 156 and returns the identifiers of each directory, in stored order.
func walkRaw(t *testing.T, img []byte, vdSector int) map[int64][][]byte {
	t.Helper()
	out := map[int64][][]byte{}
	var walk func(lba, size int64)
	walk = func(lba, size int64) {
		if _, done := out[lba]; done {
			return
		}
		out[lba] = nil
		d := img[lba*SectorSize : lba*SectorSize+size]
		for off := 0; off < len(d); {
			n := int(d[off])
			if n == 0 {
				off = (off/SectorSize + 1) * SectorSize
				continue
			}
			if n%2 != 0 {
				t.Errorf("odd record length %d", n)
			}
			id := d[off+33 : off+33+int(d[off+32])]
			if !(len(id) == 1 && id[0] <= 1) {
				out[lba] = append(out[lba], id)
				if d[off+25]&2 != 0 {
					walk(int64(binary.LittleEndian.Uint32(d[off+2:])), int64(binary.LittleEndian.Uint32(d[off+10:])))
				}
			}
			off += n
		}
	}
	root := img[vdSector*SectorSize+156:]
	walk(int64(binary.LittleEndian.Uint32(root[2:])), int64(binary.LittleEndian.Uint32(root[10:])))
	return out
}

func TestRawRecords(t *testing.T) {
	dir, _ := makeTree(t)
	var buf bytes.Buffer
	if err := Write(&buf, dir, testOpt, nil); err != nil {
		t.Fatal(err)
	}
	img := buf.Bytes()
	if string(img[16*SectorSize+1:16*SectorSize+6]) != "CD001" || img[17*SectorSize] != 2 || string(img[17*SectorSize+88:17*SectorSize+91]) != "%/E" || img[18*SectorSize] != 255 {
		t.Fatal("volume descriptors PVD, Joliet SVD, terminator not at sectors 16–18")
	}
	for name, tree := range map[string]struct {
		sector, unit int
	}{"primary": {16, 1}, "joliet": {17, 2}} {
		dirs := walkRaw(t, img, tree.sector)
		if len(dirs) < 10 {
			t.Fatalf("%s: only %d directories", name, len(dirs))
		}
		for _, ids := range dirs {
			for i, id := range ids {
				if tree.unit == 2 && (len(id) > 128 || bytes.Contains(id, []byte{0, ';'})) {
					t.Errorf("joliet identifier %q: %d bytes", decodeUCS2(id), len(id))
				}
				if i > 0 && compareIDs(ids[i-1], id, tree.unit) >= 0 {
					t.Errorf("%s: %q not sorted before %q", name, ids[i-1], id)
				}
			}
		}
	}
}

// Our reader also reads the Joliet tree of an image made by xorriso.
func TestOpenXorrisoImage(t *testing.T) {
	needTool(t, "xorriso")
	dir, files := makeTree(t)
	iso := filepath.Join(t.TempDir(), "x.iso")
	if b, err := exec.Command("xorriso", "-as", "mkisofs", "-quiet", "-J", "-R", "-V", "TUIJIAN", "-o", iso, dir).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	b, _ := os.ReadFile(iso)
	img, err := Open(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	for _, f := range img.Files() {
		r, _ := img.Open(f.Path)
		got[f.Path], _ = io.ReadAll(r)
	}
	compareTrees(t, "our reader on xorriso image", got, files)
}
