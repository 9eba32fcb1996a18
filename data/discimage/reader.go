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
)

// File is one file of the Joliet tree.
type File struct {
	Path string // slash-separated, UTF-8, no leading slash
	Size int64
	lba  int64
}

// Image is an opened disc image, read through its Joliet tree.
type Image struct {
	r        io.ReaderAt
	size     int64
	VolumeID string // Joliet volume label
	files    []File
	byPath   map[string]int
}

// Open reads the Joliet tree of the ISO 9660 image in r (size bytes). It
// never panics on malformed input and bounds the work done (entries,
// directory bytes, depth); every extent must lie inside the image and the
// files together must not be larger than the image, so reading every file
// costs at most one pass over the image.
func Open(r io.ReaderAt, size int64) (*Image, error) {
	if size < 17*SectorSize {
		return nil, fmt.Errorf("光盘映像只有 %d 字节，太小，不是 ISO 9660 映像", size)
	}
	img := &Image{r: r, size: size, byPath: map[string]int{}}
	vd := make([]byte, SectorSize)
	var svd []byte
	for i := int64(16); i < 16+maxVDs && (i+1)*SectorSize <= size; i++ {
		if _, err := r.ReadAt(vd, i*SectorSize); err != nil {
			return nil, fmt.Errorf("读取光盘映像失败：%v", err)
		}
		if string(vd[1:6]) != "CD001" {
			return nil, fmt.Errorf("光盘映像第 %d 扇区不是卷描述符，不是 ISO 9660 映像", i)
		}
		if vd[0] == 255 {
			break
		}
		if vd[0] == 2 && vd[88] == '%' && vd[89] == '/' && (vd[90] == '@' || vd[90] == 'C' || vd[90] == 'E') {
			svd = append([]byte(nil), vd...)
			break
		}
	}
	if svd == nil {
		return nil, errNotJoliet
	}
	img.VolumeID = strings.TrimRight(decodeUCS2(svd[40:72]), " \x00")
	root := svd[156:190]
	if root[0] < 34 || root[25]&2 == 0 {
		return nil, fmt.Errorf("光盘映像的 Joliet 根目录记录已损坏")
	}
	st := &readState{img: img, visited: map[int64]bool{}}
	if err := st.readDir(int64(binary.LittleEndian.Uint32(root[2:])), int64(binary.LittleEndian.Uint32(root[10:])), "", 0); err != nil {
		return nil, err
	}
	slices.SortFunc(img.files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	for i, f := range img.files {
		img.byPath[f.Path] = i
	}
	return img, nil
}

type readState struct {
	img       *Image
	visited   map[int64]bool
	dirBytes  int64
	entries   int
	fileBytes int64
}

func (st *readState) readDir(lba, length int64, prefix string, depth int) error {
	img := st.img
	where := prefix
	if where == "" {
		where = "根目录"
	}
	if depth > maxDepth {
		return fmt.Errorf("光盘映像的目录 %s 嵌套过深，映像可能已损坏", where)
	}
	if st.visited[lba] {
		return fmt.Errorf("光盘映像的目录 %s 指回已读过的目录，映像已损坏", where)
	}
	st.visited[lba] = true
	if length <= 0 || lba <= 0 || lba*SectorSize+length > img.size || length > maxDirBytes {
		return fmt.Errorf("光盘映像的目录 %s 位置或长度越界，映像已损坏", where)
	}
	st.dirBytes += length
	if st.dirBytes > maxDirBytes {
		return fmt.Errorf("光盘映像的目录数据过多（超过 %d MB），映像可能已损坏", maxDirBytes>>20)
	}
	buf := make([]byte, length)
	if _, err := img.r.ReadAt(buf, lba*SectorSize); err != nil {
		return fmt.Errorf("读取光盘映像目录 %s 失败：%v", where, err)
	}
	type sub struct {
		lba, length int64
		path        string
	}
	var subs []sub
	seen := map[string]bool{}
	for off := 0; off < len(buf); {
		n := int(buf[off])
		if n == 0 { // rest of the sector is padding
			off = (off/SectorSize + 1) * SectorSize
			continue
		}
		if n < 34 || off+n > len(buf) || off/SectorSize != (off+n-1)/SectorSize {
			return fmt.Errorf("光盘映像目录 %s 中有损坏的目录记录（偏移 %d）", where, off)
		}
		rec := buf[off : off+n]
		off += n
		idLen := int(rec[32])
		if 33+idLen > n {
			return fmt.Errorf("光盘映像目录 %s 中的名称长度越界", where)
		}
		id := rec[33 : 33+idLen]
		if idLen == 1 && (id[0] == 0 || id[0] == 1) {
			continue // "." and ".."
		}
		if st.entries++; st.entries > maxEntries {
			return fmt.Errorf("光盘映像中的文件超过 %d 个，映像可能已损坏", maxEntries)
		}
		if idLen%2 != 0 {
			return fmt.Errorf("光盘映像目录 %s 中的 Joliet 名称长度为奇数，映像已损坏", where)
		}
		name := decodeUCS2(id)
		flags := rec[25]
		isDir := flags&2 != 0
		if !isDir {
			if i := strings.LastIndexByte(name, ';'); i >= 0 {
				name = name[:i]
			}
		}
		if name == "" || name == "." || name == ".." || strings.ContainsAny(name, "/\x00") {
			return fmt.Errorf("光盘映像目录 %s 中有非法名称“%s”", where, name)
		}
		p := name
		if prefix != "" {
			p = prefix + "/" + name
		}
		if seen[name] {
			return fmt.Errorf("光盘映像目录 %s 中有重名项“%s”", where, name)
		}
		seen[name] = true
		if flags&0x80 != 0 {
			return fmt.Errorf("光盘映像中的 %s 分成了多段存放，不支持", p)
		}
		elba := int64(binary.LittleEndian.Uint32(rec[2:]))
		elen := int64(binary.LittleEndian.Uint32(rec[10:]))
		if isDir {
			subs = append(subs, sub{elba, elen, p})
			continue
		}
		if elen > 0 && (elba <= 0 || elba*SectorSize+elen > img.size) {
			return fmt.Errorf("光盘映像中的文件 %s 的位置越界，映像已损坏或被截断", p)
		}
		// Files do not overlap, so together they fit in the image; this also
		// bounds the work of whoever reads every file.
		if st.fileBytes += elen; st.fileBytes > img.size {
			return fmt.Errorf("光盘映像中文件的总大小超过映像本身（在 %s 处），映像已损坏", p)
		}
		img.files = append(img.files, File{Path: p, Size: elen, lba: elba})
	}
	for _, s := range subs {
		if err := st.readDir(s.lba, s.length, s.path, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func decodeUCS2(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

// Files returns every file of the Joliet tree, sorted by path.
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
