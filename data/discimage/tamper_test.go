package discimage

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"
)

// recordsAt returns the offsets of the directory records that point at extent lba:
// the primary tree's first (its directories are written first), then Joliet's.
func recordsAt(img []byte, lba int64, metaEnd int64) []int {
	var out []int
	for off := 18 * SectorSize; off+34 <= int(metaEnd*SectorSize); off++ {
		n := int(img[off])
		if n < 34 || off+n > len(img) {
			continue
		}
		if int64(binary.LittleEndian.Uint32(img[off+2:])) == lba && int64(binary.BigEndian.Uint32(img[off+6:])) == lba && img[off+25]&2 == 0 {
			out = append(out, off)
		}
	}
	return out
}

func put32(b []byte, v uint32) {
	binary.LittleEndian.PutUint32(b, v)
	binary.BigEndian.PutUint32(b[4:], v)
}

// TestOpenRefusesTamperedImages covers issue 20 point 1: every way a stock reader
// could be shown other bytes than the verified ones is refused, with a message naming
// what is wrong.
func TestOpenRefusesTamperedImages(t *testing.T) {
	dir, _ := makeTree(t)
	orig, err := os.ReadFile(buildImage(t, dir, testOpt))
	if err != nil {
		t.Fatal(err)
	}
	good, err := Open(bytes.NewReader(orig), int64(len(orig)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]File{}
	minLBA := int64(len(orig))
	for _, f := range good.Files() {
		files[f.Path] = f
		if f.Size > 0 {
			minLBA = min(minLBA, f.lba)
		}
	}
	letter, other := files["data/工业稳增长/济南市/推荐函.pdf"], files["data/工业稳增长/推荐表.xlsx"]
	recs := recordsAt(orig, letter.lba, minLBA)
	if len(recs) != 2 {
		t.Fatalf("found %d records of the letter, want 2 (primary, Joliet)", len(recs))
	}
	primaryRec, jolietRec := recs[0], recs[1]
	pt := int(binary.LittleEndian.Uint32(orig[16*SectorSize+140:])) * SectorSize

	cases := []struct {
		name   string
		tamper func([]byte) []byte
		want   string
	}{
		{"primary record points at other bytes", func(b []byte) []byte { put32(b[primaryRec+2:], uint32(other.lba)); return b }, "指向不同的数据"},
		{"Joliet record points at other bytes", func(b []byte) []byte { put32(b[jolietRec+2:], uint32(other.lba)); return b }, "指向不同的数据"},
		{"primary size differs", func(b []byte) []byte { put32(b[primaryRec+10:], uint32(letter.Size-1)); return b }, "指向不同的数据"},
		{"halves of a field disagree", func(b []byte) []byte { binary.BigEndian.PutUint32(b[primaryRec+6:], uint32(other.lba)); return b }, "字节序不一致"},
		{"cut by one sector", func(b []byte) []byte { return b[:len(b)-SectorSize] }, "截断"},
		{"cut by 150 sectors", func(b []byte) []byte { return b[:len(b)-150*SectorSize] }, "截断"},
		{"one sector appended", func(b []byte) []byte { return append(b, make([]byte, SectorSize)...) }, "追加"},
		{"terminator with data", func(b []byte) []byte { b[18*SectorSize+100] = 1; return b }, "终止符已损坏"},
		{"terminator of another type", func(b []byte) []byte { b[18*SectorSize] = 3; return b }, "类型 3"},
		{"terminator version", func(b []byte) []byte { b[18*SectorSize+6] = 2; return b }, "不是卷描述符"},
		{"Joliet descriptor turned into a boot record", func(b []byte) []byte { b[17*SectorSize] = 0; return b }, "类型 0"},
		{"volume space size", func(b []byte) []byte { put32(b[16*SectorSize+80:], uint32(len(b)/SectorSize-1)); return b }, "卷大小"},
		{"path table points a folder elsewhere", func(b []byte) []byte {
			binary.LittleEndian.PutUint32(b[pt+10+2:], binary.LittleEndian.Uint32(b[pt+10+2:])+1)
			return b
		}, "路径表"},
		{"Rock Ridge name changed", func(b []byte) []byte {
			i := bytes.Index(b, []byte("NM\x0e\x01\x00bagit.txt"))
			if i < 0 {
				t.Fatal("no NM entry of bagit.txt")
			}
			b[i+5] = 'B'
			return b
		}, "Joliet 目录树（Windows 读取）中没有"},
		{"hidden flag", func(b []byte) []byte { b[jolietRec+25] |= 1; return b }, "隐藏"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := c.tamper(bytes.Clone(orig))
			_, err := Open(bytes.NewReader(b), int64(len(b)))
			if err == nil {
				t.Fatal("tampered image accepted")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q, want it to mention %q", err, c.want)
			}
		})
	}
}
