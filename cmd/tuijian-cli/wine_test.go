package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"tuijian/data/bagit"
	"tuijian/data/submission"
)

// Issue 15 point 8: the Windows CLI runs the whole workflow under wine, in a folder
// with Chinese characters and spaces, and the package it makes verifies on Linux and
// is byte-identical to the one the Linux build makes from the same data and date.
//
// wine 8.0 has no bcryptprimitives.dll (Go reads random numbers through its
// ProcessPrng): a test-only stand-in (testdata/winecompat) is built with mingw-w64 and
// put into the wine prefix's system32, where Go looks for it.
func TestWindowsCLIUnderWine(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	wine, err := exec.LookPath("wine")
	if err != nil {
		t.Skip("wine not installed")
	}
	cc, err := exec.LookPath("x86_64-w64-mingw32-gcc")
	if err != nil {
		t.Skip("mingw-w64 not installed")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not on PATH")
	}
	dir := t.TempDir()
	exe := filepath.Join(dir, "bin", "tuijian-cli.exe")
	build := exec.Command(goBin, "build", "-o", exe, ".")
	build.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("windows build: %v\n%s", err, b)
	}
	prefix := filepath.Join(dir, "wine")
	env := append(os.Environ(), "WINEPREFIX="+prefix, "WINEDEBUG=-all", "LANG=C.UTF-8", "LC_ALL=C.UTF-8",
		"TUIJIAN_PASSPHRASE=正确的口令 horse battery", "DISPLAY=")
	boot := exec.Command(wine, "wineboot", "--init")
	boot.Env = env
	if b, err := boot.CombinedOutput(); err != nil {
		t.Skipf("wine prefix could not be made: %v\n%s", err, b)
	}
	sys32 := filepath.Join(prefix, "drive_c", "windows", "system32")
	shim := exec.Command(cc, "-shared", "-O2", "-o", filepath.Join(sys32, "bcryptprimitives.dll"),
		filepath.Join("testdata", "winecompat", "bcryptprimitives.c"), "-ladvapi32")
	if b, err := shim.CombinedOutput(); err != nil {
		t.Fatalf("stand-in DLL: %v\n%s", err, b)
	}

	work := filepath.Join(dir, "推荐 材料（2022）")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	winPath := func(p string) string { return "Z:" + strings.ReplaceAll(p, "/", `\`) }
	db := filepath.Join(work, "山东 案例.db")
	win := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(wine, append([]string{exe, "--db", winPath(db), "--date", "2022-02-10"}, args...)...)
		cmd.Env = env
		cmd.Dir = work
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			t.Fatalf("wine tuijian-cli %v: %v\n%s\n%s", args, err, out.String(), errOut.String())
		}
		return out.String()
	}
	win("demo")
	win("check") // exit status 0: no blockers
	win("documents", "--out", winPath(filepath.Join(work, "推荐 文件")))
	if _, err := os.Stat(filepath.Join(work, "推荐 文件")); err != nil {
		t.Fatal(err)
	}
	win("key", "create")
	pkg := filepath.Join(work, "报送 包")
	out := win("export", "--out", winPath(pkg), "--iso", winPath(pkg+".iso"))
	if !strings.Contains(out, "报送包已写入") {
		t.Fatalf("export: %s", out)
	}
	if out := win("verify", winPath(pkg+".iso")); !strings.Contains(out, "校验通过") {
		t.Fatalf("verify under wine: %s", out)
	}

	// On Linux: the image verifies, and the Linux build makes the same bytes.
	if rep := submission.Verify(pkg+".iso", nil); !rep.OK() {
		t.Fatalf("the package made on Windows fails on Linux:\n%s", rep.Text())
	}
	linuxDB := filepath.Join(dir, "linux.db")
	copyFile(t, db, linuxDB)
	linuxPkg := filepath.Join(dir, "linux", "报送 包")
	t.Setenv("TUIJIAN_PASSPHRASE", "正确的口令 horse battery")
	if o, e, code := run(t, "--db", linuxDB, "--date", "2022-02-10", "export", "--out", linuxPkg, "--iso", linuxPkg+".iso"); code != 0 {
		t.Fatalf("linux export: %s %s", o, e)
	}
	for _, f := range []string{bagit.TagManifest, bagit.SignatureFile, submission.CoverName} {
		a, _ := os.ReadFile(filepath.Join(pkg, f))
		b, _ := os.ReadFile(filepath.Join(linuxPkg, f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs between the Windows and the Linux package", f)
		}
	}
	// Redirected output on a Chinese code page (936) is GBK/GB18030 (issue 15 point 5),
	// where the zh_CN.GBK locale exists (.ci/run makes it with localedef).
	if locales, _ := exec.Command("locale", "-a").Output(); bytes.Contains(bytes.ToLower(locales), []byte("zh_cn.gbk")) {
		cmd := exec.Command(wine, exe, "help")
		cmd.Env = append(env, "LANG=zh_CN.GBK", "LC_ALL=zh_CN.GBK")
		got, err := cmd.Output()
		if err != nil {
			t.Fatalf("help under a GBK locale: %v", err)
		}
		text, derr := simplifiedchinese.GB18030.NewDecoder().Bytes(got)
		if derr != nil || !strings.Contains(string(text), "督查激励推荐助手") || bytes.Contains(got, []byte("督查")) {
			t.Errorf("redirected output is not GBK: % x", got[:min(len(got), 40)])
		}
	} else {
		t.Log("no zh_CN.GBK locale: GBK output not checked under wine")
	}
	a, _ := os.ReadFile(pkg + ".iso")
	b, _ := os.ReadFile(linuxPkg + ".iso")
	if !bytes.Equal(a, b) {
		t.Error("the disc images made on Windows and on Linux differ")
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}
