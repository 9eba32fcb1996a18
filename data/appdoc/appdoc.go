// Package appdoc splits a city's application (申报书), written in Word and read with
// data/docx, into the sections of the measure's outline (附件1/附件2): 一、基本情况,
// 二、…（一）… and so on, keyed by forms.Section.Key as data/store keeps them.
//
// A paragraph is taken as a heading when
//
//   - Word marks it as one (an outline level from the paragraph or its style, see
//     docx.Block.OutlineLevel), or
//   - it starts with outline numbering — “一、” (level 1) or “（一）” (level 2), in full-
//     or half-width forms, with or without spaces, “一.”/“一．” too — and is bold or
//     short (at most 40 characters and no full stop), which is how many documents
//     mark headings without heading styles.
//
// A heading is matched to a section number first (一、 to the first top-level section,
// （二） to the second child of the current top-level section), then by title: the
// number's section is taken when its title is similar enough to the heading's text
// or the heading has no text beyond the number; a heading without a number is
// matched by title alone. Similarity is the longest common subsequence of the
// normalised titles over the longer one (≥ 0.6), or one title containing the other.
//
// Text between a matched heading and the next one becomes that section's text,
// paragraphs joined by "\n" (tables flattened, cells by tabs). Headings that match
// no section are kept as a line of the current section's text and reported; text
// before the first matched heading (the document's title, cover lines) is not
// imported and is reported. Nothing is guessed silently: the Report lists the
// sections found, missing and empty, in Chinese.
package appdoc

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"tuijian/data/docx"
	"tuijian/forms"
)

// MaxFileBytes is the largest DOCX file Import reads.
const MaxFileBytes = 64 << 20

// Found is a section recognised in the document.
type Found struct {
	Key     string // forms.Section.Key
	Heading string // the section's heading as the outline prints it
	Source  string // the heading as the document writes it
	Chars   int    // characters of text imported
}

// Report says what the split found, for the officer to check before saving.
type Report struct {
	Found []Found
	// Missing are sections of the outline with no heading in the document; Empty are
	// sections whose heading was found with no text under it (a section with
	// sub-sections is not empty when its sub-sections have text).
	Missing, Empty []forms.Section
	// Unmatched are headings of the document that match no section; their text went
	// into the section before them.
	Unmatched []string
	// Preamble counts the paragraphs before the first recognised heading (title,
	// cover lines), which are not imported.
	Preamble int
}

// Complete reports whether every section was found with text.
func (r Report) Complete() bool { return len(r.Missing) == 0 && len(r.Empty) == 0 }

// Lines is the report in Chinese, one line per finding.
func (r Report) Lines() []string {
	var out []string
	for _, f := range r.Found {
		out = append(out, fmt.Sprintf("已识别：%s（文中标题“%s”，%d 字）", f.Heading, f.Source, f.Chars))
	}
	for _, s := range r.Missing {
		line := "缺少：" + s.Heading() + "（文中没有找到这一节的标题，请在 Word 中补上或在本程序中直接填写）"
		if s.FromEvents {
			line = "缺少：" + s.Heading() + "（将按负面情况登记自动起草，可再修改）"
		}
		out = append(out, line)
	}
	for _, s := range r.Empty {
		line := "无内容：" + s.Heading() + "（找到了标题，但标题下没有文字）"
		if s.FromEvents {
			line = "无内容：" + s.Heading() + "（将按负面情况登记自动起草，可再修改）"
		}
		out = append(out, line)
	}
	for _, h := range r.Unmatched {
		out = append(out, "未对应提纲的标题：“"+h+"”（其内容并入上一节，请核对）")
	}
	if r.Preamble > 0 {
		out = append(out, fmt.Sprintf("文首 %d 段（文件标题等）位于第一个提纲标题之前，未导入", r.Preamble))
	}
	return out
}

// Result is the split of one document.
type Result struct {
	// Texts holds the text per section key; sections not found are absent.
	Texts  map[string]string
	Report Report
}

