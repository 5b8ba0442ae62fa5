package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"

	"rpbmatrix/model/demo"
	"rpbmatrix/storage"
)

// dataDirName is the folder under os.UserConfigDir holding the demo copy.
const dataDirName = "rpbmatrix"

// demoFileName is the demo project's file name in the data folder: one name
// in every language, so a language switch finds the same copy.
const demoFileName = "rpbmatrix-demo.rpb"

// DefaultProjectPath returns the file to open when none is given: the last
// file used if it still exists, else a copy of the demo project in the
// user's data folder, made on first use. It returns "" (and logs why) when
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

// demoPath returns the demo copy in the data folder, creating it if missing.
func demoPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	dir = filepath.Join(dir, dataDirName)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, demoFileName)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	return path, createDemo(path)
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
