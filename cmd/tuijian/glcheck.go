package main

import (
	"fmt"
	"strconv"
	"strings"
)

// openGLUsable tells whether an OpenGL version string (GL_VERSION, e.g. "4.6.0 NVIDIA
// 537.13" or "1.1.0") is at least the 2.1 Fyne needs; renderer names the driver in
// the message.
func openGLUsable(version, renderer string) error {
	major, minor := 0, 0
	v, _, _ := strings.Cut(strings.TrimSpace(version), " ")
	parts := strings.SplitN(v, ".", 3)
	if len(parts) >= 2 {
		major, _ = strconv.Atoi(parts[0])
		minor, _ = strconv.Atoi(parts[1])
	}
	if major > 2 || (major == 2 && minor >= 1) {
		return nil
	}
	if version == "" {
		version = "无"
	}
	return fmt.Errorf("显卡驱动只提供 OpenGL %s（%s），本程序需要 OpenGL 2.1 或更高版本", version, renderer)
}

// openGLHelp is what the officer reads when the check fails.
func openGLHelp(err error) string {
	return "督查激励推荐助手无法显示窗口：" + err.Error() + "。\n\n" +
		"常见原因和办法：\n" +
		"1. 通过远程桌面或云桌面使用：请在本机上直接运行；\n" +
		"2. 显卡驱动是 Windows 自带的“基本显示适配器”：请安装显卡厂商的驱动（可请信息中心协助）；\n" +
		"3. 暂时无法解决时，可使用安装文件夹中的命令行版 tuijian-cli.exe 完成同样的工作（tuijian-cli.exe help）。\n\n" +
		"数据没有受到影响。详细信息已记入数据文件旁的同名日志（.log）。"
}
