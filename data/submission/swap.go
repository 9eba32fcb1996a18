package submission

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"tuijian/data/bagit"
	"tuijian/data/discimage"
	"tuijian/data/safefile"
)

// How a package folder and its disc image replace the previous pair (issue 15 point 1,
// issue 20 point 2):
//
//   - the new package is written to “<out>.tmp-N” beside the target, whose first file
//     is the marker “未完成-请勿刻录.txt” (MarkerName): a file no manifest lists, so a
//     leftover temporary folder never verifies as a package someone could burn, and
//     says so to whoever opens it; it is synced to disk, self-checked and imaged to
//     “<iso>.tmp-N” (without the marker);
//   - the swap moves the previous package to “<out>.old-N” and marks it the same way,
//     renames the new folder in, removes its marker, renames the image over the old
//     one and removes the old folder; a failing step puts everything back, so folder
//     and image are both the new package or both the old one. The one window where a
//     leftover is a complete package is between moving the previous package aside
//     and marking it: then the package folder is missing and Repair puts it back;
//   - a crash inside the swap leaves a state Repair recognises (by comparing the tag
//     manifest of the folder with the one inside the image) and completes or rolls
//     back, saying what it did; Export runs it first, verify reports leftovers.

// MarkerName is the file that marks a folder that is not (or no longer) the package.
const MarkerName = "未完成-请勿刻录.txt"

var markerText = []byte("\ufeff这是导出过程中的临时文件夹或被替换下来的旧报送包，不是报送包，请勿刻录或报送。\r\n" +
	"督查激励推荐助手下次导出时会自动清理；报送包是不带 .tmp-/.old- 后缀的同名文件夹。\r\n")

// rename, removeAll and writeFile are the os functions; tests make them fail in turn.
var (
	rename    = os.Rename
	removeAll = os.RemoveAll
	writeFile = os.WriteFile
)

func mark(dir string) error { return writeFile(filepath.Join(dir, MarkerName), markerText, 0o644) }

func unmark(dir string) error { return removeAll(filepath.Join(dir, MarkerName)) }

// swapIn replaces out by the complete, marked package in tmp and, when iso is given,
// the disc image by isoTmp, as one unit.
func swapIn(tmp, out, isoTmp, iso string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = fmt.Sprintf("%s.old-%d", out, time.Now().UnixNano())
		if err := rename(out, old); err != nil {
			return fmt.Errorf("无法替换原有报送包 %s（可能有文件正被其他程序打开），原有报送包和光盘映像未改动：%v", out, err)
		}
		if err := mark(old); err != nil {
			rename(old, out)
			return fmt.Errorf("无法替换原有报送包 %s（可能有文件正被其他程序打开），原有报送包和光盘映像未改动：%v", out, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("无法读取 %s：%v", out, err)
	}
	restore := func() {
		if old != "" && unmark(old) == nil {
			rename(old, out)
		}
	}
	if err := rename(tmp, out); err != nil {
		restore()
		return fmt.Errorf("无法把报送包放到 %s，原有报送包和光盘映像未改动：%v", out, err)
	}
	if err := unmark(out); err != nil {
		if rename(out, tmp) == nil {
			restore()
		}
		return fmt.Errorf("无法把报送包放到 %s，原有报送包和光盘映像未改动：%v", out, err)
	}
	if iso != "" {
		if err := rename(isoTmp, iso); err != nil {
			// Back to the old pair: the new folder is marked and returns to its
			// temporary name.
			if mark(out) == nil && rename(out, tmp) == nil {
				restore()
			}
			return fmt.Errorf("无法把光盘映像放到 %s（可能正被刻录软件打开），原有报送包和光盘映像未改动：%v", iso, err)
		}
	}
	safefile.SyncDir(filepath.Dir(out))
	if iso != "" {
		safefile.SyncDir(filepath.Dir(iso))
	}
	if old != "" {
		if err := removeAll(old); err != nil {
			return fmt.Errorf("新报送包和光盘映像已写好，但旧报送包 %s 未能删除，请手工删除：%v", old, err)
		}
	}
	return nil
}

// folderManifest returns the tag manifest of a package folder (nil when there is
// none) and whether the folder is marked.
func folderManifest(dir string) (tm []byte, marked bool) {
	tm, _ = os.ReadFile(filepath.Join(dir, bagit.TagManifest))
	return tm, exists(filepath.Join(dir, MarkerName))
}

// imageManifest returns the tag manifest inside a disc image, nil when unreadable.
func imageManifest(iso string) []byte {
	f, err := os.Open(iso)
	if err != nil {
		return nil
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil
	}
	img, err := discimage.Open(f, st.Size())
	if err != nil {
		return nil
	}
	r, err := img.Open(bagit.TagManifest)
	if err != nil {
		return nil
	}
	b, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		return nil
	}
	return b
}

