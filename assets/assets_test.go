package assets_test

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/encoding/simplifiedchinese"

	"tuijian/assets"
	"tuijian/assets/docfonts"
)

// rare are characters of names outside GB 2312 that an officer may type: Extension A
// (㑇, 䶮), Extension B and later (𬌗, 𫖯, 𬇙), and common name characters (堃, 喆, 昇).
const rare = "㑇䶮𬌗𫖯𬇙堃喆昇"

func gb2312() string {
	var b strings.Builder
	dec := simplifiedchinese.GBK.NewDecoder()
	for hi := 0xB0; hi <= 0xF7; hi++ { // the hanzi rows
		for lo := 0xA1; lo <= 0xFE; lo++ {
			s, err := dec.Bytes([]byte{byte(hi), byte(lo)})
			if err == nil && len(s) > 0 && string(s) != "\uFFFD" {
				b.Write(s)
			}
		}
	}
	return b.String()
}

func divisionChars(t *testing.T) string {
	t.Helper()
	files, _ := filepath.Glob("../data/divisions/*.csv")
	if len(files) == 0 {
		t.Fatal("no division lists found")
	}
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range string(data) {
			if unicode.Is(unicode.Han, r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// font is a face, or a face and its fallbacks.
type font interface{ faces() [][]byte }

type joined [][]byte

func (j joined) faces() [][]byte { return j }

var parsed sync.Map // *byte → *sfnt.Font

// missing returns the characters of text that no face of f has.
func missing(t *testing.T, f font, text string) string {
	t.Helper()
	var fs []*sfnt.Font
	for _, data := range f.faces() {
		if p, ok := parsed.Load(&data[0]); ok {
			fs = append(fs, p.(*sfnt.Font))
			continue
		}
		p, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		parsed.Store(&data[0], p)
		fs = append(fs, p)
	}
	var buf sfnt.Buffer
	var out []rune
	seen := map[rune]bool{}
	for _, r := range text {
		if seen[r] {
			continue
		}
		seen[r] = true
		has := false
		for _, p := range fs {
			if gi, err := p.GlyphIndex(&buf, r); err == nil && gi != 0 {
				has = true
				break
			}
		}
		if !has {
			out = append(out, r)
		}
	}
	return string(out)
}

func TestFontsCoverWhatIsTyped(t *testing.T) {
	hanzi, div := gb2312(), divisionChars(t)
	if n := len([]rune(hanzi)); n != 6763 {
		t.Fatalf("GB 2312 has %d hanzi here, want 6763", n)
	}
	whole := joined{assets.SansRegularUI(), assets.SansRegularRare()}
	for _, c := range []struct {
		name string
		data font
		full bool
	}{
		{"SansRegularUI+SansRegularRare", whole, true},
		{"SansRegularUI", joined{assets.SansRegularUI()}, false},
		{"SansBoldUICFF", joined{assets.SansBoldUICFF()}, false},
		{"SansBoldUI", joined{assets.SansBoldUI()}, false},
		{"SerifRegular", joined{docfonts.SerifRegular()}, true},
		{"SerifBoldUI", joined{docfonts.SerifBoldUI()}, false},
	} {
		if m := missing(t, c.data, hanzi+div+"，。、；：？！“”（）《》〔〕—…·０１２３４５６７８９％"); m != "" {
			t.Errorf("%s lacks %d characters of GB 2312, the division names or punctuation: %.40q", c.name, len([]rune(m)), m)
		}
		m := missing(t, c.data, rare)
		if c.full && m != "" {
			t.Errorf("%s lacks %q", c.name, m)
		}
		if !c.full && m == "" {
			t.Errorf("%s is meant to be the UI subset but has the rare characters", c.name)
		}
	}
	// The two parts of the regular face do not overlap (the rare part has only what the
	// UI subset lacks), and every CJK character of the GUI's regular face has a document face.
	var all strings.Builder
	for r := rune(0x3400); r < 0x32000; r++ {
		if missing(t, whole, string(r)) == "" {
			all.WriteRune(r)
		}
	}
	if n := len([]rune(all.String())); n < 28000 {
		t.Errorf("the regular face has %d CJK characters, want the whole face (over 28 000)", n)
	}
	if m := missing(t, joined{assets.SansRegularRare()}, gb2312()); len([]rune(m)) != 6763 {
		t.Errorf("the rare part repeats %d characters of GB 2312", 6763-len([]rune(m)))
	}
	if m := missing(t, joined{docfonts.SerifRegular()}, all.String()); len([]rune(m)) > 40 {
		t.Errorf("the full serif face lacks %d CJK characters of the sans face: %.40q", len([]rune(m)), m)
	}
}

func TestUnpackedOnce(t *testing.T) {
	a, b := assets.SansBoldUI(), assets.SansBoldUI()
	if len(a) == 0 || &a[0] != &b[0] {
		t.Fatal("SansBoldUI unpacked twice or empty")
	}
	if !sfntKind(a, "\x00\x01\x00\x00") || !sfntKind(docfonts.SerifRegular(), "\x00\x01\x00\x00") {
		t.Fatal("unexpected font kinds: the document faces must be TrueType")
	}
	for _, f := range [][]byte{assets.SansRegularUI(), assets.SansRegularRare(), assets.SansBoldUICFF()} {
		if !sfntKind(f, "OTTO") {
			t.Fatal("unexpected font kind: the GUI faces must be CFF (OTTO)")
		}
	}
}

func sfntKind(data []byte, tag string) bool { return len(data) > 4 && string(data[:4]) == tag }

// BenchmarkUnpack times unpacking each GUI face as the start does. Packed gives the
// compressed pages back after unpacking (zeroing heap memory), so every round reads a
// fresh copy.
func BenchmarkUnpack(b *testing.B) {
	for _, name := range []string{"NotoSansSC-Regular-UI.otf.zst", "NotoSansSC-Bold-UI.otf.zst", "NotoSansSC-Regular-Rare.otf.zst"} {
		z, err := os.ReadFile("fonts/" + name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.TrimSuffix(name, ".otf.zst"), func(b *testing.B) {
			b.SetBytes(int64(len(z)))
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				c := append([]byte(nil), z...)
				b.StartTimer()
				var p assets.Packed
				if len(p.Bytes(c)) < 1<<20 {
					b.Fatal("short")
				}
			}
		})
	}
}
