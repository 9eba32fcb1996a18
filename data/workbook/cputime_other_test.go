//go:build !unix

package workbook

func cpuTime() int64 { return 0 }
