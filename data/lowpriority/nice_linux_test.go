package lowpriority

import "golang.org/x/sys/unix"

// threadNice is the calling thread's niceness (getpriority returns 20 − nice).
func threadNice() (int, bool) {
	p, err := unix.Getpriority(unix.PRIO_PROCESS, unix.Gettid())
	return 20 - p, err == nil
}
