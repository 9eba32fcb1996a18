package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"tuijian/data/keyring"
	"tuijian/data/pdfdoc"
	"tuijian/data/signing"
	"tuijian/data/store"
	"tuijian/data/submission"
	"tuijian/forms"
)

func init() {
	register(&verb{name: "key", summary: "签名密钥：key create [--replace] | key show | key export --out 文件.pub（口令取自 TUIJIAN_PASSPHRASE 或提示输入）", run: runKey})
	register(&verb{name: "export", summary: "导出签名报送包：[--date YYYY-MM-DD] export --out 文件夹 [--iso 光盘映像.iso] [--archive 存档包文件夹]", run: runExport})
	register(&verb{name: "verify", summary: "校验报送包（文件夹或 .iso）：verify 路径 [--pubkey 公钥.pub]（通过时退出状态 0）", run: runVerify})
}

// PassphraseEnv is the environment variable that supplies the passphrase.
const PassphraseEnv = "TUIJIAN_PASSPHRASE"

var stdin = bufio.NewReader(os.Stdin)

func readLine() (string, error) {
	s, err := stdin.ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && s != "") {
		return "", err
	}
	return strings.TrimRight(s, "\r\n"), nil
}

// passphrase reads the passphrase from TUIJIAN_PASSPHRASE or, failing that, from
// standard input with echo off on a terminal; confirm asks twice.
func (c *cli) passphrase(prompt string, confirm bool) (string, error) {
	if p := os.Getenv(PassphraseEnv); p != "" {
		return p, nil
	}
	ask := func(prompt string) (string, error) {
		fmt.Fprint(c.errOut, prompt)
		p, _, err := withoutEcho(os.Stdin, readLine)
		fmt.Fprintln(c.errOut)
		if err != nil {
			return "", usagef("无法读取口令：请在终端中输入，或设置环境变量 %s", PassphraseEnv)
		}
		return p, nil
	}
	p, err := ask(prompt)
	if err != nil {
		return "", err
	}
	if confirm {
		q, err := ask("再次输入口令：")
		if err != nil {
			return "", err
		}
		if p != q {
			return "", usagef("两次输入的口令不一致，请重新运行")
		}
	}
	return p, nil
}

type keyOut struct {
	PublicKey   string `json:"public_key"`
	KeyID       string `json:"key_id"`
	Fingerprint string `json:"fingerprint"`
	// SM2Fingerprint is the 国密 co-signature key's ("" for a key made before it, until
	// its next unlock).
	SM2Fingerprint string `json:"sm2_fingerprint,omitempty"`
	SM2PublicKey   string `json:"sm2_public_key_pem,omitempty"`
	Created        string `json:"created,omitempty"`
	File           string `json:"file,omitempty"`
}

