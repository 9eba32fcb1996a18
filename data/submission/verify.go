package submission

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"tuijian/data/bagit"
	"tuijian/data/discimage"
	"tuijian/data/divisions"
	"tuijian/data/documents"
	"tuijian/data/signing"
	"tuijian/data/sm2sig"
	"tuijian/forms"
	"tuijian/forms/grading"
	"tuijian/forms/value"
)

// Checks named in a Problem.
const (
	CheckBag         = "完整性与校验值"
	CheckSignature   = "签名"
	CheckSM2         = "国密签名"
	CheckPublicKey   = "公钥"
	CheckData        = "报送数据"
	CheckTable       = "推荐表一致性"
	CheckOneCity     = "每项措施推荐一个市（州）"
	CheckCover       = "封面清单"
	CheckImage       = "光盘映像"
	CheckPackageRead = "读取"
)

// Problem is one failed check: the file (relative to the package, slash-separated;
// empty for the package as a whole), the check and what is wrong, in Chinese.
type Problem struct {
	File  string `json:"file"`
	Check string `json:"check"`
	What  string `json:"what"`
}

func (p Problem) String() string {
	f := p.File
	if f == "" {
		f = "（整个报送包）"
	}
	return fmt.Sprintf("%s【%s】%s", f, p.Check, p.What)
}

// Report is the outcome of Verify.
type Report struct {
	Path        string    `json:"path"`
	Problems    []Problem `json:"problems"`
	Files       int       `json:"files"`       // files in the package
	Fingerprint string    `json:"fingerprint"` // of the key that signed (when the signature holds)
	// SM2Fingerprint is the 国密 co-signature key's, when that signature holds.
	SM2Fingerprint string `json:"sm2_fingerprint"`
	// SM2Certificate describes the CA's certificate of the SM2 key, when the package
	// carries one.
	SM2Certificate string   `json:"sm2_certificate,omitempty"`
	KeyID          string   `json:"key_id"`       //
	Department     string   `json:"department"`   // from submission.json
	Year           int      `json:"year"`         //
	Choices        []Choice `json:"choices"`      // from submission.json
	TagManifest    string   `json:"tag_manifest"` // its SHA-256
	// Notes are remarks beside the verdict, e.g. leftovers of an interrupted export
	// next to the folder.
	Notes []string `json:"notes,omitempty"`
	// Submission is the parsed submission.json (nil when it could not be read), for
	// the ministry's intake to tabulate.
	Submission *Submission `json:"-"`
}

// OK reports whether every check passed.
func (r Report) OK() bool { return len(r.Problems) == 0 }