// ImportFile reads a DOCX file and splits it. The file is read into memory (at most
// MaxFileBytes) and parsed by docx.Read, which follows nothing in it.
func ImportFile(path string, m *forms.Measure) (Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return Result{}, fmt.Errorf("无法打开文件 %s：%v", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return Result{}, fmt.Errorf("无法读取文件 %s：%v", path, err)
	}
	if len(data) > MaxFileBytes {
		return Result{}, fmt.Errorf("文件 %s 超过 %d MiB，不像申报书，请删去其中的大图片后另存为 .docx 再导入", path, MaxFileBytes>>20)
	}
	return Import(data, m)
}

// Import splits DOCX bytes.
func Import(data []byte, m *forms.Measure) (Result, error) {
	blocks, err := docx.Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Result{}, err
	}
	return Split(blocks, m), nil
}

// heading is what a block says about itself as a heading.
type heading struct {
	level int    // 0 top, 1 second; -1 unknown (styled heading without numbering)
	num   int    // 1-based number, 0 none
	title string // normalised text after the number
}

// Split divides the blocks into the sections of m's outline.
func Split(blocks []docx.Block, m *forms.Measure) Result {
	res := Result{Texts: map[string]string{}}
	all := m.Sections()
	parentOf := map[string]*forms.Section{}
	for i := range m.Outline {
		for j := range m.Outline[i].Children {
			parentOf[m.Outline[i].Children[j].Key] = &m.Outline[i]
		}
	}
	found := map[string]bool{}
	parts := map[string][]string{}
	current := ""          // key of the section receiving text
	var top *forms.Section // the current top-level section
	for _, b := range blocks {
		text := strings.TrimSpace(b.Text)
		if text == "" {
			continue
		}
		h, isHeading := classify(b, text)
		if isHeading {
			if sec := match(m, top, h); sec != nil && !found[sec.Key] {
				found[sec.Key] = true
				current = sec.Key
				if p := parentOf[sec.Key]; p != nil {
					top = p
				} else {
					top = findTop(m, sec.Key)
				}
				res.Report.Found = append(res.Report.Found, Found{Key: sec.Key, Heading: sec.Heading(), Source: oneLine(text)})
				continue
			}
			if current != "" {
				res.Report.Unmatched = append(res.Report.Unmatched, oneLine(text))
			}
		}
		if current == "" {
			res.Report.Preamble++
			continue
		}
		parts[current] = append(parts[current], text)
	}
	for k, ps := range parts {
		res.Texts[k] = strings.Join(ps, "\n")
	}
	for i, f := range res.Report.Found {
		res.Report.Found[i].Chars = utf8.RuneCountInString(res.Texts[f.Key])
	}
	// Order the findings as the outline does.
	order := map[string]int{}
	for i, s := range all {
		order[s.Key] = i
	}
	sortFound(res.Report.Found, order)
	for _, s := range all {
		switch {
		case !found[s.Key]:
			res.Report.Missing = append(res.Report.Missing, s)
		case res.Texts[s.Key] == "" && !childHasText(s, res.Texts):
			res.Report.Empty = append(res.Report.Empty, s)
		}
	}
	return res
}

func childHasText(s forms.Section, texts map[string]string) bool {
	for _, c := range s.Children {
		if texts[c.Key] != "" || childHasText(c, texts) {
			return true
		}
	}
	return false
}

func sortFound(fs []Found, order map[string]int) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && order[fs[j].Key] < order[fs[j-1].Key]; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

func findTop(m *forms.Measure, key string) *forms.Section {
	for i := range m.Outline {
		if m.Outline[i].Key == key {
			return &m.Outline[i]
		}
	}
	return nil
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return s
}

// classify decides whether a block is a heading and parses its numbering.
func classify(b docx.Block, text string) (heading, bool) {
	if b.IsTable {
		return heading{}, false
	}
	n := normalize(text)
	h := parseNumber(n)
	if b.OutlineLevel >= 0 {
		if h.num == 0 {
			h.level = -1
			h.title = n
		}
		return h, true
	}
	if h.num == 0 {
		return h, false
	}
	short := utf8.RuneCountInString(n) <= 40 && !strings.ContainsAny(n, "。；;")
	return h, b.Bold || short
}

var numerals = map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10}

