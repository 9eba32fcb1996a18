package submission

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"tuijian/data/bagit"
	"tuijian/data/pdfdoc"
	"tuijian/data/signing"
	"tuijian/data/sm2sig"
)

// File names of the package outside the BagIt fixed ones.
const (
	PublicKeyName = "tuijian.pub"
	// SM2PublicKeyName is the 国密 co-signature key (PEM, for openssl).
	SM2PublicKeyName = "tuijian-sm2-pub.pem"
	// SM2CertName is the province CA's certificate of that key, when there is one.
	SM2CertName = "tuijian-sm2-cert.pem"
	ReadmeName  = "README-验证说明.txt"
	CoverName   = "封面清单.pdf"
)

// FileDigest is one line of the cover sheet.
type FileDigest struct {
	Path   string // relative to the package folder, slash-separated
	SHA256 string // lower-case hex
}

// CoverData is what the cover sheet prints; it is read back from a bag folder by
// CoverDataFromBag, so that Export and Verify draw the same sheet.
type CoverData struct {
	Info           [][2]string // bag-info.txt fields in order
	Files          []FileDigest
	TagManifestSum string
	Fingerprint    string
	KeyID          string
	SM2Fingerprint string // "" in a package without the 国密 co-signature
}

// readManifestLines reads "sum  path" lines of a manifest file as written by bagit.
func readManifestLines(p string) ([]FileDigest, error) {
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	var out []FileDigest
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		sum, path, ok := strings.Cut(line, "  ")
		if !ok || len(sum) != 64 {
			continue
		}
		out = append(out, FileDigest{Path: path, SHA256: strings.ToLower(sum)})
	}
	return out, sc.Err()
}

func fileSum(p string) (string, error) {
	b, err := os.ReadFile(p)
	if err != nil {
		return "", err
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:]), nil
}

// readInfo reads bag-info.txt as label/value pairs in order.
func readInfo(dir string) ([][2]string, error) {
	b, err := os.ReadFile(filepath.Join(dir, bagit.InfoFile))
	if err != nil {
		return nil, err
	}
	var out [][2]string
	for _, line := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n") {
		if l, v, ok := strings.Cut(line, ":"); ok {
			out = append(out, [2]string{strings.TrimSpace(l), strings.TrimSpace(v)})
		}
	}
	return out, nil
}

func infoValue(info [][2]string, label string) string {
	for _, f := range info {
		if strings.EqualFold(f[0], label) {
			return f[1]
		}
	}
	return ""
}

