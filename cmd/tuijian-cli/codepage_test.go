package main

import (
	"bytes"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Redirected output on a Chinese Windows is GBK (GB18030): what cmd's type and more
// show; --json stays UTF-8.
func TestCodePageWriter(t *testing.T) {
	var raw bytes.Buffer
	w := newCodePageWriter(&raw)
	text := "校验通过：山东省 370000；㑇䶮\n"
	if n, err := w.Write([]byte(text)); err != nil || n != len(text) {
		t.Fatalf("wrote %d of %d: %v", n, len(text), err)
	}
	if !bytes.HasPrefix(raw.Bytes(), []byte{0xd0, 0xa3}) { // 校 in GBK
		t.Errorf("not GBK: % x", raw.Bytes()[:4])
	}
	back, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw.Bytes())
	if err != nil || string(back) != text {
		t.Errorf("round trip %q (%v)", back, err)
	}
	if utf8Writer(w) != &raw {
		t.Error("--json does not get the raw writer")
	}
}
