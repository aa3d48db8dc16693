#!/usr/bin/env bash
# no-screen-check.sh PROGRAM: the real window program started where there
# is no screen (no X11 or Wayland display) says so in one line and exits
# with status 1, in Danish and in English, instead of crashing in the
# graphics library; the database it was given is left as it was. (No
# display and an empty runtime folder: neither X11 nor Wayland answers.)
set -uo pipefail
prog="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/run"
chmod 700 "$work/run"

check() {
  local lang="$1" want="$2" out rc
  out="$(env -u WAYLAND_DISPLAY XDG_RUNTIME_DIR="$work/run" HOME="$work/home" LANG="$lang" DISPLAY=:9999 timeout 30 "$prog" --db "$work/x.db" 2>&1)"
  rc=$?
  if [ "$rc" != 1 ] || ! grep -qF "partnerskab: $want" <<<"$out"; then
    echo "no-screen-check: $lang: status $rc, want 1 and \"partnerskab: $want\"; the program said:" >&2
    echo "$out" >&2
    exit 1
  fi
}
check da_DK.UTF-8 "vinduet kan ikke vises: der er ingen skærm at vise det på"
check en_US.UTF-8 "the window cannot be shown: there is no screen to show it on"
if ! "$prog" --db "$work/x.db" report >/dev/null; then
  echo "no-screen-check: the database is not usable after the start without a screen" >&2
  exit 1
fi
echo "no-screen-check: without a screen the program says so and exits with status 1 (Danish and English)"
