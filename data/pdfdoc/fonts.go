package pdfdoc

import (
	"encoding/binary"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"tuijian/assets"
	"tuijian/assets/docfonts"
)

// Fonts holds the TrueType bytes of the four 公文 faces. A nil face takes the embedded
// fallback (see Fallback). The *File fields say where each face came from ("" for the
// embedded fallback); Describe reports them.
type Fonts struct {
	Fangsong, Xiaobiaosong, Heiti, Kaiti                 []byte
	FangsongFile, XiaobiaosongFile, HeitiFile, KaitiFile string
}

// Fallback returns the embedded faces: Noto Serif SC Regular for 仿宋 and 楷体 (a
// serif Ming face is closer to 仿宋 than any sans, and the Kaiti role then differs from
// 仿宋 only by name), Noto Serif SC Bold for 小标宋 (a heavy Ming face, which 小标宋 is),
// and Noto Sans SC Bold for 黑体 (黑体 is a sans face of bold appearance). The two bold
// faces are cut down to GB 2312, the division names and the program's strings
// (assets/fonts/README.md); a character they lack is set in Noto Serif SC Regular, which
// has every glyph, so no name prints as a blank.
func Fallback() Fonts {
	return Fonts{
		Fangsong:     docfonts.SerifRegular(),
		Xiaobiaosong: docfonts.SerifBoldUI(),
		Heiti:        assets.SansBoldUI(),
		Kaiti:        docfonts.SerifRegular(),
	}
}

// fallbackFor returns the embedded face used for a role and its description.
func fallbackFor(f Face) ([]byte, string) {
	switch f {
	case Xiaobiaosong:
		return docfonts.SerifBoldUI(), "内置 Noto Serif SC Bold（思源宋体粗体，代替小标宋）"
	case Heiti:
		return assets.SansBoldUI(), "内置 Noto Sans SC Bold（思源黑体粗体，代替黑体）"
	case Kaiti:
		return docfonts.SerifRegular(), "内置 Noto Serif SC Regular（思源宋体，代替楷体）"
	}
	return docfonts.SerifRegular(), "内置 Noto Serif SC Regular（思源宋体，代替仿宋）"
}

// lastResort is the face that sets a character no other face of a role has: the
// embedded Noto Serif SC Regular, which has all 30 928 characters of the font.
func lastResort() []byte { return docfonts.SerifRegular() }

// Font file names searched for each face, lower case, in order of preference. Windows
// ships simfang/simhei/simkai; 仿宋_GB2312, 楷体_GB2312 and 方正小标宋简体 are installed
// by government offices under these names; the STXXX files are macOS 华文 fonts;
// LXGW WenKai (Debian fonts-lxgw-wenkai) and AR PL KaitiM GB (fonts-arphic-gkai00mp)
// are free 楷体.
var candidates = map[Face][]string{
	Fangsong: {"仿宋_gb2312.ttf", "fangsong_gb2312.ttf", "fs_gb2312.ttf", "simfang.ttf", "fzfsk.ttf", "方正仿宋_gbk.ttf", "仿宋.ttf", "stfangso.ttf"},
	Xiaobiaosong: {"fzxbsjw.ttf", "方正小标宋简体.ttf", "fzxbsk.ttf", "方正小标宋_gbk.ttf",
		"fzxbsjw--gb1-0.ttf", "方正小标宋.ttf"},
	Heiti: {"simhei.ttf", "黑体.ttf", "fzhtk.ttf", "方正黑体_gbk.ttf", "方正黑体简体.ttf"},
	Kaiti: {"楷体_gb2312.ttf", "kaiti_gb2312.ttf", "kt_gb2312.ttf", "simkai.ttf", "fzktk.ttf", "方正楷体_gbk.ttf", "楷体.ttf", "stkaiti.ttf",
		"lxgwwenkai-regular.ttf", "lxgwwenkaigb-regular.ttf", "gkai00mp.ttf"},
}

