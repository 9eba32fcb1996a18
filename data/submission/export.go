package submission

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"tuijian/data/bagit"
	"tuijian/data/discimage"
	"tuijian/data/pdfdoc"
	"tuijian/data/safefile"
	"tuijian/data/signing"
	"tuijian/data/sm2sig"
	"tuijian/forms"
)

// File is one document of the payload: a slash-separated path relative to data/
// and its bytes.
type File struct {
	Path string
	Data []byte
}

// DocumentsInput is what the documents builder gets.
type DocumentsInput struct {
	Case *forms.Case
	// IncludeReport adds the 比选报告 (the archive package; never the ministry's).
	IncludeReport bool
	Sections      map[forms.ChoiceKey]map[string]string
	Fingerprint   string
	// SM2Fingerprint is the 国密 co-signature key's, printed beside it.
	SM2Fingerprint string
	Date           time.Time
	Fonts          pdfdoc.Fonts
}

// buildDocuments is the default documents builder (data/documents), set in docs.go;
// progress may be called from several goroutines.
var buildDocuments func(in DocumentsInput, progress func(done, total int)) ([]File, error)

// ExportInput is everything one export needs.
type ExportInput struct {
	Case *forms.Case
	// Sections holds the application texts of each measure's chosen city.
	Sections map[forms.ChoiceKey]map[string]string
	// Key is the unlocked signing key.
	Key signing.PrivateKey
	// SM2Certificate, when not empty, is the province CA's certificate of the SM2 key
	// (PEM), carried in the package as tuijian-sm2-cert.pem.
	SM2Certificate []byte
	// Date is the day of export: the pre-flight day, Bagging-Date and the date of
	// the documents. The same Date gives the same package.
	Date time.Time
	// Out is the package folder; a previous package there is replaced only once
	// the new one is complete.
	Out string
	// ISO, when not empty, is the disc image file written beside.
	ISO string
	// Fonts for the documents (the cover sheet always uses the embedded fonts).
	Fonts pdfdoc.Fonts
	// Documents builds the payload documents; nil means data/documents.Build (tests
	// give a stand-in).
	Documents func(in DocumentsInput) ([]File, error)
	// MaxISOBytes is the disc capacity; 0 means a 700 MB CD.
	MaxISOBytes int64
	// Scope is ScopeMinistry (the default: what the notice asks for, the recommended
	// cities only) or ScopeArchive (the province's own signed record of the whole
	// deliberation: the same documents, the 比选报告 and every candidate's data).
	Scope string
}

// Result describes a written package.
type Result struct {
	Out            string
	ISO            string
	Cover          string // path of the cover sheet
	Files          int    // files in the package folder
	Bytes          int64  // their total size
	ISOBytes       int64
	Fingerprint    string
	SM2Fingerprint string // the 国密 co-signature key's
	KeyID          string
	TagManifest    string // SHA-256 of tagmanifest-sha256.txt
	// Archive is the archive package written with this one (set by the caller that
	// writes both).
	Archive string
	// Repaired says what was put right of an earlier interrupted export (Repair).
	Repaired []string
}

// BlockedError is returned when the pre-flight has blockers.
type BlockedError struct{ Blockers []forms.Issue }

func (e *BlockedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "报送前检查有 %d 个问题阻断导出，请先处理：", len(e.Blockers))
	for _, i := range e.Blockers {
		fmt.Fprintf(&b, "\n- %s（在“%s”处理）", i.Message, i.Step.Label())
	}
	return b.String()
}

// VolumeLabels returns the disc labels: the primary (ASCII) one and the Joliet one
// Windows shows, e.g. "TUIJIAN_370000_2021" and "山东省2021督查激励".
func VolumeLabels(c *forms.Case) (primary, joliet string) {
	primary = fmt.Sprintf("TUIJIAN_%s_%d", c.Province.Code, c.Settings.Year)
	joliet = fmt.Sprintf("%s%d督查激励", c.Province.Name, c.Settings.Year)
	if len([]rune(joliet)) > 16 {
		joliet = fmt.Sprintf("%s%d", c.Province.Name, c.Settings.Year)
	}
	return primary, joliet
}

// trustedComment is signed with the tag manifest (fixed: no time stamp).
func trustedComment(c *forms.Case, date time.Time) string {
	return fmt.Sprintf("tuijian submission province=%s campaign=%d date=%s file=%s",
		c.Province.Code, c.Settings.Year, forms.Day(date).Format(time.DateOnly), bagit.TagManifest)
}

