#!/usr/bin/env bash
# windows-smoke.sh: installs the Windows MSI under Wine and uses the installed
# program as a caseworker and IT would, next to the Linux build.
#
#   packaging/windows-smoke.sh BUILD_DIR LINUX_BINARY
#
# BUILD_DIR is what `make windows` made (partnerskab.exe, partnerskab.com,
# partnerskab.ico, Partnerskab-VERSION.msi). Every check prints "ok: …";
# the first that fails prints "FEJL: …" and stops the script with status 1.
#
#   - the programs: the .exe is a GUI program, the .com its console twin,
#     both carry the version resource from FyneApp.toml
#   - msiexec /i … /qn installs into %LocalAppData%\Programs\Partnerskab
#     with a Start-menu shortcut, and Apps & features lists name, publisher
#     and version
#   - the installed program: version, demo into %AppData%\Partnerskab,
#     report --json, export of the signed demo agreement, verify; the
#     Linux build on the same database gives the same report and a
#     byte-identical sealed PDF, and verifies the Windows export
#   - --db with spaces and æøå; exit codes through cmd
#   - bad input: --db on a drive that does not exist, a read-only folder
#     (the same Danish message as the Linux build), the same version
#     installed twice, an older version over a newer one
#   - the window, opened from the Start-menu shortcut: a window named
#     Partnerskab, a screenshot that is not blank (kept in BUILD_DIR)
#   - an upgrade to a newer version replaces the old one; uninstalling
#     removes the program and leaves the database and the seal's keys
#
# Wine has no ProcessPrng (bcryptprimitives.dll), which Go's Windows runtime
# needs; packaging/wine/bcryptprimitives.c is built here as a stand-in. Wine
# runs in a fresh prefix in a temporary folder, which is removed afterwards;
# nothing is cached. Run as root (CI), the Wine part runs as the user nobody,
# so that a read-only folder is read-only to the program too.
set -euo pipefail

