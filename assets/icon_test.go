package assets_test

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"testing"

	"golang.org/x/image/draw"

	"tuijian/assets"
)

// The icon the program shows is icon.png (what the packages carry) made small and 8-bit:
// cheap to decode while the window is created, and the same picture.
func TestRuntimeIconIsThePackageIconScaled(t *testing.T) {
	small, err := png.Decode(bytes.NewReader(assets.Icon))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := small.(*image.NRGBA); !ok {
		t.Errorf("runtime icon decodes to %T, want 8 bits a channel (*image.NRGBA)", small)
	}
	if b := small.Bounds(); b.Dx() != 128 || b.Dy() != 128 {
		t.Errorf("runtime icon is %v, want 128×128", b.Size())
	}
	raw, err := os.ReadFile("icon.png")
	if err != nil {
		t.Fatal(err)
	}
	big, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	// Both at 32×32: every channel of every pixel within 24 of 255.
	at32 := func(m image.Image) *image.NRGBA {
		d := image.NewNRGBA(image.Rect(0, 0, 32, 32))
		draw.CatmullRom.Scale(d, d.Bounds(), m, m.Bounds(), draw.Src, nil)
		return d
	}
	a, b := at32(small), at32(big)
	worst := 0
	for i := range a.Pix {
		d := int(a.Pix[i]) - int(b.Pix[i])
		worst = max(worst, d, -d)
	}
	if worst > 24 {
		t.Errorf("runtime icon differs from icon.png by up to %d/255 a channel at 32×32: regenerate it (see assets.Icon)", worst)
	}
}
