// Command tuijian-dist builds the Windows release on Linux: 督查激励推荐助手.exe (the
// desktop app, with icon, version information and manifest from FyneApp.toml),
// tuijian-cli.exe, and the installer 督查激励推荐助手-<version>-安装.exe made with
// Debian's NSIS.
//
// Usage (from the repository root):
//
//	go run ./cmd/tuijian-dist -out ~/tuijian-windows [-no-installer]
//
// It needs gcc-mingw-w64-x86-64 (gcc and windres) and, for the installer, nsis.
//
// Why this and not `fyne package`: fyne package reads FyneApp.toml from the package
// folder, not the module root, and deletes an exe it did not build; the resources
// here are the plain Windows ones (windres → .syso, linked by go build), so the exe is
// what `go build` makes plus its resources, reproducibly.
//
// The installer (decisions written down here, for IT support):
//   - per user, without administrator rights (RequestExecutionLevel user), into
//     %LOCALAPPDATA%\Programs\督查激励推荐助手; Chinese UI (NSIS SimpChinese);
//   - Start-menu and desktop shortcuts for the app and for 演示 (--demo), and the
//     command line tuijian-cli.exe beside the app;
//   - registered under HKCU “Apps & features” with its version; the uninstaller
//     removes the program and the shortcuts and keeps the officer's data
//     (%AppData%\Tuijian: the database, the key, the log).
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/image/draw"
)

// Details is the [Details] table of FyneApp.toml.
type Details struct {
	Icon, Name, ID, Version string
	Build                   int
}

// FileVersion is the four-part Windows version: 0.1.0.1 for Version 0.1.0, Build 1.
func (d Details) FileVersion() string {
	parts := strings.Split(d.Version, ".")
	for len(parts) < 3 {
		parts = append(parts, "0")
	}
	return strings.Join(parts[:3], ".") + "." + strconv.Itoa(d.Build)
}