// ArchiveScopeText marks the archive package in bag-info.txt and on its cover sheet.
const ArchiveScopeText = "省内存档（含比选报告和全部候选市（州）数据，不报送工业和信息化部）"

// RecommendedText says, measure by measure, which city is recommended, or that the
// measure is not recommended this year (通知 二 “不超过1个”).
func RecommendedText(c *forms.Case) string {
	var parts []string
	for i := range c.Campaign.Measures {
		m := &c.Campaign.Measures[i]
		var names []string
		for _, ch := range c.ChoicesOf(m.ID) {
			name := ch.UnitCode
			if u, ok := c.Unit(ch.UnitCode); ok {
				name = u.FullName()
			}
			names = append(names, name)
		}
		if len(names) == 0 {
			names = []string{"本年度不推荐"}
		}
		parts = append(parts, m.Short+"："+strings.Join(names, "、"))
	}
	return strings.Join(parts, "；")
}

// letterNumbers joins the 发文字号 of the recommended measures' letters.
func letterNumbers(c *forms.Case) string {
	var nos []string
	for _, m := range c.Campaign.Measures {
		if len(c.ChoicesOf(m.ID)) > 0 {
			if no := strings.TrimSpace(c.Approval(m.ID).LetterNo); no != "" {
				nos = append(nos, no)
			}
		}
	}
	return strings.Join(nos, "、")
}

// Readme is the Chinese README for the receiver.
func Readme(c *forms.Case, fingerprint, keyID, sm2Fingerprint string, date time.Time, scope string) []byte {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	w("%s %d 年度工业和信息化领域督查激励推荐材料 —— 验证说明", c.Settings.Department, c.Settings.Year)
	w("")
	if scope == ScopeArchive {
		w("注意：这是%s。", ArchiveScopeText)
		w("")
	}
	w("推荐事项：%s。", RecommendedText(c))
	w("")
	w("本文件夹（或光盘）是按 BagIt 1.0（RFC 8493）组织的报送包，由“督查激励推荐助手”于 %s 生成。", forms.Day(date).Format(time.DateOnly))
	if c.Settings.Demo {
		w("注意：这是演示数据，所有数字均为虚构，不得报送。")
	}
	w("")
	w("一、包内文件")
	w("  data/                       报送材料（每项措施一个文件夹）和机读数据 submission.json")
	w("  manifest-sha256.txt         data/ 下每个文件的 SHA-256 校验值")
	w("  tagmanifest-sha256.txt      bagit.txt、bag-info.txt、manifest-sha256.txt、公钥和本说明的 SHA-256")
	w("  tagmanifest-sha256.txt.minisig  推荐单位对 tagmanifest-sha256.txt 的 Ed25519 签名（minisign 格式）")
	w("  tagmanifest-sha256.txt.sm2sig   推荐单位对同一文件的国密签名（SM2 与 SM3，GB/T 32918，DER 格式）")
	w("  tuijian.pub                 推荐单位的签名公钥（minisign 格式）")
	w("  tuijian-sm2-pub.pem         推荐单位的国密签名公钥（SM2，PEM 格式）")
	w("  封面清单.pdf                纸质材料封面清单：每个文件的 SHA-256、标签清单的 SHA-256 和公钥指纹")
	w("")
	w("二、核对公钥指纹")
	w("  推荐函上印有公钥指纹。本包公钥指纹为：%s（密钥 ID %s）。", fingerprint, keyID)
	w("  自行计算：tail -1 tuijian.pub | tr -d '\\n' | sha256sum，取前 32 位十六进制数，每 4 位一组，应与推荐函所印一致。")
	w("  国密签名公钥指纹为：%s。", sm2Fingerprint)
	w("  自行计算：openssl pkey -pubin -in tuijian-sm2-pub.pem -outform DER | openssl dgst -sm3，取前 32 位十六进制数。")
	w("  指纹不一致时，本包不是推荐单位签发的，请勿采信。")
	w("")
	w("三、验证签名（需安装 minisign，https://jedisct1.github.io/minisign/）")
	w("  在本文件夹中运行：")
	w("    minisign -Vm tagmanifest-sha256.txt -p tuijian.pub")
	w("  应显示“Signature and comment signature verified”。")
	w("  国密签名（需 OpenSSL 3.0 或更新版本）：")
	w("    openssl pkeyutl -verify -pubin -inkey tuijian-sm2-pub.pem -rawin -digest sm3 -pkeyopt distid:1234567812345678 -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sm2sig")
	w("  应显示“Signature Verified Successfully”。两种签名都有效，才说明本包由推荐单位签发。")
	w("")
	w("四、核对校验值（Linux/macOS 的 sha256sum；Windows 可用 Git Bash 或 WSL）")
	w("  在本文件夹中运行：")
	w("    sha256sum -c tagmanifest-sha256.txt")
	w("    sha256sum -c manifest-sha256.txt")
	w("  每一行都应显示“OK”（中文系统显示“成功”）。任何一行失败，说明该文件在签名后被改动。")
	w("  另外，data/ 中不应有 manifest-sha256.txt 未列出的文件。")
	w("")
	w("")
	w("五、在 Windows 上核对（不需安装其他软件即可核对校验值）")
	w("  PowerShell：Get-FileHash -Algorithm SHA256 data\\submission.json")
	w("  命令提示符：certutil -hashfile data\\submission.json SHA256")
	w("  得到的值应与 manifest-sha256.txt 中该文件一行的值一致（大小写不计）。")
	w("  签名：下载 Windows 版 minisign.exe 后运行  minisign.exe -Vm tagmanifest-sha256.txt -p tuijian.pub")
	w("")
	w("六、这些核对能证明什么、不能证明什么")
	w("  能证明：签名有效时，tagmanifest-sha256.txt 由持有该公钥对应私钥者签发；其中列出的清单和本说明、公钥未被改动；")
	w("  manifest-sha256.txt 列出的每个文件与签名时一致。")
	w("  不能证明：封面清单.pdf 和签名文件本身不在清单内（封面清单印有标签清单的 SHA-256，请与纸质封面核对）；")
	w("  sha256sum -c 不会报告多出来的文件，请核对 data/ 中的文件数与 bag-info.txt 的 Payload-Oxum（字节数.文件数）一致；")
	w("  公钥是否属于推荐单位，只能用推荐函上印的指纹核对。")
	w("")
	w("七、用本程序验证（可选）")
	w("    tuijian-cli verify 本文件夹或光盘映像.iso --pubkey 推荐单位公钥.pub")
	w("  同时核对完整性、校验值、签名、多余文件、封面清单，以及 submission.json 与推荐表的一致性。")
	// Windows tools (Notepad, type) read UTF-8 reliably only with a byte-order mark,
	// and want CRLF line ends.
	return []byte("\ufeff" + strings.ReplaceAll(b.String(), "\n", "\r\n"))
}

