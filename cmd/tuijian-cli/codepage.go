package main

import (
	"io"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// Output on Windows (issue 15 point 5): the console itself shows UTF-8 (Go writes
// UTF-16 to it), but a redirect (check > 结果.txt) or a pipe (| more) gets the bytes,
// which cmd, more and older editors read in the code page — 936 (GBK) on a Chinese
// Windows. So when stdout or stderr is not a console and the code page is 936 or
// 54936, text is written in GB18030 (GBK for every character GBK has); --json output
// stays UTF-8 (JSON is UTF-8 by definition), and TUIJIAN_OUTPUT=utf8 keeps UTF-8 for
// text too. Elsewhere output is UTF-8.

// codePageWriter writes UTF-8 text to raw in GB18030.
type codePageWriter struct {
	raw  io.Writer
	conv io.Writer
}

func newCodePageWriter(raw io.Writer) codePageWriter {
	return codePageWriter{raw: raw, conv: transform.NewWriter(raw, simplifiedchinese.GB18030.NewEncoder())}
}

func (w codePageWriter) Write(p []byte) (int, error) {
	if _, err := w.conv.Write(p); err != nil {
		return 0, err
	}
	return len(p), nil
}

// utf8Writer undoes the conversion (for --json).
func utf8Writer(w io.Writer) io.Writer {
	if c, ok := w.(codePageWriter); ok {
		return c.raw
	}
	return w
}
