// Package discimage writes ISO 9660 disc images with Joliet and Rock Ridge
// names (stdlib only) and reads them back, checking that every view of the
// image shows the same files with the same bytes (see Open).
//
// The image holds three views of one folder:
//
//   - the primary ISO 9660 tree with level-1 (8.3, upper-case d-character)
//     identifiers derived deterministically from the real names, for the
//     oldest readers;
//   - Rock Ridge (SUSP SP/CE/ER, RRIP_1991A PX/TF/NM) in the primary tree,
//     carrying the real UTF-8 names for Linux and macOS;
//   - a Joliet tree (UCS-2 level 3, escape "%/E") with the real names, which
//     Windows shows.
//
// Output is deterministic: the same folder contents and Options give a
// byte-identical image (every time stamp is Options.ModTime, permissions are
// fixed at r-x for folders and r-- for files, entries are sorted). Like
// mkisofs, 150 zero sectors are appended so that CD drives with read-ahead
// bugs can read the last file.
package discimage

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf16"
)

// SectorSize is the ISO 9660 logical block size.
const SectorSize = 2048

// DefaultMaxBytes is the capacity of an 80-minute CD-R (360 000 sectors of
// 2048 bytes, sold as "700 MB"), the default size limit.
const DefaultMaxBytes int64 = 360000 * SectorSize

// padSectors is the trailing zero padding (300 KiB), as mkisofs -pad.
const padSectors = 150

// Options controls Write.
type Options struct {
	// VolumeID is the primary volume label: up to 32 characters A–Z, 0–9
	// and '_' (lower-case letters are upper-cased). Default "TUIJIAN".
	VolumeID string
	// JolietVolumeID is the label Windows shows, up to 16 characters (BMP),
	// e.g. "山东督查激励2021". Default: VolumeID.
	JolietVolumeID string
	// ModTime is the time stamp of the volume and of every entry; fix it for
	// reproducible images. Zero means 1980-01-01 00:00 UTC.
	ModTime time.Time
	// MaxBytes is the largest image allowed; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Exclude names files at the top of the folder that are left off the disc.
	Exclude []string
}

type layout struct {
	root         *node
	pDirs, jDirs []*node // breadth-first, in path-table order
	files        []*node // in data order
	pPathTable   []byte  // L form; M form derived
	jPathTable   []byte
	pPathTableM  []byte
	jPathTableM  []byte
	ptSectors    int64 // sectors per path table copy (same for all four)
	ptLBA        [4]int64
	ceLBA        int64
	ceSectors    int64
	rootCE       [3]int64 // sector, offset, length of the ER continuation area
	dataLBA      int64
	totalSectors int64
	volumeID     string
	jolietID     string
	modTime      time.Time
}

func sectors(n int64) int64 { return (n + SectorSize - 1) / SectorSize }

// Size returns the size in bytes Write would produce for dir, or the naming
// problems found (as an error listing them).
func Size(dir string, opt Options) (int64, error) {
	l, err := plan(dir, opt)
	if err != nil {
		return 0, err
	}
	return l.totalSectors * SectorSize, nil
}

// ProblemsError is returned by Write when names under the folder cannot go
// on the disc; it lists every problem.
type ProblemsError struct{ Problems []Problem }

func (e *ProblemsError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "有 %d 个文件或文件夹的名称不能写入光盘映像，请修改后重试：", len(e.Problems))
	for i, p := range e.Problems {
		if i == 20 {
			fmt.Fprintf(&b, "\n……另有 %d 处", len(e.Problems)-20)
			break
		}
		b.WriteString("\n")
		b.WriteString(p.String())
	}
	return b.String()
}

