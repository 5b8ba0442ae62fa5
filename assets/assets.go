// Package assets holds the files embedded in the binary: the CJK font and its
// licence, the icon, the translations and the demo project.
package assets

import "embed"

// FontRegular and FontBold are Noto Sans SC (OFL-1.1), cut to GB2312, the
// 8,105 characters of 通用规范汉字表 and common symbols by fonts/subset.sh
// (fonts/subset-chars.txt lists what is kept).
// The same bytes serve the Fyne theme and the PDF report.
var (
	//go:embed fonts/NotoSansSC-Regular.ttf
	FontRegular []byte
	//go:embed fonts/NotoSansSC-Bold.ttf
	FontBold []byte
	//go:embed fonts/OFL.txt
	FontLicence string
)

// DemoFiles holds the demo project's data files under demo/ (see
// demo/README.md); rpbmatrix/model/demo builds the project from them.
//
//go:embed demo/*.csv demo/project.json
var DemoFiles embed.FS
