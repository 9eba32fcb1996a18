package documents

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"

	"tuijian/data/docx"
)

// thinThickLast turns the last double rule of a DOCX made by data/docx from 上粗下细
// (thickThinSmallGap, the only double rule docx.Doc.LineSpan draws) into 上细下粗
// (thinThickSmallGap), as the closing double line of the 信函格式 must be. The zip is
// rewritten entry by entry in the same order with the same fixed times, so the output
// stays deterministic.
func thinThickLast(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	done := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if f.Name == "word/document.xml" {
			old := []byte(`w:val="thickThinSmallGap"`)
			if i := bytes.LastIndex(body, old); i >= 0 {
				body = append(append(append([]byte{}, body[:i]...), []byte(`w:val="thinThickSmallGap"`)...), body[i+len(old):]...)
				done = true
			}
		}
		hdr := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: docx.FixedTime}
		w, err := zw.CreateHeader(hdr)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(body); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	if !done {
		return nil, fmt.Errorf("internal: no double rule in the letter")
	}
	return out.Bytes(), nil
}
