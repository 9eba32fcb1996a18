package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tuijian/data/keyring"
	"tuijian/data/safefile"
	"tuijian/data/signing"
	"tuijian/data/sm2sig"
	"tuijian/data/store"
	"tuijian/data/submission"
	"tuijian/forms"
)

// Actions of the signed submission package (issue 7), on 导出:
//   - 签名密钥…: create the department's key under a passphrase typed twice (scrypt
//     runs off the UI goroutine behind a progress bar), show the public key, its ID
//     and fingerprint (printed on the 推荐函), export the .pub file, replace the key;
//   - 导出报送包…: pre-flight, passphrase and disc-image choice, folder, then
//     data/submission.Export in the background with progress and 取消, and the
//     result with the folder, the cover sheet and the fingerprint;
//   - 校验报送包…: a folder or an .iso checked by data/submission.Verify (with the
//     stored public key when there is one), every problem listed.

func init() {
	registerAction(Action{Step: forms.StepExport, Label: "签名密钥…", Icon: theme.AccountIcon, Run: keyAction})
	registerAction(Action{Step: forms.StepExport, Label: "导出报送包…", Icon: theme.UploadIcon, Run: packageExportAction})
	registerAction(Action{Step: forms.StepExport, Label: "校验报送包…", Icon: theme.ConfirmIcon, Run: packageVerifyAction})
}

// packageName is the folder made inside the one the officer picks (the image gets
// the same name with .iso).
func packageName(env *Env) string {
	name := "督查激励报送包"
	if c := env.Case; c != nil {
		name += "-" + c.Province.Name
	}
	return name + "-" + forms.Day(env.Now()).Format("20060102")
}

// ---- 签名密钥 ----

func keyAction(env *Env) {
	if env.Store == nil {
		env.ShowError(store.ErrNotSetUp)
		return
	}
	if _, err := env.Store.SigningKey(); errors.Is(err, store.ErrNoSigningKey) {
		keyCreateDialog(env, false)
		return
	} else if err != nil {
		env.ShowError(err)
		return
	}
	keyShowDialog(env, "")
}

// keyInfo is the key's public half as the officer sees it.
func keyInfo(env *Env) (fyne.CanvasObject, error) {
	pub, fp, id, err := keyring.StoredKey(env.Store)
	if err != nil {
		return nil, err
	}
	k, _ := env.Store.SigningKey()
	fpLabel := widget.NewLabelWithStyle(fp, fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Monospace: true})
	fpLabel.Selectable = true
	pubLabel := widget.NewLabelWithStyle(signing.PublicKeyBase64(pub), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	pubLabel.Selectable = true
	sm2fp, err := keyring.SM2Fingerprint(env.Store)
	if err != nil {
		return nil, err
	}
	if sm2fp == "" {
		sm2fp = "下次导出（解开私钥）时生成"
	}
	sm2Label := widget.NewLabelWithStyle(sm2fp, fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Monospace: true})
	sm2Label.Selectable = true
	certText := "无（可选：向省级 CA 申请后导入）"
	if len(k.SM2Cert) > 0 {
		if c, err := sm2sig.ParseCertificatePEM(k.SM2Cert); err == nil {
			certText = c.Describe()
		}
	}
	certLabel := widget.NewLabel(certText)
	certLabel.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("公钥指纹", fpLabel),
		widget.NewFormItem("国密公钥指纹（SM2）", sm2Label),
		widget.NewFormItem("国密证书", certLabel),
		widget.NewFormItem("密钥 ID", widget.NewLabel(id)),
		widget.NewFormItem("公钥", pubLabel),
		widget.NewFormItem("创建时间", widget.NewLabel(k.Created.Local().Format("2006-01-02 15:04"))),
	)
	note := widget.NewLabel("两个公钥指纹都印在推荐函上，接收方用它们核对报送包的签名（minisign）和国密签名（SM2）。国密密钥由签名密钥派生，同样只以口令加密的形式保存。私钥口令遗失后无法找回。")
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(form, note), nil
}