// Text lists the problems, one a line.
func (r Report) Text() string {
	var b strings.Builder
	for _, p := range r.Problems {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// Verify checks the package at path, a folder or an .iso disc image: the bag's
// completeness, every checksum and Payload-Oxum (data/bagit), the signature of the
// tag manifest with the package's tuijian.pub or, when pubkey is given (a .pub file
// or the bare base64 key), with that key — a package key that differs from it is
// reported —, submission.json (schema), its consistency with every 推荐表 workbook
// (figures, approval row, 主导产业 sub-table), at most one city per measure, each
// recommended city the province's own unit of the right level and not excluded by its
// negative-event register (every event graded again as of the export day), its
// statistical and telecom figures verified, the consents given, and the cover sheet.
func Verify(p string, pubkey []byte) Report { return VerifyKeys(p, Keys{Minisign: pubkey}) }

// Keys are the keys a package is expected to be signed with (from the data file, or
// the ministry's register); nil takes the package's own.
type Keys struct {
	Minisign []byte // a minisign .pub file or the bare base64 key
	SM2      []byte // PEM
	// CA, when given, is the province CA's certificate (PEM): a certificate in the
	// package must chain to it.
	CA []byte
	// Campaign, when given, is the definition the package is checked against (the
	// ministry's own copy, --campaign FILE); nil: the definition the package carries
	// (data/campaign.json, covered by the signature), or for a package of version 2
	// the built-in definition of its year.
	Campaign *forms.Campaign
}

// VerifyKeys is Verify with both expected keys: the minisign signature and the 国密
// co-signature (SM2 with SM3 over the same tag manifest, data/sm2sig) are checked
// each, and a problem says which failed.
func VerifyKeys(p string, keys Keys) Report {
	st, err := os.Stat(p)
	if err != nil {
		return Report{Path: p, Problems: []Problem{{"", CheckPackageRead, fmt.Sprintf("找不到 %s：%v", p, err)}}}
	}
	if st.IsDir() {
		rep := verifyFolder(p, keys)
		for _, l := range Leftovers(p, p+".iso") {
			if l != p {
				rep.Notes = append(rep.Notes, fmt.Sprintf("旁边的 %s 是上次中断的导出留下的临时文件（夹），不是报送包，请勿刻录；下次导出时会自动清理", filepath.Base(l)))
			}
		}
		return rep
	}
	return verifyImage(p, st.Size(), keys)
}

func verifyImage(p string, size int64, keys Keys) Report {
	name := filepath.Base(p)
	fail := func(what string) Report {
		return Report{Path: p, Problems: []Problem{{name, CheckImage, what}}}
	}
	f, err := os.Open(p)
	if err != nil {
		return fail(fmt.Sprintf("无法打开：%v", err))
	}
	defer f.Close()
	if size%discimage.SectorSize != 0 {
		return fail(fmt.Sprintf("大小 %d 字节不是 2048 字节扇区的整数倍：映像不完整或已损坏", size))
	}
	img, err := discimage.Open(f, size)
	if err != nil {
		return fail(err.Error())
	}
	dir, err := os.MkdirTemp("", "tuijian-verify-")
	if err != nil {
		return fail(fmt.Sprintf("无法创建临时文件夹：%v", err))
	}
	defer os.RemoveAll(dir)
	for _, file := range img.Files() {
		r, err := img.Open(file.Path)
		if err != nil {
			return fail(err.Error())
		}
		dst := filepath.Join(dir, filepath.FromSlash(file.Path))
		if !strings.HasPrefix(dst, dir+string(filepath.Separator)) {
			return fail(fmt.Sprintf("映像中的路径“%s”不规范", file.Path))
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return fail(err.Error())
		}
		out, err := os.Create(dst)
		if err != nil {
			return fail(err.Error())
		}
		_, err = io.Copy(out, r)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fail(fmt.Sprintf("读取映像中的 %s 失败：%v", file.Path, err))
		}
	}
	rep := verifyFolder(dir, keys)
	rep.Path = p
	return rep
}

// verifyFolder runs every check on a package folder.
func verifyFolder(dir string, keys Keys) Report {
	pubkey := keys.Minisign
	rep := Report{Path: dir}
	add := func(file, check, format string, a ...any) {
		rep.Problems = append(rep.Problems, Problem{file, check, fmt.Sprintf(format, a...)})
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rep.Files++
		}
		return nil
	})
	// 1. BagIt: completeness, checksums, Payload-Oxum, unlisted files. The cover
	// sheet is the one top-level file the tag manifest cannot list.
	if _, err := os.Stat(filepath.Join(dir, MarkerName)); err == nil {
		add(MarkerName, CheckBag, "此文件夹是导出过程中的临时文件夹或被替换下来的旧报送包（有“%s”标记），不是报送包，请勿刻录或报送", MarkerName)
	}
	for _, pr := range bagit.Verify(dir) {
		if (pr.Path == CoverName || pr.Path == MarkerName) && strings.Contains(pr.What, "标签清单中没有这个文件") {
			continue
		}
		add(pr.Path, CheckBag, "%s", pr.What)
	}
	if _, err := os.Stat(filepath.Join(dir, CoverName)); errors.Is(err, fs.ErrNotExist) {
		add(CoverName, CheckCover, "缺少封面清单")
	}

	// 2. Signature.
	tm, tmErr := os.ReadFile(filepath.Join(dir, bagit.TagManifest))
	sig, sigErr := os.ReadFile(filepath.Join(dir, bagit.SignatureFile))
	if sigErr != nil {
		add(bagit.SignatureFile, CheckSignature, "缺少签名文件，无法确认报送包来自推荐单位")
	}
	var included *signing.PublicKey
	sigCommentChanged, edFailed := false, false
	if b, err := os.ReadFile(filepath.Join(dir, PublicKeyName)); err != nil {
		if pubkey == nil {
			add(PublicKeyName, CheckPublicKey, "缺少公钥文件，无法验证签名")
		}
	} else if k, err := signing.ParsePublicKey(b); err != nil {
		add(PublicKeyName, CheckPublicKey, "%s", err.Error())
	} else {
		included = &k
	}
	key := included
	if pubkey != nil {
		k, err := signing.ParsePublicKey(pubkey)
		if err != nil {
			add("", CheckPublicKey, "给定的公钥无法读取：%s", err.Error())
			key = nil
		} else {
			key = &k
			if included != nil && !included.Equal(k) {
				add(PublicKeyName, CheckPublicKey, "包内公钥（指纹 %s）与给定的公钥（指纹 %s）不同：公钥被替换过，或这不是该推荐单位的报送包",
					signing.Fingerprint(*included), signing.Fingerprint(k))
			}
		}
	}
	if key != nil && tmErr == nil && sigErr == nil {
		if err := signing.VerifyKey(*key, tm, sig); err != nil {
			add(bagit.SignatureFile, CheckSignature, "%s", err.Error())
			edFailed = true
		} else {
			rep.Fingerprint, rep.KeyID = signing.Fingerprint(*key), signing.KeyID(*key)
			// The first line is not covered by the signature, but by the cover sheet's
			// digest of the file: name the file when only that line was changed.
			if got, want := signing.UntrustedComment(sig), signing.SignatureComment(*key); got != want {
				add(bagit.SignatureFile, CheckSignature, "签名文件的第一行（untrusted comment，不受签名保护）被改动过：现为“%s”，导出时为“%s”。签名本身仍成立，但该文件已不是导出时的原样，封面清单所列的校验值因此不符：请使用原盘或重新导出", got, want)
				sigCommentChanged = true
			}
		}
	}
	if tmErr == nil {
		rep.TagManifest = sha256Hex(tm)
	}
	if sm2Failed := verifySM2(dir, tm, tmErr == nil, keys, &rep, add); sm2Failed && edFailed {
		// Two independent signatures failing together point at what they both sign.
		add(bagit.TagManifest, CheckSignature, "两个签名（minisign 和国密）都与标签清单不符：标签清单在签名后被改动过")
	}

	// 3. submission.json and the workbooks.
	js, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(JSONName)))
	if err != nil {
		add(JSONName, CheckData, "缺少机读报送数据 submission.json")
	} else if sub, err := Parse(js); err != nil {
		add(JSONName, CheckData, "%s", err.Error())
	} else {
		rep.Department, rep.Year, rep.Choices, rep.Submission = sub.Department, sub.Campaign.Year, sub.Choices, sub
		if info, err := readInfo(dir); err == nil {
			if v := infoValue(info, "Source-Organization"); v != sub.Department {
				add(bagit.InfoFile, CheckData, "推荐单位（Source-Organization）为“%s”，submission.json 中为“%s”：两者不一致", v, sub.Department)
			}
			if v := infoValue(info, "Bagging-Date"); v != sub.Date {
				add(bagit.InfoFile, CheckData, "打包日期（Bagging-Date）为 %s，submission.json 中的导出日期为 %s：两者不一致", v, sub.Date)
			}
		}
		checkSubmission(dir, sub, keys.Campaign, add)
	}

	// 4. Cover sheet, regenerated from the bag.
	if b, err := os.ReadFile(filepath.Join(dir, CoverName)); err == nil {
		if cd, err := CoverDataFromBag(dir); err != nil {
			add(CoverName, CheckCover, "无法核对封面清单：%s", err.Error())
		} else if want, err := CoverPDF(cd); err != nil {
			add(CoverName, CheckCover, "无法核对封面清单：%s", err.Error())
		} else if !bytes.Equal(b, want) && sigCommentChanged {
			add(CoverName, CheckCover, "封面清单与包内文件不符，因为签名文件 %s 的第一行被改动过（见上）", bagit.SignatureFile)
		} else if !bytes.Equal(b, want) {
			add(CoverName, CheckCover, "封面清单与包内清单不符：它在打包后被改动或替换过，请重新导出")
		}
	}
	slices.SortStableFunc(rep.Problems, func(a, b Problem) int { return strings.Compare(a.File, b.File) })
	return rep
}