func runKey(c *cli, args []string) error {
	if len(args) == 0 {
		return usagef("请写 key create、key show、key export --out 文件.pub、key csr --out 申请.pem 或 key certificate --in 证书.pem")
	}
	sub, args := args[0], args[1:]
	fs := c.flags("key " + sub)
	var replace *bool
	var out *string
	switch sub {
	case "create":
		replace = fs.Bool("replace", false, "更换已有密钥（已印在推荐函上的指纹将失效）")
	case "show":
	case "export":
		out = fs.String("out", "", "公钥文件（.pub）")
	case "csr":
		out = fs.String("out", "", "写入的证书申请（PKCS #10，PEM），交省级 CA 签发国密证书")
	case "certificate":
		out = fs.String("in", "", "CA 签发的国密证书（PEM）")
	default:
		return usagef("未知的 key 子命令“%s”：请写 create、show、export、csr 或 certificate", sub)
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	if sub == "create" {
		if !*replace {
			if _, err := s.SigningKey(); err == nil {
				return usagef("%v（命令行：key create --replace）", store.ErrKeyExists)
			}
		}
		pass, err := c.passphrase(fmt.Sprintf("为签名私钥设置口令（至少 %d 个字符）：", signing.MinPassphraseLen), true)
		if err != nil {
			return err
		}
		if _, err := keyring.CreateKey(context.Background(), s, pass, *replace, func(msg string) { fmt.Fprintln(c.errOut, msg) }); err != nil {
			return usageErr{err}
		}
	}
	switch sub {
	case "csr":
		if *out == "" {
			return usagef("请用 --out 指定证书申请文件，例如 --out 国密证书申请.pem")
		}
		pass, err := c.passphrase("签名私钥的口令：", false)
		if err != nil {
			return err
		}
		priv, err := keyring.UnlockStored(s, pass)
		if err != nil {
			return usageErr{err}
		}
		req, err := keyring.CertificateRequest(s, priv)
		if err != nil {
			return err
		}
		if err := os.WriteFile(*out, req, 0o644); err != nil {
			return fmt.Errorf("无法写入 %s：%v", *out, err)
		}
		fmt.Fprintf(c.out, "已写出证书申请 %s：请交省级 CA 签发 SM2 证书，再用 key certificate --in 导入\n", *out)
		return nil
	case "certificate":
		if *out == "" {
			return usagef("请用 --in 指定 CA 签发的证书（PEM）")
		}
		b, err := os.ReadFile(*out)
		if err != nil {
			return usagef("无法读取 %s：%v", *out, err)
		}
		desc, err := keyring.ImportCertificate(s, b)
		if err != nil {
			return usageErr{err}
		}
		fmt.Fprintf(c.out, "已导入国密证书：%s。此后导出的报送包都带此证书\n", desc)
		return nil
	}
	k, err := s.SigningKey()
	if err != nil {
		return usageErr{err}
	}
	pub, fp, id, err := keyring.StoredKey(s)
	if err != nil {
		return err
	}
	res := keyOut{PublicKey: signing.PublicKeyBase64(pub), KeyID: id, Fingerprint: fp, Created: k.Created.Local().Format("2006-01-02 15:04"),
		SM2PublicKey: string(k.SM2Public)}
	if res.SM2Fingerprint, err = keyring.SM2Fingerprint(s); err != nil {
		return err
	}
	if sub == "export" {
		if *out == "" {
			return usagef("请用 --out 指定公钥文件，例如 --out 山东省工信厅.pub")
		}
		if err := os.WriteFile(*out, k.Public, 0o644); err != nil {
			return fmt.Errorf("无法写入 %s：%v", *out, err)
		}
		res.File = *out
	}
	return c.emit(res, func(w io.Writer) {
		if sub == "create" {
			fmt.Fprintln(w, "已创建签名密钥（私钥已用口令加密保存在数据文件中；请牢记口令，遗失后无法找回）")
		}
		fmt.Fprintf(w, "公钥：%s\n密钥 ID：%s\n公钥指纹：%s（印在推荐函上）\n", res.PublicKey, res.KeyID, res.Fingerprint)
		if res.SM2Fingerprint != "" {
			fmt.Fprintf(w, "国密签名公钥指纹（SM2）：%s（印在推荐函上）\n", res.SM2Fingerprint)
		} else {
			fmt.Fprintln(w, "国密签名公钥（SM2）：下次导出（解开私钥）时生成")
		}
		fmt.Fprintf(w, "创建时间：%s\n", res.Created)
		if res.File != "" {
			fmt.Fprintf(w, "公钥已导出到 %s\n", res.File)
		}
	})
}

type exportOut struct {
	OK             bool     `json:"ok"`
	Out            string   `json:"out,omitempty"`
	ISO            string   `json:"iso,omitempty"`
	Cover          string   `json:"cover,omitempty"`
	Files          int      `json:"files,omitempty"`
	Bytes          int64    `json:"bytes,omitempty"`
	ISOBytes       int64    `json:"iso_bytes,omitempty"`
	Fingerprint    string   `json:"fingerprint,omitempty"`
	SM2Fingerprint string   `json:"sm2_fingerprint,omitempty"`
	TagManifest    string   `json:"tag_manifest_sha256,omitempty"`
	Blockers       []string `json:"blockers,omitempty"`
	Archive        string   `json:"archive,omitempty"`
	Repaired       []string `json:"repaired,omitempty"`
}

func runExport(c *cli, args []string) error {
	fs := c.flags("export")
	out := fs.String("out", "", "报送包文件夹（已有的报送包在新包写好后才被替换）")
	iso := fs.String("iso", "", "同时生成光盘映像（.iso）")
	archive := fs.String("archive", "", "同时写出省内存档包的文件夹（含比选报告和全部候选市（州）数据，签名，不报送）")
	date := dayFlag(fs)
	if err := c.parseDay(fs, args, date); err != nil {
		return err
	}
	if *out == "" && *archive == "" {
		return usagef("请用 --out 指定报送包文件夹（--archive 指定存档包文件夹）")
	}
	day := c.now() // --date (同一日期重复导出得到完全相同的文件)
	s, err := c.open()
	if err != nil {
		return err
	}
	cs, err := s.Case()
	if err != nil {
		return err
	}
	// The pre-flight first: no passphrase is asked for a case that cannot be exported.
	if b := forms.Blockers(forms.Preflight(cs, day)); len(b) > 0 {
		return c.blocked(&submission.BlockedError{Blockers: b})
	}
	if _, err := s.SigningKey(); err != nil {
		return usageErr{err}
	}
	pass, err := c.passphrase("签名私钥的口令：", false)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.errOut, "正在解开签名私钥（约需 1 秒）…")
	key, err := keyring.UnlockStored(s, pass)
	if err != nil {
		return usageErr{err}
	}
	secs := cs.Applications
	last := ""
	progress := func(step string, done, total int) {
		if step != last {
			fmt.Fprintf(c.errOut, "%s…\n", step)
			last = step
		}
	}
	for _, w := range forms.Preflight(cs, day) {
		if w.Severity == forms.Warning && strings.HasPrefix(w.Field, "choice:") {
			fmt.Fprintf(c.errOut, "提示：%s\n", w.Message)
		}
	}
	var cert []byte
	if k, err := c.st.SigningKey(); err == nil {
		cert = k.SM2Cert
	}
	var res, arch submission.Result
	if *out != "" {
		res, err = submission.Export(context.Background(), submission.ExportInput{Case: cs, Sections: secs, Key: key, SM2Certificate: cert, Date: day,
			Out: *out, ISO: *iso, Fonts: pdfdoc.SystemFonts()}, progress)
		var blocked *submission.BlockedError
		if errors.As(err, &blocked) {
			return c.blocked(blocked)
		}
		if err != nil {
			return err
		}
	}
	if *archive != "" {
		arch, err = submission.Export(context.Background(), submission.ExportInput{Case: cs, Sections: secs, Key: key, SM2Certificate: cert, Date: day,
			Out: *archive, Fonts: pdfdoc.SystemFonts(), Scope: submission.ScopeArchive}, progress)
		if err != nil {
			if *out != "" {
				return fmt.Errorf("报送包已写入 %s，但存档包未写出：%w", res.Out, err)
			}
			return err
		}
	}
	return c.emit(exportOut{OK: true, Out: res.Out, ISO: res.ISO, Cover: res.Cover, Files: res.Files, Bytes: res.Bytes, ISOBytes: res.ISOBytes,
		Fingerprint: res.Fingerprint, SM2Fingerprint: res.SM2Fingerprint, TagManifest: res.TagManifest, Archive: arch.Out, Repaired: res.Repaired}, func(w io.Writer) {
		if arch.Out != "" {
			fmt.Fprintf(w, "存档包已写入 %s（%d 个文件，省内留存，不报送）\n", arch.Out, arch.Files)
		}
		if res.Out == "" {
			return
		}
		fmt.Fprintf(w, "推荐事项：%s\n", submission.RecommendedText(cs))
		fmt.Fprintf(w, "报送包已写入 %s（%d 个文件，%d 字节）\n", res.Out, res.Files, res.Bytes)
		fmt.Fprintf(w, "封面清单：%s（随纸质材料打印）\n", res.Cover)
		if res.ISO != "" {
			fmt.Fprintf(w, "光盘映像：%s（%d 字节）\n", res.ISO, res.ISOBytes)
		}
		fmt.Fprintf(w, "公钥指纹：%s\n国密签名公钥指纹（SM2）：%s\n标签清单 SHA-256：%s\n", res.Fingerprint, res.SM2Fingerprint, res.TagManifest)
		for _, n := range res.Repaired {
			fmt.Fprintln(w, "注意："+n)
		}
		if cs.Settings.Demo {
			fmt.Fprintln(w, "注意：演示数据（数字均为虚构），不得报送")
		}
	})
}

