#!/bin/sh
# subset.sh cuts the embedded fonts NotoSansSC-Regular.ttf and
# NotoSansSC-Bold.ttf from the full Noto Sans SC TrueType files.
#
# What is kept (subset-chars.txt lists it, one line):
#   - GB2312 (7,445 characters, 6,763 of them Han), read from Python's gb2312 codec;
#   - the 8,105 characters of 通用规范汉字表 (2013), the kTGH field of Unihan
#     (Debian package unicode-data: /usr/share/unicode/Unihan_OtherMappings.txt.bz2),
#     so that place-name characters outside GB2312 (垟, 垚, 堌 …) print in the
#     same face as the rest;
#   - every character of the previous subset-chars.txt (ASCII, Latin-1, the
#     arrows, maths, box-drawing, circled numbers and shapes the marks use);
#   - the vertical forms of punctuation (U+FE10–FE19, U+FE30–FE4F: ︵ ︶ ︑ …),
#     which vertical table headers print in place of （ ） 、 …;
#   - every character of the catalogue (assets/translations) and of the demo
#     project (assets/demo), so that nothing the app itself says is missing.
# Characters outside the subset still show on screen (system fallback) and
# are listed as warnings by the PDF writer.
#
# The full fonts: npm package @expo-google-fonts/noto-sans-sc (OFL-1.1,
# licence in OFL.txt), e.g.
#   npm pack @expo-google-fonts/noto-sans-sc && tar xzf expo-google-fonts-noto-sans-sc-*.tgz
#   sh assets/fonts/subset.sh package/400Regular/NotoSansSC_400Regular.ttf package/700Bold/NotoSansSC_700Bold.ttf
# Needs pyftsubset (Debian fonttools) and unicode-data. Run from anywhere.
set -eu
if [ $# -ne 2 ]; then
	echo "usage: sh subset.sh FULL-REGULAR.ttf FULL-BOLD.ttf" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
assets=$(dirname "$here")
unihan=/usr/share/unicode/Unihan_OtherMappings.txt.bz2

python3 - "$here/subset-chars.txt" "$unihan" "$assets" <<'EOF'
import bz2, glob, os, sys
out, unihan, assets = sys.argv[1:]
keep = set(open(out, encoding="utf-8").read()) if os.path.exists(out) else set()
for hi in range(0xA1, 0xFF):
    for lo in range(0xA1, 0xFF):
        try:
            keep.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
tgh = 0
with bz2.open(unihan, "rt", encoding="utf-8") as f:
    for line in f:
        parts = line.split("\t")
        if len(parts) == 3 and parts[1] == "kTGH":
            keep.add(chr(int(parts[0][2:], 16)))
            tgh += 1
keep.update(chr(c) for c in list(range(0xFE10, 0xFE1A)) + list(range(0xFE30, 0xFE50)))
for path in glob.glob(os.path.join(assets, "translations", "*", "*.json")) + glob.glob(os.path.join(assets, "demo", "*")):
    keep.update(open(path, encoding="utf-8").read())
keep = {c for c in keep if ord(c) >= 0x20 and c not in "\n\r\t"}
assert tgh == 8105, f"kTGH has {tgh} characters, want 8105"
open(out, "w", encoding="utf-8").write("".join(sorted(keep)))
print(f"{len(keep)} characters ({tgh} of 通用规范汉字表)")
EOF

for pair in "$1:NotoSansSC-Regular.ttf" "$2:NotoSansSC-Bold.ttf"; do
	pyftsubset "${pair%%:*}" --text-file="$here/subset-chars.txt" --output-file="$here/${pair#*:}" \
		--layout-features='*' --no-hinting --name-IDs='*' --name-languages='*' --notdef-outline
	echo "$here/${pair#*:}: $(wc -c <"$here/${pair#*:}") bytes"
done
