package workbook

import (
	"bytes"
	"testing"
	"time"
)

// FuzzImportFigures: any bytes give a plan or an error, never a panic, in bounded time.
func FuzzImportFigures(f *testing.F) {
	s := demoStore(f)
	c := loadCase(f, s)
	good := exportFigures(f, c)
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	var vb bytes.Buffer
	if err := ExportVerification(c, &vb); err != nil {
		f.Fatal(err)
	}
	f.Add(vb.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		var plan *FigurePlan
		var err error
		done := make(chan struct{})
		go func() {
			defer close(done)
			plan, err = ImportFigures(c, bytes.NewReader(data), int64(len(data)))
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("ImportFigures did not return within 20 s (%d bytes)", len(data))
		}
		if err == nil && plan == nil {
			t.Fatal("no plan and no error")
		}
		if err != nil && err.Error() == "" {
			t.Fatal("empty error")
		}
	})
}

// FuzzImportVerification: any bytes give a reply or an error for the statistics
// bureau's reply, never a panic, in bounded time.
func FuzzImportVerification(f *testing.F) {
	s := demoStore(f)
	c := loadCase(f, s)
	var vb bytes.Buffer
	if err := ExportVerification(c, &vb); err != nil {
		f.Fatal(err)
	}
	f.Add(vb.Bytes())
	f.Add(vb.Bytes()[:vb.Len()/2])
	f.Add(exportFigures(f, c))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		var reply *VerificationReply
		var err error
		done := make(chan struct{})
		go func() {
			defer close(done)
			reply, err = ImportVerification(c, bytes.NewReader(data), int64(len(data)))
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("ImportVerification did not return within 20 s (%d bytes)", len(data))
		}
		if err == nil && reply == nil {
			t.Fatal("no reply and no error")
		}
	})
}