// fontDirs are the usual font folders of Windows, macOS and Linux.
func fontDirs() []string {
	var dirs []string
	if runtime.GOOS == "windows" {
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		dirs = append(dirs, filepath.Join(win, "Fonts"))
		if la := os.Getenv("LOCALAPPDATA"); la != "" {
			dirs = append(dirs, filepath.Join(la, "Microsoft", "Windows", "Fonts"))
		}
		return dirs
	}
	home, _ := os.UserHomeDir()
	if runtime.GOOS == "darwin" {
		dirs = append(dirs, "/Library/Fonts", "/System/Library/Fonts", "/System/Library/Fonts/Supplemental")
		if home != "" {
			dirs = append(dirs, filepath.Join(home, "Library", "Fonts"))
		}
		return dirs
	}
	dirs = append(dirs, "/usr/share/fonts", "/usr/local/share/fonts")
	if home != "" {
		dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"))
	}
	return dirs
}

// SystemFonts looks for installed 公文 fonts by file name in extraDirs (first) and the
// system font folders (recursively, at most 20000 files), keeping only TrueType files
// (.ttf with glyf outlines: gopdf reads neither .ttc collections nor CFF .otf). Faces not
// found take the embedded fallback (see Fallback).
func SystemFonts(extraDirs ...string) Fonts {
	found := map[string]string{} // lower-case base name → first path
	seen := 0
	for _, dir := range append(append([]string{}, extraDirs...), fontDirs()...) {
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if seen++; seen > 20000 {
				return fs.SkipAll
			}
			if d.IsDir() {
				return nil
			}
			name := strings.ToLower(d.Name())
			if strings.HasSuffix(name, ".ttf") {
				if _, ok := found[name]; !ok {
					found[name] = path
				}
			}
			return nil
		})
	}
	var f Fonts
	for _, face := range []Face{Fangsong, Xiaobiaosong, Heiti, Kaiti} {
		for _, name := range candidates[face] {
			path, ok := found[name]
			if !ok {
				continue
			}
			data, err := os.ReadFile(path)
			if err != nil || !IsTrueType(data) {
				continue
			}
			*f.slot(face), *f.file(face) = data, path
			break
		}
	}
	return f
}

func (f *Fonts) slot(face Face) *[]byte {
	switch face {
	case Xiaobiaosong:
		return &f.Xiaobiaosong
	case Heiti:
		return &f.Heiti
	case Kaiti:
		return &f.Kaiti
	}
	return &f.Fangsong
}

func (f *Fonts) file(face Face) *string {
	switch face {
	case Xiaobiaosong:
		return &f.XiaobiaosongFile
	case Heiti:
		return &f.HeitiFile
	case Kaiti:
		return &f.KaitiFile
	}
	return &f.FangsongFile
}

// Describe tells, in Chinese, which file each face comes from.
func (f Fonts) Describe() string {
	var b strings.Builder
	for i, face := range []Face{Fangsong, Xiaobiaosong, Heiti, Kaiti} {
		if i > 0 {
			b.WriteString("；")
		}
		src := *f.file(face)
		data := *f.slot(face)
		switch {
		case data == nil:
			_, src = fallbackFor(face)
		case src == "":
			src = fmt.Sprintf("调用方提供的字体数据（%d 字节）", len(data))
			if fb, desc := fallbackFor(face); sameBytes(fb, data) {
				src = desc
			}
		}
		fmt.Fprintf(&b, "%s：%s", face.String(), src)
	}
	return b.String()
}

// IsTrueType reports whether data is a single TrueType font with glyf outlines, the only
// kind gopdf can embed.
func IsTrueType(data []byte) bool {
	if len(data) < 12 {
		return false
	}
	tag := binary.BigEndian.Uint32(data)
	if tag != 0x00010000 && tag != 0x74727565 { // 1.0 or 'true'
		return false
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return false
	}
	has := map[string]bool{}
	for i := 0; i < n; i++ {
		has[string(data[12+16*i:12+16*i+4])] = true
	}
	return has["glyf"] && has["cmap"] && has["loca"] && has["head"] && has["hmtx"]
}

// sameBytes reports whether a and b are the same slice (not merely equal contents).
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && len(a) > 0 && &a[0] == &b[0]
}
