#!/usr/bin/env bash
# Question: does every hostile input of the corpus (src/test/resources/dev/gatehouse/tls/corpus, plus
# 10 MB of noise) get its message within 1 s? Reads and analyses each file as `cert inspect` and the
# import dialog do, after one pass that loads the classes, and prints each time and the slowest.
# Run from the repository root after `mvn -B package -DskipTests`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/gatehouse.jar ] && [ -d target/test-classes/dev/gatehouse/tls/corpus ] \
  || { echo "run 'mvn -B package -DskipTests' first" >&2; exit 2; }
out=$(java -Xmx512m -Dlogback.configurationFile=/dev/null -cp "target/gatehouse.jar:target/test-classes" \
  dev.gatehouse.bench.CertAnalysisBench corpus 2>/dev/null)
echo "$out" | sort -n | tail -5
echo "$out" | grep -E '^corpus_'
slowest=$(sed -n 's/^corpus_slowest_ms=\([0-9]*\).*/\1/p' <<<"$out")
if [ "$slowest" -le 1000 ]; then verdict=meets; else verdict=misses; fi
echo "target: corpus_slowest_ms=$slowest ms $verdict the target <= 1000 ms per input"
