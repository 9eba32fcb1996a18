package appdoc

import (
	"strings"
	"testing"
	"unicode/utf8"

	"tuijian/data/docx"
)

// FuzzSplit splits random blocks: each line of the input is one block whose first
// byte sets its outline level, bold and table flags. Split must never panic, must
// only return keys of the outline, and must not invent text.
func FuzzSplit(f *testing.F) {
	f.Add("\x00一、基本情况\n\xff正文\n\x01（一）落实制造强国战略\n\xfe（二）促进\n\x02三、\n\x80（五）主导产业")
	f.Add("\xff四、其他说明事项\n\xff（一）\n\x00\n\x00(二十一)x\n\x05十、")
	f.Add("")
	m := industry(f)
	valid := map[string]bool{}
	for _, s := range m.Sections() {
		valid[s.Key] = true
	}
	f.Fuzz(func(t *testing.T, data string) {
		var blocks []docx.Block
		in := 0
		for _, line := range strings.Split(data, "\n") {
			if line == "" {
				continue
			}
			flag := line[0]
			b := docx.Block{Text: line[1:], OutlineLevel: int(flag%4) - 1, Bold: flag&4 != 0, IsTable: flag&8 != 0}
			if flag&16 != 0 {
				b.OutlineLevel = -1
			}
			in += utf8.RuneCountInString(b.Text)
			blocks = append(blocks, b)
		}
		res := Split(blocks, m)
		out := 0
		for k, v := range res.Texts {
			if !valid[k] {
				t.Fatalf("key %q not in the outline", k)
			}
			out += utf8.RuneCountInString(v)
		}
		if out > in+len(blocks) {
			t.Fatalf("%d characters out of %d in", out, in)
		}
		if len(res.Report.Found)+len(res.Report.Missing) != len(valid) {
			t.Fatalf("found %d + missing %d != %d sections", len(res.Report.Found), len(res.Report.Missing), len(valid))
		}
		_ = res.Report.Lines()
	})
}

// FuzzImport feeds arbitrary bytes to Import (docx.Read, then Split): any input gives
// a result or an error, never a panic, in bounded time.
func FuzzImport(f *testing.F) {
	d := docx.New(docx.PageSetup{})
	d.Heading(1, "一、基本情况")
	d.Text("正文。")
	d.Paragraph(docx.Para{Runs: []docx.Run{{Text: "（一）落实制造强国战略", Bold: true}}})
	if data, err := d.Bytes(); err == nil {
		f.Add(data)
	}
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	m := industry(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Import(data, m)
		if err == nil && res.Texts == nil {
			t.Fatal("nil texts without error")
		}
	})
}
