package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"math/rand"
	"runtime"
	"strings"
	"testing"
	"time"
)

// bounded runs fn and fails if it takes longer than d or grows the heap by more than
// maxHeap bytes (measured after fn, before GC).
func bounded(t *testing.T, d time.Duration, maxHeap uint64, fn func()) {
	t.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	fn()
	el := time.Since(start)
	runtime.ReadMemStats(&after)
	if el > d {
		t.Errorf("took %v, limit %v", el, d)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > maxHeap {
		t.Errorf("allocated %d MiB, limit %d MiB", grew>>20, maxHeap>>20)
	}
	t.Logf("%v, %d MiB allocated", el, (after.TotalAlloc-before.TotalAlloc)>>20)
}

func wantErr(t *testing.T, err error, frags ...string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	for _, f := range frags {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("error %q lacks %q", err, f)
		}
	}
}

func TestMalformedFiles(t *testing.T) {
	s := demoStore(t)
	c := loadCase(t, s)
	good := exportFigures(t, c)

	t.Run("not a zip", func(t *testing.T) {
		_, err := importFigures(c, []byte("代码,市（州）\n370100,济南市\n"))
		wantErr(t, err, "不是 .xlsx 工作簿")
		_, err = importFigures(c, nil)
		wantErr(t, err, "文件是空的")
		_, err = importFigures(c, append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 512)...))
		wantErr(t, err, ".xls", "另存为")
		_, err = importFigures(c, good[:len(good)/2])
		wantErr(t, err, "zip 结构损坏")
	})

	t.Run("zip bomb", func(t *testing.T) {
		// 101 MiB of zeros, deflated to about 100 KiB.
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
		w, _ := zw.Create("xl/worksheets/sheet1.xml")
		zero := make([]byte, 1<<20)
		for i := 0; i < 101; i++ {
			w.Write(zero)
		}
		zw.Close()
		bounded(t, 5*time.Second, 64<<20, func() {
			_, err := importFigures(c, buf.Bytes())
			wantErr(t, err, "压缩炸弹")
		})
		// A single entry with a suspicious ratio, under the total cap.
		buf.Reset()
		zw = zip.NewWriter(&buf)
		w, _ = zw.Create("xl/sharedStrings.xml")
		for i := 0; i < 8; i++ {
			w.Write(zero)
		}
		zw.Close()
		_, err := importFigures(c, buf.Bytes())
		wantErr(t, err, "压缩比异常")
		// Too many entries.
		buf.Reset()
		zw = zip.NewWriter(&buf)
		for i := 0; i <= maxEntries; i++ {
			zw.Create(fmt.Sprintf("x/%d", i))
		}
		zw.Close()
		_, err = importFigures(c, buf.Bytes())
		wantErr(t, err, "部件")
	})

	t.Run("DTD entity expansion", func(t *testing.T) {
		part := partOf(t, good, "工业稳增长")
		f := openX(t, good)
		rows, _ := f.GetRows("工业稳增长")
		laughs := rewritePart(t, good, part, func(w io.Writer) {
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [<!ENTITY a "1234567890"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>`)
			io.WriteString(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
			for r, cells := range rows {
				fmt.Fprintf(w, `<row r="%d">`, r+1)
				for ci, v := range cells {
					fmt.Fprintf(w, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, cellName(ci+1, r+1), v)
				}
				io.WriteString(w, `</row>`)
			}
			io.WriteString(w, `</sheetData></worksheet>`)
		})
		_, err := importFigures(c, laughs)
		wantErr(t, err, "DTD", part)
	})

	t.Run("merged cells in the data area", func(t *testing.T) {
		f := openX(t, good)
		if err := f.MergeCell("工业稳增长", "E4", "F4"); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		f.Write(&buf)
		_, err := importFigures(c, buf.Bytes())
		wantErr(t, err, "合并单元格 E4:F4", "工业稳增长", "取消合并")
	})

	t.Run("million rows", func(t *testing.T) {
		sheet := "工业稳增长"
		part := partOf(t, good, sheet)
		big := rewritePart(t, good, part, func(w io.Writer) {
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
			for r := 1; r <= 1_000_000; r++ {
				fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, r, r, 370000+r%100*100)
			}
			io.WriteString(w, `</sheetData></worksheet>`)
		})
		t.Logf("workbook %d KiB", len(big)>>10)
		bounded(t, 10*time.Second, 512<<20, func() {
			_, err := importFigures(c, big)
			wantErr(t, err, "超过 10000 行")
		})
	})

	t.Run("10 MB cell", func(t *testing.T) {
		sheet := "工业稳增长"
		part := partOf(t, good, sheet)
		rng := rand.New(rand.NewSource(1))
		huge := make([]byte, 10<<20)
		const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
		for i := range huge {
			huge[i] = letters[rng.Intn(len(letters))]
		}
		big := rewritePart(t, good, part, func(w io.Writer) {
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
			f := openX(t, good)
			rows, _ := f.GetRows(sheet)
			for r, cells := range rows {
				fmt.Fprintf(w, `<row r="%d">`, r+1)
				for ci, v := range cells {
					ref := cellName(ci+1, r+1)
					if r == 2 && ci == 4 {
						fmt.Fprintf(w, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, huge)
						continue
					}
					fmt.Fprintf(w, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
				}
				io.WriteString(w, `</row>`)
			}
			io.WriteString(w, `</sheetData></worksheet>`)
		})
		bounded(t, 10*time.Second, 512<<20, func() {
			_, err := importFigures(c, big)
			p := problems(t, err)
			if !hasProblem(p, sheet, "E3", "内容过长") {
				t.Errorf("10 MB cell not reported: %v", err)
			}
		})
	})
}
