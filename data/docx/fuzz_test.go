package docx

import (
	"bytes"
	"testing"
)

func FuzzRead(f *testing.F) {
	if data, err := sampleDoc().Bytes(); err == nil {
		f.Add(data)
	}
	f.Add(mkzip(f, map[string]string{
		"word/document.xml": `<w:document xmlns:w="w"><w:body><w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>一、标题</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`,
		"word/styles.xml":   `<w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="1"/></w:style></w:styles>`,
	}, "word/document.xml", "word/styles.xml"))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	f.Add([]byte("PK\x05\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		blocks, err := Read(bytes.NewReader(data), int64(len(data)))
		if err == nil && len(blocks) > MaxBlocks {
			t.Fatalf("%d blocks", len(blocks))
		}
		if err != nil && err.Error() == "" {
			t.Fatal("empty error message")
		}
	})
}
