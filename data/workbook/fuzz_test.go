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
		within(t, "ImportFigures", len(data), func() { plan, err = ImportFigures(c, bytes.NewReader(data), int64(len(data))) })
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
		within(t, "ImportVerification", len(data), func() { reply, err = ImportVerification(c, bytes.NewReader(data), int64(len(data))) })
		if err == nil && reply == nil {
			t.Fatal("no reply and no error")
		}
	})
}

// within runs fn and fails when it does not return within 20 s.
func within(t *testing.T, what string, n int, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("%s did not return within 20 s (%d bytes)", what, n)
	}
}