func keyShowDialog(env *Env, headline string) {
	info, err := keyInfo(env)
	if err != nil {
		env.ShowError(err)
		return
	}
	var d *dialog.CustomDialog
	export := widget.NewButtonWithIcon("导出公钥…", theme.DocumentSaveIcon(), func() { keyExportDialog(env) })
	replace := widget.NewButtonWithIcon("更换密钥…", theme.ViewRefreshIcon(), func() {
		dialog.ShowConfirm("更换签名密钥", "更换后，已印在推荐函上的公钥指纹和已导出的报送包都将与新密钥不符，须重新导出并重新打印推荐函。确定更换吗？", func(ok bool) {
			if ok {
				d.Hide()
				keyCreateDialog(env, true)
			}
		}, env.Window)
	})
	csr := widget.NewButtonWithIcon("国密证书申请…", theme.DocumentCreateIcon(), func() { d.Hide(); keyCSRDialog(env) })
	importCert := widget.NewButtonWithIcon("导入国密证书…", theme.DownloadIcon(), func() { d.Hide(); keyImportCertificate(env) })
	var body fyne.CanvasObject = container.NewVBox(info, container.NewHBox(export, replace), container.NewHBox(csr, importCert))
	if headline != "" {
		l := widget.NewLabel(headline)
		l.Importance = widget.SuccessImportance
		body = container.NewVBox(l, body)
	}
	d = dialog.NewCustom("签名密钥", "关闭", body, env.Window)
	d.Resize(fyne.NewSize(640, 360))
	d.Show()
}

// keyCSRDialog writes the request for the province CA's certificate of the SM2 key
// (signed with it, so the passphrase is asked first).
func keyCSRDialog(env *Env) {
	pass := widget.NewPasswordEntry()
	note := widget.NewLabel("证书申请（PKCS #10）交省级 CA，由其签发国密（SM2）证书；签发后在此“导入国密证书…”，此后的报送包都带该证书。")
	note.Wrapping = fyne.TextWrapWord
	d := dialog.NewForm("国密证书申请", "下一步…", "取消", []*widget.FormItem{widget.NewFormItem("", note), widget.NewFormItem("签名口令", pass)}, func(ok bool) {
		if !ok {
			return
		}
		unlockKey(env, pass.Text, func(key signing.PrivateKey) {
			req, err := keyring.CertificateRequest(env.Store, key)
			if err != nil {
				env.ShowError(err)
				return
			}
			askPath(env, pathRequest{Title: "保存证书申请", Kind: saveFile, Exts: []string{".pem"}, FileName: "国密证书申请.pem"}, func(p string) {
				if err := safefile.WriteFile(p, req, 0o644); err != nil {
					env.ShowError(fmt.Errorf("无法写入 %s：%v", p, err))
					return
				}
				notify(env, "证书申请", "已写出证书申请 "+p+"：请交省级 CA 签发国密证书。")
			})
		})
	}, env.Window)
	d.Resize(fyne.NewSize(560, 260))
	d.Show()
}

// keyImportCertificate records the CA's certificate of the SM2 key.
func keyImportCertificate(env *Env) {
	askPath(env, pathRequest{Title: "导入国密证书", Kind: pickFile, Exts: []string{".pem", ".crt", ".cer"}, Note: "选择省级 CA 签发的 SM2 证书（PEM 格式）。"}, func(p string) {
		b, err := readLimited(p, 1<<20)
		if err != nil {
			env.ShowError(fmt.Errorf("无法读取 %s：%v", p, err))
			return
		}
		desc, err := keyring.ImportCertificate(env.Store, b)
		if err != nil {
			env.ShowError(err)
			return
		}
		if env.Changed != nil {
			env.Changed()
		}
		notify(env, "国密证书", "已导入国密证书："+desc+"。此后导出的报送包都带此证书。")
	})
}

