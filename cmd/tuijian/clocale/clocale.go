// Package clocale replaces a “C”/“POSIX” locale in the environment by zh_CN.UTF-8
// while the program initialises.
//
// Fyne's lang package looks up the user's locale in its package initialiser, before
// main runs, and logs “Error parsing user locale C” for the C locale of many Linux
// containers and remote sessions. Go initialises packages in the order of their import
// paths once their imports are done; this package needs only the standard library and
// its path (env.tuijian.local/…) sorts before fyne.io/…, so importing it for its side
// effect from a main package fixes the environment before Fyne reads it. It is its own
// module, replaced by this directory in tuijian's go.mod, because every package of
// the tuijian module sorts after fyne.io.
package clocale

import (
	"os"
	"strings"
)

func init() { Apply() }

// Apply sets every locale variable whose value is C, POSIX or C.* to zh_CN.UTF-8 and
// reports whether it changed one.
func Apply() bool {
	changed := false
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		if v, ok := os.LookupEnv(name); ok && IsC(v) {
			os.Setenv(name, "zh_CN.UTF-8")
			changed = true
		}
	}
	return changed
}

// IsC reports whether a locale value is the C or POSIX locale.
func IsC(v string) bool {
	return v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.")
}
