//go:build !linux

package lowpriority

func threadNice() (int, bool) { return 0, false }
