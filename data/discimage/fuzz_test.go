package discimage

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// The fuzzer works on a compact form of an image so that inputs stay small
// (a raw image is mostly zeros, which makes minimization crawl): the 16
// system-area sectors are implied, and every later sector is stored as a
// 2-byte little-endian length followed by that many bytes, the rest of the
// sector being zeros.

func compactSectors(img []byte) []byte {
	var out []byte
	for off := 16 * SectorSize; off < len(img); off += SectorSize {
		s := bytes.TrimRight(img[off:min(off+SectorSize, len(img))], "\x00")
		out = binary.LittleEndian.AppendUint16(out, uint16(len(s)))
		out = append(out, s...)
	}
	return out
}

func expandSectors(b []byte) []byte {
	img := make([]byte, 16*SectorSize, 64*SectorSize)
	for len(b) >= 2 && len(img) < 1024*SectorSize {
		n := int(binary.LittleEndian.Uint16(b) % (SectorSize + 1))
		b = b[2:]
		n = min(n, len(b))
		sec := make([]byte, SectorSize)
		copy(sec, b[:n])
		b = b[n:]
		img = append(img, sec...)
	}
	return img
}

// FuzzOpen feeds arbitrary images to the Joliet reader: it must never panic,
// and whatever it accepts must be readable within the image's bounds.
// Run with a short -fuzzminimizetime (e.g. 3s): minimizing kilobyte inputs
// with the default 60 s stalls the run.
func FuzzOpen(f *testing.F) {
	dir := f.TempDir()
	for p, c := range map[string]string{
		"a.txt":          "hello",
		"目录/推荐表.xlsx":    "xlsx",
		"目录/子目录/推荐函.pdf": "pdf",
		"目录/子目录/empty":   "",
		"长名字长名字长名字长名字长名字长名字.txt": "long",
	} {
		full := filepath.Join(dir, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte(c), 0o644)
	}
	var buf bytes.Buffer
	if err := Write(&buf, dir, testOpt, nil); err != nil {
		f.Fatal(err)
	}
	img := buf.Bytes()
	// The padding stays: the image must be the volume space size it declares.
	if !bytes.Equal(expandSectors(compactSectors(img)), img) {
		f.Fatal("compact form does not round-trip")
	}
	f.Add(compactSectors(img))
	f.Add(compactSectors(img[:18*SectorSize]))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		img := expandSectors(b)
		im, err := Open(bytes.NewReader(img), int64(len(img)))
		if err != nil {
			return
		}
		var total int64
		for _, file := range im.Files() {
			if file.Size > int64(len(img)) {
				t.Fatalf("%q: size %d beyond image", file.Path, file.Size)
			}
			total += file.Size
			r, err := im.Open(file.Path)
			if err != nil {
				t.Fatalf("listed file %q cannot be opened: %v", file.Path, err)
			}
			n, err := io.Copy(io.Discard, r)
			if err != nil || n != file.Size {
				t.Fatalf("%q: read %d of %d: %v", file.Path, n, file.Size, err)
			}
		}
		if total > int64(len(img)) {
			t.Fatalf("files total %d bytes, image %d", total, len(img))
		}
	})
}

// The seed image itself must open and list its files.
func TestFuzzSeedOpens(t *testing.T) {
	dir, files := makeTree(t)
	var buf bytes.Buffer
	Write(&buf, dir, testOpt, nil)
	img := expandSectors(compactSectors(buf.Bytes()))
	im, err := Open(bytes.NewReader(img), int64(len(img)))
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Files()) != len(files) {
		t.Fatalf("%d files, want %d", len(im.Files()), len(files))
	}
}
