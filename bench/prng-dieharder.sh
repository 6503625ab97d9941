#!/usr/bin/env bash
# Statistical quality of kernel.Prng's streams with Debian's dieharder.
# Not part of CI: run by hand (about 15 minutes on 2 cores), results go in the
# issue/notes. Needs: apt-get install -y dieharder.
#
# Each generator's raw 64-bit output (bench `raw` mode) is piped into
# `dieharder -g 200` (raw binary on stdin). The full `-a` battery takes more
# than 30 minutes per generator on this machine, so by default we run a
# fixed subset: every Diehard test, the NIST STS monobit/runs tests,
# Marsaglia-Tsang GCD, RGB's KS test and the five DAB tests, with
# dieharder's default sample sizes. `-Y 1` re-runs a test that came out WEAK
# with more samples until it resolves to PASSED or FAILED.
#
# Usage: bench/prng-dieharder.sh [SEED]     (default seed 20251109)
#   GENERATORS="xorshift64 ..." overrides the generators,
#   TESTS="0 1 2 ..." overrides the dieharder test numbers (see dieharder -l),
#   FULL=1 runs the whole -a battery instead (hours).
# Output: one log per generator under $OUT (default artifacts/dieharder/),
# and per generator the count of final PASSED/WEAK/FAILED verdicts on stdout.
set -euo pipefail

seed="${1:-20251109}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${OUT:-$root/artifacts/dieharder}"
generators="${GENERATORS:-xorshift64 xorshift64star xorshift64star-x4 streams}"
# 0-13, 15-17: Diehard (14, diehard_sums, is marked "do not use" by dieharder);
# 100, 101: STS monobit and runs; 204: RGB KS test; 205-209: DAB tests.
tests="${TESTS:-0 1 2 3 4 5 6 7 8 9 10 11 12 13 15 16 17 100 101 204 205 206 207 208 209}"

command -v dieharder >/dev/null || { echo "dieharder not found: apt-get install -y dieharder" >&2; exit 2; }
mkdir -p "$out"
dotnet build -c Release "$root/bench" -nologo -v quiet >/dev/null
bench_dll="$root/artifacts/bin/KernelStress.Bench/release/KernelStress.Bench.dll"

for gen in $generators; do
    log="$out/$gen.txt"
    : > "$log"
    echo "== $gen (seed $seed) -> $log" >&2
    if [ "${FULL:-0}" = 1 ]; then
        dotnet "$bench_dll" raw "$gen" "$seed" | dieharder -g 200 -a -Y 1 >> "$log" 2>&1 || true
    else
        for t in $tests; do
            dotnet "$bench_dll" raw "$gen" "$seed" | dieharder -g 200 -d "$t" -Y 1 >> "$log" 2>&1 || true
        done
    fi
    # Final verdict per (test, ntup): with -Y 1 a WEAK result is followed by its re-runs, so the last line counts.
    awk -F'|' -v gen="$gen" '
        NF >= 6 && $6 ~ /PASSED|WEAK|FAILED/ { gsub(/ /, "", $6); last[$1 "|" $2] = $6 }
        END {
            for (k in last) n[last[k]]++
            printf "%-18s PASSED %3d  WEAK %3d  FAILED %3d\n", gen, n["PASSED"], n["WEAK"], n["FAILED"]
        }' "$log"
done
