package documents

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tuijian/data/pdfdoc"
	"tuijian/forms"
)

// NewInput makes the Input for a loaded case: the application texts of each chosen
// city (Case.Applications), the date (also the export day), the fonts and the
// fingerprints the 推荐函 prints (data/keyring.Fingerprints for the stored key, so that
// a preview and the signed package agree; "" before a key exists). Documents written
// for the province include the 比选报告, and say 草稿 while the pre-flight blocks.
func NewInput(c *forms.Case, date time.Time, fonts pdfdoc.Fonts, fingerprint, sm2Fingerprint string) Input {
	in := Input{Case: c, Sections: map[forms.ChoiceKey]map[string]string{}, Fingerprint: fingerprint, SM2Fingerprint: sm2Fingerprint,
		Date: forms.Day(date), ExportDay: forms.Day(date), Fonts: fonts, IncludeReport: true}
	for k, texts := range c.Applications {
		in.Sections[k] = texts
	}
	in.MarkDraft()
	return in
}

// ErrNotEmpty is returned by WriteDir when the folder holds files and force is off.
var ErrNotEmpty = errors.New("目标文件夹不是空的")

// WriteDir writes the files under dir, all or nothing: they are written into a new
// folder beside dir and renamed into place at the end, so a failure leaves dir as it
// was. An existing dir must be empty unless force is set, in which case it is
// replaced.
func WriteDir(dir string, files []File, force bool) error {
	dir = filepath.Clean(dir)
	if entries, err := os.ReadDir(dir); err == nil {
		if len(entries) > 0 && !force {
			return fmt.Errorf("%w：%s 中已有 %d 个文件或文件夹；请换一个空文件夹，或确认覆盖（命令行加 --force）", ErrNotEmpty, dir, len(entries))
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("无法读取文件夹 %s：%v", dir, err)
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("无法创建文件夹 %s：%v", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, ".tuijian-documents-")
	if err != nil {
		return fmt.Errorf("无法在 %s 中写入：%v", parent, err)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	for _, f := range files {
		if f.Path == "" || strings.Contains(f.Path, "..") || filepath.IsAbs(f.Path) {
			return fmt.Errorf("文件名 %q 无效", f.Path)
		}
		p := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("无法创建文件夹：%v", err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return fmt.Errorf("无法写入 %s：%v（磁盘已满或没有写权限？）", f.Path, err)
		}
	}
	var old string
	if _, err := os.Stat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("无法替换文件夹 %s：%v（是否有文件正被其他程序打开？）", dir, err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return fmt.Errorf("无法写入文件夹 %s：%v", dir, err)
	}
	ok = true
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// MarkDraft sets Draft when the pre-flight blocks on the documents' day: such documents
// may circulate for sign-off, every page saying 草稿.
func (in *Input) MarkDraft() {
	in.Draft = len(forms.Blockers(forms.Preflight(in.Case, in.ExportDay))) > 0
}
