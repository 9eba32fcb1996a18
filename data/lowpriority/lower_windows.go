package lowpriority

import "golang.org/x/sys/windows"

var setThreadPriority = windows.NewLazySystemDLL("kernel32.dll").NewProc("SetThreadPriority")

// threadPriorityBelowNormal is THREAD_PRIORITY_BELOW_NORMAL (processthreadsapi.h).
const threadPriorityBelowNormal = -1

// lower sets the calling thread's priority below normal. A failure leaves it at normal
// priority, which is only slower to yield.
func lower() {
	if setThreadPriority.Find() == nil {
		setThreadPriority.Call(uintptr(windows.CurrentThread()), uintptr(threadPriorityBelowNormal&0xffffffff))
	}
}
