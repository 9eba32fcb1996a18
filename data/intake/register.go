// Package intake is the ministry's side of the submission: it takes in every
// province's package at once (folders or disc images), checks each with the full
// verification of data/submission plus what only the receiver can check — the key
// against the register typed from the paper letters, the campaign, the deadline, one
// package per recommender, the 第十六条 bars — and writes the national tables, the
// register of what came in and a draft of the 公示 list.
//
// Packages are read one at a time (an image is unpacked into a temporary folder and
// removed before the next), and only the rows of the tables are kept, so memory does
// not grow with the number of packages.
package intake

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"tuijian/data/divisions"
	"tuijian/data/signing"
	"tuijian/forms"
)

// KeyEntry is one line of the key register: a recommending unit and the fingerprints
// printed on its 推荐函.
type KeyEntry struct {
	Province    forms.Province
	Fingerprint string // minisign, normalised (upper case, groups of 4)
	SM2         string // the 国密 key's, "" when not registered
	Line        int
}

// Keys is the clerk's register, by province code.
type Keys map[string]KeyEntry

// fingerprintRE is 32 hex digits, spaces allowed anywhere (as printed: 8 groups of 4).
var fingerprintRE = regexp.MustCompile(`^[0-9A-F]{32}$`)

// NormalizeFingerprint is a typed fingerprint as the 推荐函 prints it, or false.
func NormalizeFingerprint(s string) (string, bool) {
	h := strings.ToUpper(strings.Join(strings.Fields(strings.ReplaceAll(s, "\u3000", " ")), ""))
	if !fingerprintRE.MatchString(h) {
		return "", false
	}
	b, _ := hex.DecodeString(h)
	return signing.FingerprintText(b), true
}

var spacesRE = regexp.MustCompile(`[ \x{3000}]{2,}`)