// blocked prints the pre-flight blockers; exit status 1.
func (c *cli) blocked(e *submission.BlockedError) error {
	o := exportOut{}
	for _, b := range e.Blockers {
		o.Blockers = append(o.Blockers, b.Message)
	}
	if err := c.emit(o, func(w io.Writer) { fmt.Fprintln(w, e.Error()) }); err != nil {
		return err
	}
	return errNo
}

func runVerify(c *cli, args []string) error {
	fs := c.flags("verify")
	pubPath := fs.String("pubkey", "", "推荐单位的公钥文件（.pub）；不给时用包内的 tuijian.pub，须与推荐函上的指纹核对")
	sm2Path := fs.String("sm2-pubkey", "", "推荐单位的国密公钥文件（.pem）；不给时用包内的 tuijian-sm2-pub.pem")
	caPath := fs.String("ca", "", "省级 CA 的证书（PEM）：包内的国密证书须由它签发")
	campPath := fs.String("campaign", "", "按这份督查激励定义（年度或定义文件）核对；不给时用包内的 campaign.json")
	// The path may stand before or after the flags.
	var path string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		path, args = args[0], args[1:]
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if path == "" && fs.NArg() > 0 {
		path = fs.Arg(0)
	}
	if path == "" {
		return usagef("请给出要校验的报送包文件夹或 .iso 光盘映像")
	}
	var pub []byte
	if *pubPath != "" {
		b, err := os.ReadFile(*pubPath)
		if err != nil {
			return usagef("无法读取公钥文件 %s：%v", *pubPath, err)
		}
		pub = b
	}
	var sm2 []byte
	if *sm2Path != "" {
		b, err := os.ReadFile(*sm2Path)
		if err != nil {
			return usagef("无法读取国密公钥文件 %s：%v", *sm2Path, err)
		}
		sm2 = b
	}
	var ca []byte
	if *caPath != "" {
		b, err := os.ReadFile(*caPath)
		if err != nil {
			return usagef("无法读取 CA 证书 %s：%v", *caPath, err)
		}
		ca = b
	}
	var camp *forms.Campaign
	if *campPath != "" {
		var err error
		if camp, err = campaignArg(*campPath); err != nil {
			return err
		}
	}
	rep := submission.VerifyKeys(path, submission.Keys{Minisign: pub, SM2: sm2, CA: ca, Campaign: camp})
	if rep.Problems == nil {
		rep.Problems = []submission.Problem{}
	}
	type verifyOut struct {
		OK bool `json:"ok"`
		submission.Report
	}
	if err := c.emit(verifyOut{rep.OK(), rep}, func(w io.Writer) {
		name := filepath.Base(path)
		if rep.OK() {
			fmt.Fprintf(w, "校验通过：%s（%d 个文件；完整性、校验值、签名、与推荐表一致、每项措施 1 个市（州））\n", name, rep.Files)
			fmt.Fprintf(w, "签名公钥指纹：%s（密钥 ID %s）", rep.Fingerprint, rep.KeyID)
			if pub == nil {
				fmt.Fprint(w, "——请与推荐函上所印的指纹逐位核对")
			}
			fmt.Fprintf(w, "\n国密签名公钥指纹（SM2）：%s", rep.SM2Fingerprint)
			if sm2 == nil {
				fmt.Fprint(w, "——同样须与推荐函核对")
			}
			fmt.Fprintln(w)
			if rep.SM2Certificate != "" {
				fmt.Fprintf(w, "国密证书：%s\n", rep.SM2Certificate)
			}
			for _, n := range rep.Notes {
				fmt.Fprintln(w, "注意："+n)
			}
			return
		}
		fmt.Fprintf(w, "校验未通过：%s 有 %d 个问题\n", name, len(rep.Problems))
		for _, p := range rep.Problems {
			fmt.Fprintln(w, p.String())
		}
		for _, n := range rep.Notes {
			fmt.Fprintln(w, "注意："+n)
		}
	}); err != nil {
		return err
	}
	if !rep.OK() {
		return errNo
	}
	return nil
}
