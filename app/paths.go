package app

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"

	"rpbmatrix/model/demo"
	"rpbmatrix/storage"
)

// documentsFolderName is the folder under the user's Documents that holds
// the demo copy and where file dialogs start: planners look for their files
// in Documents, not in hidden configuration folders.
const documentsFolderName = "RPB Matrix"

// demoFileName is the demo project's file name in the data folder: one name
// in every language, so a language switch finds the same copy.
const demoFileName = "rpbmatrix-demo.rpb"

// DefaultProjectPath returns the file to open when none is given: the last
// file used if it still exists, else a copy of the demo project in the
// user's Documents/RPB Matrix folder, made on first use. It returns "" (and logs why) when
// neither is possible; the window then offers New and Open.
//
// It reads the recent files from the running Fyne app's preferences, so call
// it after the app exists (Run does).
func DefaultProjectPath() string {
	if a := fyne.CurrentApp(); a != nil {
		if recent := recentFiles(a.Preferences()); len(recent) > 0 {
			return recent[0]
		}
	}
	path, err := demoPath()
	if err != nil {
		fyne.LogError("cannot prepare the demo project", err)
		return ""
	}
	return path
}

// demoPath returns the demo copy in the user's RPB Matrix folder, creating
// it if missing.
func demoPath() (string, error) {
	dir, err := filesDir()
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, demoFileName)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	return path, createDemo(path)
}

// filesDir returns the user's RPB Matrix folder under Documents, creating it.
func filesDir() (string, error) {
	docs, err := documentsDir(runtime.GOOS, os.Getenv, xdgUserDir)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(docs, documentsFolderName)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return dir, nil
}

// documentsDir is the user's Documents folder as the system names it: on
// Linux the XDG documents directory (xdg-user-dir DOCUMENTS, which follows
// a localised name such as ~/文档), else ~/Documents; on Windows the
// Documents folder of the profile; on macOS ~/Documents.
func documentsDir(goos string, getenv func(string) string, xdg func() string) (string, error) {
	home := getenv("HOME")
	if goos == "windows" {
		home = getenv("USERPROFILE")
	}
	if home == "" {
		h, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		home = h
	}
	if goos != "windows" && goos != "darwin" && xdg != nil {
		// xdg-user-dir answers the home folder itself when no documents
		// folder is set: the files would land loose in home.
		if d := xdg(); d != "" && filepath.IsAbs(d) && filepath.Clean(d) != filepath.Clean(home) {
			return d, nil
		}
	}
	return filepath.Join(home, "Documents"), nil
}

// xdgUserDir asks xdg-user-dir for the documents folder; "" when it is not
// installed or fails.
func xdgUserDir() string {
	out, err := exec.Command("xdg-user-dir", "DOCUMENTS").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// createDemo writes the embedded demo project to path.
func createDemo(path string) error {
	p, err := demo.Project()
	if err != nil {
		return fmt.Errorf("demo project: %w", err)
	}
	st, err := storage.Create(path, p, storage.Options{Author: "demo"})
	if errors.Is(err, storage.ErrExists) {
		return nil // another window made it first
	}
	if err != nil {
		return err
	}
	return st.Close()
}