// readDetails reads the [Details] table of FyneApp.toml (key = "string" or number).
func readDetails(path string) (Details, error) {
	var d Details
	f, err := os.Open(path)
	if err != nil {
		return d, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	in := false
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") {
			in = line == "[Details]"
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !in || !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if s, err := strconv.Unquote(v); err == nil {
			v = s
		}
		switch k {
		case "Icon":
			d.Icon = v
		case "Name":
			d.Name = v
		case "ID":
			d.ID = v
		case "Version":
			d.Version = v
		case "Build":
			if d.Build, err = strconv.Atoi(v); err != nil {
				return d, fmt.Errorf("%s: Build = %q is not a number", path, v)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return d, err
	}
	if d.Name == "" || d.Version == "" || d.ID == "" || d.Icon == "" {
		return d, fmt.Errorf("%s: [Details] needs Name, ID, Version and Icon", path)
	}
	return d, nil
}

// makeICO writes an .ico with PNG-compressed images of the icon at the sizes Windows
// asks for (shell, taskbar, Start menu, high DPI).
func makeICO(src image.Image) ([]byte, error) {
	sizes := []int{16, 24, 32, 48, 64, 128, 256}
	var imgs [][]byte
	for _, n := range sizes {
		dst := image.NewNRGBA(image.Rect(0, 0, n, n))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Over, nil)
		var b bytes.Buffer
		if err := png.Encode(&b, dst); err != nil {
			return nil, err
		}
		imgs = append(imgs, b.Bytes())
	}
	var out bytes.Buffer
	binary.Write(&out, binary.LittleEndian, [3]uint16{0, 1, uint16(len(sizes))})
	offset := 6 + 16*len(sizes)
	for i, n := range sizes {
		w := byte(n)
		if n == 256 {
			w = 0
		}
		out.Write([]byte{w, w, 0, 0})
		binary.Write(&out, binary.LittleEndian, [2]uint16{1, 32})
		binary.Write(&out, binary.LittleEndian, [2]uint32{uint32(len(imgs[i])), uint32(offset)})
		offset += len(imgs[i])
	}
	for _, b := range imgs {
		out.Write(b)
	}
	return out.Bytes(), nil
}

func manifest(d Details, gui bool) string {
	dpi := ""
	if gui {
		dpi = `
  <application xmlns="urn:schemas-microsoft-com:asm.v3">
    <windowsSettings>
      <dpiAware xmlns="http://schemas.microsoft.com/SMI/2005/WindowsSettings">true/pm</dpiAware>
      <dpiAwareness xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">PerMonitorV2</dpiAwareness>
    </windowsSettings>
  </application>`
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <assemblyIdentity type="win32" name="` + d.ID + `" version="` + d.FileVersion() + `" processorArchitecture="amd64"/>
  <description>` + d.Name + `</description>
  <dependency>
    <dependentAssembly>
      <assemblyIdentity type="win32" name="Microsoft.Windows.Common-Controls" version="6.0.0.0" processorArchitecture="*" publicKeyToken="6595b64144ccf1df" language="*"/>
    </dependentAssembly>
  </dependency>
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security><requestedPrivileges><requestedExecutionLevel level="asInvoker" uiAccess="false"/></requestedPrivileges></security>
  </trustInfo>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application><supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/></application>
  </compatibility>` + dpi + `
</assembly>
`
}

// resourceScript is the .rc of one executable: icon, manifest, version information
// (Chinese, Unicode: block 080404b0).
func resourceScript(d Details, description, file string) string {
	v := strings.ReplaceAll(d.FileVersion(), ".", ",")
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	return `#pragma code_page(65001)
1 ICON "icon.ico"
1 24 "app.manifest"
1 VERSIONINFO
FILEVERSION ` + v + `
PRODUCTVERSION ` + v + `
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "080404b0"
    BEGIN
      VALUE "CompanyName", ` + q("Tuijian") + `
      VALUE "FileDescription", ` + q(description) + `
      VALUE "FileVersion", ` + q(d.FileVersion()) + `
      VALUE "InternalName", ` + q(strings.TrimSuffix(file, ".exe")) + `
      VALUE "OriginalFilename", ` + q(file) + `
      VALUE "ProductName", ` + q(d.Name) + `
      VALUE "ProductVersion", ` + q(d.Version) + `
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x0804, 1200
  END
END
`
}

// installerScript is the NSIS script; files are taken from dir.
func installerScript(d Details, dir, outFile string) string {
	return `Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user
!include "MUI2.nsh"
!define APPNAME "` + d.Name + `"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\` + d.ID + `"
Name "${APPNAME}"
OutFile "` + outFile + `"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "Software\Tuijian" "InstallDir"
VIProductVersion "` + d.FileVersion() + `"
VIAddVersionKey /LANG=2052 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "` + d.FileVersion() + `"
VIAddVersionKey /LANG=2052 "ProductVersion" "` + d.Version + `"
VIAddVersionKey /LANG=2052 "CompanyName" "Tuijian"
VIAddVersionKey /LANG=2052 "LegalCopyright" "Tuijian"
!define MUI_ICON "` + filepath.Join(dir, "icon.ico") + `"
!define MUI_UNICON "` + filepath.Join(dir, "icon.ico") + `"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APPNAME}.exe"
!define MUI_FINISHPAGE_RUN_TEXT "启动${APPNAME}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "安装"
  SetOutPath "$INSTDIR"
  File "` + filepath.Join(dir, d.Name+".exe") + `"
  File "` + filepath.Join(dir, "tuijian-cli.exe") + `"
  File "` + filepath.Join(dir, "使用说明.txt") + `"
  WriteUninstaller "$INSTDIR\卸载.exe"
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortCut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\${APPNAME}.exe"
  CreateShortCut "$SMPROGRAMS\${APPNAME}\${APPNAME}（演示）.lnk" "$INSTDIR\${APPNAME}.exe" "--demo"
  CreateShortCut "$SMPROGRAMS\${APPNAME}\卸载${APPNAME}.lnk" "$INSTDIR\卸载.exe"
  CreateShortCut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${APPNAME}.exe"
  CreateShortCut "$DESKTOP\${APPNAME}（演示）.lnk" "$INSTDIR\${APPNAME}.exe" "--demo"
  WriteRegStr HKCU "Software\Tuijian" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "` + d.Version + `"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Tuijian"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${APPNAME}.exe"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\卸载.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\卸载.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

; The officer's data (%AppData%\Tuijian: database, key, log) is kept.
Section "Uninstall"
  Delete "$INSTDIR\${APPNAME}.exe"
  Delete "$INSTDIR\tuijian-cli.exe"
  Delete "$INSTDIR\使用说明.txt"
  Delete "$INSTDIR\卸载.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\${APPNAME}（演示）.lnk"
  Delete "$SMPROGRAMS\${APPNAME}\卸载${APPNAME}.lnk"
  RMDir "$SMPROGRAMS\${APPNAME}"
  Delete "$DESKTOP\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}（演示）.lnk"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\Tuijian"
SectionEnd
`
}

const readme = "\ufeff督查激励推荐助手 使用说明\r\n\r\n" +
	"双击桌面上的“督查激励推荐助手”开始工作；“督查激励推荐助手（演示）”打开一份虚构的演示数据（山东省），可放心试用，不影响正式数据。\r\n" +
	"正式数据保存在 %AppData%\\Tuijian\\tuijian.db（签名密钥也在其中），请定期备份该文件夹；卸载本程序不会删除它。\r\n" +
	"命令行版 tuijian-cli.exe 在安装文件夹中，可完成同样的工作（tuijian-cli.exe help）。\r\n" +
	"需要 Windows 10 或更高版本和支持 OpenGL 2.1 的显卡驱动；远程桌面或虚拟桌面上无法显示时，请在本机运行，或使用命令行版。\r\n"

func run(dir string, env []string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

// Build makes the release in out from the repository at root.
func Build(root, out string, installer bool) ([]string, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	d, err := readDetails(filepath.Join(root, "FyneApp.toml"))
	if err != nil {
		return nil, err
	}
	for _, tool := range []string{"x86_64-w64-mingw32-gcc", "x86_64-w64-mingw32-windres"} {
		if _, err := exec.LookPath(tool); err != nil {
			return nil, fmt.Errorf("%s not found: apt-get install gcc-mingw-w64-x86-64", tool)
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	out, err = filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(root, d.Icon))
	if err != nil {
		return nil, err
	}
	icon, err := png.Decode(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", d.Icon, err)
	}
	ico, err := makeICO(icon)
	if err != nil {
		return nil, err
	}
	work, err := os.MkdirTemp("", "tuijian-dist-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	if err := os.WriteFile(filepath.Join(out, "icon.ico"), ico, 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(out, "使用说明.txt"), []byte(readme), 0o644); err != nil {
		return nil, err
	}
	ldVersion := "-X main.version=" + d.FileVersion()
	targets := []struct {
		pkg, file, description string
		gui                    bool
	}{
		{"./cmd/tuijian", d.Name + ".exe", d.Name, true},
		{"./cmd/tuijian-cli", "tuijian-cli.exe", d.Name + "（命令行）", false},
	}
	var made []string
	for _, tg := range targets {
		res := filepath.Join(work, strings.TrimPrefix(tg.pkg, "./cmd/"))
		if err := os.MkdirAll(res, 0o755); err != nil {
			return nil, err
		}
		for name, data := range map[string][]byte{
			"icon.ico":     ico,
			"app.manifest": []byte(manifest(d, tg.gui)),
			"app.rc":       []byte(resourceScript(d, tg.description, tg.file)),
		} {
			if err := os.WriteFile(filepath.Join(res, name), data, 0o644); err != nil {
				return nil, err
			}
		}
		// go build links every .syso of the package folder; it is removed afterwards
		// (and ignored by git).
		syso := filepath.Join(root, tg.pkg, "zz_resources_windows_amd64.syso")
		if err := run(res, nil, "x86_64-w64-mingw32-windres", "--codepage=65001", "-O", "coff", "-i", "app.rc", "-o", syso); err != nil {
			return nil, err
		}
		ld := "-s -w " + ldVersion
		env := []string{"GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0"}
		if tg.gui {
			ld = "-H=windowsgui " + ld
			env = []string{"GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=1", "CC=x86_64-w64-mingw32-gcc"}
		}
		// no_emoji: Fyne's colour-emoji face (4.2 MB) is left out; the app draws no emoji
		// anyway (app/emoji.go), so the release and a development build look the same.
		err := run(root, env, "go", "build", "-trimpath", "-tags", "no_emoji", "-ldflags", ld, "-o", filepath.Join(out, tg.file), tg.pkg)
		os.Remove(syso)
		if err != nil {
			return nil, err
		}
		made = append(made, filepath.Join(out, tg.file))
	}
	if !installer {
		return made, nil
	}
	if _, err := exec.LookPath("makensis"); err != nil {
		return made, errors.New("makensis not found: apt-get install nsis")
	}
	setup := filepath.Join(out, fmt.Sprintf("%s-%s-安装.exe", d.Name, d.Version))
	nsi := filepath.Join(work, "installer.nsi")
	if err := os.WriteFile(nsi, []byte(installerScript(d, out, setup)), 0o644); err != nil {
		return made, err
	}
	if err := run(work, nil, "makensis", "-V2", "-INPUTCHARSET", "UTF8", nsi); err != nil {
		return made, err
	}
	return append(made, setup), nil
}

func main() {
	out := flag.String("out", "", "output folder (outside the repository)")
	noInstaller := flag.Bool("no-installer", false, "build the executables only")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: go run ./cmd/tuijian-dist -out FOLDER [-no-installer]")
		os.Exit(2)
	}
	made, err := Build(".", *out, !*noInstaller)
	if err != nil {
		fmt.Fprintln(os.Stderr, "tuijian-dist:", err)
		os.Exit(1)
	}
	for _, m := range made {
		fmt.Println(m)
	}
}
