package assets

import _ "embed"

// Icon is the application icon: a 512×512 PNG of a 责/权/利 header over a
// small mismatch matrix, the same file FyneApp.toml names for packaging.
//
//go:embed icon.png
var Icon []byte
