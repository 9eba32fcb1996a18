//go:build !linux && !windows

package assets

func release([]byte) {}
