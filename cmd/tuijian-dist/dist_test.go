package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func TestReadDetails(t *testing.T) {
	d, err := readDetails(filepath.Join("..", "..", "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "督查激励推荐助手" || d.Version == "" || d.Build == 0 || !strings.HasPrefix(d.FileVersion(), d.Version+".") {
		t.Errorf("%+v %s", d, d.FileVersion())
	}
}

// Issue 15 points 3 and 8: the release is built on Linux, the executables carry their
// resources, and the installer installs per user under wine, with the shortcuts, and
// its uninstaller removes the program but keeps the officer's data.
func TestReleaseAndInstallerUnderWine(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: builds the Windows release (minutes)")
	}
	for _, tool := range []string{"x86_64-w64-mingw32-gcc", "x86_64-w64-mingw32-windres", "makensis", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	out := t.TempDir()
	made, err := Build(filepath.Join("..", ".."), out, true)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := readDetails(filepath.Join("..", "..", "FyneApp.toml"))
	if len(made) != 3 || filepath.Base(made[0]) != d.Name+".exe" || !strings.Contains(filepath.Base(made[2]), d.Version) {
		t.Fatalf("made %v", made)
	}
	for i, exe := range made[:2] {
		b, err := os.ReadFile(exe)
		if err != nil {
			t.Fatal(err)
		}
		// issue 19: small enough to mail
		if limit := []int{60e6, 40e6}[i]; len(b) > limit {
			t.Errorf("%s is %.2f MB, over %d MB", filepath.Base(exe), float64(len(b))/1e6, limit/1e6)
		}
		for _, want := range []string{d.FileVersion(), d.Name, "VS_VERSION_INFO"} {
			if !bytes.Contains(b, utf16le(want)) {
				t.Errorf("%s has no %q in its resources", filepath.Base(exe), want)
			}
		}
		if !bytes.Contains(b, []byte(`name="`+d.ID+`"`)) {
			t.Errorf("%s has no manifest", filepath.Base(exe))
		}
	}
	if _, err := exec.LookPath("7z"); err == nil {
		list, err := exec.Command("7z", "l", made[2]).CombinedOutput()
		if err != nil {
			t.Fatalf("7z l: %v\n%s", err, list)
		}
		for _, f := range []string{d.Name + ".exe", "tuijian-cli.exe", "使用说明.txt", "卸载.exe"} {
			if !strings.Contains(string(list), f) {
				t.Errorf("installer lacks %s", f)
			}
		}
	}

	wine, err := exec.LookPath("wine")
	if err != nil {
		t.Skip("wine not installed")
	}
	home := t.TempDir()
	prefix := filepath.Join(home, "wine")
	env := append(os.Environ(), "WINEPREFIX="+prefix, "WINEDEBUG=-all", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME="+home, "DISPLAY=")
	w := func(args ...string) {
		t.Helper()
		cmd := exec.Command(wine, args...)
		cmd.Env = env
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("wine %v: %v\n%s", args, err, b)
		}
	}
	w("wineboot", "--init")
	shim := exec.Command("x86_64-w64-mingw32-gcc", "-shared", "-O2", "-o", filepath.Join(prefix, "drive_c", "windows", "system32", "bcryptprimitives.dll"),
		filepath.Join("..", "tuijian-cli", "testdata", "winecompat", "bcryptprimitives.c"), "-ladvapi32")
	if b, err := shim.CombinedOutput(); err != nil {
		t.Fatalf("stand-in DLL: %v\n%s", err, b)
	}
	w(made[2], "/S")
	user := filepath.Join(prefix, "drive_c", "users", os.Getenv("USER"))
	if os.Getenv("USER") == "" {
		matches, _ := filepath.Glob(filepath.Join(prefix, "drive_c", "users", "*", "AppData"))
		for _, m := range matches {
			if !strings.Contains(m, "Public") {
				user = filepath.Dir(m)
			}
		}
	}
	inst := filepath.Join(user, "AppData", "Local", "Programs", d.Name)
	menu := filepath.Join(user, "AppData", "Roaming", "Microsoft", "Windows", "Start Menu", "Programs", d.Name)
	for _, p := range []string{
		filepath.Join(inst, d.Name+".exe"), filepath.Join(inst, "tuijian-cli.exe"), filepath.Join(inst, "卸载.exe"),
		filepath.Join(menu, d.Name+".lnk"), filepath.Join(menu, d.Name+"（演示）.lnk"),
		filepath.Join(home, d.Name+".lnk"), filepath.Join(home, d.Name+"（演示）.lnk"), // wine's Desktop is $HOME
	} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("not installed: %s", p)
		}
	}
	// The installed CLI works and writes the demo into the officer's data folder.
	w(filepath.Join(inst, "tuijian-cli.exe"), "demo")
	data := filepath.Join(user, "AppData", "Roaming", "Tuijian", "tuijian-demo.db")
	if _, err := os.Stat(data); err != nil {
		t.Fatalf("no demo data at %s", data)
	}
	// Without a display (as without OpenGL) the app does not vanish silently: it exits
	// with status 1 and the reason is in the log beside the data file (the message box
	// is shown too; under wine without a display it returns at once).
	gui := filepath.Join(inst, d.Name+".exe")
	dbDir := filepath.Join(home, "数据 目录")
	os.MkdirAll(dbDir, 0o755)
	cmd := exec.Command(wine, gui, "--db", `Z:`+strings.ReplaceAll(filepath.Join(dbDir, "case.db"), "/", `\`))
	cmd.Env = env
	if err := cmd.Run(); err == nil {
		t.Error("the app started without a display")
	}
	if b, err := os.ReadFile(filepath.Join(dbDir, "case.log")); err != nil || !strings.Contains(string(b), "OpenGL") {
		t.Errorf("no OpenGL entry in the log: %q %v", b, err)
	}
	// _?= runs the uninstaller in place, synchronously.
	w(filepath.Join(inst, "卸载.exe"), "/S", `_?=`+`Z:`+strings.ReplaceAll(inst, "/", `\`))
	for _, p := range []string{filepath.Join(inst, d.Name+".exe"), filepath.Join(inst, "tuijian-cli.exe"), menu, filepath.Join(home, d.Name+".lnk")} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("left by the uninstaller: %s", p)
		}
	}
	if _, err := os.Stat(data); err != nil {
		t.Errorf("the uninstaller removed the officer's data: %v", err)
	}
}
