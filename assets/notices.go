package assets

import _ "embed"

// Notices are the licences of every module in the program's module graph
// (`go list -m all`) and of Go itself, shown in About and shipped beside the
// release files. notices_test.go writes them (`go test ./assets -run
// Notices -update`) and fails when the module graph has moved on.
//
//go:embed notices.txt
var Notices string