// checkPayloadPaths checks every payload path for the bag and the disc, and case
// collisions (Windows and the disc fold case).
func checkPayloadPaths(files []File) error {
	var probs []string
	seen := map[string]string{}
	for _, f := range files {
		rel := bagit.PayloadDir + "/" + f.Path
		if f.Path == "" || path.Clean(f.Path) != f.Path || strings.HasPrefix(f.Path, "../") || path.IsAbs(f.Path) {
			probs = append(probs, fmt.Sprintf("“%s”不是规范的相对路径", f.Path))
			continue
		}
		if err := bagit.CheckPayloadName(rel); err != nil {
			probs = append(probs, err.Error())
			continue
		}
		for _, el := range strings.Split(f.Path, "/") {
			if why := discimage.CheckName(el); why != "" {
				probs = append(probs, fmt.Sprintf("“%s”：%s", f.Path, why))
			}
		}
		k := strings.ToLower(f.Path)
		if prev, ok := seen[k]; ok {
			probs = append(probs, fmt.Sprintf("“%s”与“%s”只有大小写不同，在 Windows 和光盘上会冲突", f.Path, prev))
		}
		seen[k] = f.Path
	}
	if len(probs) > 0 {
		return fmt.Errorf("报送文件名不合规，无法导出：\n%s", strings.Join(probs, "\n"))
	}
	return nil
}

// isPackage reports whether dir looks like a package (or is empty), i.e. may be
// replaced by a new export.
func isPackage(dir string) (exists, ok bool) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return false, true
	}
	if err != nil {
		return true, false
	}
	if len(ents) == 0 {
		return true, true
	}
	_, err = os.Stat(filepath.Join(dir, bagit.BagitFile))
	return true, err == nil
}

