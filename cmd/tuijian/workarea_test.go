package main

import "testing"

func TestWindowSizeFitsWorkArea(t *testing.T) {
	for _, c := range []struct{ workW, workH, w, h float32 }{
		{0, 0, 1366, 768},              // unknown: the default
		{1920, 1040, 1366, 768},        // full HD with taskbar
		{1366, 728, 1350, 688},         // 1366×768 laptop with a 40 px taskbar
		{1092.8, 582.4, 1076.8, 542.4}, // the same at 125 %
	} {
		got := windowSize(c.workW, c.workH)
		if got.Width != c.w || got.Height != c.h {
			t.Errorf("work area %v×%v: %v, want %v×%v", c.workW, c.workH, got, c.w, c.h)
		}
	}
}
