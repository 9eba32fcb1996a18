// Package safefile writes a file so that it is either the old one or the new one,
// complete and on disk (issue 20): into a temporary file beside it, synced, renamed
// over the target, and the folder synced. A process killed midway leaves the old file
// (or none) and at most a “.tmp-” file that the next write replaces.
package safefile

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// WriteFile writes data to path with perm, atomically and durably.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-")
	if err != nil {
		return fmt.Errorf("无法在 %s 中写入临时文件：%w", dir, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // after a successful rename there is nothing left to remove
	if _, err = f.Write(data); err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, perm)
	}
	if err != nil {
		return fmt.Errorf("无法写入 %s：%w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("无法写入 %s（文件可能正被其他程序打开，如 Excel）：%w", path, err)
	}
	SyncDir(dir)
	return nil
}

// SyncDir makes renames and new entries in dir durable where the system supports
// syncing a folder (not Windows, where NTFS journals its metadata).
func SyncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// SyncTree flushes every file under root to disk, then every folder, so that a tree
// written with plain writes is on disk before it is renamed into place.
func SyncTree(root string) error {
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			dirs = append(dirs, p)
			return nil
		}
		// Windows flushes only a handle opened for writing.
		f, err := os.OpenFile(p, os.O_RDWR, 0)
		if err != nil {
			return err
		}
		err = f.Sync()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("无法把 %s 写入磁盘：%w", root, err)
	}
	for _, d := range dirs {
		SyncDir(d)
	}
	return nil
}
