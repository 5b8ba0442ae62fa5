//go:build !(screenshot || ci)

package main

import (
	"rpbmatrix/app/cli"
	"rpbmatrix/model/words"
)

// screenshot says how to get the command: the shipped binary leaves out
// Fyne's test driver, which rendering without a display needs.
func screenshot(env cli.Env, args []string) int {
	return env.Fail(screenshotCmd, words.M("cli.screenshot.not_built"))
}