// verifySM2 checks the 国密 co-signature of the tag manifest with the package's SM2
// key or, when expected is given, with that one (a different package key is reported);
// failed is true when the signature was checked and does not hold.
func verifySM2(dir string, tm []byte, haveTM bool, keys Keys, rep *Report, add func(file, check, format string, a ...any)) (failed bool) {
	expected := keys.SM2
	var key *sm2sig.PublicKey
	defer func() {
		if key != nil {
			verifyCertificate(dir, *key, keys.CA, rep, add)
		}
	}()
	if b, err := os.ReadFile(filepath.Join(dir, SM2PublicKeyName)); err != nil {
		if expected == nil {
			add(SM2PublicKeyName, CheckSM2, "缺少国密签名公钥，无法验证国密签名（SM2）")
		}
	} else if k, err := sm2sig.ParsePublicPEM(b); err != nil {
		add(SM2PublicKeyName, CheckSM2, "%s", err.Error())
	} else {
		key = &k
	}
	if expected != nil {
		k, err := sm2sig.ParsePublicPEM(expected)
		if err != nil {
			add("", CheckSM2, "给定的国密公钥无法读取：%s", err.Error())
			return false
		}
		if key != nil && !key.Equal(k) {
			add(SM2PublicKeyName, CheckSM2, "包内国密公钥（指纹 %s）与给定的国密公钥（指纹 %s）不同：公钥被替换过，或这不是该推荐单位的报送包",
				sm2sig.Fingerprint(*key), sm2sig.Fingerprint(k))
		}
		key = &k
	}
	sig, err := os.ReadFile(filepath.Join(dir, bagit.SM2SignatureFile))
	if err != nil {
		add(bagit.SM2SignatureFile, CheckSM2, "缺少国密签名文件，无法用国密算法确认报送包来自推荐单位")
		return false
	}
	if key == nil || !haveTM {
		return false
	}
	if err := sm2sig.Verify(*key, tm, sig); err != nil {
		add(bagit.SM2SignatureFile, CheckSM2, "%s", err.Error())
		return true
	}
	rep.SM2Fingerprint = sm2sig.Fingerprint(*key)
	return false
}

