#!/usr/bin/env bash
# compare-libreoffice.sh: the signed demo agreement exported by Partnerskab
# side by side with what a municipality would use instead, LibreOffice
# turning the same agreement's text into a PDF.
#
# Builds the command-line program, loads the demo into a new database and
# runs, five times each, as whole processes:
#   (a) partnerskab --db demo.db export --agreement N --out aftale.pdf
#       (N: the signed demo agreement)
#   (b) soffice --headless --convert-to pdf aftale.txt
#       (aftale.txt: the agreement's text as pdftotext reads it from (a))
# and prints each one's median time and peak memory (maximum resident set,
# from /usr/bin/time) and the ratio of the medians. Both get one run first
# that is not counted: LibreOffice makes its user profile then, and both
# find their files in the page cache. It fails when Partnerskab is not at
# least 100 times as fast (MIN_RATIO=… sets another bar).
#
# Needs soffice, pdftotext and GNU time: scripts/deps.sh --bench installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

RUNS=5
MIN_RATIO="${MIN_RATIO:-100}"

for tool in soffice pdftotext /usr/bin/time; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "compare-libreoffice: $tool mangler; kør scripts/deps.sh --bench" >&2
    exit 1
  fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

CGO_ENABLED=0 go build -buildvcs=false -tags ci -o "$work/partnerskab" .
"$work/partnerskab" --db "$work/demo.db" demo >/dev/null
# The signed demo agreement's id, from the list as JSON (one field a line).
id="$("$work/partnerskab" --db "$work/demo.db" agreements --json |
  awk '/"id":/ { gsub(/[^0-9]/, "", $2); id = $2 } /"status": "signed"/ { print id; exit }')"
if [ -z "$id" ]; then
  echo "compare-libreoffice: demoen har ingen underskrevet aftale" >&2
  exit 1
fi
"$work/partnerskab" --db "$work/demo.db" export --agreement "$id" --out "$work/aftale.pdf" >/dev/null
pdftotext -enc UTF-8 "$work/aftale.pdf" "$work/aftale.txt"
mkdir -p "$work/lo"

# measure NAME CMD…: runs CMD once uncounted, then RUNS times, appending
# "milliseconds kilobytes" per run to $work/runs-NAME.
measure() {
  local name="$1"
  shift
  "$@" >/dev/null 2>&1
  local TIMEFORMAT='%3R' seconds
  for _ in $(seq "$RUNS"); do
    # bash's own clock, so no process of the measuring is counted but GNU
    # time's, which gives the peak memory.
    seconds="$({ time /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1; } 2>&1)"
    echo "$(awk -v s="$seconds" 'BEGIN { printf "%d", s * 1000 + 0.5 }') $(tail -n 1 "$work/rss")" >>"$work/runs-$name"
  done
}

# median COLUMN FILE: the middle value of an odd number of runs.
median() { cut -d' ' -f"$1" "$2" | sort -n | sed -n "$(((RUNS + 1) / 2))p"; }

measure partnerskab "$work/partnerskab" --db "$work/demo.db" export --agreement "$id" --out "$work/ud.pdf"
measure libreoffice soffice --headless --norestore "-env:UserInstallation=file://$work/lo/profil" \
  --convert-to pdf --outdir "$work/lo" "$work/aftale.txt"
if [ ! -s "$work/lo/aftale.pdf" ]; then
  echo "compare-libreoffice: LibreOffice skrev ingen PDF" >&2
  exit 1
fi

pk_ms="$(median 1 "$work/runs-partnerskab")"
lo_ms="$(median 1 "$work/runs-libreoffice")"
pk_kb="$(cut -d' ' -f2 "$work/runs-partnerskab" | sort -n | tail -n 1)"
lo_kb="$(cut -d' ' -f2 "$work/runs-libreoffice" | sort -n | tail -n 1)"
# A run faster than the clock's millisecond counts as one.
ratio="$(awk -v a="$lo_ms" -v b="$pk_ms" 'BEGIN { if (b < 1) b = 1; printf "%.0f", a / b }')"

echo "Den underskrevne demoaftale (id $id) som PDF, median af $RUNS kørsler som hele processer:"
printf '  %-44s %6d ms  %7d KB maks. RSS\n' "partnerskab export --agreement $id" "$pk_ms" "$pk_kb"
printf '  %-44s %6d ms  %7d KB maks. RSS\n' "soffice --headless --convert-to pdf (tekst)" "$lo_ms" "$lo_kb"
echo "  Partnerskab er ${ratio}× så hurtig (målet er mindst ${MIN_RATIO}×)."
if [ "$ratio" -lt "$MIN_RATIO" ]; then
  echo "compare-libreoffice: under ${MIN_RATIO}×" >&2
  exit 1
fi
