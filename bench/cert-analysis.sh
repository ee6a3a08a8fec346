#!/usr/bin/env bash
# Question: how long does Gatehouse take to analyse 1,000 TLS Secrets the way the Certificates screen
# does (read tls.crt and tls.key, chain order and completeness, key match, expiry, trust against the
# system's roots, then the table rows)? Target: <= 1 s for 1,000 on one thread (the screen builds rows
# on one worker thread). Prints each of 5 runs after a warm-up, the median and the minimum.
# Run from the repository root after `mvn -B package -DskipTests` (which also compiles the tests).
# Environment: N (default 1000) Secrets.
set -euo pipefail
N=${N:-1000}
cd "$(dirname "$0")/.."
[ -f target/gatehouse.jar ] && [ -d target/test-classes/dev/gatehouse/bench ] \
  || { echo "run 'mvn -B package -DskipTests' first" >&2; exit 2; }
out=$(java -Xmx512m -Dlogback.configurationFile=/dev/null -cp "target/gatehouse.jar:target/test-classes" \
  dev.gatehouse.bench.CertAnalysisBench secrets "$N" 2>/dev/null)
echo "$out"
median=$(sed -n 's/^analysis_median_ms=//p' <<<"$out")
target=$(( 1000 * N / 1000 ))
if [ "$median" -le "$target" ]; then verdict=meets; else verdict=misses; fi
echo "target: analysis_median_ms=$median ms for $N Secrets $verdict the target <= $target ms"