// verifyCertificate checks the CA's certificate the package carries: it must be for
// the package's SM2 key, valid on the package date and, when ca is given, issued by it.
func verifyCertificate(dir string, key sm2sig.PublicKey, ca []byte, rep *Report, add func(file, check, format string, a ...any)) {
	b, err := os.ReadFile(filepath.Join(dir, SM2CertName))
	if err != nil {
		if ca != nil {
			add(SM2CertName, CheckSM2, "报送包中没有 CA 签发的国密证书，无法按给定的 CA 核验")
		}
		return
	}
	cert, err := sm2sig.ParseCertificatePEM(b)
	if err != nil {
		add(SM2CertName, CheckSM2, "%s", err.Error())
		return
	}
	rep.SM2Certificate = cert.Describe()
	if !cert.Certifies(key) {
		add(SM2CertName, CheckSM2, "证书不是为包内的国密公钥签发的")
	}
	day := time.Now()
	if info, err := readInfo(dir); err == nil {
		if d, err := time.Parse(time.DateOnly, infoValue(info, "Bagging-Date")); err == nil {
			day = d
		}
	}
	if !cert.ValidAt(day) {
		add(SM2CertName, CheckSM2, "证书在打包日期 %s 不在有效期内：%s", day.Format("2006-01-02"), cert.Describe())
	}
	if ca != nil {
		if err := cert.VerifyChain(ca, day); err != nil {
			add(SM2CertName, CheckSM2, "%s", err.Error())
		}
	}
}

