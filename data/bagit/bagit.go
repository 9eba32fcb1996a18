// Package bagit writes and verifies BagIt 1.0 bags (RFC 8493) with SHA-256
// manifests, deterministically: the same payload and Info give byte-identical
// tag files (sorted lines, LF endings, UTF-8, no time stamps unless given).
//
// Layout written by Write:
//
//	bagit.txt                 BagIt-Version 1.0, UTF-8
//	bag-info.txt              the caller's fields in order, then Payload-Oxum
//	manifest-sha256.txt       every payload file under data/
//	tagmanifest-sha256.txt    bagit.txt, bag-info.txt, manifest-sha256.txt and
//	                          every extra tag file (public key, README …)
//	tagmanifest-sha256.txt.minisig
//	                          (optional, written by the caller) signature over
//	                          the tag manifest; it cannot list itself, so it is
//	                          the one tag file the tag manifest leaves out, as
//	                          RFC 8493 §2.2.1 allows.
//
// Verify is stricter than RFC 8493: a top-level file that the tag manifest
// does not list (other than the signature file) is reported, so nothing can
// be slipped into a signed bag unnoticed.
//
// Payload names must not contain '%', CR or LF (bagit-python does not decode
// %-escapes), nor backslash (sha256sum -c would read it as an escape).
package bagit

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// File names of the bag's fixed tag files.
const (
	BagitFile     = "bagit.txt"
	InfoFile      = "bag-info.txt"
	Manifest      = "manifest-sha256.txt"
	TagManifest   = "tagmanifest-sha256.txt"
	SignatureFile = TagManifest + ".minisig"
	// SM2SignatureFile is the 国密 co-signature of the tag manifest (data/sm2sig);
	// like the minisign one it cannot be listed in the manifest it signs.
	SM2SignatureFile = TagManifest + ".sm2sig"
	PayloadDir       = "data"
)

const bagitTxt = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

// Info holds the bag-info.txt fields in the order they are written, e.g.
// {"Source-Organization", "山东省工业和信息化厅"}. Payload-Oxum is always
// computed by Write (a given one is replaced). Bagging-Date (YYYY-MM-DD) is
// kept when given; otherwise Write adds today's date in China Standard Time —
// pass it explicitly when re-runs must be byte-identical.
type Info struct {
	Fields [][2]string
}

// TagFile is an extra tag file written at the top of the bag and listed in
// the tag manifest, e.g. the public key or a README.
type TagFile struct {
	Name string // plain file name, no directory
	Data []byte
}

// Problem is one finding of Verify: the bag-relative path (slash-separated,
// empty for the bag as a whole) and what is wrong, in Chinese.
type Problem struct {
	Path string
	What string
}

func (p Problem) String() string {
	if p.Path == "" {
		return p.What
	}
	return p.Path + "：" + p.What
}