// fields splits a register line at tabs (several tabs or a tab and spaces count as
// one); a line typed with two or more spaces instead of tabs is split there too.
func fields(line string) []string {
	if !strings.Contains(line, "\t") {
		line = spacesRE.ReplaceAllString(line, "\t")
	}
	var out []string
	for _, f := range strings.Split(line, "\t") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// ParseKeys reads the register: one line per recommender, “省份名称<TAB>公钥指纹”, and
// optionally a third column with the 国密 fingerprint; blank lines and lines starting
// with # are skipped. Every fault names its line.
func ParseKeys(r io.Reader) (Keys, error) {
	out := Keys{}
	err := eachLine(r, "公钥登记表", func(n int, f []string) error {
		if len(f) < 2 || len(f) > 3 {
			return fmt.Errorf("公钥登记表第 %d 行：应为“省份名称<Tab>公钥指纹”（可再加一列国密公钥指纹），现为“%s”", n, strings.Join(f, " "))
		}
		p, ok := divisions.ProvinceByName(f[0])
		if !ok {
			return fmt.Errorf("公钥登记表第 %d 行：“%s”不是省级推荐单位的名称（如 山东 或 山东省、新疆生产建设兵团）", n, f[0])
		}
		fp, ok := NormalizeFingerprint(f[1])
		if !ok {
			return fmt.Errorf("公钥登记表第 %d 行：公钥指纹“%s”应为 32 位十六进制数（推荐函上印的 8 组 4 位）", n, f[1])
		}
		e := KeyEntry{Province: p, Fingerprint: fp, Line: n}
		if len(f) == 3 {
			if e.SM2, ok = NormalizeFingerprint(f[2]); !ok {
				return fmt.Errorf("公钥登记表第 %d 行：国密公钥指纹“%s”应为 32 位十六进制数", n, f[2])
			}
		}
		if prev, dup := out[p.Code]; dup {
			return fmt.Errorf("公钥登记表第 %d 行：%s已在第 %d 行登记过", n, p.Name, prev.Line)
		}
		out[p.Code] = e
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("公钥登记表是空的：请按推荐函逐省登记“省份名称<Tab>公钥指纹”")
	}
	return out, nil
}

// Bar is a city barred from recommendation under 办法 第十六条.
type Bar struct {
	Unit             forms.Unit
	FromYear, ToYear int
	DocNo            string
}

// Commendation is a 国务院大督查通报表扬 noted for 办法 第十一条.
type Commendation struct {
	Unit  forms.Unit
	DocNo string
}

// unitOf finds a city by its code (370200) or as “省份 市（州）” (山东 青岛市).
func unitOf(s string) (forms.Unit, bool) {
	s = strings.TrimSpace(s)
	if u, ok := divisions.Unit(s); ok {
		return u, true
	}
	prov, city, ok := strings.Cut(strings.Join(strings.Fields(strings.ReplaceAll(s, "\u3000", " ")), " "), " ")
	if !ok {
		return forms.Unit{}, false
	}
	p, ok := divisions.ProvinceByName(prov)
	if !ok {
		return forms.Unit{}, false
	}
	return divisions.UnitByName(p.Code, city)
}

// ParseBars reads the register of 第十六条 bars: “市（州）<TAB>起始年度<TAB>截止年度<TAB>文号”,
// the city by code (370200) or as “山东 青岛市”.
func ParseBars(r io.Reader) ([]Bar, error) {
	var out []Bar
	err := eachLine(r, "第十六条登记表", func(n int, f []string) error {
		if len(f) != 4 {
			return fmt.Errorf("第十六条登记表第 %d 行：应为“市（州）<Tab>起始年度<Tab>截止年度<Tab>文号”", n)
		}
		u, ok := unitOf(f[0])
		if !ok {
			return fmt.Errorf("第十六条登记表第 %d 行：找不到市（州）“%s”（写行政区划代码，或“省份 市（州）名称”）", n, f[0])
		}
		from, err1 := strconv.Atoi(f[1])
		to, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || from < 2000 || to < from || to > 2100 {
			return fmt.Errorf("第十六条登记表第 %d 行：年度“%s”“%s”应为四位年份，起始不晚于截止", n, f[1], f[2])
		}
		out = append(out, Bar{Unit: u, FromYear: from, ToYear: to, DocNo: f[3]})
		return nil
	})
	return out, err
}

// ParseCommendations reads the register of 通报表扬: “市（州）<TAB>文号”.
func ParseCommendations(r io.Reader) ([]Commendation, error) {
	var out []Commendation
	err := eachLine(r, "通报表扬登记表", func(n int, f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("通报表扬登记表第 %d 行：应为“市（州）<Tab>文号”", n)
		}
		u, ok := unitOf(f[0])
		if !ok {
			return fmt.Errorf("通报表扬登记表第 %d 行：找不到市（州）“%s”", n, f[0])
		}
		out = append(out, Commendation{Unit: u, DocNo: f[1]})
		return nil
	})
	return out, err
}

func eachLine(r io.Reader, what string, use func(n int, f []string) error) error {
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimPrefix(sc.Text(), "\ufeff")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if err := use(n, fields(line)); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("无法读取%s：%v", what, err)
	}
	return nil
}

// LoadOptions reads the registers from their files (bars and commendations may be
// ""); a fault names the file and the line.
func LoadOptions(keysPath, barsPath, commendationsPath string, year int) (Options, error) {
	opt := Options{Year: year}
	read := func(p string, parse func(io.Reader) error) error {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("无法打开 %s：%v", p, err)
		}
		defer f.Close()
		if err := parse(f); err != nil {
			return fmt.Errorf("%s：%w", filepath.Base(p), err)
		}
		return nil
	}
	if keysPath == "" {
		return opt, fmt.Errorf("请给出公钥登记表（每行“省份名称<Tab>公钥指纹”，按各省推荐函登记）")
	}
	if err := read(keysPath, func(r io.Reader) (err error) { opt.Keys, err = ParseKeys(r); return }); err != nil {
		return opt, err
	}
	if barsPath != "" {
		if err := read(barsPath, func(r io.Reader) (err error) { opt.Bars, err = ParseBars(r); return }); err != nil {
			return opt, err
		}
	}
	if commendationsPath != "" {
		if err := read(commendationsPath, func(r io.Reader) (err error) { opt.Commendations, err = ParseCommendations(r); return }); err != nil {
			return opt, err
		}
	}
	return opt, nil
}