// oldWith is the index of the moved-aside folder whose tag manifest is tm, or -1.
func oldWith(olds []string, tm []byte) int {
	if tm == nil {
		return -1
	}
	for i, o := range olds {
		if m, _ := folderManifest(o); bytes.Equal(m, tm) {
			return i
		}
	}
	return -1
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// Leftovers lists what interrupted exports left beside out and iso (iso may be "").
func Leftovers(out, iso string) []string {
	var l []string
	for _, pat := range []string{out + ".tmp-*", out + ".old-*"} {
		m, _ := filepath.Glob(pat)
		l = append(l, m...)
	}
	if iso != "" {
		m, _ := filepath.Glob(iso + ".tmp-*")
		l = append(l, m...)
	}
	if _, marked := folderManifest(out); marked {
		l = append(l, out)
	}
	slices.Sort(l)
	return l
}

// Repair finishes or undoes a swap that a crash interrupted and removes the leftovers
// of interrupted exports beside out and iso (iso may be ""), so that out and iso are
// again one package. It returns what it did, in Chinese, for the officer.
func Repair(out, iso string) []string {
	var notes []string
	olds, _ := filepath.Glob(out + ".old-*")
	slices.Sort(olds)
	var isoTmps []string
	if iso != "" {
		isoTmps, _ = filepath.Glob(iso + ".tmp-*")
	}
	imageOf := func(tm []byte) string {
		for _, p := range isoTmps {
			if m := imageManifest(p); m != nil && bytes.Equal(m, tm) {
				return p
			}
		}
		return ""
	}
	restoreOld := func() bool {
		if len(olds) == 0 {
			return false
		}
		latest := olds[len(olds)-1]
		if _, marked := folderManifest(latest); marked && unmark(latest) != nil {
			return false
		}
		if rename(latest, out) != nil {
			return false
		}
		olds = olds[:len(olds)-1]
		return true
	}

	// The new folder is in place but was not unmarked, or its image not renamed.
	if tm, marked := folderManifest(out); tm != nil && marked {
		img := imageOf(tm)
		switch {
		case iso == "" || img != "" || bytes.Equal(imageManifest(iso), tm):
			if unmark(out) == nil && (img == "" || rename(img, iso) == nil) {
				notes = append(notes, fmt.Sprintf("上次导出在替换报送包时中断：已完成替换，%s 及其光盘映像均为上次导出的新版本", filepath.Base(out)))
			}
		default:
			trash := fmt.Sprintf("%s.tmp-%d", out, time.Now().UnixNano())
			if rename(out, trash) == nil {
				if restoreOld() {
					notes = append(notes, fmt.Sprintf("上次导出在替换报送包时中断：已恢复为导出前的报送包 %s 和光盘映像", filepath.Base(out)))
				} else {
					notes = append(notes, fmt.Sprintf("上次导出在替换报送包时中断，未完成的报送包已移除；%s 目前没有报送包，请重新导出", filepath.Dir(out)))
				}
			}
		}
	}
	// The previous package was moved aside and nothing took its place.
	if !exists(out) && restoreOld() {
		notes = append(notes, fmt.Sprintf("上次导出在替换报送包时中断：已恢复导出前的报送包 %s", filepath.Base(out)))
	}
	// Folder new, image old: the new image is waiting beside it.
	if tm, marked := folderManifest(out); iso != "" && tm != nil && !marked && exists(iso) && !bytes.Equal(imageManifest(iso), tm) {
		img, back := imageOf(tm), oldWith(olds, imageManifest(iso))
		switch {
		case img != "" && rename(img, iso) == nil:
			notes = append(notes, fmt.Sprintf("上次导出在替换光盘映像时中断：已把新光盘映像放到 %s，与报送包一致", filepath.Base(iso)))
		case back >= 0 && rename(out, fmt.Sprintf("%s.tmp-%d", out, time.Now().UnixNano())) == nil:
			// The new image is lost: back to the previous folder, which matches the image.
			o := olds[back]
			olds = append(slices.Delete(olds, back, back+1), o)
			if restoreOld() {
				notes = append(notes, fmt.Sprintf("上次导出在替换光盘映像时中断：已恢复为导出前的报送包 %s 和光盘映像", filepath.Base(out)))
			}
		default:
			notes = append(notes, fmt.Sprintf("报送包 %s 与光盘映像 %s 不是同一次导出的，请勿刻录该光盘映像；重新导出会同时替换二者", filepath.Base(out), filepath.Base(iso)))
		}
	}
	left := 0
	for _, p := range Leftovers(out, iso) {
		if p == out {
			continue
		}
		if removeAll(p) == nil {
			left++
		}
	}
	if left > 0 {
		notes = append(notes, fmt.Sprintf("已清除上次中断的导出留下的 %d 个临时文件（夹）", left))
	}
	return notes
}
