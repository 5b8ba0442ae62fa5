package cli

import (
	"fmt"
	"runtime"

	"github.com/BurntSushi/toml"

	"rpbmatrix/model/words"
)

// Release says which build this is. Its one source is FyneApp.toml, which
// main embeds and hands to SetRelease at start, so `go build`, `go run`,
// `fyne package` and the release files all show the same version, ID and name.
type Release struct {
	Details struct {
		ID      string
		Name    string
		Version string
		Build   int
	}
	// Migrations are the toolkit behaviours the app has moved to (fyneDo);
	// main passes them on with the rest of the app's metadata.
	Migrations map[string]bool
}

// ParseRelease reads a FyneApp.toml.
func ParseRelease(fyneAppTOML []byte) (Release, error) {
	var r Release
	if err := toml.Unmarshal(fyneAppTOML, &r); err != nil {
		return Release{}, fmt.Errorf("FyneApp.toml: %w", err)
	}
	if r.Details.ID == "" || r.Details.Version == "" {
		return Release{}, fmt.Errorf("FyneApp.toml: [Details] needs ID and Version")
	}
	return r, nil
}

var release Release

// SetRelease records which build this is, for `rpbmatrix version`.
func SetRelease(r Release) { release = r }

var versionCmd = &Command{
	Name:    "version",
	Usage:   "version",
	Summary: words.M("release.version.summary"),
}

func init() {
	versionCmd.Run = runVersion
	Register(versionCmd)
}

// runVersion prints the name, version, build number, app ID and toolchain.
func runVersion(env Env, args []string) int {
	c := versionCmd
	pos, ok := Parse(NewFlags(env, c), args)
	if !ok {
		return ExitUsage
	}
	if len(pos) > 0 {
		return Usage(env, c, words.M("cli.unexpected_arg", "arg", pos[0]))
	}
	d := release.Details
	env.Say(words.M("release.version.line", "name", d.Name, "version", d.Version, "build", d.Build,
		"id", d.ID, "go", runtime.Version(), "platform", runtime.GOOS+"/"+runtime.GOARCH))
	return ExitOK
}