// CoverDataFromBag reads what the cover sheet prints from the bag in dir: the
// payload and tag manifests' digests, the digests of the tag manifest and of the
// signature file themselves, bag-info.txt and the public key's fingerprint.
func CoverDataFromBag(dir string) (CoverData, error) {
	var d CoverData
	var err error
	if d.Info, err = readInfo(dir); err != nil {
		return d, fmt.Errorf("无法读取 %s：%v", bagit.InfoFile, err)
	}
	payload, err := readManifestLines(filepath.Join(dir, bagit.Manifest))
	if err != nil {
		return d, fmt.Errorf("无法读取 %s：%v", bagit.Manifest, err)
	}
	tags, err := readManifestLines(filepath.Join(dir, bagit.TagManifest))
	if err != nil {
		return d, fmt.Errorf("无法读取 %s：%v", bagit.TagManifest, err)
	}
	if d.TagManifestSum, err = fileSum(filepath.Join(dir, bagit.TagManifest)); err != nil {
		return d, err
	}
	sigSum, err := fileSum(filepath.Join(dir, bagit.SignatureFile))
	if err != nil {
		return d, fmt.Errorf("无法读取签名文件 %s：%v", bagit.SignatureFile, err)
	}
	d.Files = append(append(d.Files, payload...), tags...)
	d.Files = append(d.Files, FileDigest{bagit.TagManifest, d.TagManifestSum}, FileDigest{bagit.SignatureFile, sigSum})
	if sm2Sum, err := fileSum(filepath.Join(dir, bagit.SM2SignatureFile)); err == nil {
		d.Files = append(d.Files, FileDigest{bagit.SM2SignatureFile, sm2Sum})
	}
	slices.SortFunc(d.Files, func(a, b FileDigest) int {
		// Payload first, then the tag files, each sorted by path.
		ap, bp := strings.HasPrefix(a.Path, bagit.PayloadDir+"/"), strings.HasPrefix(b.Path, bagit.PayloadDir+"/")
		if ap != bp {
			if ap {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Path, b.Path)
	})
	pubB, err := os.ReadFile(filepath.Join(dir, PublicKeyName))
	if err != nil {
		return d, fmt.Errorf("无法读取公钥 %s：%v", PublicKeyName, err)
	}
	pub, err := signing.ParsePublicKey(pubB)
	if err != nil {
		return d, err
	}
	d.Fingerprint, d.KeyID = signing.Fingerprint(pub), signing.KeyID(pub)
	if b, err := os.ReadFile(filepath.Join(dir, SM2PublicKeyName)); err == nil {
		k, err := sm2sig.ParsePublicPEM(b)
		if err != nil {
			return d, err
		}
		d.SM2Fingerprint = sm2sig.Fingerprint(k)
	}
	return d, nil
}

// CoverPDF draws the cover sheet: the package's identity (from bag-info.txt), the
// key fingerprint and ID, the tag manifest's SHA-256 and a table of every file with
// its SHA-256. It uses the embedded fonts only, so the same data always gives the
// same bytes on every machine.
func CoverPDF(d CoverData) ([]byte, error) {
	key, _ := json.Marshal(d)
	coverCache.Lock()
	defer coverCache.Unlock()
	if bytes.Equal(key, coverCache.key) {
		return coverCache.pdf, nil
	}
	pdf, err := coverPDF(d)
	if err == nil {
		coverCache.key, coverCache.pdf = key, pdf
	}
	return pdf, err
}

// coverCache keeps the last cover sheet: Verify after Export, and repeated
// verifications of one package, draw the same sheet.
var coverCache struct {
	sync.Mutex
	key, pdf []byte
}

func coverPDF(d CoverData) ([]byte, error) {
	w, err := pdfdoc.New(pdfdoc.Fallback(), pdfdoc.Page{TopMM: 20, BottomMM: 22, LeftMM: 20, RightMM: 20, LinesPerPage: 30, PageNumbers: true})
	if err != nil {
		return nil, err
	}
	date, _ := time.Parse(time.DateOnly, infoValue(d.Info, "Bagging-Date"))
	w.SetInfo("报送材料封面清单", infoValue(d.Info, "Source-Organization"), date)
	if err := w.Paragraph(pdfdoc.Para{Text: "报送材料封面清单", Style: pdfdoc.Style{Face: pdfdoc.Xiaobiaosong, SizePt: 20}, Align: pdfdoc.AlignCenter, LineHeightMM: 14}); err != nil {
		return nil, err
	}
	small := pdfdoc.Style{Face: pdfdoc.Fangsong, SizePt: 11}
	line := func(label, value string) error {
		if value == "" {
			return nil
		}
		return w.Paragraph(pdfdoc.Para{Text: label + "：" + value, Style: small, Align: pdfdoc.AlignLeft, LineHeightMM: 6.5})
	}
	for _, f := range [][2]string{
		{"推荐单位", infoValue(d.Info, "Source-Organization")},
		{"报送事项", infoValue(d.Info, "External-Description")},
		{"联系人", strings.TrimSpace(infoValue(d.Info, "Contact-Name") + " " + infoValue(d.Info, "Contact-Phone"))},
		{"打包日期", infoValue(d.Info, "Bagging-Date")},
		{"内容文件", oxumText(infoValue(d.Info, "Payload-Oxum"))},
		{"推荐事项", infoValue(d.Info, "Recommended")},
		{"包的用途", infoValue(d.Info, "Package-Scope")},
		{"说明", infoValue(d.Info, "Internal-Sender-Description")},
		{"签名公钥指纹", d.Fingerprint},
		{"签名密钥 ID", d.KeyID},
		{"国密签名公钥指纹（SM2）", d.SM2Fingerprint},
		{"标签清单 tagmanifest-sha256.txt 的 SHA-256", d.TagManifestSum},
	} {
		if err := line(f[0], f[1]); err != nil {
			return nil, err
		}
	}
	if err := w.Paragraph(pdfdoc.Para{Text: "核对方法：光盘或文件夹中每个文件的 SHA-256 应与下表一致（sha256sum 文件名）；签名用 minisign -Vm tagmanifest-sha256.txt -p tuijian.pub 验证，国密签名用 openssl pkeyutl -verify（命令见说明）验证，两个公钥指纹都应与推荐函所印一致。详见 README-验证说明.txt。",
		Style: small, Align: pdfdoc.AlignLeft, LineHeightMM: 6.5}); err != nil {
		return nil, err
	}
	w.Skip(0.3)
	hash := pdfdoc.Style{Face: pdfdoc.Fangsong, SizePt: 9}
	t := pdfdoc.Table{ColumnsMM: []float64{12, 88, 70}, Style: pdfdoc.Style{Face: pdfdoc.Fangsong, SizePt: 9}, HeaderRows: 1, LineMM: 4.6, PadMM: 1.2}
	head := pdfdoc.Style{Face: pdfdoc.Heiti, SizePt: 9}
	t.Rows = append(t.Rows, pdfdoc.Row{Cells: []pdfdoc.Cell{{Text: "序号", Align: pdfdoc.AlignCenter, Style: head}, {Text: "文件", Align: pdfdoc.AlignCenter, Style: head}, {Text: "SHA-256", Align: pdfdoc.AlignCenter, Style: head}}})
	for i, f := range d.Files {
		t.Rows = append(t.Rows, pdfdoc.Row{Cells: []pdfdoc.Cell{
			{Text: fmt.Sprint(i + 1), Align: pdfdoc.AlignCenter},
			{Text: f.Path, Align: pdfdoc.AlignLeft},
			{Text: f.SHA256[:32] + "\n" + f.SHA256[32:], Align: pdfdoc.AlignLeft, Style: hash},
		}})
	}
	if err := w.Table(t); err != nil {
		return nil, err
	}
	return w.Bytes()
}

// oxumText writes BagIt's Payload-Oxum “字节数.文件数” as a clerk reads it.
func oxumText(oxum string) string {
	bytes, files, ok := strings.Cut(oxum, ".")
	if !ok {
		return oxum
	}
	return files + " 个文件，共 " + bytes + " 字节"
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
