package discimage

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Problem is one finding of CheckNames: the slash-separated path relative to
// the folder and what is wrong with it, in Chinese.
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

// MaxNameUnits is the longest file or folder name, in UTF-16 code units, that
// the Joliet tree holds (the Joliet limit of 64 characters).
const MaxNameUnits = 64

// MaxDepth is the deepest folder nesting below the image root (ECMA-119
// allows eight directory levels including the root).
const MaxDepth = 7

var windowsReserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true}

func init() {
	for i := '1'; i <= '9'; i++ {
		windowsReserved["COM"+string(i)] = true
		windowsReserved["LPT"+string(i)] = true
	}
}

// CheckName reports why name (one path element) cannot go on the disc, or "".
func CheckName(name string) string {
	if !utf8.ValidString(name) {
		return "名称不是有效的 UTF-8 编码，请重命名"
	}
	if name == "" || name == "." || name == ".." {
		return "名称为空或为“.”“..”，请重命名"
	}
	for _, r := range name {
		switch {
		case r > 0xFFFF:
			return fmt.Sprintf("名称含有光盘 Joliet 格式不支持的字符“%c”（如表情符号或生僻字扩展区汉字），请删去或换成常用字", r)
		case r < 0x20 || r == 0x7F:
			return "名称含有控制字符（如换行、制表符），请重命名"
		case strings.ContainsRune(`<>:"/\|?*`, r):
			return fmt.Sprintf("名称含有 Windows 不允许的字符“%c”，请删去或换成全角字符", r)
		case r == '%':
			return "名称含有百分号“%”，请改为“百分之”或删去"
		case r == ';':
			return "名称含有分号“;”，光盘 Joliet 格式不允许，请换成全角“；”"
		}
	}
	if n := len(utf16.Encode([]rune(name))); n > MaxNameUnits {
		return fmt.Sprintf("名称有 %d 个字符，超过光盘 Joliet 格式上限 %d 个字符，请缩短", n, MaxNameUnits)
	}
	if strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") {
		return "名称以句点或空格结尾，Windows 无法正常打开，请删去末尾的句点或空格"
	}
	base, _, _ := strings.Cut(name, ".")
	if windowsReserved[strings.ToUpper(strings.TrimSpace(base))] {
		return fmt.Sprintf("名称“%s”是 Windows 保留的设备名，请换一个名字", base)
	}
	return ""
}

// node is one file or folder of the source tree.
type node struct {
	name     string // real name (UTF-8)
	rel      string // slash path relative to the root, "" for the root
	src      string // path on disk
	isDir    bool
	size     int64
	parent   *node
	children []*node // sorted by real name (byte order)
	depth    int     // 0 for the root

	// primary (ISO 9660 + Rock Ridge) tree
	isoID     string  // d-character identifier, "NAME.EXT;1" for files
	pKids     []*node // children in primary directory order
	pNum      int     // directory number in the primary path table
	pLBA      int64
	pSize     int64
	nmInCE    bool // Rock Ridge NM entry lives in the continuation area
	ceSector  int64
	ceOffset  int64
	ceLen     int64
	nlinkDirs int

	// Joliet tree
	jID   []byte // UCS-2 big-endian identifier (no version suffix)
	jKids []*node
	jNum  int
	jLBA  int64
	jSize int64

	dataLBA int64 // files
}

// scan reads the tree under dir and reports every naming problem; the tree
// is returned only when there are none.
func scan(dir string, exclude ...string) (*node, []Problem) {
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil, []Problem{{"", fmt.Sprintf("找不到要制作光盘映像的文件夹 %s", dir)}}
	}
	root := &node{src: dir, isDir: true}
	var probs []Problem
	var walk func(n *node)
	walk = func(n *node) {
		ents, err := os.ReadDir(n.src)
		if err != nil {
			probs = append(probs, Problem{n.rel, fmt.Sprintf("无法读取文件夹：%v", err)})
			return
		}
		seen := map[string]string{}
		for _, e := range ents {
			name := e.Name()
			if n.rel == "" && slices.Contains(exclude, name) {
				continue
			}
			rel := path.Join(n.rel, name)
			if msg := CheckName(name); msg != "" {
				probs = append(probs, Problem{rel, msg})
			}
			key := strings.ToLower(name)
			if other, dup := seen[key]; dup {
				probs = append(probs, Problem{rel, fmt.Sprintf("与同一文件夹中的“%s”只有大小写不同，Windows 会把两者当成同一个文件，请改名", other)})
			} else {
				seen[key] = name
			}
			c := &node{name: name, rel: rel, src: filepath.Join(n.src, name), parent: n, depth: n.depth + 1}
			switch {
			case e.IsDir():
				c.isDir = true
				if c.depth > MaxDepth {
					probs = append(probs, Problem{rel, fmt.Sprintf("文件夹层级超过 %d 层，光盘格式不支持，请减少嵌套", MaxDepth)})
					continue
				}
				walk(c)
			case e.Type().IsRegular():
				fi, err := e.Info()
				if err != nil {
					probs = append(probs, Problem{rel, fmt.Sprintf("无法读取：%v", err)})
					continue
				}
				c.size = fi.Size()
				if c.size >= 1<<32 {
					probs = append(probs, Problem{rel, "文件不小于 4 GB，光盘格式不支持单个这么大的文件，请拆分"})
				}
			default:
				probs = append(probs, Problem{rel, "不是普通文件或文件夹（可能是快捷方式或符号链接），请换成文件本身"})
				continue
			}
			n.children = append(n.children, c)
		}
		slices.SortFunc(n.children, func(a, b *node) int { return strings.Compare(a.name, b.name) })
	}
	walk(root)
	if len(probs) > 0 {
		slices.SortFunc(probs, func(a, b Problem) int {
			if c := strings.Compare(a.Path, b.Path); c != 0 {
				return c
			}
			return strings.Compare(a.What, b.What)
		})
		return nil, probs
	}
	return root, nil
}

