package submission

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tuijian/data/bagit"
	"tuijian/data/discimage"
	"tuijian/data/divisions"
	"tuijian/forms"
)

// Issue 20 point 1, the image side of the tamper matrix: one byte changed in each
// file's extent in turn is named by verify with that file; a cut image is refused as
// an image.
func TestTamperImage(t *testing.T) {
	shared, _ := sharedPackage(t)
	orig := mustRead(t, filepath.Join(shared, "pkg.iso"))
	img, err := discimage.Open(bytes.NewReader(orig), int64(len(orig)))
	if err != nil {
		t.Fatal(err)
	}
	iso := filepath.Join(t.TempDir(), "报送包.iso")
	files := img.Files()
	if len(files) < 10 {
		t.Fatalf("only %d files in the image", len(files))
	}
	for _, f := range files {
		if f.Size == 0 {
			continue
		}
		b := bytes.Clone(orig)
		b[f.Offset()+f.Size/2] ^= 0x01
		if err := os.WriteFile(iso, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if rep := Verify(iso, nil); rep.OK() || !problemsMention(rep, f.Path) {
			t.Errorf("byte of %s changed in the image: verify did not name it:\n%s", f.Path, rep.Text())
		}
	}
	for _, cut := range []int{1, 150} {
		os.WriteFile(iso, orig[:len(orig)-cut*discimage.SectorSize], 0o644)
		if rep := Verify(iso, nil); rep.OK() || !problemsMention(rep, filepath.Base(iso)) {
			t.Errorf("image cut by %d sectors: %s", cut, rep.Text())
		}
	}
	os.WriteFile(iso, orig, 0o644)
	if rep := Verify(iso, nil); !rep.OK() {
		t.Fatalf("the untouched image fails:\n%s", rep.Text())
	}
}

// Issue 20 point 6: a changed untrusted comment (not covered by the signature) is
// named as the signature file, and the cover mismatch is said to follow from it.
func TestUntrustedCommentNamed(t *testing.T) {
	shared, _ := sharedPackage(t)
	pkg := filepath.Join(t.TempDir(), "p")
	copyTree(t, filepath.Join(shared, "pkg"), pkg)
	p := filepath.Join(pkg, bagit.SignatureFile)
	b := mustRead(t, p)
	os.WriteFile(p, bytes.Replace(b, []byte("untrusted comment: s"), []byte("untrusted comment: S"), 1), 0o644)
	rep := Verify(pkg, nil)
	if rep.OK() || !problemsMention(rep, bagit.SignatureFile) {
		t.Fatalf("changed untrusted comment not named:\n%s", rep.Text())
	}
	for _, pr := range rep.Problems {
		if pr.File == CoverName && !strings.Contains(pr.What, bagit.SignatureFile) {
			t.Errorf("cover problem does not point at the signature file: %s", pr.What)
		}
	}
}

// Every province's disc labels are valid (the Joliet label ≤ 16 characters: 新疆维吾尔自治区
// 2021督查激励 is exactly 16), and an image with them opens under every view.
func TestVolumeLabelsForEveryProvince(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bagit.txt"), []byte("BagIt-Version: 1.0\n"), 0o644)
	for _, p := range divisions.Provinces() {
		c := &forms.Case{Province: p, Settings: forms.Settings{Year: 2021}}
		primary, joliet := VolumeLabels(c)
		var b bytes.Buffer
		if err := discimage.Write(&b, dir, discimage.Options{VolumeID: primary, JolietVolumeID: joliet}, nil); err != nil {
			t.Errorf("%s: %v", p.Name, err)
			continue
		}
		img, err := discimage.Open(bytes.NewReader(b.Bytes()), int64(b.Len()))
		if err != nil || img.VolumeID != joliet {
			t.Errorf("%s: label %q read back as %v %v", p.Name, joliet, img, err)
		}
	}
}
