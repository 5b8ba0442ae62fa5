#!/usr/bin/env bash
# dev.sh — the two Quick start commands of the README.
#
#   ./dev.sh run [FILE.rpb]   build and start the app (the demo project when no file is given)
#   ./dev.sh test             vet, unit and UI tests, then build the real binary and start it under Xvfb
#   ./dev.sh dist             the release files into dist/ (see .ci/dist): Windows zip,
#                             Linux tarball and .deb, source tarball with vendored modules
#
# Both install what they need on Debian/Ubuntu when it is missing: gcc and the
# Fyne build packages, plus Xvfb and poppler-utils for the tests, and the
# packaging tools (mingw-w64, ImageMagick, desktop-file-utils, appstream) for
# the tests' packaging checks and for dist. They use sudo
# when not run as root. Any Go ≥ 1.21 fetches the toolchain go.mod asks for.
set -euo pipefail
cd "$(dirname "$0")"

need_pkgs() {
	local missing=()
	for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
	((${#missing[@]})) || return 0
	echo "dev.sh: installing ${missing[*]}" >&2
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

need_go() {
	command -v go >/dev/null && return 0
	[[ -x /usr/local/go/bin/go ]] && { export PATH=/usr/local/go/bin:$PATH; return 0; }
	need_pkgs curl ca-certificates
	local v=go1.24.6 arch
	arch=$(dpkg --print-architecture)
	echo "dev.sh: installing $v to /usr/local/go" >&2
	curl -fsSL "https://go.dev/dl/$v.linux-$arch.tar.gz" | as_root tar -C /usr/local -xz
	export PATH=/usr/local/go/bin:$PATH
}

fyne_pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev)
# The Windows cross-build, icons, zip and the checks of the Linux files.
dist_pkgs=(gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 imagemagick zip unzip xz-utils
	desktop-file-utils appstream shared-mime-info dpkg-dev)

case ${1:-} in
run)
	shift
	if command -v dpkg >/dev/null; then need_pkgs "${fyne_pkgs[@]}"; fi
	need_go
	mkdir -p bin
	go build -o bin/rpbmatrix .
	exec bin/rpbmatrix "$@"
	;;
test)
	if command -v dpkg >/dev/null; then need_pkgs "${fyne_pkgs[@]}" "${dist_pkgs[@]}" xvfb xauth x11-utils poppler-utils; fi
	need_go
	exec ./.ci/test-all
	;;
dist)
	shift
	if command -v dpkg >/dev/null; then
		need_pkgs "${fyne_pkgs[@]}" "${dist_pkgs[@]}"
		command -v npm >/dev/null || need_pkgs npm # for Zig, the glibc 2.28 linker
	fi
	need_go
	exec ./.ci/dist "$@"
	;;
*)
	echo "usage: ./dev.sh run [FILE.rpb] | ./dev.sh test | ./dev.sh dist [source|windows|linux|deb]..." >&2
	exit 2
	;;
esac