die() { echo "FEJL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
[ $# -eq 2 ] || { sed -n '4p' "$0" | sed 's/^# *//'; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
linux=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' "$here/../FyneApp.toml")
next=$(echo "$version" | awk -F. '{ printf "%d.%d.%d", $1, $2, $3 + 1 }')
after=$(echo "$next" | awk -F. '{ printf "%d.%d.%d", $1, $2, $3 + 1 }')
msi=$build/Partnerskab-$version.msi
for f in "$build/partnerskab.exe" "$build/partnerskab.com" "$build/partnerskab.ico" "$msi" "${msi%.msi}-alle-brugere.msi" "$linux"; do
  [ -f "$f" ] || die "$f is missing; run make build windows first"
done
for t in wine wineserver wixl msiinfo Xvfb xdotool import x86_64-w64-mingw32-gcc x86_64-w64-mingw32-objdump pdfsig; do
  command -v "$t" >/dev/null || die "$t is missing; run make deps"
done

# Root writes everywhere; run the rest as nobody, on copies in a folder of its own.
if [ "$(id -u)" -eq 0 ] && [ -z "${SMOKE_WORK:-}" ]; then
  work=$(mktemp -d /tmp/partnerskab-wine.XXXXXX)
  # SMOKE_KEEP=1 keeps the folder (prefix, logs) to look into.
  [ -n "${SMOKE_KEEP:-}" ] && echo "keeping $work" || trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/in/packaging/wine" "$work/in/build" /tmp/.X11-unix && chmod 1777 /tmp/.X11-unix
  cp "$build"/partnerskab.exe "$build"/partnerskab.com "$build"/partnerskab.ico "$msi" "${msi%.msi}-alle-brugere.msi" "$linux" "$work/in/build/"
  cp "$here/windows-smoke.sh" "$here/partnerskab.wxs" "$work/in/packaging/"
  cp "$here/wine/bcryptprimitives.c" "$work/in/packaging/wine/"
  cp "$here/../FyneApp.toml" "$work/in/"
  chown -R nobody:nogroup "$work"
  rc=0
  runuser -u nobody -- env SMOKE_WORK="$work" SMOKE_SHOTS="$build" HOME="$work/home" \
    bash "$work/in/packaging/windows-smoke.sh" "$work/in/build" "$work/in/build/$(basename "$linux")" || rc=$?
  cp "$work"/out/*.png "$build/" 2>/dev/null || true
  exit $rc
fi

start=$(date +%s)
step() { echo "--- $* ($(( $(date +%s) - start ))s)"; }
work=${SMOKE_WORK:-$(mktemp -d /tmp/partnerskab-wine.XXXXXX)}
shots=${SMOKE_SHOTS:-$build}
xvfb=
cleanup() {
  [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
  WINEPREFIX=$work/prefix wineserver -k 2>/dev/null || true
  [ -n "${SMOKE_WORK:-}" ] || { cp "$work"/out/*.png "$shots/" 2>/dev/null || true; rm -rf "$work"; }
}
trap cleanup EXIT
out=$work/out
mkdir -p "$out" "$work/tmp" "${HOME:=$work/home}"
export HOME TMPDIR=$work/tmp
# Wine takes the command line's æøå from a UTF-8 locale.
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono and no Gecko: nothing to download, no dialog asking for them.
export WINEDLLOVERRIDES="mscoree,mshtml="

step "Windows programs"
objdump=x86_64-w64-mingw32-objdump
grep -q 'Subsystem.*(Windows GUI)' <<<"$($objdump -p "$build/partnerskab.exe")" || die "partnerskab.exe is not a GUI program"
grep -q 'Subsystem.*(Windows CUI)' <<<"$($objdump -p "$build/partnerskab.com")" || die "partnerskab.com is not a console program"
grep -qx "$version.[0-9]*" <<<"$(strings -el "$build/partnerskab.exe")" || die "partnerskab.exe has no version resource $version"
grep -qx "Partnerskab" <<<"$(strings -el "$build/partnerskab.com")" || die "partnerskab.com has no ProductName resource"
ok "partnerskab.exe is a GUI program, partnerskab.com a console one; both carry version $version"

step "X display, Wine prefix and the ProcessPrng stand-in"
# The display comes first: Wine's desktop process, started by the first
# Wine command, draws every later window where it was started.
display=
for n in $(seq 90 120); do
  [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=:$n; break; }
done
[ -n "$display" ] || die "no free X display"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=$display
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.2; done
export LIBGL_ALWAYS_SOFTWARE=1
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" "$here/wine/bcryptprimitives.c" -ladvapi32
timeout 300 wineboot -i >"$out/wineboot.log" 2>&1 || die "wineboot failed: $(tail -3 "$out/wineboot.log")"
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
user=$(id -un)
drive=$WINEPREFIX/drive_c
appdata=$drive/users/$user/AppData/Roaming
programs=$drive/users/$user/AppData/Local/Programs/Partnerskab
docs=$drive/users/$user/Documents
winpath() { wine winepath -w "$1" 2>/dev/null | tr -d '\r'; }
ok "prefix $WINEPREFIX for $user; bcryptprimitives.dll built from source"

# msi OP FILE [ARGS…]: msiexec, quiet, with a verbose log in $out; the status is msiexec's.
msilog=0
msirc=0
msi() {
  local op=$1 file=$2; shift 2
  msilog=$((msilog + 1))
  msirc=0
  timeout 300 wine msiexec "$op" "$(winpath "$file")" /qn /l*v "$(winpath "$out")\\msi-$msilog.log" "$@" >/dev/null 2>&1 || msirc=$?
  return $msirc
}
# refused MSI PROPERTY MESSAGE: the last msiexec stopped with 1603 (seen
# as 67 through Wine's 8-bit exit status) at the launch condition on
# PROPERTY, and MSI shows MESSAGE for it. (Wine's msiexec does not write a
# condition's message to the log, so the message is read from the MSI's
# LaunchCondition table.)
refused() {
  local log conditions
  log=$(iconv -f WINDOWS-1252 -t UTF-8 "$out/msi-$msilog.log")
  conditions=$(msiinfo export "$1" LaunchCondition)
  { [ "$msirc" -eq 1603 ] || [ "$msirc" -eq $((1603 % 256)) ]; } &&
    grep -q 'LaunchConditions\. Return value [03]\.' <<<"$log" &&
    grep -q "^Property(S): $2 = " <<<"$log" &&
    grep -F "$2" <<<"$conditions" | grep -qF "$3"
}
step "install $(basename "$msi") per user"
msi /i "$msi" || die "msiexec /i failed (status $?); log: $out/msi-$msilog.log"
[ -f "$programs/partnerskab.exe" ] && [ -f "$programs/partnerskab.com" ] || die "nothing in $programs"
lnk="$appdata/Microsoft/Windows/Start Menu/Programs/Partnerskab.lnk"
[ -f "$lnk" ] || die "no Start-menu shortcut at $lnk"
cmp -s "$programs/partnerskab.exe" "$build/partnerskab.exe" || die "the installed partnerskab.exe differs from the built one"
wine reg query 'HKCU\Software\Partnerskab' /v Installeret >"$out/reg.txt" 2>&1 || true
grep -q "$version" "$out/reg.txt" || die "HKCU\\Software\\Partnerskab has no version: $(cat "$out/reg.txt")"
# apps: what Apps & features lists (the Uninstall keys of the machine and the user).
apps() {
  local hive
  for hive in HKLM HKCU; do
    wine reg query "$hive\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall" /s 2>/dev/null | tr -d '\r' || true
  done
}
apps >"$out/arp.txt"
for want in "DisplayName    REG_SZ    Partnerskab" "Publisher    REG_SZ    Partnerskab" "DisplayVersion    REG_SZ    $version"; do
  grep -qF "$want" "$out/arp.txt" || die "Apps & features lacks \"$want\" (see $out/arp.txt)"
done
shortcut=$(msiinfo export "$msi" Shortcut | tr -d '\r' | grep -P '^StartMenu\tProgramMenuFolder\tPartnerskab\t' || true)
grep -qP '\t\[INSTALLDIR\]partnerskab\.exe\t.*\tpartnerskab\.ico\t' <<<"$shortcut" || die "the MSI's shortcut does not start partnerskab.exe with the icon: $shortcut"
grep -qP '^ARPPRODUCTICON\tpartnerskab\.ico\r?$' <<<"$(msiinfo export "$msi" Property)" || die "the MSI gives Apps & features no icon"
# Exporting the Icon table writes its streams into ./Icon/: do that in the work folder.
grep -qP '^partnerskab\.ico\t' <<<"$(cd "$work/tmp" && msiinfo export "$msi" Icon)" || die "the MSI holds no partnerskab.ico"
cmp -s "$work/tmp/Icon/Icon.partnerskab.ico" "$build/partnerskab.ico" || die "the MSI's partnerskab.ico is not the built one"
ok "installed into %LocalAppData%\\Programs\\Partnerskab, shortcut with the icon in the Start menu, listed as Partnerskab $version by Partnerskab"

# pk ARGS…: the installed console program; stdout in $out/pk.out, stderr in $out/pk.err.
pk() {
  set +e
  timeout 120 wine "$programs/partnerskab.com" "$@" >"$out/pk.out" 2>"$out/pk.err.raw"
  local rc=$?
  set -e
  grep -v '^wine: \|fixme:\|err:' "$out/pk.err.raw" >"$out/pk.err" || true
  return $rc
}
expect() { # expect STATUS ARGS…
  local want=$1 rc=0; shift
  pk "$@" || rc=$?
  [ "$rc" -eq "$want" ] || die "partnerskab $* exited $rc, want $want: $(cat "$out/pk.out" "$out/pk.err")"
}

step "the installed program"
expect 0 version
grep -qx "partnerskab $version (databaseskema [0-9]*)" "$out/pk.out" || die "version printed $(cat "$out/pk.out")"
ok "version: $(cat "$out/pk.out")"
expect 0 demo
db=$appdata/Partnerskab/partnerskab.db
[ -f "$db" ] || die "demo wrote no database at %AppData%\\Partnerskab\\partnerskab.db"
grep -q 'AppData\\Roaming\\Partnerskab\\partnerskab.db' "$out/pk.out" || die "demo names $(cat "$out/pk.out")"
ok "demo: $(cat "$out/pk.out")"

expect 0 report --json
cp "$out/pk.out" "$out/report-windows.json"
grep -qF "\"database\": \"C:\\\\users\\\\$user\\\\AppData\\\\Roaming\\\\Partnerskab\\\\partnerskab.db\"" "$out/report-windows.json" ||
  die "report --json names another database: $(grep database "$out/report-windows.json")"
"$linux" --db "$db" report --json >"$out/report-linux.json"
diff <(grep -v '"database"' "$out/report-windows.json") <(grep -v '"database"' "$out/report-linux.json") >"$out/report.diff" ||
  die "report --json differs between Windows and Linux on the same database: $(cat "$out/report.diff")"
ok "report --json: the same as the Linux build's on the same database ($(wc -l <"$out/report-windows.json") lines)"

expect 0 agreements --json
signed=$(tr -d ' \n\r' <"$out/pk.out" | grep -o '"id":[0-9]*,"number":"[^"]*","title":"[^"]*","status":"signed"' | head -1 | sed 's/"id":\([0-9]*\),.*/\1/')
[ -n "$signed" ] || die "the demo has no signed agreement: $(cat "$out/pk.out")"
folder="$docs/Mine aftaler æøå"
mkdir -p "$folder"
winpdf="$(winpath "$folder")\\Aftale $signed.pdf"
expect 0 export --agreement "$signed" --out "$winpdf"
[ -f "$folder/Aftale $signed.pdf" ] || die "export wrote nothing to $folder"
"$linux" --db "$db" export --agreement "$signed" --out "$out/linux.pdf" >/dev/null
cmp "$folder/Aftale $signed.pdf" "$out/linux.pdf" || die "the sealed PDF from Windows differs from the Linux build's"
ok "export: agreement $signed to \"$winpdf\", byte-identical to the Linux build's ($(stat -c %s "$out/linux.pdf") bytes)"

expect 0 verify "$winpdf" --db "$(winpath "$db")"
grep -q '^Resultat: i orden' "$out/pk.out" || die "verify: $(cat "$out/pk.out")"
"$linux" verify "$folder/Aftale $signed.pdf" --db "$db" >"$out/verify-linux.txt" || die "the Linux build does not verify the Windows export: $(cat "$out/verify-linux.txt")"
grep -q 'Signature is Valid' <<<"$(pdfsig "$folder/Aftale $signed.pdf" 2>&1)" || die "pdfsig does not find a valid signature"
ok "verify: $(grep '^Resultat' "$out/pk.out"); the Linux build and pdfsig agree"

step "--db with spaces and æøå, exit codes through cmd"
other="$(winpath "$folder")\\Kvarterhuset Korsør.db"
expect 0 --db "$other" demo
[ -f "$folder/Kvarterhuset Korsør.db" ] || die "--db \"$other\" wrote no file there"
expect 0 --db "$other" report --json
diff <(grep -v '"database"' "$out/pk.out") <("$linux" --db "$folder/Kvarterhuset Korsør.db" report --json | grep -v '"database"') >/dev/null ||
  die "report on \"$other\" differs from the Linux build's"
ok "--db \"$other\": demo and report, the same as on Linux"
# cmd, started in the program's folder, finds partnerskab.com for
# "partnerskab" (PATHEXT lists .COM first) and passes its status on.
set +e
(cd "$programs" && timeout 60 wine cmd /c "partnerskab version") >"$out/cmd.out" 2>"$out/cmd.err"
rc1=$?
(cd "$programs" && timeout 60 wine cmd /c "partnerskab ukendt") >/dev/null 2>>"$out/cmd.err"
rc2=$?
set -e
grep -q "partnerskab $version" "$out/cmd.out" && [ $rc1 -eq 0 ] && [ $rc2 -eq 2 ] ||
  die "cmd /c partnerskab in $(winpath "$programs"): status $rc1 and $rc2 (want 0 and 2), output $(cat "$out/cmd.out" "$out/cmd.err")"
ok "cmd /c \"partnerskab version\" prints the version; an unknown command gives status 2"

step "bad input"
expect 1 --db 'Q:\Partnerskab\partnerskab.db' demo
grep -q '^partnerskab: Q:\\Partnerskab\\partnerskab.db: drevet Q: findes ikke' "$out/pk.err" || die "a missing drive gave: $(cat "$out/pk.err")"
ok "--db on a missing drive: $(cat "$out/pk.err")"
mkdir -p "$docs/Skrivebeskyttet"
chmod 555 "$docs/Skrivebeskyttet"
expect 1 --db "$(winpath "$docs/Skrivebeskyttet")\\partnerskab.db" demo
cp "$out/pk.err" "$out/readonly-windows.txt"
set +e
"$linux" --db "$docs/Skrivebeskyttet/partnerskab.db" demo 2>"$out/readonly-linux.txt" >/dev/null
rc=$?
set -e
[ $rc -eq 1 ] || die "the Linux build wrote into a read-only folder (status $rc)"
reason() { sed 's/.*Skrivebeskyttet//' "$1"; }
[ "$(reason "$out/readonly-windows.txt")" = "$(reason "$out/readonly-linux.txt")" ] && grep -q 'ingen adgang' "$out/readonly-windows.txt" ||
  die "a read-only folder: Windows said \"$(cat "$out/readonly-windows.txt")\", Linux \"$(cat "$out/readonly-linux.txt")\""
ok "a read-only folder, the same reason as on Linux: $(cat "$out/readonly-windows.txt")"

same="Partnerskab [ProductVersion] er allerede installeret"
if msi /i "$msi"; then die "installing the same MSI twice succeeded"; fi
refused "$msi" Installed "$same" || die "the second install was not refused by the same-version condition (status $msirc, log $out/msi-$msilog.log)"
ok "the same MSI again: status 1603, refused with \"${same/\[ProductVersion\]/$version} …\""
(cd "$build" && wixl -a x64 -D Version="$version" -D SameVersionBelow="$next" -D Scope=perUser -D Bin=. -o "$work/again.msi" "$here/partnerskab.wxs" 2>/dev/null) || die "wixl could not rebuild the MSI"
if msi /i "$work/again.msi"; then die "a rebuilt MSI of the same version installed next to the first"; fi
refused "$work/again.msi" SAMEVERSIONFOUND "$same" || die "the rebuilt MSI was not refused by the same-version condition (status $msirc, log $out/msi-$msilog.log)"
ok "a rebuilt MSI of the same version (another ProductCode): status 1603, the same message"

step "the window, from the Start-menu shortcut"
# window NAME LOCALE: opens the program from its shortcut with Wine's
# locale set to LOCALE, waits for a window named Partnerskab, saves the
# screen as $out/NAME.png, closes the window.
window() {
  wineserver -k 2>/dev/null || true
  wineserver -w 2>/dev/null || true
  env LC_ALL="$2" wine start /unix "$lnk" >"$out/$1.log" 2>&1
  win=$(timeout 90 xdotool search --sync --onlyvisible --name '^Partnerskab$' 2>/dev/null | head -1) || true
  [ -n "$win" ] || die "no window named Partnerskab after 90 s ($2); windows: $(xdotool search --name . getwindowname %@ 2>/dev/null | tr '\n' ',')"
  sleep 8 # the first frames, drawn in software
  import -window root "$out/$1.png"
  colours=$(convert "$out/$1.png" -format %k info:)
  geometry=$(xdotool getwindowgeometry "$win" | sed -n 's/.*Geometry: //p')
  [ "$colours" -ge 16 ] || die "the screenshot $1.png has $colours colours: blank"
  xdotool windowclose "$win" 2>/dev/null || true
  sleep 1
}
window partnerskab-wine C.UTF-8
ok "a window named Partnerskab ($geometry), not blank ($colours colours): $shots/partnerskab-wine.png"
# Wine takes its display language from LC_ALL; da_DK gives Windows the
# Danish display language (GetUserDefaultUILanguage 0x0406), and the window
# must change language with it: the menu bar and the tabs differ.
window partnerskab-wine-da da_DK.UTF-8
changed=$(compare -metric AE -extract 1280x100+0+0 "$out/partnerskab-wine.png" "$out/partnerskab-wine-da.png" null: 2>&1 || true)
[ "${changed%%.*}" -ge 500 ] 2>/dev/null || die "with a Danish display language the menu bar and tabs look the same as in English ($changed pixels differ)"
ok "with a Danish display language the window is another ($changed pixels of the menu bar and tabs differ): $shots/partnerskab-wine-da.png"
wineserver -k 2>/dev/null || true

step "upgrade to $next, an older version over it, uninstall"
dbsum=$(sha256sum <"$db")
keys=$(find "$appdata/Partnerskab" -type f | sort | xargs sha256sum)
(cd "$build" && wixl -a x64 -D Version="$next" -D SameVersionBelow="$after" -D Scope=perUser -D Bin=. -o "$work/next.msi" "$here/partnerskab.wxs" 2>/dev/null) || die "wixl could not build the $next MSI"
msi /i "$work/next.msi" || die "the upgrade to $next failed; log $out/msi-$msilog.log"
grep -q "$next" <<<"$(wine reg query 'HKCU\Software\Partnerskab' /v Installeret 2>/dev/null)" || die "after the upgrade the installed version is not $next"
n=$(apps | grep -c 'DisplayName    REG_SZ    Partnerskab$' || true)
[ "$n" -eq 1 ] || die "after the upgrade Apps & features lists Partnerskab $n times"
[ -f "$programs/partnerskab.exe" ] || die "the upgrade left no program"
[ "$(sha256sum <"$db")" = "$dbsum" ] || die "the upgrade changed the database"
ok "$next replaced $version: one entry in Apps & features, the database unchanged"
newer="En nyere version af Partnerskab er allerede installeret"
if msi /i "$msi"; then die "$version installed over the newer $next"; fi
refused "$msi" NEWERVERSIONFOUND "$newer" || die "$version over $next was not refused by the newer-version condition (status $msirc, log $out/msi-$msilog.log)"
ok "$version over $next: status 1603, refused with \"$newer …\""
msi /x "$work/next.msi" || die "msiexec /x failed; log $out/msi-$msilog.log"
[ ! -e "$programs/partnerskab.exe" ] && [ ! -e "$programs/partnerskab.com" ] || die "uninstalling left the program in $programs"
[ ! -e "$lnk" ] || die "uninstalling left the Start-menu shortcut"
[ "$(sha256sum <"$db")" = "$dbsum" ] || die "uninstalling changed or removed the database"
[ "$(find "$appdata/Partnerskab" -type f | sort | xargs sha256sum)" = "$keys" ] || die "uninstalling changed %AppData%\\Partnerskab"
ok "uninstalled: program and shortcut gone; %AppData%\\Partnerskab ($(find "$appdata/Partnerskab" -type f | wc -l) files: database, seal keys) untouched"

step "per machine, for IT"
it=$build/Partnerskab-$version-alle-brugere.msi
[ -f "$it" ] || die "$it is missing"
msi /i "$it" || die "msiexec /i $(basename "$it") failed (status $msirc); log $out/msi-$msilog.log"
machine="$drive/Program Files/Partnerskab"
common="$drive/ProgramData/Microsoft/Windows/Start Menu/Programs/Partnerskab.lnk"
[ -f "$machine/partnerskab.exe" ] && [ -f "$machine/partnerskab.com" ] || die "nothing in C:\\Program Files\\Partnerskab"
# Windows puts a per-machine MSI's ProgramMenuFolder in the Start menu of
# all users (ALLUSERS=1); Wine 8 keeps it in the installing user's.
grep -qP '^ALLUSERS\t1\r?$' <<<"$(msiinfo export "$it" Property)" || die "$(basename "$it") does not set ALLUSERS=1"
[ -f "$common" ] || common=$lnk
[ -f "$common" ] || die "no Start-menu shortcut from $(basename "$it")"
grep -q "$version" <<<"$(wine reg query 'HKLM\Software\Partnerskab' /v Installeret 2>/dev/null)" || die "HKLM\\Software\\Partnerskab has no version"
grep -qF "DisplayName    REG_SZ    Partnerskab (alle brugere)" <<<"$(apps)" || die "Apps & features does not list \"Partnerskab (alle brugere)\""
rc=0
timeout 60 wine "$machine/partnerskab.com" version >"$out/pk.out" 2>/dev/null || rc=$?
[ $rc -eq 0 ] && grep -q "partnerskab $version" "$out/pk.out" || die "C:\\Program Files\\Partnerskab\\partnerskab version: status $rc"
msi /x "$it" || die "msiexec /x $(basename "$it") failed; log $out/msi-$msilog.log"
[ ! -e "$machine/partnerskab.exe" ] && [ ! -e "$common" ] || die "uninstalling the per-machine MSI left the program or its shortcut"
[ "$(sha256sum <"$db")" = "$dbsum" ] || die "the per-machine MSI touched the user's database"
ok "$(basename "$it"): ALLUSERS=1, C:\\Program Files\\Partnerskab, a Start-menu shortcut, \"Partnerskab (alle brugere)\" in Apps & features; removed again, the user's database untouched"

echo "windows-smoke: all checks passed in $(( $(date +%s) - start ))s"