func keyExportDialog(env *Env) {
	_, _, id, err := keyring.StoredKey(env.Store)
	if err != nil {
		env.ShowError(err)
		return
	}
	req := pathRequest{Title: "导出公钥", Kind: saveFile, Exts: []string{".pub"}, FileName: "tuijian-" + id + ".pub",
		Note: "公钥文件供部里或他人用 minisign 校验报送包的签名；它不含私钥，可以公开。"}
	askPath(env, req, func(p string) {
		var b bytes.Buffer
		err := keyExportTo(env, &b)
		if err == nil {
			err = safefile.WriteFile(p, b.Bytes(), 0o644)
		}
		if err != nil {
			env.ShowError(fmt.Errorf("无法写入 %s：%v", p, err))
			return
		}
		dialog.ShowInformation("公钥已导出", "公钥已保存到 "+p+"。", env.Window)
	})
}

func keyExportTo(env *Env, w interface{ Write([]byte) (int, error) }) error {
	k, err := env.Store.SigningKey()
	if err != nil {
		return err
	}
	_, err = w.Write(k.Public)
	return err
}

// keyCreateDialog asks for the passphrase twice and creates the key.
func keyCreateDialog(env *Env, replace bool) {
	p1, p2 := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	p1.Validator = signing.CheckPassphrase
	p2.Validator = func(s string) error {
		if s != p1.Text {
			return errors.New("两次输入的口令不一致")
		}
		return nil
	}
	note := widget.NewLabel(fmt.Sprintf("签名密钥用于签署报送包，公钥指纹印在推荐函上。请设置至少 %d 个字符的口令并牢记：私钥只以口令加密的形式保存，口令遗失后无法找回，只能更换密钥。生成约需 1 秒。", signing.MinPassphraseLen))
	note.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("", note), widget.NewFormItem("口令", p1), widget.NewFormItem("再次输入", p2)}
	d := dialog.NewForm("创建签名密钥", "创建", "取消", items, func(ok bool) {
		if ok {
			keyCreate(env, p1.Text, p2.Text, replace, true, nil)
		}
	}, env.Window)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