// chineseNumber reads 一 … 九十九 at the start of s and returns the value and the
// number of runes read.
func chineseNumber(rs []rune) (int, int) {
	i := 0
	for i < len(rs) && numerals[rs[i]] > 0 && i < 3 {
		i++
	}
	switch i {
	case 0:
		return 0, 0
	case 1:
		return numerals[rs[0]], 1
	case 2: // 十一, 二十
		if rs[0] == '十' {
			return 10 + numerals[rs[1]], 2
		}
		if rs[1] == '十' {
			return numerals[rs[0]] * 10, 2
		}
		return 0, 0
	default: // 二十一
		if rs[1] == '十' && rs[0] != '十' && rs[2] != '十' {
			return numerals[rs[0]]*10 + numerals[rs[2]], 3
		}
		return 0, 0
	}
}

// parseNumber reads “一、”, “一.” (level 0) or “（一）” (level 1) from normalised text.
func parseNumber(n string) heading {
	rs := []rune(n)
	if len(rs) > 2 && rs[0] == '（' {
		if v, k := chineseNumber(rs[1:]); v > 0 && 1+k < len(rs) && rs[1+k] == '）' {
			return heading{level: 1, num: v, title: string(rs[2+k:])}
		}
		return heading{}
	}
	if v, k := chineseNumber(rs); v > 0 && k < len(rs) && strings.ContainsRune("、.，,", rs[k]) {
		return heading{level: 0, num: v, title: string(rs[k+1:])}
	}
	return heading{}
}

// normalize maps full-width ASCII to half-width except the brackets, which become the
// full-width （）; drops white space (including U+3000) and zero-width characters; and
// maps “．” and “､” to “.” and “、”.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u3000':
			continue
		case r == '(' || r == '（' || r == '﹙':
			r = '（'
		case r == ')' || r == '）' || r == '﹚':
			r = '）'
		case r == '､':
			r = '、'
		case r == '．':
			r = '.'
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		}
		b.WriteRune(r)
	}
	return b.String()
}

// match finds the section a heading names, or nil.
func match(m *forms.Measure, top *forms.Section, h heading) *forms.Section {
	title := trimTitle(h.title)
	if h.num > 0 {
		var pool []forms.Section
		if h.level == 0 {
			pool = m.Outline
		} else if top != nil && len(top.Children) > 0 {
			pool = top.Children
		} else {
			// A second-level heading before any top-level one: the sub-sections of the
			// only top-level section that has them.
			for _, s := range m.Outline {
				if len(s.Children) > 0 {
					if pool != nil {
						pool = nil
						break
					}
					pool = s.Children
				}
			}
		}
		for i := range pool {
			if sectionNumber(pool[i]) == h.num && (title == "" || similar(title, normalize(pool[i].Title))) {
				return &pool[i]
			}
		}
		// Numbered differently (e.g. a section left out and the rest renumbered): by
		// title within the same level.
		for i := range pool {
			if title != "" && similar(title, normalize(pool[i].Title)) {
				return &pool[i]
			}
		}
		return nil
	}
	if title == "" {
		return nil
	}
	for _, s := range m.Sections() {
		if similar(title, normalize(s.Title)) {
			return sectionPtr(m, s.Key)
		}
	}
	return nil
}

// sectionPtr returns the section of m's outline with the key.
func sectionPtr(m *forms.Measure, key string) *forms.Section {
	for i := range m.Outline {
		if m.Outline[i].Key == key {
			return &m.Outline[i]
		}
		for j := range m.Outline[i].Children {
			if m.Outline[i].Children[j].Key == key {
				return &m.Outline[i].Children[j]
			}
		}
	}
	return nil
}

// trimTitle drops trailing punctuation such as “：” from a heading.
func trimTitle(t string) string {
	return strings.TrimRight(t, "：:。.，,；;")
}

func sectionNumber(s forms.Section) int {
	h := parseNumber(normalize(s.Number + "x"))
	return h.num
}

// similar reports whether two normalised titles name the same section.
func similar(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 200 || len(rb) > 200 {
		return false
	}
	l := lcs(ra, rb)
	longer := len(ra)
	if len(rb) > longer {
		longer = len(rb)
	}
	return float64(l) >= 0.6*float64(longer)
}

func lcs(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] > cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
