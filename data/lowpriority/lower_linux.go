package lowpriority

import "golang.org/x/sys/unix"

// nice is the niceness of a lowered thread: well below the UI, above idle-class work.
const nice = 10

// lower sets the calling thread's niceness (Linux keeps one per thread). A failure
// leaves the thread at normal priority, which is only slower to yield.
func lower() { _ = unix.Setpriority(unix.PRIO_PROCESS, unix.Gettid(), nice) }
