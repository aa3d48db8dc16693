#!/usr/bin/env bash
# window-start.sh: measures the real program's start as a whole process in a
# virtual X display of 1366x768, on the example database and on the large
# sample (partnerskab sample-data: 5.000 enterprises, 10.000 leases, 100.000
# placements).
#
#   scripts/window-start.sh [PROGRAM]     (default: ./partnerskab; RUNS=5)
#
# Per database, RUNS runs: the time from exec until a window named
# Partnerskab is mapped, and until Overblik (Ctrl+1, pressed as soon as the
# window is there) has its figures filled in: the program writes a line to
# stderr when that happens (PARTNERSKAB_SIGNAL_OVERVIEW). It prints the
# medians, then the resident memory (VmRSS) 2 s after start and after every
# tab was visited with Ctrl+1 … Ctrl+7, and what the large sample adds over
# the example. Build the program with the window first (make build).
# Installs xvfb, xdotool and x11-utils (Debian) when missing.
set -euo pipefail
prog=${1:-./partnerskab}
runs=${RUNS:-5}
case $prog in /*) ;; *) prog=$PWD/$prog;; esac
[ -x "$prog" ] || { echo "window-start: $prog is not a program; build it with make build" >&2; exit 2; }

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
command -v xwininfo >/dev/null || need+=(x11-utils)
[ -e /usr/lib/x86_64-linux-gnu/dri/swrast_dri.so ] || [ -e /usr/lib/aarch64-linux-gnu/dri/swrast_dri.so ] || need+=(libgl1-mesa-dri)
if [ ${#need[@]} -gt 0 ]; then
  echo "window-start: installing ${need[*]}" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}") >/dev/null
fi

work=$(mktemp -d)
xvfb=
app=
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# A display of its own, and a home of its own: no window size kept from an
# earlier run, no drafts.
# Xvfb picks a free display number itself (-displayfd): a number taken by
# another server, or left locked by one, made the program start where
# there was no screen.
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 200); do [ -s "$work/display" ] && break; sleep 0.05; done
display=":$(tr -d '[:space:]' <"$work/display")"
export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 HOME=$work/home
mkdir -p "$HOME"
ready=
for _ in $(seq 200); do xdpyinfo >/dev/null 2>&1 && { ready=1; break; }; sleep 0.05; done
if [ -z "$ready" ]; then
  echo "window-start: Xvfb did not start (display '$display')" >&2
  exit 1
fi

echo "window-start: writing the databases" >&2
"$prog" --db "$work/demo.db" demo >/dev/null
"$prog" --db "$work/big.db" sample-data >/dev/null

now() { date +%s%N; }
ms() { echo $(( ($1 - $2) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# window waits until the program's window is mapped and prints its id.
window() {
  local id
  for _ in $(seq 1500); do
    id=$(xdotool search --onlyvisible --name '^Partnerskab$' 2>/dev/null | head -1) && [ -n "$id" ] && { echo "$id"; return; }
    sleep 0.01
  done
  echo "window-start: no window appeared; the program said:" >&2; cat "$work/log" >&2
  return 1
}

# signalled waits until the program said n times that Overblik is shown.
signalled() {
  for _ in $(seq 3000); do
    [ "$(grep -c 'Overblik er vist' "$1" 2>/dev/null)" -ge "$2" ] && return
    sleep 0.01
  done
  echo "window-start: Overblik was not shown" >&2
  return 1
}

stop() { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; app=; }

rss() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }

# start runs the program on db once and prints the ms until mapped and
# until Overblik is filled in.
start() {
  local db=$1 log=$work/log t0 t1 t2 id
  : >"$log"
  t0=$(now)
  PARTNERSKAB_SIGNAL_OVERVIEW=1 "$prog" --db "$db" 2>"$log" &
  app=$!
  id=$(window)
  t1=$(now)
  xdotool windowfocus --sync "$id" key ctrl+1
  signalled "$log" 1
  t2=$(now)
  stop
  echo "$(ms "$t1" "$t0") $(ms "$t2" "$t0")"
}

# memory prints the MB resident 2 s after start and after every tab.
memory() {
  local db=$1 log=$work/log id before after
  : >"$log"
  PARTNERSKAB_SIGNAL_OVERVIEW=1 "$prog" --db "$db" 2>"$log" &
  app=$!
  id=$(window)
  sleep 2
  before=$(rss "$app")
  xdotool windowfocus --sync "$id"
  for k in 1 2 3 4 5 6 7; do
    xdotool key "ctrl+$k"
    sleep 1.5
  done
  signalled "$log" 1
  sleep 2
  after=$(rss "$app")
  stop
  echo "$before $after"
}

declare -A mem
printf '%-6s %22s %26s\n' database "mapped (median, ms)" "Overblik shown (median, ms)"
for name in demo big; do
  db=$work/$name.db
  start "$db" >/dev/null # the first run reads the files into the page cache
  mapped=() shown=()
  for _ in $(seq "$runs"); do
    read -r a b < <(start "$db")
    mapped+=("$a") shown+=("$b")
  done
  printf '%-6s %22s %26s   (runs: %s)\n' "$name" "$(printf '%s\n' "${mapped[@]}" | median)" \
    "$(printf '%s\n' "${shown[@]}" | median)" "${shown[*]}"
  mem[$name]=$(memory "$db")
done
echo
printf '%-6s %22s %26s\n' database "VmRSS after 2 s (MB)" "after every tab (MB)"
for name in demo big; do
  read -r a b <<<"${mem[$name]}"
  printf '%-6s %22s %26s\n' "$name" "$a" "$b"
done
read -r da db <<<"${mem[demo]}"
read -r ba bb <<<"${mem[big]}"
printf '%-6s %22s %26s\n' "big-demo" "$((ba - da))" "$((bb - db))"
