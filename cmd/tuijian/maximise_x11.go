//go:build linux && cgo && !wayland && !ci

package main

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>
#include <string.h>

// maximise sends the EWMH request _NET_WM_STATE add MAXIMIZED_VERT|HORZ for a mapped
// window; a window manager without EWMH ignores it.
static int maximise(unsigned long win) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return 0;
	XEvent e;
	memset(&e, 0, sizeof e);
	e.xclient.type = ClientMessage;
	e.xclient.window = (Window)win;
	e.xclient.message_type = XInternAtom(d, "_NET_WM_STATE", False);
	e.xclient.format = 32;
	e.xclient.data.l[0] = 1; // _NET_WM_STATE_ADD
	e.xclient.data.l[1] = XInternAtom(d, "_NET_WM_STATE_MAXIMIZED_VERT", False);
	e.xclient.data.l[2] = XInternAtom(d, "_NET_WM_STATE_MAXIMIZED_HORZ", False);
	e.xclient.data.l[3] = 1; // source: application
	int ok = XSendEvent(d, DefaultRootWindow(d), False, SubstructureRedirectMask | SubstructureNotifyMask, &e);
	XFlush(d);
	XCloseDisplay(d);
	return ok;
}
*/
import "C"

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// maximise asks the window manager to maximise the window (EWMH, as every current
// Linux desktop understands: UKUI, DDE, GNOME, KDE, Xfce).
func maximise(w fyne.Window) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	nw.RunNative(func(ctx any) {
		if c, ok := ctx.(driver.X11WindowContext); ok && c.WindowHandle != 0 {
			C.maximise(C.ulong(c.WindowHandle))
		}
	})
}