// CheckPayloadName reports why rel (a slash-separated path under data/) cannot
// be a payload name, or nil.
func CheckPayloadName(rel string) error {
	switch {
	case !utf8.ValidString(rel):
		return fmt.Errorf("文件名“%s”不是有效的 UTF-8 编码，请重命名该文件", strings.ToValidUTF8(rel, "?"))
	case strings.Contains(rel, "%"):
		return fmt.Errorf("文件名“%s”含有百分号“%%”，BagIt 校验工具会误读，请把“%%”改为“百分之”或删去", rel)
	case strings.ContainsAny(rel, "\r\n"):
		return fmt.Errorf("文件名“%s”含有换行符，请重命名该文件", strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(rel))
	case strings.Contains(rel, `\`):
		return fmt.Errorf("文件名“%s”含有反斜杠“\\”，请重命名该文件", rel)
	}
	return nil
}

type entry struct {
	rel  string // slash path relative to the bag
	sum  string // hex sha256
	size int64
}

// hashFile returns the hex SHA-256 and size of the file at p.
func hashFile(p string) (string, int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, err
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// payload lists and hashes every file under dir/data, sorted by path.
func payload(dir string) ([]entry, error) {
	root := filepath.Join(dir, PayloadDir)
	st, err := os.Stat(root)
	if err != nil || !st.IsDir() {
		return nil, fmt.Errorf("文件夹 %s 中没有 data 子文件夹：BagIt 包的内容文件必须放在 data/ 下", dir)
	}
	var out []entry
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("无法读取 %s：%v", p, err)
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if p != root {
				if err := CheckPayloadName(rel); err != nil {
					return err
				}
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s 不是普通文件（可能是快捷方式或符号链接），请换成文件本身", rel)
		}
		if err := CheckPayloadName(rel); err != nil {
			return err
		}
		sum, n, err := hashFile(p)
		if err != nil {
			return fmt.Errorf("无法读取 %s：%v", rel, err)
		}
		out = append(out, entry{rel, sum, n})
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b entry) int { return strings.Compare(a.rel, b.rel) })
	return out, nil
}

func manifestText(es []entry) []byte {
	var b bytes.Buffer
	for _, e := range es {
		b.WriteString(e.sum)
		b.WriteString("  ")
		b.WriteString(e.rel)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func oxum(es []entry) string {
	var n int64
	for _, e := range es {
		n += e.size
	}
	return strconv.FormatInt(n, 10) + "." + strconv.Itoa(len(es))
}

// infoText renders bag-info.txt.
func infoText(info Info, oxumValue string) ([]byte, error) {
	var b bytes.Buffer
	hasDate := false
	for _, f := range info.Fields {
		label, value := f[0], f[1]
		if label == "" || strings.TrimSpace(label) != label || strings.ContainsAny(label, ":\r\n") || !utf8.ValidString(label) {
			return nil, fmt.Errorf("bag-info.txt 的标签“%s”不合规：不能为空、不能含冒号或换行、首尾不能有空格", label)
		}
		if strings.ContainsAny(value, "\r\n") || !utf8.ValidString(value) {
			return nil, fmt.Errorf("bag-info.txt 的“%s”取值含有换行或无效字符，请改为一行文字", label)
		}
		if strings.EqualFold(label, "Payload-Oxum") {
			continue
		}
		if strings.EqualFold(label, "Bagging-Date") {
			if _, err := time.Parse("2006-01-02", value); err != nil {
				return nil, fmt.Errorf("bag-info.txt 的 Bagging-Date“%s”不是 YYYY-MM-DD 格式的日期", value)
			}
			hasDate = true
		}
		fmt.Fprintf(&b, "%s: %s\n", label, value)
	}
	if !hasDate {
		fmt.Fprintf(&b, "Bagging-Date: %s\n", time.Now().In(time.FixedZone("CST", 8*3600)).Format("2006-01-02"))
	}
	fmt.Fprintf(&b, "Payload-Oxum: %s\n", oxumValue)
	return b.Bytes(), nil
}

func entryOf(name string, data []byte) entry {
	s := sha256.Sum256(data)
	return entry{name, hex.EncodeToString(s[:]), int64(len(data))}
}

// Write turns dir, which must already hold the payload under data/, into a
// bag: it writes bagit.txt, bag-info.txt, the extra tag files,
// manifest-sha256.txt and tagmanifest-sha256.txt. A signature file left from
// an earlier run is removed (it no longer matches). Any other file at the top
// of dir is refused, so the bag holds exactly what was meant. Errors are in
// Chinese and name the offending file.
func Write(dir string, info Info, extraTagFiles ...TagFile) error {
	return WriteBeside(dir, nil, info, extraTagFiles...)
}

// WriteBeside is Write with files at the top of dir that stay there unlisted (such
// as a marker that the folder is not finished).
func WriteBeside(dir string, beside []string, info Info, extraTagFiles ...TagFile) error {
	reserved := map[string]bool{BagitFile: true, InfoFile: true, Manifest: true, TagManifest: true, SignatureFile: true, SM2SignatureFile: true, PayloadDir: true}
	extra := map[string]bool{}
	for _, t := range extraTagFiles {
		if t.Name == "" || strings.ContainsAny(t.Name, `/\%`+"\r\n") || t.Name == "." || t.Name == ".." || !utf8.ValidString(t.Name) {
			return fmt.Errorf("附加标签文件名“%s”不合规：必须是不含 / \\ %% 和换行的单个文件名", t.Name)
		}
		if reserved[t.Name] || strings.HasPrefix(t.Name, "manifest-") || strings.HasPrefix(t.Name, "tagmanifest-") {
			return fmt.Errorf("附加标签文件名“%s”与 BagIt 保留文件名冲突，请换一个名字", t.Name)
		}
		if extra[t.Name] {
			return fmt.Errorf("附加标签文件“%s”重复给出", t.Name)
		}
		extra[t.Name] = true
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("无法读取文件夹 %s：%v", dir, err)
	}
	for _, e := range ents {
		if !reserved[e.Name()] && !extra[e.Name()] && !slices.Contains(beside, e.Name()) {
			return fmt.Errorf("文件夹 %s 顶层有不属于本包的“%s”：内容文件须放在 data/ 下，请移走或删除它后重试", dir, e.Name())
		}
	}
	pl, err := payload(dir)
	if err != nil {
		return err
	}
	infoB, err := infoText(info, oxum(pl))
	if err != nil {
		return err
	}
	manB := manifestText(pl)
	tags := []entry{entryOf(BagitFile, []byte(bagitTxt)), entryOf(InfoFile, infoB), entryOf(Manifest, manB)}
	files := map[string][]byte{BagitFile: []byte(bagitTxt), InfoFile: infoB, Manifest: manB}
	for _, t := range extraTagFiles {
		tags = append(tags, entryOf(t.Name, t.Data))
		files[t.Name] = t.Data
	}
	slices.SortFunc(tags, func(a, b entry) int { return strings.Compare(a.rel, b.rel) })
	files[TagManifest] = manifestText(tags)
	for _, sig := range []string{SignatureFile, SM2SignatureFile} {
		if err := os.Remove(filepath.Join(dir, sig)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("无法删除旧的签名文件 %s：%v", sig, err)
		}
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	// The tag manifest goes last so that an interrupted run leaves no bag
	// that looks complete.
	names = slices.DeleteFunc(names, func(n string) bool { return n == TagManifest })
	names = append(names, TagManifest)
	for _, n := range names {
		if err := writeFile(filepath.Join(dir, n), files[n]); err != nil {
			return fmt.Errorf("无法写入 %s：%v", n, err)
		}
	}
	return nil
}

// writeFile writes via a temporary file and rename.
func writeFile(p string, data []byte) error {
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

// parseManifest reads "checksum  path" lines. Problems found are appended.
func parseManifest(dir, name string, probs *[]Problem) (map[string]string, bool) {
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			*probs = append(*probs, Problem{name, "缺少清单文件，无法核对，请重新导出整个包"})
		} else {
			*probs = append(*probs, Problem{name, fmt.Sprintf("无法读取：%v", err)})
		}
		return nil, false
	}
	if !utf8.Valid(b) {
		*probs = append(*probs, Problem{name, "不是有效的 UTF-8 文本"})
	}
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for ln := 1; sc.Scan(); ln++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line == "" {
			continue
		}
		i := strings.IndexAny(line, " \t")
		if i < 0 {
			i = len(line)
		}
		sum, p := line[:i], strings.TrimLeft(line[i:], " \t")
		p = strings.TrimPrefix(p, "*") // sha256sum's binary-mode marker
		if len(sum) != 64 || p == "" {
			*probs = append(*probs, Problem{name, fmt.Sprintf("第 %d 行格式不正确（应为“SHA-256 值  路径”）", ln)})
			continue
		}
		if _, err := hex.DecodeString(sum); err != nil {
			*probs = append(*probs, Problem{name, fmt.Sprintf("第 %d 行的校验值不是十六进制数", ln)})
			continue
		}
		p = strings.NewReplacer("%0A", "\n", "%0a", "\n", "%0D", "\r", "%0d", "\r", "%25", "%").Replace(p)
		clean := path.Clean(p)
		if clean != p || path.IsAbs(p) || p == ".." || strings.HasPrefix(p, "../") {
			*probs = append(*probs, Problem{name, fmt.Sprintf("第 %d 行的路径“%s”不规范或指向包外", ln, p)})
			continue
		}
		if _, dup := out[p]; dup {
			*probs = append(*probs, Problem{name, fmt.Sprintf("第 %d 行重复列出“%s”", ln, p)})
			continue
		}
		out[p] = strings.ToLower(sum)
	}
	if err := sc.Err(); err != nil {
		*probs = append(*probs, Problem{name, fmt.Sprintf("读取失败：%v", err)})
	}
	return out, true
}

// Verify checks the bag in dir: bagit.txt, that every file listed in
// manifest-sha256.txt exists with the right SHA-256, that data/ holds no
// unlisted file, Payload-Oxum, and every file in tagmanifest-sha256.txt (which
// must cover bagit.txt, bag-info.txt and manifest-sha256.txt). It returns
// nil for a valid bag; problems are sorted by path.
func Verify(dir string) []Problem {
	var probs []Problem
	add := func(p, format string, a ...any) { probs = append(probs, Problem{p, fmt.Sprintf(format, a...)}) }

	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return []Problem{{"", fmt.Sprintf("找不到包文件夹 %s", dir)}}
	}
	// bagit.txt
	if b, err := os.ReadFile(filepath.Join(dir, BagitFile)); err != nil {
		add(BagitFile, "缺少 bagit.txt，这不是一个 BagIt 包")
	} else {
		lines := strings.Split(strings.TrimRight(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n"), "\n")
		if len(lines) != 2 || !strings.HasPrefix(lines[0], "BagIt-Version: ") || lines[1] != "Tag-File-Character-Encoding: UTF-8" {
			add(BagitFile, "内容不正确，应为“BagIt-Version: 1.0”和“Tag-File-Character-Encoding: UTF-8”两行")
		} else if v := strings.TrimPrefix(lines[0], "BagIt-Version: "); v != "1.0" && v != "0.97" {
			add(BagitFile, "BagIt 版本 %s 不受支持（支持 1.0）", v)
		}
	}

	// Payload: walk data/.
	present := map[string]int64{}
	root := filepath.Join(dir, PayloadDir)
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		add(PayloadDir, "缺少 data 文件夹")
	} else {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			rel, _ := filepath.Rel(dir, p)
			rel = filepath.ToSlash(rel)
			if err != nil {
				add(rel, "无法读取：%v", err)
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if !d.Type().IsRegular() {
				add(rel, "不是普通文件（符号链接或设备文件）")
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				add(rel, "无法读取：%v", err)
				return nil
			}
			present[rel] = fi.Size()
			return nil
		})
	}

	// manifest-sha256.txt
	if man, ok := parseManifest(dir, Manifest, &probs); ok {
		for p, want := range man {
			if !strings.HasPrefix(p, PayloadDir+"/") {
				add(Manifest, "列出的“%s”不在 data/ 下", p)
				continue
			}
			if _, ok := present[p]; !ok {
				add(p, "清单中列出的文件缺失（被删除、改名或移动）")
				continue
			}
			got, _, err := hashFile(filepath.Join(dir, filepath.FromSlash(p)))
			if err != nil {
				add(p, "无法读取：%v", err)
			} else if got != want {
				add(p, "SHA-256 校验值与清单不符：文件在打包后被改动过")
			}
		}
		for p := range present {
			if _, ok := man[p]; !ok {
				add(p, "清单中没有这个文件：它是打包后加入的")
			}
		}
	}
	if ents, err := os.ReadDir(dir); err == nil {
		for _, e := range ents {
			n := e.Name()
			if strings.HasPrefix(n, "manifest-") && strings.HasSuffix(n, ".txt") && n != Manifest {
				add(n, "不支持的清单算法，只核对 SHA-256 清单")
			}
		}
	}

	// bag-info.txt and Payload-Oxum.
	if b, err := os.ReadFile(filepath.Join(dir, InfoFile)); err != nil {
		add(InfoFile, "缺少 bag-info.txt")
	} else {
		oxumValue := ""
		for _, line := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n") {
			if l, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(l) == "Payload-Oxum" {
				oxumValue = strings.TrimSpace(v)
			}
		}
		var octets int64
		for _, n := range present {
			octets += n
		}
		actual := strconv.FormatInt(octets, 10) + "." + strconv.Itoa(len(present))
		switch {
		case oxumValue == "":
			add(InfoFile, "缺少 Payload-Oxum（内容总字节数.文件数）")
		case oxumValue != actual:
			add(InfoFile, "Payload-Oxum 为 %s，而 data/ 中实际为 %s（字节数.文件数）：有文件被增删或改动", oxumValue, actual)
		}
	}

	// tagmanifest-sha256.txt
	if tm, ok := parseManifest(dir, TagManifest, &probs); ok {
		for _, must := range []string{BagitFile, InfoFile, Manifest} {
			if _, ok := tm[must]; !ok {
				add(TagManifest, "没有列出 %s，该文件的改动无法被发现", must)
			}
		}
		for p, want := range tm {
			if p == PayloadDir || strings.HasPrefix(p, PayloadDir+"/") || p == TagManifest || p == SignatureFile || p == SM2SignatureFile {
				add(TagManifest, "不应列出“%s”", p)
				continue
			}
			got, _, err := hashFile(filepath.Join(dir, filepath.FromSlash(p)))
			switch {
			case errors.Is(err, fs.ErrNotExist):
				add(p, "标签清单中列出的文件缺失")
			case err != nil:
				add(p, "无法读取：%v", err)
			case got != want:
				add(p, "SHA-256 校验值与标签清单不符：文件在打包后被改动过")
			}
		}
		// Tag files not listed (other than the tag manifest and its signature).
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			rel, _ := filepath.Rel(dir, p)
			rel = filepath.ToSlash(rel)
			if err != nil || rel == "." {
				return nil
			}
			if rel == PayloadDir {
				return fs.SkipDir
			}
			if d.IsDir() {
				return nil
			}
			if _, ok := tm[rel]; !ok && rel != TagManifest && rel != SignatureFile && rel != SM2SignatureFile && !(strings.HasPrefix(rel, "manifest-") && rel != Manifest) {
				add(rel, "标签清单中没有这个文件：它是打包后加入的")
			}
			return nil
		})
	}
	slices.SortFunc(probs, func(a, b Problem) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.What, b.What)
	})
	return probs
}
