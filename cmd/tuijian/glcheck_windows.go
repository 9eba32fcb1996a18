//go:build windows

package main

import (
	"errors"
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

// checkOpenGL makes a hidden window with a WGL context, as GLFW will, and reads the
// driver's OpenGL version (issue 15 point 4). On a remote desktop, a virtual desktop
// or the basic display driver Windows offers only its own OpenGL 1.1 (“GDI Generic”),
// with which Fyne cannot draw: then a Chinese message box says so instead of the
// program vanishing. The message box and the log are the caller's.
func checkOpenGL() error {
	user32 := windows.NewLazySystemDLL("user32.dll")
	gdi32 := windows.NewLazySystemDLL("gdi32.dll")
	opengl := windows.NewLazySystemDLL("opengl32.dll")
	kernel32 := windows.NewLazySystemDLL("kernel32.dll")
	if err := opengl.Load(); err != nil {
		return fmt.Errorf("找不到 opengl32.dll：%v", err)
	}
	call := func(p *windows.LazyProc, args ...uintptr) uintptr {
		r, _, _ := p.Call(args...)
		return r
	}
	inst := call(kernel32.NewProc("GetModuleHandleW"), 0)
	class, _ := windows.UTF16PtrFromString("TuijianGLProbe")
	// WNDCLASSEXW
	type wndClass struct {
		size, style                uint32
		wndProc                    uintptr
		clsExtra, wndExtra         int32
		instance, icon, cursor, bg uintptr
		menuName, className        *uint16
		iconSm                     uintptr
	}
	wc := wndClass{wndProc: user32.NewProc("DefWindowProcW").Addr(), instance: inst, className: class, style: 0x20 /* CS_OWNDC */}
	wc.size = uint32(unsafe.Sizeof(wc))
	call(user32.NewProc("RegisterClassExW"), uintptr(unsafe.Pointer(&wc)))
	hwnd := call(user32.NewProc("CreateWindowExW"), 0, uintptr(unsafe.Pointer(class)), uintptr(unsafe.Pointer(class)),
		0, 0, 0, 16, 16, 0, 0, inst, 0)
	if hwnd == 0 {
		return errors.New("无法创建窗口")
	}
	defer call(user32.NewProc("DestroyWindow"), hwnd)
	hdc := call(user32.NewProc("GetDC"), hwnd)
	defer call(user32.NewProc("ReleaseDC"), hwnd, hdc)
	// PIXELFORMATDESCRIPTOR: RGBA, double-buffered, OpenGL, 32-bit colour, 24-bit depth.
	var pfd [40]byte
	pfd[0], pfd[2] = 40, 1
	pfd[4] = 0x04 | 0x20 | 0x01 // PFD_DRAW_TO_WINDOW | PFD_SUPPORT_OPENGL | PFD_DOUBLEBUFFER
	pfd[9] = 32
	pfd[23] = 24
	format := call(gdi32.NewProc("ChoosePixelFormat"), hdc, uintptr(unsafe.Pointer(&pfd[0])))
	if format == 0 || call(gdi32.NewProc("SetPixelFormat"), hdc, format, uintptr(unsafe.Pointer(&pfd[0]))) == 0 {
		return errors.New("显卡驱动不提供 OpenGL 像素格式")
	}
	ctx := call(opengl.NewProc("wglCreateContext"), hdc)
	if ctx == 0 {
		return errors.New("无法创建 OpenGL 上下文")
	}
	defer call(opengl.NewProc("wglDeleteContext"), ctx)
	if call(opengl.NewProc("wglMakeCurrent"), hdc, ctx) == 0 {
		return errors.New("无法启用 OpenGL 上下文")
	}
	defer call(opengl.NewProc("wglMakeCurrent"), 0, 0)
	const glVersion, glRenderer = 0x1F02, 0x1F01
	glString := func(name uintptr) string {
		r := call(opengl.NewProc("glGetString"), name)
		if r == 0 {
			return ""
		}
		// r points at a static string owned by the driver.
		return windows.BytePtrToString(*(**byte)(unsafe.Pointer(&r)))
	}
	version, renderer := glString(glVersion), glString(glRenderer)
	return openGLUsable(version, renderer)
}

// showFatal shows a message box (the exe has no console).
func showFatal(title, text string) {
	t, _ := windows.UTF16PtrFromString(title)
	m, _ := windows.UTF16PtrFromString(text)
	windows.MessageBox(0, m, t, windows.MB_OK|windows.MB_ICONERROR)
}
