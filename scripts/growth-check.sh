#!/usr/bin/env bash
# growth-check.sh: reads `go test -bench Growth` output (a file or stdin) and
# holds every operation of BenchmarkGrowth at 1.000.000 placements to at
# most 3× its time at 100.000: cost that grows with the logarithm of the
# data, not with the data. Prints one line per operation; exit 1 if any is
# over, 2 if an operation lacks either size.
set -euo pipefail
awk '
/^BenchmarkGrowth\// {
	split($1, part, "/")            # BenchmarkGrowth, op, size-GOMAXPROCS
	op = part[2]; size = part[3]; sub(/-[0-9]+$/, "", size)
	for (i = 2; i <= NF; i++) if ($(i + 1) == "ns/op") ns[op, size] = $i
	ops[op] = 1
}
END {
	bad = 0
	for (op in ops) {
		small = ns[op, "100000"]; big = ns[op, "1000000"]
		if (small == "" || big == "") { printf "%-12s 100.000 or 1.000.000 missing\n", op; bad = 2; continue }
		ratio = big / small
		verdict = ratio <= 3 ? "ok" : "OVER 3x"
		printf "%-12s 100.000: %10.3f ms   1.000.000: %10.3f ms   %5.2fx  %s\n", op, small / 1e6, big / 1e6, ratio, verdict
		if (ratio > 3 && bad == 0) bad = 1
	}
	exit bad
}' "${1:-/dev/stdin}"
