//go:build ci

package app

import (
	"path/filepath"
	"testing"
)

func TestDocumentsDir(t *testing.T) {
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }
	xdg := func(d string) func() string { return func() string { return d } }
	tests := []struct {
		name string
		goos string
		env  map[string]string
		xdg  func() string
		want string
	}{
		{"linux xdg documents", "linux", map[string]string{"HOME": "/home/li"}, xdg("/home/li/文档"), "/home/li/文档"},
		{"linux no xdg", "linux", map[string]string{"HOME": "/home/li"}, xdg(""), "/home/li/Documents"},
		{"linux xdg answers home", "linux", map[string]string{"HOME": "/home/li"}, xdg("/home/li/"), "/home/li/Documents"},
		{"macOS", "darwin", map[string]string{"HOME": "/Users/li"}, xdg("/elsewhere"), "/Users/li/Documents"},
		{"windows profile", "windows", map[string]string{"USERPROFILE": `C:\\Users\\li`, "HOME": "/ignored"}, nil,
			filepath.Join(`C:\\Users\\li`, "Documents")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := documentsDir(tt.goos, env(tt.env), tt.xdg)
			if err != nil || got != tt.want {
				t.Errorf("documentsDir = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestDemoGoesToDocuments checks that the first run's demo copy lands in
// Documents/RPB Matrix, not in a hidden configuration folder.
func TestDemoGoesToDocuments(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	t.Setenv("PATH", "") // no xdg-user-dir
	path, err := demoPath()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(home, "Documents", documentsFolderName, demoFileName); path != want {
		t.Errorf("demo at %q, want %q", path, want)
	}
}