// Export checks the case (forms.Preflight, refusing on blockers), builds the
// documents and writes the signed package to in.Out, and the disc image to in.ISO
// when given. Everything is written under a temporary folder beside in.Out and
// renamed into place only when complete: an interrupted or failed export leaves
// the previous package (or none), never a half one. progress (may be nil)
// receives a Chinese step name and a count. ctx cancels between files.
func Export(ctx context.Context, in ExportInput, progress func(step string, done, total int)) (res Result, err error) {
	var mu sync.Mutex
	say := func(step string, done, total int) {
		if progress != nil {
			mu.Lock()
			defer mu.Unlock()
			progress(step, done, total)
		}
	}
	if in.Case == nil || in.Case.Campaign == nil {
		return res, errors.New("尚未完成“设置”，无法导出")
	}
	if in.Out == "" {
		return res, errors.New("请指定报送包的输出文件夹")
	}
	if in.Date.IsZero() {
		return res, errors.New("未给出导出日期")
	}
	out, err := filepath.Abs(in.Out)
	if err != nil {
		return res, err
	}
	// The folder and the image are named as Windows and the disc allow: a reserved
	// device name (CON, NUL…) or a trailing dot or space would silently write elsewhere.
	for _, p := range []string{in.Out, in.ISO} {
		if p == "" {
			continue
		}
		if why := discimage.CheckName(filepath.Base(strings.TrimRight(p, `/\`))); why != "" {
			return res, fmt.Errorf("输出路径“%s”：%s", p, why)
		}
		if b := filepath.Base(p); strings.HasSuffix(b, ".") || strings.HasSuffix(b, " ") {
			return res, fmt.Errorf("输出路径“%s”以句点或空格结尾，Windows 会把它写到另一个名字下，请删去末尾的句点或空格", p)
		}
	}
	scope := in.Scope
	if scope == "" {
		scope = ScopeMinistry
	}
	if scope == ScopeArchive && in.ISO != "" {
		return res, errors.New("存档包只在省内留存，不生成光盘映像")
	}
	// An image of the previous package beside the folder is replaced with it: a new
	// folder must never sit beside an old image someone could burn.
	if in.ISO == "" && scope == ScopeMinistry {
		if st, err := os.Stat(out + ".iso"); err == nil && st.Mode().IsRegular() {
			in.ISO = out + ".iso"
		}
	}
	iso := ""
	if in.ISO != "" {
		if iso, err = filepath.Abs(in.ISO); err != nil {
			return res, err
		}
	}
	const steps = 7
	say("报送前检查", 0, steps)
	if b := forms.Blockers(forms.Preflight(in.Case, in.Date)); len(b) > 0 {
		return res, &BlockedError{Blockers: b}
	}
	if exists, ok := isPackage(out); exists && !ok {
		return res, fmt.Errorf("输出文件夹 %s 已存在且不是报送包：为免误删其中的文件，请选择一个新的或空的文件夹", out)
	}
	pub := in.Key.Public()
	fp, keyID := signing.Fingerprint(pub), signing.KeyID(pub)
	// The 国密 co-signature key, made with the minisign key (data/sm2sig).
	sm2Key, err := sm2sig.Derive(in.Key)
	if err != nil {
		return res, err
	}
	sm2fp := sm2sig.Fingerprint(sm2Key.Public())
	tagFiles := []bagit.TagFile{{Name: PublicKeyName, Data: signing.PublicKeyFile(pub)}, {Name: SM2PublicKeyName, Data: sm2sig.PublicPEM(sm2Key.Public())}}
	if len(in.SM2Certificate) > 0 {
		cert, err := sm2sig.ParseCertificatePEM(in.SM2Certificate)
		if err != nil {
			return res, err
		}
		if !cert.Certifies(sm2Key.Public()) {
			return res, errors.New("保存的国密证书不是为当前签名密钥签发的：请重新导入 CA 签发的证书，或删除它")
		}
		tagFiles = append(tagFiles, bagit.TagFile{Name: SM2CertName, Data: in.SM2Certificate})
	}
	if err := ctx.Err(); err != nil {
		return res, canceled(err)
	}

	say("生成推荐材料", 1, steps)
	din := DocumentsInput{Case: in.Case, Sections: in.Sections, Fingerprint: fp, SM2Fingerprint: sm2fp, Date: in.Date, Fonts: in.Fonts, IncludeReport: scope == ScopeArchive}
	var docs []File
	if in.Documents != nil {
		docs, err = in.Documents(din)
	} else {
		docs, err = buildDocuments(din, func(done, total int) { say("生成推荐材料", done, total) })
	}
	if err != nil {
		return res, err
	}
	sub, err := FromCase(in.Case, in.Date, scope)
	if err != nil {
		return res, err
	}
	js, err := sub.MarshalIndent()
	if err != nil {
		return res, err
	}
	docs = append(slices.Clone(docs), File{Path: strings.TrimPrefix(JSONName, bagit.PayloadDir+"/"), Data: js},
		File{Path: strings.TrimPrefix(CampaignName, bagit.PayloadDir+"/"), Data: Definition(in.Case.Campaign)})
	if err := checkPayloadPaths(docs); err != nil {
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, canceled(err)
	}

	// Write into a temporary folder beside the target.
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return res, fmt.Errorf("无法创建文件夹 %s：%v", parent, err)
	}
	repaired := Repair(out, iso)
	tmp, err := os.MkdirTemp(parent, filepath.Base(out)+".tmp-")
	if err != nil {
		return res, fmt.Errorf("无法在 %s 中创建临时文件夹：%v", parent, err)
	}
	var isoTmp string
	if err := mark(tmp); err != nil {
		removeAll(tmp)
		return res, fmt.Errorf("无法在 %s 中写入文件，原有报送包和光盘映像未改动：%v", parent, err)
	}
	defer func() {
		if err != nil {
			removeAll(tmp)
			if isoTmp != "" {
				removeAll(isoTmp)
			}
		}
	}()
	say("写入报送文件", 2, steps)
	for i, f := range docs {
		if err := ctx.Err(); err != nil {
			return res, canceled(err)
		}
		p := filepath.Join(tmp, bagit.PayloadDir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return res, fmt.Errorf("无法创建文件夹：%v", err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return res, fmt.Errorf("无法写入 %s：%v", f.Path, err)
		}
		say("写入报送文件", 2*len(docs)+i, steps*len(docs))
	}
	info := bagit.Info{Fields: [][2]string{
		{"Source-Organization", in.Case.Settings.Department},
		{"Contact-Name", in.Case.Settings.Contact},
		{"Contact-Phone", in.Case.Settings.Phone},
		{"External-Description", fmt.Sprintf("%s%d年度工业和信息化领域督查激励推荐材料（%s）", in.Case.Province.Name, in.Case.Settings.Year, in.Case.Campaign.Notice)},
		{"External-Identifier", fmt.Sprintf("tuijian-%s-%d", in.Case.Province.Code, in.Case.Settings.Year)},
		{"Bagging-Date", forms.Day(in.Date).Format(time.DateOnly)},
		{"Bag-Software-Agent", "Tuijian 督查激励推荐助手"},
		{"BagIt-Profile-Identifier", ProfileID},
	}}
	info.Fields = append(info.Fields, [2]string{"Recommended", RecommendedText(in.Case)})
	if nos := letterNumbers(in.Case); nos != "" {
		info.Fields = append(info.Fields, [2]string{"Bag-Group-Identifier", nos})
	}
	if scope == ScopeArchive {
		info.Fields = append(info.Fields, [2]string{"Package-Scope", ArchiveScopeText})
	}
	if in.Case.Settings.Demo {
		info.Fields = append(info.Fields, [2]string{"Internal-Sender-Description", "演示数据（数字均为虚构），不得报送"})
	}
	if err := ctx.Err(); err != nil {
		return res, canceled(err)
	}
	say("生成清单", 3, steps)
	if err := bagit.WriteBeside(tmp, []string{MarkerName}, info,
		append(tagFiles, bagit.TagFile{Name: ReadmeName, Data: Readme(in.Case, fp, keyID, sm2fp, in.Date, scope)})...); err != nil {
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, canceled(err)
	}
	say("签名", 4, steps)
	sig, err := signing.SignFile(in.Key, filepath.Join(tmp, bagit.TagManifest), trustedComment(in.Case, in.Date))
	if err != nil {
		return res, err
	}
	if err := os.WriteFile(filepath.Join(tmp, bagit.SignatureFile), sig, 0o644); err != nil {
		return res, fmt.Errorf("无法写入签名文件：%v", err)
	}
	tm, err := os.ReadFile(filepath.Join(tmp, bagit.TagManifest))
	if err != nil {
		return res, err
	}
	sm2s, err := sm2sig.Sign(sm2Key, tm)
	if err != nil {
		return res, err
	}
	if err := os.WriteFile(filepath.Join(tmp, bagit.SM2SignatureFile), sm2s, 0o644); err != nil {
		return res, fmt.Errorf("无法写入国密签名文件：%v", err)
	}
	say("生成封面清单", 5, steps)
	cd, err := CoverDataFromBag(tmp)
	if err != nil {
		return res, err
	}
	cover, err := CoverPDF(cd)
	if err != nil {
		return res, fmt.Errorf("生成封面清单失败：%v", err)
	}
	if err := os.WriteFile(filepath.Join(tmp, CoverName), cover, 0o644); err != nil {
		return res, fmt.Errorf("无法写入封面清单：%v", err)
	}
	if err := ctx.Err(); err != nil {
		return res, canceled(err)
	}
	// Check what was written before it replaces anything.
	if rep := selfCheck(tmp); !rep.OK() {
		return res, fmt.Errorf("新写出的报送包未通过自检，未替换原有报送包：\n%s", rep.Text())
	}

	if err := safefile.SyncTree(tmp); err != nil {
		return res, err
	}
	if in.ISO != "" {
		say("生成光盘映像", 6, steps)
		isoTmp, err = writeISO(ctx, tmp, in, func(done, total int64) {
			say("生成光盘映像", int(done>>20), int(total>>20))
		})
		if err != nil {
			return res, err
		}
	}
	if err := ctx.Err(); err != nil {
		return res, canceled(err)
	}
	say("替换报送包", 7, steps)
	if err := ctx.Err(); err != nil {
		return res, canceled(err)
	}
	if err := swapIn(tmp, out, isoTmp, iso); err != nil {
		return res, err
	}
	res = Result{Out: out, Cover: filepath.Join(out, CoverName), Fingerprint: fp, KeyID: keyID, SM2Fingerprint: sm2fp, TagManifest: cd.TagManifestSum, Repaired: repaired}
	if iso != "" {
		res.ISO = iso
		if st, err := os.Stat(iso); err == nil {
			res.ISOBytes = st.Size()
		}
	}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				res.Files++
				res.Bytes += fi.Size()
			}
		}
		return nil
	})
	say("完成", steps, steps)
	return res, nil
}

func canceled(err error) error {
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("导出已取消，原有报送包（如有）未改动：%w", err)
	}
	return fmt.Errorf("导出中断，原有报送包（如有）未改动：%w", err)
}

// writeISO builds the disc image of dir into a temporary file beside in.ISO and
// returns its path.
func writeISO(ctx context.Context, dir string, in ExportInput, progress func(done, total int64)) (string, error) {
	iso, err := filepath.Abs(in.ISO)
	if err != nil {
		return "", err
	}
	if st, err := os.Stat(iso); err == nil && st.IsDir() {
		return "", fmt.Errorf("光盘映像路径 %s 是一个文件夹，请给出 .iso 文件名", iso)
	}
	primary, joliet := VolumeLabels(in.Case)
	opt := discimage.Options{VolumeID: primary, JolietVolumeID: joliet, ModTime: forms.Day(in.Date), MaxBytes: in.MaxISOBytes, Exclude: []string{MarkerName}}
	if _, err := discimage.Size(dir, opt); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(iso), 0o755); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(filepath.Dir(iso), filepath.Base(iso)+".tmp-")
	if err != nil {
		return "", fmt.Errorf("无法创建光盘映像文件：%v", err)
	}
	name := f.Name()
	err = discimage.WriteContext(ctx, f, dir, opt, progress)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return "", canceled(err)
		}
		return "", fmt.Errorf("生成光盘映像失败：%w", err)
	}
	return name, nil
}

// selfCheck verifies the new package in its marked temporary folder: the marker is
// the one problem expected there.
func selfCheck(tmp string) Report {
	rep := verifyFolder(tmp, Keys{})
	kept := rep.Problems[:0]
	for _, p := range rep.Problems {
		if p.File != MarkerName {
			kept = append(kept, p)
		}
	}
	rep.Problems = kept
	return rep
}