// keyCreate checks the passphrases and creates the key in the background (scrypt
// takes seconds) behind a progress dialog; done (on the UI goroutine, may be nil)
// gets the outcome after the key is shown (showKey) or the error reported.
func keyCreate(env *Env, pass1, pass2 string, replace, showKey bool, done func(error)) {
	finish := func(err error) {
		if err != nil {
			env.ShowError(err)
		}
		if done != nil {
			done(err)
		}
	}
	if pass1 != pass2 {
		finish(errors.New("两次输入的口令不一致，请重新输入"))
		return
	}
	if err := signing.CheckPassphrase(pass1); err != nil {
		finish(err)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	busy := newBusyDialog(env, "创建签名密钥", "正在生成签名密钥……", cancel)
	var err error
	inBackground(func() {
		_, err = keyring.CreateKey(ctx, env.Store, pass1, replace, func(msg string) {
			fyne.Do(func() { busy.status.SetText(msg) })
		})
	}, func() {
		busy.close()
		cancel()
		if errors.Is(err, context.Canceled) {
			if done != nil {
				done(err) // 取消: nothing stored, nothing to report
			}
			return
		}
		if err == nil {
			if env.Changed != nil {
				env.Changed()
			}
			if showKey {
				keyShowDialog(env, "已创建签名密钥。")
			}
		}
		finish(err)
	})
}

// ---- 导出报送包 ----

func packageExportAction(env *Env) {
	c := env.Case
	if c == nil || c.Campaign == nil {
		env.ShowError(store.ErrNotSetUp)
		return
	}
	issues := forms.Preflight(c, env.Now())
	if b := forms.Blockers(issues); len(b) > 0 {
		env.ShowError(&submission.BlockedError{Blockers: b})
		return
	}
	// 通知 二 “不超过1个”: a measure may go without a city; the officer confirms once.
	var empty []string
	for _, m := range c.Campaign.Measures {
		if ch, ok := c.Choice(m.ID); !ok || ch.UnitCode == "" {
			empty = append(empty, m.Short)
		}
	}
	if len(empty) > 0 {
		dialog.ShowConfirm("有措施不推荐", fmt.Sprintf("本次报送：%s。\n\n%s本年度不推荐（通知第二条：每项“不超过1个”），报送包中不含其材料。确定这样报送吗？",
			submission.RecommendedText(c), strings.Join(empty, "、")), func(ok bool) {
			if ok {
				packageExportForm(env)
			}
		}, env.Window)
		return
	}
	packageExportForm(env)
}

// archiveName is the archive folder beside the package.
func archiveName(target string) string { return target + "-省内存档" }

// packageExportForm asks for the passphrase and the parts to write, then the folder.
// Without a key yet, the same form asks for a new passphrase twice and creates the
// key first: the fingerprint is printed on the 推荐函 the export writes and shown in
// its result, so a separate step to create the key saves nothing.
func packageExportForm(env *Env) {
	_, err := env.Store.SigningKey()
	create := errors.Is(err, store.ErrNoSigningKey)
	if err != nil && !create {
		env.ShowError(err)
		return
	}
	pass, again := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	withISO := widget.NewCheck("同时生成光盘映像（.iso，可直接刻录）", nil)
	withISO.SetChecked(true)
	withArchive := widget.NewCheck("同时写出省内存档包（含比选报告和全部候选数据，签名，不报送）", nil)
	withArchive.SetChecked(true)
	title, confirm := "导出报送包", "下一步…"
	items := []*widget.FormItem{widget.NewFormItem("签名口令", pass)}
	if create {
		title, confirm = "导出报送包：先创建签名密钥", "创建密钥并继续…"
		note := widget.NewLabel(fmt.Sprintf("报送包须用本单位的签名密钥签名，公钥指纹印在推荐函上。请设置至少 %d 个字符的口令并牢记：私钥只以口令加密的形式保存，口令遗失后无法找回，只能更换密钥。", signing.MinPassphraseLen))
		note.Wrapping = fyne.TextWrapWord
		pass.Validator = signing.CheckPassphrase
		again.Validator = func(s string) error {
			if s != pass.Text {
				return errors.New("两次输入的口令不一致")
			}
			return nil
		}
		items = []*widget.FormItem{widget.NewFormItem("", note), widget.NewFormItem("设置口令", pass), widget.NewFormItem("再次输入", again)}
	}
	items = append(items, widget.NewFormItem("", withISO), widget.NewFormItem("", withArchive))
	d := dialog.NewForm(title, confirm, "取消", items, func(ok bool) {
		if !ok {
			return
		}
		iso, arch := withISO.Checked, withArchive.Checked
		// The passphrase is checked before the folder is asked for.
		proceed := func() {
			unlockKey(env, pass.Text, func(key signing.PrivateKey) { packageExportTo(env, key, iso, arch) })
		}
		if !create {
			proceed()
			return
		}
		keyCreate(env, pass.Text, again.Text, false, false, func(err error) {
			if err == nil {
				proceed()
			}
		})
	}, env.Window)
	d.Resize(fyne.NewSize(620, 250))
	if create {
		d.Resize(fyne.NewSize(620, 380))
	}
	d.Show()
}

// packageExportTo asks for the folder and writes the package signed with key.
func packageExportTo(env *Env, key signing.PrivateKey, iso, arch bool) {
	req := pathRequest{Title: "选择写入报送包的文件夹", Kind: pickFolder,
		Note: "将在所选文件夹中写入“" + packageName(env) + "”文件夹" + map[bool]string{true: "和同名光盘映像（.iso）", false: ""}[iso] + "。"}
	askPath(env, req, func(dir string) {
		target := filepath.Join(dir, packageName(env))
		isoPath, archive := "", ""
		if iso {
			isoPath = target + ".iso"
		}
		if arch {
			archive = archiveName(target)
		}
		packageExport(env, key, target, isoPath, archive, nil)
	})
}

// unlockKey unlocks the stored signing key with passphrase in the background, with a
// progress dialog whose 取消 abandons it, and hands the key to use (UI goroutine).
// A wrong passphrase is reported and use is not called.
func unlockKey(env *Env, passphrase string, use func(signing.PrivateKey)) {
	st := env.Store
	cancelled := false
	busy := newBusyDialog(env, "解开签名私钥", "正在核对口令并解开签名私钥（约需 1 秒）", func() { cancelled = true })
	var key signing.PrivateKey
	var err error
	inBackground(func() { key, err = keyring.UnlockStored(st, passphrase) }, func() {
		busy.close()
		switch {
		case cancelled:
		case err != nil:
			env.ShowError(err)
		default:
			use(key)
		}
	})
}

// packageExport writes the package signed with key in the background with a progress
// dialog whose 取消 stops it (leaving any previous package as it was), then the
// archive package when archive is not empty; done (UI goroutine, may be nil) gets the
// outcome after it is shown.
func packageExport(env *Env, key signing.PrivateKey, target, iso, archive string, done func(submission.Result, error)) {
	c := env.Case
	day := env.Now()
	ctx, cancel := context.WithCancel(context.Background())
	busy := newBusyDialog(env, "导出报送包", "正在准备", cancel)
	var res submission.Result
	var err error
	var cert []byte
	if k, err := env.Store.SigningKey(); err == nil {
		cert = k.SM2Cert // after the unlock, which records the SM2 key
	}
	inBackground(func() {
		secs := c.Applications
		progress := busy.report
		res, err = submission.Export(ctx, submission.ExportInput{Case: c, Sections: secs, Key: key, SM2Certificate: cert, Date: day, Out: target, ISO: iso, Fonts: docFonts()}, progress)
		if err == nil && archive != "" {
			var arch submission.Result
			arch, err = submission.Export(ctx, submission.ExportInput{Case: c, Sections: secs, Key: key, SM2Certificate: cert, Date: day, Out: archive, Fonts: docFonts(),
				Scope: submission.ScopeArchive}, func(step string, d, total int) { progress("存档包："+step, d, total) })
			if err != nil {
				err = fmt.Errorf("报送包已写入 %s，但省内存档包未写出：%w", res.Out, err)
			}
			res.Archive = arch.Out
		}
	}, func() {
		busy.close()
		cancel()
		switch {
		case errors.Is(err, context.Canceled):
			// The officer pressed 取消: nothing to report.
		case err != nil:
			env.ShowError(err)
		default:
			packageResultDialog(env, res)
		}
		if done != nil {
			done(res, err)
		}
	})
}

// openPath shows a folder or opens a file with the system's own program: on Windows
// the plain path goes to explorer (a percent-encoded file:// URL does not open folders
// with Chinese names there), elsewhere a file URL to the desktop's opener.
func openPath(env *Env, p string) {
	err := openNative(p)
	if errors.Is(err, errNoNativeOpen) {
		var u *url.URL
		if u, err = url.Parse(storage.NewFileURI(p).String()); err == nil {
			err = fyne.CurrentApp().OpenURL(u)
		}
	}
	if err != nil {
		env.ShowError(fmt.Errorf("无法打开 %s：%w", p, err))
	}
}

var errNoNativeOpen = errors.New("no native opener")

// packageResultContent describes a written package.
func packageResultContent(env *Env, res submission.Result) fyne.CanvasObject {
	lines := ""
	if env.Case != nil && env.Case.Campaign != nil {
		lines = "推荐事项：" + submission.RecommendedText(env.Case) + "\n"
	}
	lines += fmt.Sprintf("报送包：%s\n共 %d 个文件，%s。\n封面清单：%s（随纸质材料打印）\n公钥指纹：%s\n国密签名公钥指纹（SM2）：%s\n标签清单 SHA-256：%s",
		res.Out, res.Files, docSize(int(res.Bytes)), res.Cover, res.Fingerprint, res.SM2Fingerprint, res.TagManifest)
	if res.Archive != "" {
		lines += "\n省内存档包（不报送）：" + res.Archive
	}
	if res.ISO != "" {
		lines += fmt.Sprintf("\n光盘映像：%s（%s）", res.ISO, docSize(int(res.ISOBytes)))
	}
	for _, n := range res.Repaired {
		lines += "\n注意：" + n
	}
	msg := widget.NewLabel(lines)
	msg.Wrapping = fyne.TextWrapWord
	var objs []fyne.CanvasObject
	if env.Case != nil && env.Case.Settings.Demo {
		demo := widget.NewLabel("演示数据：数字均为虚构，不得报送。")
		demo.Importance = widget.DangerImportance
		objs = append(objs, demo)
	}
	openDir := widget.NewButtonWithIcon("打开文件夹", theme.FolderOpenIcon(), func() { openPath(env, res.Out) })
	openCover := widget.NewButtonWithIcon("打开封面清单", theme.DocumentPrintIcon(), func() { openPath(env, res.Cover) })
	objs = append(objs, msg, container.NewHBox(openDir, openCover))
	return container.NewVBox(objs...)
}

func packageResultDialog(env *Env, res submission.Result) {
	d := dialog.NewCustom("报送包已导出", "关闭", packageResultContent(env, res), env.Window)
	d.Resize(fyne.NewSize(720, 320))
	d.Show()
}

// ---- 校验报送包 ----

func packageVerifyAction(env *Env) {
	typed := widget.NewEntry()
	typed.SetPlaceHolder(`报送包文件夹或 .iso 的路径，可粘贴，也可是网络路径 \\服务器\共享\…`)
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	folder := widget.NewButtonWithIcon("选择文件夹…", theme.FolderOpenIcon(), nil)
	image := widget.NewButtonWithIcon("选择光盘映像（.iso）…", theme.FileIcon(), nil)
	note := widget.NewLabel("核对完整性、每个文件的 SHA-256、签名、submission.json 与推荐表的一致性，以及每项措施只推荐 1 个市（州）。")
	note.Wrapping = fyne.TextWrapWord
	check := widget.NewButtonWithIcon("校验", theme.ConfirmIcon(), nil)
	check.Importance = widget.HighImportance
	body := container.NewVBox(note, container.NewBorder(nil, nil, widget.NewLabel("路径"), check, typed), problem, container.NewHBox(folder, image))
	d := dialog.NewCustom("校验报送包", "取消", body, env.Window)
	submit := func() {
		p := strings.Trim(strings.TrimSpace(typed.Text), `"`)
		if st, err := os.Stat(p); p == "" || err != nil {
			problem.SetText(fmt.Sprintf("找不到“%s”：请输入报送包文件夹或光盘映像的路径，或点下面的按钮选择", p))
			return
		} else if !st.IsDir() && !strings.EqualFold(filepath.Ext(p), ".iso") {
			problem.SetText(fmt.Sprintf("“%s”不是文件夹，也不是 .iso 光盘映像", filepath.Base(p)))
			return
		}
		d.Hide()
		env.lastDir = filepath.Dir(p)
		packageVerify(env, p, nil)
	}
	typed.OnSubmitted = func(string) { submit() }
	check.OnTapped = submit
	pick := func(kind pathKind, exts []string) {
		d.Hide()
		browsePath(env, pathRequest{Kind: kind, Exts: exts}, func(p string) {
			env.lastDir = filepath.Dir(p)
			packageVerify(env, p, nil)
		})
	}
	folder.OnTapped = func() { pick(pickFolder, nil) }
	image.OnTapped = func() { pick(pickFile, []string{".iso"}) }
	d.Resize(fyne.NewSize(640, 240))
	d.Show()
	env.Window.Canvas().Focus(typed)
}

// packageVerify checks the package at p in the background, with the stored public
// key when the store has one, and shows the report; done (UI goroutine, may be nil)
// gets it too.
func packageVerify(env *Env, p string, done func(submission.Report)) {
	var keys submission.Keys
	if env.Store != nil {
		if k, err := env.Store.SigningKey(); err == nil {
			keys = submission.Keys{Minisign: k.Public, SM2: k.SM2Public}
		}
	}
	pub := keys.Minisign
	busy := newBusyDialog(env, "校验报送包", "正在校验 "+filepath.Base(p), nil)
	var rep submission.Report
	inBackground(func() { rep = submission.VerifyKeys(p, keys) }, func() {
		busy.close()
		d := dialog.NewCustom("校验结果", "关闭", verifyReportContent(rep, pub != nil), env.Window)
		d.Resize(fyne.NewSize(820, 520))
		d.Show()
		if done != nil {
			done(rep)
		}
	})
}

// verifyReportContent shows a report: a headline and, on failure, every problem.
func verifyReportContent(rep submission.Report, withStoredKey bool) fyne.CanvasObject {
	head := widget.NewLabel("")
	head.Wrapping = fyne.TextWrapWord
	name := filepath.Base(rep.Path)
	if rep.OK() {
		head.Importance = widget.SuccessImportance
		txt := fmt.Sprintf("校验通过：%s（%d 个文件）。完整性、校验值、签名和国密签名、与推荐表一致、每项措施 1 个市（州）均无问题。\n签名公钥指纹：%s\n国密签名公钥指纹（SM2）：%s", name, rep.Files, rep.Fingerprint, rep.SM2Fingerprint)
		if withStoredKey {
			txt += "\n两把公钥均与本单位保存的签名密钥一致。"
		} else {
			txt += "\n请将两个指纹与推荐函上所印的逐位核对。"
		}
		for _, n := range rep.Notes {
			txt += "\n注意：" + n
		}
		head.SetText(txt)
		return container.NewVBox(head)
	}
	head.Importance = widget.DangerImportance
	head.SetText(fmt.Sprintf("校验未通过：%s 有 %d 个问题。", name, len(rep.Problems)))
	list := container.NewVBox()
	for _, p := range rep.Problems {
		file := p.File
		if file == "" {
			file = "（整个报送包）"
		}
		l := widget.NewLabel(fmt.Sprintf("%s【%s】%s", file, p.Check, p.What))
		l.Wrapping = fyne.TextWrapWord
		list.Add(l)
	}
	for _, n := range rep.Notes {
		l := widget.NewLabel("注意：" + n)
		l.Wrapping = fyne.TextWrapWord
		list.Add(l)
	}
	return container.NewBorder(head, nil, nil, nil, container.NewVScroll(list))
}

// typedFolder checks a folder typed by the officer (a local or a network path such as
// \\server\share, which the folder dialog cannot reach).
func typedFolder(s string) (string, error) {
	p := strings.Trim(strings.TrimSpace(s), `"`)
	st, err := os.Stat(p)
	switch {
	case err != nil:
		return "", fmt.Errorf("找不到文件夹“%s”：请检查路径（网络路径须已能在资源管理器中打开）", p)
	case !st.IsDir():
		return "", fmt.Errorf("“%s”不是文件夹：请输入要写入报送包的文件夹", p)
	}
	return p, nil
}

// UnlockAndExport does what 导出报送包 does once the officer has typed the passphrase:
// unlock the stored key (progress dialog), write the package and, when iso is not
// empty, its disc image (progress dialog with 取消), show the result; done (UI
// goroutine) gets the outcome. cmd/tuijian's --measure-export drives it to measure
// how long the event loop waits during an export.
func (s *Shell) UnlockAndExport(passphrase, target, iso string, done func(error)) {
	unlockKey(s.env, passphrase, func(key signing.PrivateKey) {
		packageExport(s.env, key, target, iso, "", func(_ submission.Result, err error) { done(err) })
	})
}