// checkSubmission checks one city per measure and each 推荐表 against submission.json.
func checkSubmission(dir string, sub *Submission, override *forms.Campaign, add func(file, check, format string, a ...any)) {
	camp, err := PackageCampaign(dir, sub, override)
	if err != nil {
		add(CampaignName, CheckData, "%s", err.Error())
		return
	}
	excluding := regradeEvents(camp, sub, add)
	prov, provOK := divisions.Province(sub.Province.Code)
	chosen := map[forms.MeasureID][]Choice{}
	for _, ch := range sub.Choices {
		m, err := camp.Measure(ch.Measure)
		if err != nil {
			add(JSONName, CheckData, "推荐了未知的措施“%s”", ch.Measure)
			continue
		}
		chosen[ch.Measure] = append(chosen[ch.Measure], ch)
		listed := false
		for _, x := range sub.Exclusions {
			if x.Unit == ch.Unit {
				listed = true
				add(JSONName, CheckData, "%s推荐的 %s 在排除名单中（%s），不能推荐", m.Short, sub.UnitName(ch.Unit), x.Reason)
			}
		}
		if !listed {
			for _, r := range excluding[ch.Unit] {
				add(JSONName, CheckData, "%s推荐的 %s 按报送包中的负面情况登记应被排除（%s），不能推荐", m.Short, sub.UnitName(ch.Unit), r)
			}
		}
		// The unit must be the province's own, of the level 办法 第五条 names.
		if provOK {
			if u, ok := divisions.Unit(ch.Unit); !ok {
				add(JSONName, CheckData, "%s推荐的代码 %s 不是有效的市（州）代码", m.Short, ch.Unit)
			} else if err := forms.CheckUnit(prov, u); err != nil {
				add(JSONName, CheckData, "%s推荐的 %s", m.Short, err.Error())
			}
		} else {
			add(JSONName, CheckData, "推荐单位代码 %s 无效，无法核对推荐的市（州）是否属于该推荐单位", sub.Province.Code)
		}
	}
	figs := map[forms.FigureKey]Figure{}
	for _, f := range sub.Figures {
		figs[forms.FigureKey{UnitCode: f.Unit, Measure: f.Measure, Indicator: f.Indicator, Year: f.Year}] = f
	}
	checkQuotas(camp, sub, chosen, add)
	checkVerifiedAndConsents(camp, sub, chosen, figs, add)
	if sub.Scope == ScopeMinistry {
		if _, err := os.Stat(filepath.Join(dir, bagit.PayloadDir, documents.ReportPDF)); err == nil {
			add(bagit.PayloadDir+"/"+documents.ReportPDF, CheckData, "报送部里的包不应含比选报告（省内审定材料），请重新导出")
		}
	}
	// Every 推荐表 workbook under data/.
	var tables []string
	filepath.WalkDir(filepath.Join(dir, bagit.PayloadDir), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(strings.ToLower(d.Name()), ".xlsx") && strings.Contains(d.Name(), "推荐表") {
			rel, _ := filepath.Rel(dir, p)
			tables = append(tables, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(tables)
	seen := map[forms.ChoiceKey]string{}
	for _, rel := range tables {
		m, unit := checkTable(dir, rel, camp, sub, chosen, figs, add)
		if m == nil || unit == "" {
			continue
		}
		k := forms.ChoiceKey{Measure: m.ID, UnitCode: unit}
		if prev, ok := seen[k]; ok {
			add(rel, CheckOneCity, "%s有两份%s的推荐表（另一份为 %s）", m.Short, sub.UnitName(unit), prev)
		}
		seen[k] = rel
	}
	for _, m := range camp.Measures {
		for _, ch := range chosen[m.ID] {
			if _, ok := seen[forms.ChoiceKey{Measure: m.ID, UnitCode: ch.Unit}]; !ok {
				add("", CheckTable, "%s推荐了 %s，但报送包中没有它的推荐表", m.Short, sub.UnitName(ch.Unit))
			}
		}
	}
}

// checkQuotas checks the units chosen for each measure against the definition's quota
// (通知 二): levels, the province's quota, each 计划单列市's own.
func checkQuotas(camp *forms.Campaign, sub *Submission, chosen map[forms.MeasureID][]Choice, add func(file, check, format string, a ...any)) {
	prov, ok := divisions.Province(sub.Province.Code)
	if !ok {
		return
	}
	c := &forms.Case{Campaign: camp, Province: prov, Units: divisions.UnitsFor(prov.Code, camp)}
	for i := range camp.Measures {
		m := &camp.Measures[i]
		var codes []string
		for _, ch := range chosen[m.ID] {
			if _, known := c.Unit(ch.Unit); known {
				codes = append(codes, ch.Unit)
			}
		}
		if err := c.CheckQuota(m, codes); err != nil {
			add(JSONName, CheckOneCity, "%s", err.Error())
		}
	}
}

// checkVerifiedAndConsents re-checks, for each recommended city, the rules the
// pre-flight enforces: every figure of the statistical system, and every named row of
// the 主导产业 sub-table, verified by the statistics bureau and every telecom figure by
// the 通信管理局 (通知 item 四), the provincial
// government's consent (通知 item 五) and, where the measure needs it, the 通信管理局's
// (办法 第四条).
func checkVerifiedAndConsents(camp *forms.Campaign, sub *Submission, chosen map[forms.MeasureID][]Choice,
	figs map[forms.FigureKey]Figure, add func(file, check, format string, a ...any)) {
	for i := range camp.Measures {
		m := &camp.Measures[i]
		for _, ch := range chosen[m.ID] {
			checkChoiceRules(camp, m, sub, ch, figs, add)
		}
	}
	if sub.Scope == ScopeMinistry {
		checkMinistryScope(sub, chosen, add)
	}
}

func checkChoiceRules(camp *forms.Campaign, m *forms.Measure, sub *Submission, ch Choice, figs map[forms.FigureKey]Figure, add func(file, check, format string, a ...any)) {
	{
		for _, in := range m.Indicators {
			// 通知 四: the statistics bureau verifies the statistical figures; the
			// 通信管理局's confirmation of the telecom ones is a warning of the pre-flight.
			if !in.Statistical() || !camp.StatisticsVerification {
				continue
			}
			for _, y := range camp.IndicatorYears() {
				f, ok := figs[forms.FigureKey{UnitCode: ch.Unit, Measure: m.ID, Indicator: in.ID, Year: y}]
				if ok && !f.Missing && f.State != string(forms.Verified) {
					add(JSONName, CheckData, "%s：%s %d年“%s”未经%s审核（状态：%s），不能报送", m.Short, sub.UnitName(ch.Unit), y, in.Label, in.Verifier, f.State)
				}
			}
		}
		if len(m.LeadingIndustries) > 0 && camp.StatisticsVerification {
			for _, li := range sub.Industries {
				if li.Unit == ch.Unit && li.Name != "" && !li.NotStatistical && li.State != string(forms.Verified) {
					add(JSONName, CheckData, "%s：%s 制造业主导产业第 %d 行“%s”未经统计局审核（状态：%s），不能报送", m.Short, sub.UnitName(ch.Unit), li.Row, li.Name, stateOrNone(li.State))
				}
			}
		}
		var a Approval
		for _, x := range sub.Approvals {
			if x.Measure == m.ID {
				a = x
			}
		}
		if !m.GovernmentConsent {
		} else if a.Government != string(forms.ConsentYes) {
			add(JSONName, CheckData, "%s：未经省级人民政府（新疆生产建设兵团）同意（通知第五条），submission.json 中为“%s”", m.Short, a.Government)
		} else if !slices.Contains(forms.UnitSet(a.GovUnit), ch.Unit) {
			add(JSONName, CheckData, "%s：省政府同意的是%s，推荐的却是%s（通知第五条）", m.Short, sub.unitNames(a.GovUnit), sub.UnitName(ch.Unit))
		}
		if m.TelecomConcurrence && a.Telecom != string(forms.ConsentYes) {
			add(JSONName, CheckData, "%s：未经通信管理局会同推荐（办法第四条），submission.json 中为“%s”", m.Short, a.Telecom)
		} else if m.TelecomConcurrence && !slices.Contains(forms.UnitSet(a.TelecomUnit), ch.Unit) {
			add(JSONName, CheckData, "%s：通信管理局会同的是%s，推荐的却是%s（办法第四条）", m.Short, sub.unitNames(a.TelecomUnit), sub.UnitName(ch.Unit))
		}
		screened := false
		for _, x := range sub.Screenings {
			screened = screened || x.Unit == ch.Unit
		}
		if !screened {
			add(JSONName, CheckData, "%s：没有对%s近三年负面情况的核查记录，推荐材料不得写“经核查…未发生…”（办法%s（六））", m.Short, sub.UnitName(ch.Unit), m.Article)
		}
	}
}

// checkMinistryScope: the ministry's package carries the recommended cities only (通知
// 五 “精简报送材料”); the other candidates' data and the 比选报告 stay in the archive.
func checkMinistryScope(sub *Submission, chosen map[forms.MeasureID][]Choice, add func(file, check, format string, a ...any)) {
	units := map[string]bool{}
	isChosen := map[forms.ChoiceKey]bool{}
	for m, chs := range chosen {
		for _, ch := range chs {
			units[ch.Unit] = true
			isChosen[forms.ChoiceKey{Measure: m, UnitCode: ch.Unit}] = true
		}
	}
	other := map[string]bool{}
	for _, f := range sub.Figures {
		if !isChosen[forms.ChoiceKey{Measure: f.Measure, UnitCode: f.Unit}] {
			other[f.Unit] = true
		}
	}
	for _, m := range sub.Measures {
		for _, code := range m.Candidates {
			if !isChosen[forms.ChoiceKey{Measure: m.ID, UnitCode: code}] {
				other[code] = true
			}
		}
	}
	for _, e := range sub.Events {
		if !units[e.Unit] {
			other[e.Unit] = true
		}
	}
	for _, ch := range sub.Choices {
		if len(ch.Decision) > 0 && string(ch.Decision) != "null" {
			add(JSONName, CheckData, "报送部里的包含有比选决策记录（其他候选市（州）的得分），应只留在省内存档包中")
			break
		}
	}
	for _, code := range slices.Sorted(maps.Keys(other)) {
		add(JSONName, CheckData, "报送部里的包含有未推荐的%s的数据，应只留在省内存档包中", sub.UnitName(code))
	}
}

// stateOrNone shows a verification state, “无” when the package records none (a package
// written before the 主导产业 rows carried one).
func stateOrNone(s string) string {
	if s == "" {
		return "无"
	}
	return s
}

// regradeEvents grades every event of the register again from its figures as of the
// export day (forms.EvaluateEvent), reports a finding that differs from the one in the
// package, and returns the reasons of the excluding events per unit code.
func regradeEvents(camp *forms.Campaign, sub *Submission, add func(file, check, format string, a ...any)) map[string][]string {
	out := map[string][]string{}
	day, err := time.Parse(time.DateOnly, sub.Date)
	if err != nil {
		return out // Parse reports the date
	}
	for _, se := range sub.Events {
		e, err := eventOf(se)
		if err != nil {
			add(JSONName, CheckData, "事件#%d“%s”无法核对：%v", se.ID, se.Title, err)
			continue
		}
		f := forms.EvaluateEvent(camp, e, day)
		got := Finding{Grade: gradeText(f.Grade), InWindow: f.InWindow, Excludes: f.Excludes}
		if got != (Finding{Grade: se.Finding.Grade, InWindow: se.Finding.InWindow, Excludes: se.Finding.Excludes}) {
			add(JSONName, CheckData, "事件#%d“%s”（%s）的认定与按其数据重新定级的结果不一致：报送包中为%s，重新定级为%s",
				se.ID, se.Title, sub.UnitName(se.Unit), findingText(se.Finding), findingText(got))
		}
		if f.Excludes {
			out[e.UnitCode] = append(out[e.UnitCode], f.Reason)
		}
	}
	return out
}

func findingText(f Finding) string {
	s := f.Grade
	if s == "" {
		s = "无等级"
	}
	if !f.InWindow {
		s += "、不在近三年范围内"
	}
	if f.Excludes {
		s += "、应排除"
	} else {
		s += "、不排除"
	}
	return s
}

// eventOf reads an event of submission.json back into the register's form.
func eventOf(se Event) (forms.Event, error) {
	k, ok := forms.ParseEventKind(se.Kind)
	if !ok {
		return forms.Event{}, fmt.Errorf("事件类型“%s”无效", se.Kind)
	}
	d, err := time.Parse(time.DateOnly, se.Date)
	if err != nil {
		return forms.Event{}, fmt.Errorf("发生日期“%s”无效", se.Date)
	}
	e := forms.Event{ID: se.ID, UnitCode: se.Unit, Kind: k, Date: d, Title: se.Title, Severe: se.Severe, Basis: se.Basis}
	if e.Official, err = grading.ParseGrade(se.Official); err != nil {
		return e, err
	}
	switch k {
	case forms.EventSafety:
		if se.Safety == nil {
			return e, fmt.Errorf("缺少伤亡和损失数据")
		}
		e.Safety = grading.Safety{Deaths: se.Safety.Deaths, SeriousInjuries: se.Safety.SeriousInjuries, LossYuan: se.Safety.LossYuan}
	case forms.EventEnvironment:
		v := se.Environment
		if v == nil {
			return e, fmt.Errorf("缺少伤亡、疏散和损失数据")
		}
		e.Environment = grading.Environment{Deaths: v.Deaths, Poisoned: v.Poisoned, Evacuated: v.Evacuated, LossYuan: v.LossYuan}
		var errs [4]error
		e.Environment.WaterSource, errs[0] = grading.ParseWaterSource(v.WaterSource)
		e.Environment.Ecology, errs[1] = grading.ParseEcology(v.Ecology)
		e.Environment.Radiation, errs[2] = grading.ParseRadiation(v.Radiation)
		e.Environment.Impact, errs[3] = grading.ParseImpact(v.Impact)
		for _, err := range errs {
			if err != nil {
				return e, err
			}
		}
	}
	return e, nil
}

// checkTable compares one 推荐表 workbook with submission.json and returns its
// measure and city (nil when it cannot be read).
func checkTable(dir, rel string, camp *forms.Campaign, sub *Submission, chosen map[forms.MeasureID][]Choice,
	figs map[forms.FigureKey]Figure, add func(file, check, format string, a ...any)) (*forms.Measure, string) {
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		add(rel, CheckTable, "无法读取：%v", err)
		return nil, ""
	}
	xf, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		add(rel, CheckTable, "不是有效的 Excel 工作簿：%v", err)
		return nil, ""
	}
	defer xf.Close()
	const sheet = documents.TableSheet
	rows, err := xf.GetRows(sheet)
	if err != nil {
		add(rel, CheckTable, "没有名为“%s”的工作表", sheet)
		return nil, ""
	}
	cell := func(r, c int) string {
		if r < len(rows) && c < len(rows[r]) {
			return strings.TrimSpace(rows[r][c])
		}
		return ""
	}
	// The measure: the one whose indicator labels fill column A.
	var m *forms.Measure
	best := 0
	for i := range camp.Measures {
		n := 0
		for _, in := range camp.Measures[i].Indicators {
			for r := range rows {
				if cell(r, 0) == in.Label {
					n++
					break
				}
			}
		}
		if n > best {
			best, m = n, &camp.Measures[i]
		}
	}
	if m == nil {
		add(rel, CheckTable, "工作表“%s”的 A 列没有任何指标名称，无法识别是哪项措施的推荐表", sheet)
		return nil, ""
	}
	first := len(rows)
	rowOf := map[string]int{}
	for r := range rows {
		for _, in := range m.Indicators {
			if cell(r, 0) == in.Label {
				if _, dup := rowOf[in.ID]; !dup {
					rowOf[in.ID] = r
				}
				first = min(first, r)
			}
		}
	}
	// The city named in the header rows.
	names := map[string]string{} // name → code
	for _, u := range sub.Units {
		if u.Name != "" {
			names[u.Name] = u.Code
		}
	}
	var cities []string
	for r := 0; r < first; r++ {
		for c := 0; c < len(rows[r]); c++ {
			t := cell(r, c)
			if strings.Contains(t, "市（州）名称") || strings.Contains(t, "市(州)名称") {
				if _, v, ok := strings.Cut(strings.ReplaceAll(t, ":", "："), "："); ok && strings.TrimSpace(v) != "" {
					cities = append(cities, strings.TrimSpace(v))
				} else {
					for c2 := c + 1; c2 < len(rows[r]); c2++ {
						if v := cell(r, c2); v != "" {
							cities = append(cities, v)
							break
						}
					}
				}
			} else if _, ok := names[t]; ok {
				cities = append(cities, t)
			}
		}
	}
	slices.Sort(cities)
	cities = slices.Compact(cities)
	city := ""
	switch {
	case len(cities) == 0:
		add(rel, CheckTable, "表头中找不到“市（州）名称”")
	case len(cities) > 1:
		add(rel, CheckOneCity, "表头中出现多个市（州）：%s；一份推荐表只能是一个推荐单位的", strings.Join(cities, "、"))
	default:
		city = cities[0]
	}
	chs := chosen[m.ID]
	if len(chs) == 0 {
		add(rel, CheckTable, "submission.json 中%s没有推荐的单位，而报送包中有该措施的推荐表", m.Short)
		return m, ""
	}
	ch := chs[0]
	found := false
	for _, x := range chs {
		if city == sub.UnitName(x.Unit) || city == x.UnitName {
			ch, found = x, true
		}
	}
	if !found {
		var want []string
		for _, x := range chs {
			want = append(want, sub.UnitName(x.Unit))
		}
		if city != "" {
			add(rel, CheckTable, "推荐表中的市（州）为“%s”，submission.json 中%s推荐的是“%s”", city, m.Short, strings.Join(want, "、"))
		}
		return m, ""
	}
	years := camp.IndicatorYears()
	for _, in := range m.Indicators {
		r, ok := rowOf[in.ID]
		if !ok {
			add(rel, CheckTable, "缺少指标行“%s”", in.Label)
			continue
		}
		for j, y := range years {
			col := string(rune('B' + j))
			got := cell(r, 1+j)
			if got == documents.MissingValue {
				got = ""
			}
			f, have := figs[forms.FigureKey{UnitCode: ch.Unit, Measure: m.ID, Indicator: in.ID, Year: y}]
			if !have {
				if got != "" {
					add(rel, CheckTable, "%s%d 单元格（%s %d年）为“%s”，submission.json 中没有这个数", col, r+1, in.Label, y, got)
				}
				continue
			}
			if !sameValue(got, f.Value, in.Kind) {
				add(rel, CheckTable, "%s%d 单元格（%s %d年）为“%s”，submission.json 中为“%s”：两者不一致", col, r+1, in.Label, y, got, f.Value)
			}
		}
	}
	checkApprovalRow(rel, m, sub, rows[:first], add)
	if len(m.LeadingIndustries) > 0 {
		checkIndustryRows(rel, m, sub, ch.Unit, rows, first, add)
	}
	return m, ch.Unit
}

// checkApprovalRow compares the approval row of the header (附件3/附件4: 是否报请省
// （自治区、直辖市）政府（新疆生产建设兵团）同意) with the measure's approval.
func checkApprovalRow(rel string, m *forms.Measure, sub *Submission, header [][]string, add func(file, check, format string, a ...any)) {
	gov := ""
	for _, a := range sub.Approvals {
		if a.Measure == m.ID {
			gov = a.Government
		}
	}
	want := documents.ApprovalMarks(forms.Consent(gov))
	for r, row := range header {
		if len(row) == 0 || strings.TrimSpace(row[0]) != documents.ApprovalQuestion {
			continue
		}
		got := ""
		if len(row) > 1 {
			got = strings.TrimSpace(row[1])
		}
		if got != want {
			if gov == "" {
				gov = "未填写"
			}
			add(rel, CheckTable, "B%d 单元格（%s）为“%s”，submission.json 中省级人民政府同意意见为“%s”：两者不一致", r+1, documents.ApprovalQuestion, got, gov)
		}
		return
	}
	add(rel, CheckTable, "表头中找不到“%s”一栏", documents.ApprovalQuestion)
}

// checkIndustryRows compares the 主导产业 sub-table of 附件3 (the rows after its title
// row and column-label row) with the unit's 主导产业 rows in submission.json.
func checkIndustryRows(rel string, m *forms.Measure, sub *Submission, unit string, rows [][]string, from int, add func(file, check, format string, a ...any)) {
	cell := func(r, c int) string {
		if r < len(rows) && c < len(rows[r]) {
			return strings.TrimSpace(rows[r][c])
		}
		return ""
	}
	start := -1
	for r := from; r < len(rows); r++ {
		if strings.HasPrefix(cell(r, 0), "制造业主导产业发展情况") {
			start = r + 2 // after the title and the column labels
			break
		}
	}
	if start < 0 {
		add(rel, CheckTable, "缺少“制造业主导产业发展情况”子表")
		return
	}
	var want [][]string
	for _, li := range sub.Industries {
		if li.Unit == unit {
			want = append(want, []string{li.Name, li.Share, li.Growth, li.Revenue, li.Profit})
		}
	}
	if len(want) == 0 {
		want = [][]string{{documents.MissingValue, "", "", "", ""}}
	}
	for i, w := range want {
		r := start + i
		for j, col := range m.LeadingIndustries {
			if j >= len(w) {
				break
			}
			got := cell(r, j)
			if got == documents.MissingValue && (j > 0 || w[0] == documents.MissingValue) {
				got = ""
			}
			exp := w[j]
			if j == 0 && exp == documents.MissingValue {
				exp = ""
			}
			same := got == exp
			if j > 0 {
				same = sameValue(got, exp, col.Kind)
			}
			if !same {
				add(rel, CheckTable, "%c%d 单元格（主导产业第 %d 行“%s”）为“%s”，submission.json 中为“%s”：两者不一致",
					rune('A'+j), r+1, i+1, col.Label, got, exp)
			}
		}
	}
	if r := start + len(want); cell(r, 1) != "" {
		add(rel, CheckTable, "第 %d 行有 submission.json 中没有的主导产业“%s”", r+1, cell(r, 0))
	}
}

// sameValue compares a workbook cell with a submission value of a kind.
func sameValue(cell, want string, k value.Kind) bool {
	if cell == want {
		return true
	}
	a, errA := value.Parse(cell, k)
	b, errB := value.Parse(want, k)
	if errA != nil || errB != nil {
		return false
	}
	return a.Equal(b)
}

// PackageCampaign is the definition a package is checked against: override when given;
// else the one the package carries (data/campaign.json, whose SHA-256 submission.json
// names and the signed manifest covers); a package of version 2 carries none and is
// checked against the built-in definition of its year.
func PackageCampaign(dir string, sub *Submission, override *forms.Campaign) (*forms.Campaign, error) {
	if override != nil {
		if override.Year != sub.Campaign.Year {
			return nil, fmt.Errorf("给定的督查激励定义是 %d 年度的，报送包属于 %d 年度", override.Year, sub.Campaign.Year)
		}
		return override, nil
	}
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(CampaignName)))
	if err != nil {
		// Version 2 had none; a version 3 package made under a built-in definition is
		// still checked by it (the manifest check names the missing file).
		if builtin, berr := forms.CampaignFor(sub.Campaign.Year); berr == nil &&
			(sub.Schema == schemaVersion2 || definitionSHA(builtin) == sub.Campaign.DefinitionSHA256) {
			return builtin, nil
		}
		return nil, fmt.Errorf("缺少督查激励定义 campaign.json（报送数据格式 %s 应带有它）", sub.Schema)
	}
	if sha256Hex(b) != sub.Campaign.DefinitionSHA256 {
		return nil, fmt.Errorf("campaign.json 与 submission.json 中记录的 SHA-256 不符：定义在导出后被改动过")
	}
	c, err := forms.DecodeCampaign(b)
	if err != nil {
		return nil, fmt.Errorf("campaign.json：%w", err)
	}
	if c.Year != sub.Campaign.Year || c.Notice != sub.Campaign.Notice {
		return nil, fmt.Errorf("campaign.json 是 %d 年度（%s）的定义，submission.json 为 %d 年度（%s）", c.Year, c.Notice, sub.Campaign.Year, sub.Campaign.Notice)
	}
	return c, nil
}
