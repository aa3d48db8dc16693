#!/usr/bin/env bash
# deb.sh: builds the Linux package partnerskab_VERSION_ARCH.deb with dpkg-deb.
#
#   packaging/deb.sh VERSION BINARY OUT.deb
#
# The package holds the program in /usr/bin, its desktop entry (so it is in
# the desktop's menu) and its icon in the sizes the menus use. Depends is
# worked out by dpkg-shlibdeps from the libraries the binary links, as
# Debian's own packages do, plus the X11 libraries GLFW opens at run time.
set -euo pipefail
[ $# -eq 3 ] || { sed -n '4p' "$0" | sed 's/^# *//'; exit 2; }
version=$1 binary=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
arch=$(dpkg --print-architecture)

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
install -D -m 0755 "$binary" "$root/usr/bin/partnerskab"
install -D -m 0644 "$here/deb/dk.partnerskab.app.desktop" "$root/usr/share/applications/dk.partnerskab.app.desktop"
for size in 48 64 128 256 512; do
  dir="$root/usr/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  (cd "$repo" && go run ./tools/genicon -size "$size" -o "$dir/dk.partnerskab.app.png")
done
install -D -m 0644 "$repo/assets/fonts/OFL.txt" "$root/usr/share/doc/partnerskab/OFL.txt"

# dpkg-shlibdeps wants a debian/control to read; give it a minimal one.
mkdir -p "$root/debian"
printf 'Source: partnerskab\n\nPackage: partnerskab\nArchitecture: any\n' >"$root/debian/control"
depends=$(cd "$root" && dpkg-shlibdeps -O -e usr/bin/partnerskab 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
rm -rf "$root/debian"
[ -n "$depends" ] || { echo "deb.sh: dpkg-shlibdeps found no dependencies for $binary" >&2; exit 1; }
# GLFW opens the X11 libraries with dlopen, where dpkg-shlibdeps cannot see them.
depends="$depends, libx11-6, libxcursor1, libxext6, libxi6, libxinerama1, libxkbcommon0, libxrandr2, libxrender1, libxxf86vm1"

size=$(du -sk "$root" | cut -f1)
mkdir -p "$root/DEBIAN"
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$depends/" -e "s/@SIZE@/$size/" \
  "$here/deb/control.in" >"$root/DEBIAN/control"
mkdir -p "$(dirname "$out")"
dpkg-deb --root-owner-group --build "$root" "$out" >/dev/null

# Read the package back as dpkg sees it: the files are there, and the
# program it unpacks runs.
contents=$(dpkg-deb --contents "$out")
for f in usr/bin/partnerskab usr/share/applications/dk.partnerskab.app.desktop usr/share/icons/hicolor/256x256/apps/dk.partnerskab.app.png; do
  grep -q " \./$f\$" <<<"$contents" || { echo "deb.sh: $out lacks /$f" >&2; exit 1; }
done
rm -rf "$root" && mkdir "$root"
dpkg-deb --extract "$out" "$root"
grep -q "^partnerskab $version " <<<"$("$root/usr/bin/partnerskab" version)" || { echo "deb.sh: the packaged program does not say version $version" >&2; exit 1; }
echo "deb.sh: wrote $out ($(du -h "$out" | cut -f1)); Depends: $depends"
