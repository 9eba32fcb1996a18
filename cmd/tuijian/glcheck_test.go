package main

import (
	"strings"
	"testing"
)

func TestOpenGLUsable(t *testing.T) {
	for _, c := range []struct {
		version string
		ok      bool
	}{
		{"4.6.0 NVIDIA 537.13", true},
		{"2.1 Mesa 22.3.6", true},
		{"3.3 (Core Profile) Mesa 23.1", true},
		{"2.0", false},
		{"1.1.0", false}, // Windows' GDI Generic on RDP or the basic display driver
		{"", false},
		{"garbage", false},
	} {
		err := openGLUsable(c.version, "GDI Generic")
		if (err == nil) != c.ok {
			t.Errorf("%q: %v", c.version, err)
		}
		if err != nil && (!strings.Contains(err.Error(), "2.1") || !strings.Contains(openGLHelp(err), "tuijian-cli.exe")) {
			t.Errorf("%q: message %q", c.version, err)
		}
	}
}