func checkVolumeIDs(opt *Options) error {
	if opt.VolumeID == "" {
		opt.VolumeID = "TUIJIAN"
	}
	opt.VolumeID = strings.ToUpper(opt.VolumeID)
	if len(opt.VolumeID) > 32 {
		return fmt.Errorf("卷标“%s”超过 32 个字符，请缩短", opt.VolumeID)
	}
	for _, r := range opt.VolumeID {
		if isoChar(r) == '_' && r != '_' {
			return fmt.Errorf("卷标“%s”只能由英文字母、数字和下划线组成", opt.VolumeID)
		}
	}
	if opt.JolietVolumeID == "" {
		opt.JolietVolumeID = opt.VolumeID
	}
	for _, r := range opt.JolietVolumeID {
		if r > 0xFFFF || r < 0x20 || strings.ContainsRune(`*/:;?\`, r) {
			return fmt.Errorf("光盘中文卷标“%s”含有不允许的字符“%c”，请修改", opt.JolietVolumeID, r)
		}
	}
	if n := len(utf16.Encode([]rune(opt.JolietVolumeID))); n > 16 {
		return fmt.Errorf("光盘中文卷标“%s”有 %d 个字符，最多 16 个，请缩短", opt.JolietVolumeID, n)
	}
	if opt.ModTime.IsZero() {
		opt.ModTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if y := opt.ModTime.Year(); y < 1980 || y > 2155 {
		return fmt.Errorf("光盘映像的时间 %s 超出 1980–2155 年的范围", opt.ModTime.Format(time.DateOnly))
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	return nil
}

// plan scans dir and lays the image out.
func plan(dir string, opt Options) (*layout, error) {
	if err := checkVolumeIDs(&opt); err != nil {
		return nil, err
	}
	root, probs := scan(dir, opt.Exclude...)
	if probs != nil {
		return nil, &ProblemsError{probs}
	}
	assignISONames(root)
	l := &layout{root: root, volumeID: opt.VolumeID, jolietID: opt.JolietVolumeID, modTime: opt.ModTime}

	// Directory orders and numbers (breadth-first, children sorted as the
	// path table requires).
	l.pDirs = bfs(root, func(n *node) []*node {
		k := append([]*node(nil), n.children...)
		sortNodes(k, func(c *node) []byte { return []byte(c.isoID) }, 1)
		n.pKids = k
		return k
	})
	l.jDirs = bfs(root, func(n *node) []*node {
		k := append([]*node(nil), n.children...)
		sortNodes(k, func(c *node) []byte { return c.jID }, 2)
		n.jKids = k
		return k
	})
	for i, d := range l.pDirs {
		d.pNum = i + 1
		for _, c := range d.children {
			if c.isDir {
				d.nlinkDirs++
			}
		}
	}
	for i, d := range l.jDirs {
		d.jNum = i + 1
	}

	// Continuation areas: the root's ER first, then long Rock Ridge names.
	var ceSec, ceOff int64
	alloc := func(n int64) (int64, int64) {
		if ceOff+n > SectorSize {
			ceSec, ceOff = ceSec+1, 0
		}
		s, o := ceSec, ceOff
		ceOff += n
		return s, o
	}
	er := erEntry()
	l.rootCE[0], l.rootCE[1] = alloc(int64(len(er)))
	l.rootCE[2] = int64(len(er))
	for _, d := range l.pDirs {
		for _, c := range d.pKids {
			base := recordBase(len(c.isoID))
			nm := 5 + len(c.name)
			if base+pxLen+tfLen+nm > 254 { // 255 minus a possible pad byte
				c.nmInCE = true
				c.ceLen = int64(nm)
				c.ceSector, c.ceOffset = alloc(c.ceLen)
			}
		}
	}
	l.ceSectors = ceSec + 1

	// Path tables.
	l.pPathTable = pathTable(l.pDirs, func(n *node) []byte { return []byte(n.isoID) }, func(n *node) int { return n.pNum }, binary.LittleEndian, nil)
	l.jPathTable = pathTable(l.jDirs, func(n *node) []byte { return n.jID }, func(n *node) int { return n.jNum }, binary.LittleEndian, nil)
	l.ptSectors = max(sectors(int64(len(l.pPathTable))), sectors(int64(len(l.jPathTable))))

	// Sizes of directory extents.
	for _, d := range l.pDirs {
		d.pSize = dirExtentSize(primaryRecordLens(l, d))
	}
	for _, d := range l.jDirs {
		d.jSize = dirExtentSize(jolietRecordLens(d))
	}

	// Addresses.
	lba := int64(19)
	for i := range l.ptLBA {
		l.ptLBA[i] = lba
		lba += l.ptSectors
	}
	for _, d := range l.pDirs {
		d.pLBA = lba
		lba += d.pSize / SectorSize
	}
	for _, d := range l.jDirs {
		d.jLBA = lba
		lba += d.jSize / SectorSize
	}
	l.ceLBA = lba
	lba += l.ceSectors
	l.dataLBA = lba
	var walk func(n *node)
	walk = func(n *node) {
		for _, c := range n.children {
			if c.isDir {
				walk(c)
			} else {
				l.files = append(l.files, c)
			}
		}
	}
	walk(root)
	for _, f := range l.files {
		if f.size == 0 {
			f.dataLBA = 0
			continue
		}
		f.dataLBA = lba
		lba += sectors(f.size)
	}
	l.totalSectors = lba + padSectors

	// Path tables with real extents.
	l.pPathTable = pathTable(l.pDirs, func(n *node) []byte { return []byte(n.isoID) }, func(n *node) int { return n.pNum }, binary.LittleEndian, func(n *node) int64 { return n.pLBA })
	l.pPathTableM = pathTable(l.pDirs, func(n *node) []byte { return []byte(n.isoID) }, func(n *node) int { return n.pNum }, binary.BigEndian, func(n *node) int64 { return n.pLBA })
	l.jPathTable = pathTable(l.jDirs, func(n *node) []byte { return n.jID }, func(n *node) int { return n.jNum }, binary.LittleEndian, func(n *node) int64 { return n.jLBA })
	l.jPathTableM = pathTable(l.jDirs, func(n *node) []byte { return n.jID }, func(n *node) int { return n.jNum }, binary.BigEndian, func(n *node) int64 { return n.jLBA })

	if size := l.totalSectors * SectorSize; size > opt.MaxBytes {
		return nil, fmt.Errorf("光盘映像将有 %.1f MB，超过上限 %.1f MB（%s），请减少文件或改用容量更大的光盘", float64(size)/1e6, float64(opt.MaxBytes)/1e6, capacityName(opt.MaxBytes))
	}
	return l, nil
}

func capacityName(n int64) string {
	if n == DefaultMaxBytes {
		return "80 分钟 CD-R"
	}
	return "设定值"
}

func bfs(root *node, kids func(*node) []*node) []*node {
	out := []*node{root}
	for i := 0; i < len(out); i++ {
		for _, c := range kids(out[i]) {
			if c.isDir {
				out = append(out, c)
			}
		}
	}
	return out
}

func sortNodes(k []*node, id func(*node) []byte, unit int) {
	for i := 1; i < len(k); i++ { // insertion sort keeps it simple and stable
		for j := i; j > 0 && compareIDs(id(k[j-1]), id(k[j]), unit) > 0; j-- {
			k[j-1], k[j] = k[j], k[j-1]
		}
	}
}

// pathTable builds one path table.
func pathTable(dirs []*node, id func(*node) []byte, num func(*node) int, bo binary.ByteOrder, lba func(*node) int64) []byte {
	var b []byte
	for _, d := range dirs {
		ident := []byte{0}
		parent := 1
		if d.parent != nil {
			ident = id(d)
			parent = num(d.parent)
		}
		rec := make([]byte, 8+len(ident)+len(ident)%2)
		rec[0] = byte(len(ident))
		if lba != nil {
			bo.PutUint32(rec[2:], uint32(lba(d)))
		}
		bo.PutUint16(rec[6:], uint16(parent))
		copy(rec[8:], ident)
		b = append(b, rec...)
	}
	return b
}

// dirExtentSize packs records into sectors (no record crosses a sector).
func dirExtentSize(lens []int) int64 {
	var sec, off int64
	for _, n := range lens {
		if off+int64(n) > SectorSize {
			sec, off = sec+1, 0
		}
		off += int64(n)
	}
	return (sec + 1) * SectorSize
}

// Write builds the image of dir into w. It refuses (ProblemsError) when
// CheckNames finds problems and checks the size against MaxBytes before
// writing anything. progress, if not nil, is called with bytes done and total.
func Write(w io.Writer, dir string, opt Options, progress func(done, total int64)) error {
	return WriteContext(context.Background(), w, dir, opt, progress)
}

// WriteContext is Write that stops with ctx.Err() when ctx is cancelled.
func WriteContext(ctx context.Context, w io.Writer, dir string, opt Options, progress func(done, total int64)) error {
	l, err := plan(dir, opt)
	if err != nil {
		return err
	}
	total := l.totalSectors * SectorSize
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := &countWriter{w: bw, total: total, progress: progress, ctx: ctx}
	if err := l.writeMeta(cw); err != nil {
		return err
	}
	buf := make([]byte, 1<<20)
	for _, f := range l.files {
		if f.size == 0 {
			continue
		}
		if err := copyFile(cw, f, buf); err != nil {
			return err
		}
		if err := cw.pad(); err != nil {
			return err
		}
	}
	if err := cw.zeros(padSectors * SectorSize); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("写入光盘映像失败：%v", err)
	}
	if cw.n != total {
		return fmt.Errorf("内部错误：光盘映像写了 %d 字节，应为 %d 字节", cw.n, total)
	}
	if progress != nil {
		progress(total, total)
	}
	return nil
}

func copyFile(cw *countWriter, f *node, buf []byte) error {
	r, err := os.Open(f.src)
	if err != nil {
		return fmt.Errorf("无法读取 %s：%v", f.rel, err)
	}
	defer r.Close()
	n, err := io.CopyBuffer(cw, io.LimitReader(r, f.size), buf)
	if err != nil {
		if cw.err != nil {
			return cw.err
		}
		return fmt.Errorf("读取 %s 失败：%v", f.rel, err)
	}
	var one [1]byte
	if k, _ := r.Read(one[:]); n != f.size || k != 0 {
		return fmt.Errorf("文件 %s 在制作光盘映像期间被改动（大小变了），请重新制作", f.rel)
	}
	return nil
}

// countWriter counts bytes, reports progress and checks for cancellation.
type countWriter struct {
	w        io.Writer
	n        int64
	total    int64
	last     int64
	progress func(done, total int64)
	ctx      context.Context
	err      error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil {
		c.err = fmt.Errorf("写入光盘映像失败：%v", err)
		return n, c.err
	}
	if c.n-c.last >= 4<<20 {
		c.last = c.n
		if err := c.ctx.Err(); err != nil {
			c.err = err
			return n, err
		}
		if c.progress != nil {
			c.progress(c.n, c.total)
		}
	}
	return n, nil
}

var zeroSector [SectorSize]byte

func (c *countWriter) zeros(n int64) error {
	for n > 0 {
		k := min(n, SectorSize)
		if _, err := c.Write(zeroSector[:k]); err != nil {
			return err
		}
		n -= k
	}
	return nil
}

// pad writes zeros up to the next sector boundary.
func (c *countWriter) pad() error {
	if r := c.n % SectorSize; r != 0 {
		return c.zeros(SectorSize - r)
	}
	return nil
}

// at checks that the writer is at sector lba (layout self-check).
func (c *countWriter) at(lba int64) error {
	if c.n != lba*SectorSize {
		return fmt.Errorf("内部错误：光盘映像布局错位（位置 %d，应为扇区 %d）", c.n, lba)
	}
	return nil
}

func (l *layout) writeMeta(cw *countWriter) error {
	if err := cw.zeros(16 * SectorSize); err != nil {
		return err
	}
	if _, err := cw.Write(l.volumeDescriptor(false)); err != nil {
		return err
	}
	if _, err := cw.Write(l.volumeDescriptor(true)); err != nil {
		return err
	}
	term := make([]byte, SectorSize)
	term[0] = 255
	copy(term[1:], "CD001")
	term[6] = 1
	if _, err := cw.Write(term); err != nil {
		return err
	}
	for i, pt := range [][]byte{l.pPathTable, l.pPathTableM, l.jPathTable, l.jPathTableM} {
		if err := cw.at(l.ptLBA[i]); err != nil {
			return err
		}
		if _, err := cw.Write(pt); err != nil {
			return err
		}
		if err := cw.zeros(l.ptSectors*SectorSize - int64(len(pt))); err != nil {
			return err
		}
	}
	for _, d := range l.pDirs {
		if err := cw.at(d.pLBA); err != nil {
			return err
		}
		if err := writeDir(cw, l.primaryRecords(d)); err != nil {
			return err
		}
	}
	for _, d := range l.jDirs {
		if err := cw.at(d.jLBA); err != nil {
			return err
		}
		if err := writeDir(cw, l.jolietRecords(d)); err != nil {
			return err
		}
	}
	if err := cw.at(l.ceLBA); err != nil {
		return err
	}
	ce := make([]byte, l.ceSectors*SectorSize)
	copy(ce[l.rootCE[0]*SectorSize+l.rootCE[1]:], erEntry())
	for _, d := range l.pDirs {
		for _, c := range d.pKids {
			if c.nmInCE {
				copy(ce[c.ceSector*SectorSize+c.ceOffset:], nmEntry(c.name))
			}
		}
	}
	if _, err := cw.Write(ce); err != nil {
		return err
	}
	return cw.at(l.dataLBA)
}

func writeDir(cw *countWriter, recs [][]byte) error {
	var off int64
	for _, r := range recs {
		if off+int64(len(r)) > SectorSize {
			if err := cw.zeros(SectorSize - off); err != nil {
				return err
			}
			off = 0
		}
		if _, err := cw.Write(r); err != nil {
			return err
		}
		off += int64(len(r))
	}
	return cw.zeros(SectorSize - off)
}

// ---- encoding helpers ----

func both16(b []byte, v uint16) {
	binary.LittleEndian.PutUint16(b, v)
	binary.BigEndian.PutUint16(b[2:], v)
}

func both32(b []byte, v uint32) {
	binary.LittleEndian.PutUint32(b, v)
	binary.BigEndian.PutUint32(b[4:], v)
}

// recTime is the 7-byte directory record date.
func recTime(t time.Time) []byte {
	_, off := t.Zone()
	return []byte{byte(t.Year() - 1900), byte(t.Month()), byte(t.Day()), byte(t.Hour()), byte(t.Minute()), byte(t.Second()), byte(int8(off / 900))}
}

// vdTime is the 17-byte volume descriptor date.
func vdTime(t time.Time) []byte {
	_, off := t.Zone()
	b := []byte(fmt.Sprintf("%04d%02d%02d%02d%02d%02d%02d", t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond()/1e7))
	return append(b, byte(int8(off/900)))
}

// recordBase is the length of a directory record without system use data.
func recordBase(idLen int) int {
	n := 33 + idLen
	if n%2 == 1 {
		n++
	}
	return n
}

// dirRecord builds one directory record.
func dirRecord(ident []byte, lba, size int64, isDir bool, t time.Time, su []byte) []byte {
	n := recordBase(len(ident)) + len(su)
	if n%2 == 1 {
		su = append(su, 0)
		n++
	}
	if n > 255 {
		panic("discimage: directory record too long")
	}
	r := make([]byte, n)
	r[0] = byte(n)
	both32(r[2:], uint32(lba))
	both32(r[10:], uint32(size))
	copy(r[18:25], recTime(t))
	if isDir {
		r[25] = 2
	}
	both16(r[28:], 1)
	r[32] = byte(len(ident))
	copy(r[33:], ident)
	copy(r[recordBase(len(ident)):], su)
	return r
}

const (
	pxLen = 36
	tfLen = 26
	ceLen = 28
)

func spEntry() []byte { return []byte{'S', 'P', 7, 1, 0xBE, 0xEF, 0} }

func ceEntry(lba, off, length int64) []byte {
	b := make([]byte, ceLen)
	copy(b, "CE")
	b[2], b[3] = ceLen, 1
	both32(b[4:], uint32(lba))
	both32(b[12:], uint32(off))
	both32(b[20:], uint32(length))
	return b
}

const (
	erID  = "RRIP_1991A"
	erDes = "THE ROCK RIDGE INTERCHANGE PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS"
	erSrc = "PLEASE CONTACT DISC PUBLISHER FOR SPECIFICATION SOURCE.  SEE PUBLISHER IDENTIFIER IN PRIMARY VOLUME DESCRIPTOR FOR CONTACT INFORMATION."
)

func erEntry() []byte {
	b := []byte{'E', 'R', byte(8 + len(erID) + len(erDes) + len(erSrc)), 1, byte(len(erID)), byte(len(erDes)), byte(len(erSrc)), 1}
	b = append(b, erID...)
	b = append(b, erDes...)
	return append(b, erSrc...)
}

func pxEntry(isDir bool, subdirs int) []byte {
	b := make([]byte, pxLen)
	copy(b, "PX")
	b[2], b[3] = pxLen, 1
	mode, nlink := uint32(0o100444), uint32(1)
	if isDir {
		mode, nlink = 0o40555, uint32(2+subdirs)
	}
	both32(b[4:], mode)
	both32(b[12:], nlink)
	// uid, gid 0
	return b
}

func tfEntry(t time.Time) []byte {
	b := []byte{'T', 'F', tfLen, 1, 0x0E} // modify, access, attributes
	rt := recTime(t)
	for range 3 {
		b = append(b, rt...)
	}
	return b
}

func nmEntry(name string) []byte {
	b := []byte{'N', 'M', byte(5 + len(name)), 1, 0}
	return append(b, name...)
}

// primaryRecords returns the records of directory d in the primary tree.
func (l *layout) primaryRecords(d *node) [][]byte {
	t := l.modTime
	parent := d
	if d.parent != nil {
		parent = d.parent
	}
	var dotSU []byte
	if d.parent == nil {
		dotSU = append(dotSU, spEntry()...)
	}
	dotSU = append(dotSU, pxEntry(true, d.nlinkDirs)...)
	dotSU = append(dotSU, tfEntry(t)...)
	if d.parent == nil {
		dotSU = append(dotSU, ceEntry(l.ceLBA+l.rootCE[0], l.rootCE[1], l.rootCE[2])...)
	}
	dotdotSU := append(pxEntry(true, parent.nlinkDirs), tfEntry(t)...)
	recs := [][]byte{
		dirRecord([]byte{0}, d.pLBA, d.pSize, true, t, dotSU),
		dirRecord([]byte{1}, parent.pLBA, parent.pSize, true, t, dotdotSU),
	}
	for _, c := range d.pKids {
		su := append(pxEntry(c.isDir, c.nlinkDirs), tfEntry(t)...)
		if c.nmInCE {
			su = append(su, ceEntry(l.ceLBA+c.ceSector, c.ceOffset, c.ceLen)...)
		} else {
			su = append(su, nmEntry(c.name)...)
		}
		lba, size := c.dataLBA, c.size
		if c.isDir {
			lba, size = c.pLBA, c.pSize
		}
		recs = append(recs, dirRecord([]byte(c.isoID), lba, size, c.isDir, t, su))
	}
	return recs
}

func primaryRecordLens(l *layout, d *node) []int {
	var lens []int
	for _, r := range l.primaryRecords(d) {
		lens = append(lens, len(r))
	}
	return lens
}

// jolietRecords returns the records of directory d in the Joliet tree.
func (l *layout) jolietRecords(d *node) [][]byte {
	t := l.modTime
	parent := d
	if d.parent != nil {
		parent = d.parent
	}
	recs := [][]byte{
		dirRecord([]byte{0}, d.jLBA, d.jSize, true, t, nil),
		dirRecord([]byte{1}, parent.jLBA, parent.jSize, true, t, nil),
	}
	for _, c := range d.jKids {
		lba, size := c.dataLBA, c.size
		if c.isDir {
			lba, size = c.jLBA, c.jSize
		}
		recs = append(recs, dirRecord(c.jID, lba, size, c.isDir, t, nil))
	}
	return recs
}

func jolietRecordLens(d *node) []int {
	lens := []int{34, 34}
	for _, c := range d.jKids {
		lens = append(lens, recordBase(len(c.jID)))
	}
	return lens
}

// fill pads s with pad to n bytes (or truncates).
func fill(s []byte, n int, pad []byte) []byte {
	b := make([]byte, n)
	copy(b, s)
	for i := len(s); i < n; i++ {
		b[i] = pad[(i-len(s))%len(pad)]
	}
	return b
}

func (l *layout) volumeDescriptor(joliet bool) []byte {
	b := make([]byte, SectorSize)
	text := func(s string, n int) []byte {
		if joliet {
			return fill(ucs2(s), n, []byte{0, ' '})
		}
		return fill([]byte(s), n, []byte{' '})
	}
	b[0] = 1
	if joliet {
		b[0] = 2
	}
	copy(b[1:], "CD001")
	b[6] = 1
	copy(b[8:40], text("", 32))
	if joliet {
		copy(b[40:72], text(l.jolietID, 32))
		copy(b[88:], "%/E")
	} else {
		copy(b[40:72], text(l.volumeID, 32))
	}
	both32(b[80:], uint32(l.totalSectors))
	both16(b[120:], 1)
	both16(b[124:], 1)
	both16(b[128:], SectorSize)
	root := l.root
	if joliet {
		both32(b[132:], uint32(len(l.jPathTable)))
		binary.LittleEndian.PutUint32(b[140:], uint32(l.ptLBA[2]))
		binary.BigEndian.PutUint32(b[148:], uint32(l.ptLBA[3]))
		copy(b[156:190], dirRecord([]byte{0}, root.jLBA, root.jSize, true, l.modTime, nil))
	} else {
		both32(b[132:], uint32(len(l.pPathTable)))
		binary.LittleEndian.PutUint32(b[140:], uint32(l.ptLBA[0]))
		binary.BigEndian.PutUint32(b[148:], uint32(l.ptLBA[1]))
		copy(b[156:190], dirRecord([]byte{0}, root.pLBA, root.pSize, true, l.modTime, nil))
	}
	copy(b[190:318], text("", 128)) // volume set
	copy(b[318:446], text("", 128)) // publisher
	copy(b[446:574], text("", 128)) // data preparer
	copy(b[574:702], text("TUIJIAN", 128))
	copy(b[702:813], text("", 111)) // copyright, abstract, bibliographic file ids
	vt := vdTime(l.modTime)
	copy(b[813:830], vt)
	copy(b[830:847], vt)
	copy(b[847:864], append([]byte("0000000000000000"), 0))
	copy(b[864:881], vt)
	b[881] = 1
	return b
}

var errNotJoliet = errors.New("这不是带 Joliet 中文文件名的光盘映像（找不到 Joliet 卷描述符）")
