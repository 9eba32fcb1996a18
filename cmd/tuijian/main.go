// Command tuijian is the desktop app of 督查激励推荐助手.
package main

func main() {}