// CheckNames checks every file and folder name under dir for the disc: at
// most 64 UTF-16 units, only characters of the Basic Multilingual Plane, no
// '%', ';', control characters or characters Windows forbids (<>:"/\|?*), no
// trailing dot or space, no Windows device names, no two names in one folder
// that differ only in case, nesting at most MaxDepth folders, only regular
// files and folders. It returns nil when all is well.
func CheckNames(dir string) []Problem {
	_, probs := scan(dir)
	return probs
}

// isoChar maps a rune to a d-character, or '_' .
func isoChar(r rune) byte {
	switch {
	case r >= 'a' && r <= 'z':
		return byte(r - 'a' + 'A')
	case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return byte(r)
	}
	return '_'
}

// isoPart maps s to at most max d-characters, collapsing runs of '_'.
func isoPart(s string, max int) string {
	var b []byte
	for _, r := range s {
		c := isoChar(r)
		if c == '_' && len(b) > 0 && b[len(b)-1] == '_' {
			continue
		}
		b = append(b, c)
	}
	if len(b) > max {
		b = b[:max]
	}
	return string(b)
}

// assignISONames gives the children of every folder unique ISO 9660 level 1
// identifiers (8.3, upper case). Children are taken in real-name order and a
// taken identifier gets a numeric suffix, so the mapping is deterministic.
func assignISONames(n *node) {
	used := map[string]bool{}
	for _, c := range n.children {
		var base, ext string
		if c.isDir {
			base = isoPart(c.name, 8)
		} else if i := strings.LastIndexByte(c.name, '.'); i > 0 {
			base, ext = isoPart(c.name[:i], 8), isoPart(c.name[i+1:], 3)
		} else {
			base = isoPart(c.name, 8)
		}
		if base == "" {
			base = "_"
		}
		id := func(b string) string {
			if c.isDir {
				return b
			}
			return b + "." + ext
		}
		cand := id(base)
		for k := 1; used[cand]; k++ {
			suffix := fmt.Sprintf("_%d", k)
			b := base
			if len(b)+len(suffix) > 8 {
				b = b[:8-len(suffix)]
			}
			cand = id(b + suffix)
		}
		used[cand] = true
		if c.isDir {
			c.isoID = cand
			assignISONames(c)
		} else {
			c.isoID = cand + ";1"
		}
		// Like xorriso, Joliet names carry no ";1" version, so that a
		// 64-character name stays within Joliet's 128-byte identifier limit.
		c.jID = ucs2(c.name)
	}
}

// ucs2 encodes s (BMP only) as big-endian UCS-2.
func ucs2(s string) []byte {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		b[2*i], b[2*i+1] = byte(c>>8), byte(c)
	}
	return b
}

// compareIDs orders directory identifiers as ECMA-119 9.3 asks: by name part,
// then extension part, each padded with spaces (unit is the code unit width).
func compareIDs(a, b []byte, unit int) int {
	split := func(id []byte) ([]byte, []byte) {
		// drop version
		for i := len(id) - unit; i >= 0; i -= unit {
			if isUnit(id[i:i+unit], ';') {
				id = id[:i]
				break
			}
		}
		for i := len(id) - unit; i >= 0; i -= unit {
			if isUnit(id[i:i+unit], '.') {
				return id[:i], id[i+unit:]
			}
		}
		return id, nil
	}
	an, ae := split(a)
	bn, be := split(b)
	if c := comparePadded(an, bn, unit); c != 0 {
		return c
	}
	return comparePadded(ae, be, unit)
}

func isUnit(u []byte, c byte) bool {
	if len(u) == 1 {
		return u[0] == c
	}
	return u[0] == 0 && u[1] == c
}

func comparePadded(a, b []byte, unit int) int {
	pad := []byte{' '}
	if unit == 2 {
		pad = []byte{0, ' '}
	}
	for i := 0; i < max(len(a), len(b)); i += unit {
		x, y := pad, pad
		if i < len(a) {
			x = a[i : i+unit]
		}
		if i < len(b) {
			y = b[i : i+unit]
		}
		if c := strings.Compare(string(x), string(y)); c != 0 {
			return c
		}
	}
	return 0
}
