#!/bin/sh
# install.sh [--system] [--uninstall]
#
# Puts RPB Matrix (责权利矩阵) in the applications menu and makes it open .rpb
# project files on double-click. By default for you alone (~/.local, no root
# needed); --system installs for everyone under /usr/local (run it as root).
# --uninstall removes what the same install put there. The program also runs
# without installing: ./rpbmatrix
set -eu
here=$(cd "$(dirname "$0")" && pwd)
id=cn.rpbmatrix.app
bin=$HOME/.local/bin
data=${XDG_DATA_HOME:-$HOME/.local/share}
remove=no
for arg in "$@"; do
	case $arg in
	--system) bin=/usr/local/bin data=/usr/local/share ;;
	--uninstall) remove=yes ;;
	*) echo "usage: $0 [--system] [--uninstall]" >&2; exit 2 ;;
	esac
done

files="applications/$id.desktop metainfo/$id.metainfo.xml mime/packages/$id.xml"
for s in 16 24 32 48 64 128 256 512; do files="$files icons/hicolor/${s}x$s/apps/$id.png"; done

if [ $remove = yes ]; then
	rm -f "$bin/rpbmatrix"
	for f in $files; do rm -f "$data/$f"; done
else
	mkdir -p "$bin"
	cp "$here/rpbmatrix" "$bin/rpbmatrix"
	chmod 755 "$bin/rpbmatrix"
	for f in $files; do
		mkdir -p "$(dirname "$data/$f")"
		cp "$here/share/$f" "$data/$f"
	done
	# The menu may not search ~/.local/bin: name the program by its full path.
	sed -i "s|^Exec=rpbmatrix |Exec=\"$bin/rpbmatrix\" |" "$data/applications/$id.desktop"
fi

# Tell the desktop; each tool is optional and only speeds things up.
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" >/dev/null 2>&1 || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
if [ $remove = yes ]; then
	echo "RPB Matrix removed from $bin and $data"
else
	echo "RPB Matrix installed: $bin/rpbmatrix; it is in the applications menu (Office) and opens .rpb files"
fi
