package docx

import (
	"archive/zip"
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

// FuzzReadXML fuzzes the XML of document.xml and styles.xml inside a valid zip, which
// FuzzRead rarely reaches through the zip's CRC and deflate layers.
func FuzzReadXML(f *testing.F) {
	doc := sampleDoc()
	f.Add([]byte(doc.documentXML()), []byte(doc.stylesXML()))
	f.Add([]byte(`<w:document xmlns:w="w"><w:body><w:p><w:pPr><w:pStyle w:val="1"/><w:outlineLvl w:val="1"/></w:pPr><w:r><w:rPr><w:b w:val="0"/><w:rStyle w:val="s"/></w:rPr><w:t>一、</w:t><w:tab/><w:br/></w:r></w:p><w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl></w:body></w:document>`),
		[]byte(`<w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="1"><w:name w:val="标题 1"/><w:basedOn w:val="1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr><w:rPr><w:b/></w:rPr></w:style></w:styles>`))
	f.Fuzz(func(t *testing.T, docXML, stylesXML []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, part := range []struct {
			name string
			body []byte
		}{{"word/document.xml", docXML}, {"word/styles.xml", stylesXML}} {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(part.body)
		}
		zw.Close()
		data := buf.Bytes()
		blocks, err := Read(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		for _, b := range blocks {
			if b.OutlineLevel < -1 || b.OutlineLevel > 8 {
				t.Fatalf("outline level %d", b.OutlineLevel)
			}
			if b.Text == "" {
				t.Fatal("empty block")
			}
		}
	})
}
