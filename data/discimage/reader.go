package discimage

import (
	"encoding/binary"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"unicode/utf16"
)

// Limits that keep Open bounded on hostile images.
const (
	maxEntries  = 200000
	maxDirBytes = 64 << 20 // all directory extents together
	maxDepth    = 32
	maxVDs      = 64
	maxCE       = 16 // continuation areas followed per record
)

// File is one file of the image, by its Joliet (and Rock Ridge) name.
type File struct {
	Path string // slash-separated, UTF-8, no leading slash
	Size int64
	lba  int64
}

// Image is an opened disc image whose every view was checked to show the same files
// with the same bytes.
type Image struct {
	r        io.ReaderAt
	size     int64
	VolumeID string // Joliet volume label
	files    []File
	byPath   map[string]int
}

// Open reads an ISO 9660 image in r (size bytes) of the shape Write makes and checks
// that every stock reader sees the same thing, so that what is verified through it is
// what Windows, Linux, macOS and 7-Zip show:
//
//   - the descriptor set is one primary volume descriptor at sector 16, one Joliet
//     supplementary descriptor and a well-formed terminator, nothing else (no boot
//     record, no second tree a reader might prefer);
//   - the image is exactly the volume space size the descriptors declare (a cut or
//     extended image is refused) and the logical block is 2048 bytes;
//   - the Joliet tree (Windows), the primary tree under its Rock Ridge names (Linux,
//     macOS, xorriso) and the primary tree's own 8.3 identifiers (oldest readers)
//     list the same files at the same extents;
//   - the four path tables agree with the directory records they index.
//
// It never panics on malformed input and bounds the work done (entries, directory
// bytes, depth); every extent must lie inside the image and the files together must
// not be larger than the image, so reading every file costs at most one pass over it.
func Open(r io.ReaderAt, size int64) (*Image, error) {
	if size < 17*SectorSize {
		return nil, fmt.Errorf("光盘映像只有 %d 字节，太小，不是 ISO 9660 映像", size)
	}
	img := &Image{r: r, size: size, byPath: map[string]int{}}
	pvd, svd, err := readDescriptors(r, size)
	if err != nil {
		return nil, err
	}
	for _, d := range []struct {
		vd   []byte
		name string
	}{{pvd, "主卷描述符"}, {svd, "Joliet 卷描述符"}} {
		space, ok := both32At(d.vd[80:])
		block, ok2 := both16At(d.vd[128:])
		switch {
		case !ok || !ok2:
			return nil, fmt.Errorf("光盘映像的%s中卷大小或块大小的两种字节序不一致，映像已被改动", d.name)
		case block != SectorSize:
			return nil, fmt.Errorf("光盘映像的%s的逻辑块大小为 %d（应为 %d）", d.name, block, SectorSize)
		case int64(space)*SectorSize != size:
			return nil, fmt.Errorf("光盘映像大小 %d 字节与%s声明的卷大小 %d 字节不符：映像不完整（被截断）或被追加了数据", size, d.name, int64(space)*SectorSize)
		}
	}
	img.VolumeID = strings.TrimRight(decodeUCS2(svd[40:72]), " \x00")

	joliet := &treeReader{img: img, joliet: true, visited: map[int64]bool{}}
	if err := joliet.readRoot(svd, "Joliet"); err != nil {
		return nil, err
	}
	primary := &treeReader{img: img, visited: map[int64]bool{}}
	if err := primary.readRoot(pvd, "主"); err != nil {
		return nil, err
	}
	if err := sameFiles(joliet, primary); err != nil {
		return nil, err
	}
	for _, t := range []struct {
		tr *treeReader
		vd []byte
	}{{joliet, svd}, {primary, pvd}} {
		if err := t.tr.checkPathTables(t.vd); err != nil {
			return nil, err
		}
	}
	img.files = joliet.files
	slices.SortFunc(img.files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	for i, f := range img.files {
		img.byPath[f.Path] = i
	}
	return img, nil
}

// readDescriptors returns the primary and Joliet descriptors after checking the set.
func readDescriptors(r io.ReaderAt, size int64) (pvd, svd []byte, err error) {
	for i := int64(16); ; i++ {
		if i >= 16+maxVDs || (i+1)*SectorSize > size {
			return nil, nil, fmt.Errorf("光盘映像缺少卷描述符集终止符，映像已损坏")
		}
		vd := make([]byte, SectorSize)
		if _, err := r.ReadAt(vd, i*SectorSize); err != nil {
			return nil, nil, fmt.Errorf("读取光盘映像失败：%v", err)
		}
		if string(vd[1:6]) != "CD001" || vd[6] != 1 {
			return nil, nil, fmt.Errorf("光盘映像第 %d 扇区不是卷描述符（标识或版本不对），不是完好的 ISO 9660 映像", i)
		}
		switch t := vd[0]; {
		case t == 255:
			if !allZero(vd[7:]) {
				return nil, nil, fmt.Errorf("光盘映像第 %d 扇区的卷描述符集终止符已损坏", i)
			}
			if pvd == nil {
				return nil, nil, fmt.Errorf("光盘映像没有主卷描述符，映像已损坏")
			}
			if svd == nil {
				return nil, nil, errNotJoliet
			}
			return pvd, svd, nil
		case t == 1 && i == 16:
			pvd = vd
		case t == 2 && svd == nil && vd[88] == '%' && vd[89] == '/' && (vd[90] == '@' || vd[90] == 'C' || vd[90] == 'E'):
			svd = vd
		default:
			return nil, nil, fmt.Errorf("光盘映像第 %d 扇区有本程序不会写入的卷描述符（类型 %d）：其他读取程序可能显示另一套内容，不予接受", i, t)
		}
	}
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// both32At reads a both-endian 32-bit field and reports whether its halves agree.
func both32At(b []byte) (uint32, bool) {
	le := binary.LittleEndian.Uint32(b)
	return le, le == binary.BigEndian.Uint32(b[4:])
}

func both16At(b []byte) (uint16, bool) {
	le := binary.LittleEndian.Uint16(b)
	return le, le == binary.BigEndian.Uint16(b[2:])
}

// dirRef is a directory as the path tables must index it.
type dirRef struct {
	id          string // raw identifier bytes
	lba, parent int64
}

// treeReader reads one directory tree: Joliet (UCS-2 names) or primary (Rock Ridge
// NM names, the 8.3 identifier where a record has none).
type treeReader struct {
	img       *Image
	joliet    bool
	name      string // 主 / Joliet, for messages
	visited   map[int64]bool
	dirBytes  int64
	entries   int
	fileBytes int64
	files     []File
	isoNames  map[string]int64 // primary: 8.3 path → extent, as readers without Rock Ridge see it
	dirs      []dirRef
}

func (t *treeReader) readRoot(vd []byte, name string) error {
	t.name = name
	root := vd[156:190]
	if root[0] < 34 || root[25]&2 == 0 || root[32] != 1 || root[33] != 0 {
		return fmt.Errorf("光盘映像的%s目录树根目录记录已损坏", name)
	}
	lba, ok1 := both32At(root[2:])
	length, ok2 := both32At(root[10:])
	if !ok1 || !ok2 {
		return fmt.Errorf("光盘映像的%s目录树根目录记录的两种字节序不一致，映像已被改动", name)
	}
	if !t.joliet {
		t.isoNames = map[string]int64{}
	}
	t.dirs = append(t.dirs, dirRef{id: "\x00", lba: int64(lba), parent: int64(lba)})
	return t.readDir(int64(lba), int64(length), "", "", 0)
}

func (t *treeReader) readDir(lba, length int64, prefix, isoPrefix string, depth int) error {
	img := t.img
	where := prefix
	if where == "" {
		where = "根目录"
	}
	where = t.name + "目录树的 " + where
	if depth > maxDepth {
		return fmt.Errorf("光盘映像%s嵌套过深，映像可能已损坏", where)
	}
	if t.visited[lba] {
		return fmt.Errorf("光盘映像%s指回已读过的目录，映像已损坏", where)
	}
	t.visited[lba] = true
	if length <= 0 || lba <= 0 || lba*SectorSize+length > img.size || length > maxDirBytes {
		return fmt.Errorf("光盘映像%s位置或长度越界，映像已损坏", where)
	}
	t.dirBytes += length
	if t.dirBytes > maxDirBytes {
		return fmt.Errorf("光盘映像的目录数据过多（超过 %d MB），映像可能已损坏", maxDirBytes>>20)
	}
	buf := make([]byte, length)
	if _, err := img.r.ReadAt(buf, lba*SectorSize); err != nil {
		return fmt.Errorf("读取光盘映像%s失败：%v", where, err)
	}
	type sub struct {
		lba, length   int64
		path, isoPath string
	}
	var subs []sub
	seen, seenISO := map[string]bool{}, map[string]bool{}
	for off := 0; off < len(buf); {
		n := int(buf[off])
		if n == 0 { // rest of the sector is padding
			off = (off/SectorSize + 1) * SectorSize
			continue
		}
		if n < 34 || off+n > len(buf) || off/SectorSize != (off+n-1)/SectorSize {
			return fmt.Errorf("光盘映像%s中有损坏的目录记录（偏移 %d）", where, off)
		}
		rec := buf[off : off+n]
		off += n
		idLen := int(rec[32])
		if 33+idLen > n {
			return fmt.Errorf("光盘映像%s中的名称长度越界", where)
		}
		id := rec[33 : 33+idLen]
		elba, ok1 := both32At(rec[2:])
		elen, ok2 := both32At(rec[10:])
		if !ok1 || !ok2 {
			return fmt.Errorf("光盘映像%s中有记录的位置或长度两种字节序不一致，映像已被改动", where)
		}
		if idLen == 1 && (id[0] == 0 || id[0] == 1) {
			if id[0] == 0 && prefix == "" && !t.joliet && !hasSP(rec) {
				return fmt.Errorf("光盘映像的主目录树没有 Rock Ridge 标记（SP），不是本程序写出的映像")
			}
			continue // "." and ".."
		}
		if t.entries++; t.entries > maxEntries {
			return fmt.Errorf("光盘映像中的文件超过 %d 个，映像可能已损坏", maxEntries)
		}
		flags := rec[25]
		isDir := flags&2 != 0
		if flags&^2 != 0 || rec[26] != 0 || rec[27] != 0 || rec[0] < 33 || rec[1] != 0 {
			return fmt.Errorf("光盘映像%s中有带隐藏、关联、多段或交错标志的记录：其他读取程序可能显示不同的内容，不予接受", where)
		}
		name, isoID, err := t.recordName(rec, id, isDir, where)
		if err != nil {
			return err
		}
		if name == "" || name == "." || name == ".." || strings.ContainsAny(name, "/\x00") {
			return fmt.Errorf("光盘映像%s中有非法名称“%s”", where, name)
		}
		if seen[name] {
			return fmt.Errorf("光盘映像%s中有重名项“%s”", where, name)
		}
		seen[name] = true
		p, isoPath := join(prefix, name), join(isoPrefix, isoID)
		if !t.joliet {
			if seenISO[isoID] {
				return fmt.Errorf("光盘映像%s中有重复的 ISO 9660 名称“%s”", where, isoID)
			}
			seenISO[isoID] = true
		}
		if isDir {
			subs = append(subs, sub{int64(elba), int64(elen), p, isoPath})
			t.dirs = append(t.dirs, dirRef{id: string(id), lba: int64(elba), parent: lba})
			continue
		}
		if elen > 0 && (elba == 0 || int64(elba)*SectorSize+int64(elen) > img.size) {
			return fmt.Errorf("光盘映像中的文件 %s 的位置越界，映像已损坏或被截断", p)
		}
		// Files do not overlap, so together they fit in the image; this also
		// bounds the work of whoever reads every file.
		if t.fileBytes += int64(elen); t.fileBytes > img.size {
			return fmt.Errorf("光盘映像中文件的总大小超过映像本身（在 %s 处），映像已损坏", p)
		}
		t.files = append(t.files, File{Path: p, Size: int64(elen), lba: int64(elba)})
		if t.isoNames != nil {
			t.isoNames[isoPath] = int64(elba)
		}
	}
	for _, s := range subs {
		if err := t.readDir(s.lba, s.length, s.path, s.isoPath, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "/" + name
}

// recordName is the name a reader shows for a record: the Joliet name, or in the
// primary tree the Rock Ridge name (NM, possibly in continuation areas); isoID is the
// 8.3 identifier without its version.
func (t *treeReader) recordName(rec, id []byte, isDir bool, where string) (name, isoID string, err error) {
	if t.joliet {
		if len(id)%2 != 0 {
			return "", "", fmt.Errorf("光盘映像%s中的 Joliet 名称长度为奇数，映像已损坏", where)
		}
		name = decodeUCS2(id)
		if !isDir {
			if i := strings.LastIndexByte(name, ';'); i >= 0 {
				name = name[:i]
			}
		}
		return name, "", nil
	}
	isoID = string(id)
	if !isDir {
		if i := strings.LastIndexByte(isoID, ';'); i >= 0 {
			isoID = isoID[:i]
		}
		isoID = strings.TrimSuffix(isoID, ".")
	}
	su := rec[recordBase(len(id)):]
	var nm []byte
	found := false
	for hops := 0; len(su) > 0; hops++ {
		var next []byte
		for len(su) >= 4 {
			l := int(su[2])
			if l < 4 || l > len(su) {
				return "", "", fmt.Errorf("光盘映像%s中有损坏的 Rock Ridge 记录", where)
			}
			e := su[:l]
			su = su[l:]
			switch string(e[:2]) {
			case "NM":
				if l < 5 || e[4]&^1 != 0 {
					return "", "", fmt.Errorf("光盘映像%s中有本程序不会写入的 Rock Ridge 名称记录", where)
				}
				nm = append(nm, e[5:]...)
				found = true
			case "CE":
				if l < 28 {
					return "", "", fmt.Errorf("光盘映像%s中有损坏的 Rock Ridge 续接记录", where)
				}
				next, err = t.continuation(e, where)
				if err != nil {
					return "", "", err
				}
			case "ST":
				su = nil
			}
		}
		if next == nil {
			break
		}
		if hops >= maxCE {
			return "", "", fmt.Errorf("光盘映像%s中 Rock Ridge 续接记录过多", where)
		}
		su = next
	}
	if !found {
		return isoID, isoID, nil
	}
	return string(nm), isoID, nil
}

// continuation reads the continuation area a CE entry points at.
func (t *treeReader) continuation(e []byte, where string) ([]byte, error) {
	lba, ok1 := both32At(e[4:])
	off, ok2 := both32At(e[12:])
	n, ok3 := both32At(e[20:])
	if !ok1 || !ok2 || !ok3 || n > SectorSize || int64(off)+int64(n) > SectorSize || int64(lba)*SectorSize+int64(off)+int64(n) > t.img.size || lba == 0 {
		return nil, fmt.Errorf("光盘映像%s中的 Rock Ridge 续接区越界，映像已损坏", where)
	}
	b := make([]byte, n)
	if _, err := t.img.r.ReadAt(b, int64(lba)*SectorSize+int64(off)); err != nil {
		return nil, fmt.Errorf("读取光盘映像%s的 Rock Ridge 续接区失败：%v", where, err)
	}
	return b, nil
}

// hasSP reports whether a root "." record starts its system use area with SUSP's SP.
func hasSP(rec []byte) bool {
	su := rec[recordBase(1):]
	return len(su) >= 7 && su[0] == 'S' && su[1] == 'P' && su[4] == 0xBE && su[5] == 0xEF
}

// sameFiles requires the Joliet tree, the Rock Ridge names and the 8.3 names of the
// primary tree to list the same files at the same extents.
func sameFiles(joliet, primary *treeReader) error {
	jf := map[string]File{}
	for _, f := range joliet.files {
		jf[f.Path] = f
	}
	pf := map[string]File{}
	for _, f := range primary.files {
		pf[f.Path] = f
		j, ok := jf[f.Path]
		switch {
		case !ok:
			return fmt.Errorf("光盘映像的主目录树（Linux、macOS 读取的 Rock Ridge 名称）有文件 %s，Joliet 目录树（Windows 读取）中没有：两种读取方式看到的内容不同，映像已被改动", f.Path)
		case j.lba != f.lba || j.Size != f.Size:
			return fmt.Errorf("光盘映像中的 %s 在主目录树（Linux、macOS、7-Zip 读取）与 Joliet 目录树（Windows 读取）中指向不同的数据（扇区 %d、%d 字节与扇区 %d、%d 字节）：不同电脑会读出不同的文件，映像已被改动",
				f.Path, f.lba, f.Size, j.lba, j.Size)
		}
	}
	for _, f := range joliet.files {
		if _, ok := pf[f.Path]; !ok {
			return fmt.Errorf("光盘映像的 Joliet 目录树（Windows 读取）有文件 %s，主目录树（Linux、macOS 读取）中没有：两种读取方式看到的内容不同，映像已被改动", f.Path)
		}
	}
	if len(primary.isoNames) != len(primary.files) {
		return fmt.Errorf("光盘映像的主目录树中有重复的 ISO 9660 路径")
	}
	return nil
}

// checkPathTables requires the L and M path tables of a descriptor to index exactly
// the directories of its tree (identifier, extent, parent), as readers that look up
// folders through the path table would otherwise see other folders.
func (t *treeReader) checkPathTables(vd []byte) error {
	size, ok := both32At(vd[132:])
	if !ok || size == 0 || size > maxDirBytes {
		return fmt.Errorf("光盘映像%s目录树的路径表大小无效", t.name)
	}
	want := slices.Clone(t.dirs)
	sortRefs(want)
	for _, form := range []struct {
		at   int64
		bo   binary.ByteOrder
		name string
	}{
		{int64(binary.LittleEndian.Uint32(vd[140:])), binary.LittleEndian, "L"},
		{int64(binary.BigEndian.Uint32(vd[148:])), binary.BigEndian, "M"},
	} {
		if form.at <= 0 || form.at*SectorSize+int64(size) > t.img.size {
			return fmt.Errorf("光盘映像%s目录树的 %s 型路径表位置越界", t.name, form.name)
		}
		b := make([]byte, size)
		if _, err := t.img.r.ReadAt(b, form.at*SectorSize); err != nil {
			return fmt.Errorf("读取光盘映像的路径表失败：%v", err)
		}
		got, err := parsePathTable(b, form.bo)
		if err != nil {
			return fmt.Errorf("光盘映像%s目录树的 %s 型路径表%s", t.name, form.name, err.Error())
		}
		sortRefs(got)
		if !slices.Equal(got, want) {
			return fmt.Errorf("光盘映像%s目录树的 %s 型路径表与目录记录不一致：按路径表查找文件夹的读取程序会看到其他内容，映像已被改动", t.name, form.name)
		}
	}
	return nil
}

func sortRefs(r []dirRef) {
	slices.SortFunc(r, func(a, b dirRef) int {
		if c := cmpInt(a.lba, b.lba); c != 0 {
			return c
		}
		if c := cmpInt(a.parent, b.parent); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// parsePathTable reads the entries of a path table; parents are given as the
// extent of the parent entry.
func parsePathTable(b []byte, bo binary.ByteOrder) ([]dirRef, error) {
	type entry struct {
		id     string
		lba    int64
		parent int
	}
	var es []entry
	for off := 0; off < len(b); {
		n := int(b[off])
		if n == 0 || off+8+n > len(b) {
			return nil, fmt.Errorf("有损坏的项（偏移 %d）", off)
		}
		es = append(es, entry{id: string(b[off+8 : off+8+n]), lba: int64(bo.Uint32(b[off+2:])), parent: int(bo.Uint16(b[off+6:]))})
		if len(es) > maxEntries {
			return nil, fmt.Errorf("项数过多")
		}
		off += 8 + n + n%2
	}
	out := make([]dirRef, len(es))
	for i, e := range es {
		if e.parent < 1 || e.parent > len(es) || (i > 0 && e.parent > i) {
			return nil, fmt.Errorf("第 %d 项的上级目录编号 %d 无效", i+1, e.parent)
		}
		out[i] = dirRef{id: e.id, lba: e.lba, parent: es[e.parent-1].lba}
	}
	if len(es) == 0 || es[0].id != "\x00" || es[0].parent != 1 {
		return nil, fmt.Errorf("没有根目录项")
	}
	return out, nil
}

func decodeUCS2(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

// Offset is where the file's bytes start in the image.
func (f File) Offset() int64 { return f.lba * SectorSize }

// Files returns every file of the image, sorted by path.
func (img *Image) Files() []File { return slices.Clone(img.files) }

// Open returns the content of the file at p (slash-separated, as in Files).
func (img *Image) Open(p string) (io.Reader, error) {
	i, ok := img.byPath[strings.TrimPrefix(path.Clean("/"+p), "/")]
	if !ok {
		return nil, fmt.Errorf("光盘映像中没有文件 %s", p)
	}
	f := img.files[i]
	return io.NewSectionReader(img.r, f.lba*SectorSize, f.Size), nil
}
