#!/usr/bin/env bash
# Question: do the fuzz targets (every Jazzer @FuzzTest: PEM, DER, PKCS#12, PKCS#7, encrypted keys, the
# manifest loader, kubeconfig reading, the proxy's HTTP/1 and HTTP/2 request handling) survive N minutes
# of fuzzing each without a finding?
# Usage: bench/fuzz.sh [MINUTES] [TARGET...]   (default 5 minutes, every @FuzzTest under src/test/java)
#   TARGET is Class#method, e.g. dev.gatehouse.tls.MaterialFuzzTest#pem
#   FUZZ_SECONDS=20 bench/fuzz.sh   overrides MINUTES with seconds (a smoke run of the script itself)
#
# How Jazzer 0.24 (jazzer-junit) is driven: JAZZER_FUZZ=1 puts @FuzzTest methods into fuzzing mode (without
# it they only replay their committed seeds, as in `mvn verify`); only one fuzz test fuzzes per JVM, so
# each target is its own `mvn test -Dtest=Class#method`, one after the other (one core). The annotation's
# maxDuration becomes libFuzzer's -max_total_time; the JUnit configuration parameters jazzer.internal.arg.N
# (read from system properties) append libFuzzer arguments after it, and libFuzzer keeps the last value of
# a flag, so -Djazzer.internal.arg.1=-max_total_time=S bounds every target to S seconds. `timeout` is the
# backstop (S + 4 minutes for Maven and the JVM).
#
# Prints per target `fuzz_<target>_<figure>=value unit` lines: executions, execs/s, corpus size (libFuzzer's
# last "corp:" figure: inputs in its in-memory corpus), findings; then totals and the comparison line with
# the target (0 findings, every target fuzzed for the full time). A finding: Jazzer writes crash-<sha1>
# (and Crash_<sha1>.java) into the target's Inputs directory when it exists, else the project root; it
# becomes a seed (src/test/resources/<package>/<Class>Inputs/<method>/) and a fix.
# Logs: target/fuzz/<target>.log. Generated corpora: .cifuzz-corpus/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-5}; shift || true
[[ $minutes =~ ^[0-9]+$ && $minutes -gt 0 ]] || { echo "MINUTES must be a positive whole number" >&2; exit 2; }
seconds=${FUZZ_SECONDS:-$((minutes * 60))}
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  # every @FuzzTest method: Class#method from the file that declares it
  while IFS= read -r t; do targets+=("$t"); done < <(
    grep -rl --include='*.java' '@FuzzTest' src/test/java | sort | while read -r f; do
      cls=$(sed -e 's#^src/test/java/##' -e 's#\.java$##' -e 's#/#.#g' <<<"$f")
      awk '/@FuzzTest/ {want=1; next} want && /void [A-Za-z0-9_]+\(/ {
             match($0, /void [A-Za-z0-9_]+\(/); print substr($0, RSTART+5, RLENGTH-6); want=0 }' "$f" \
        | sed "s/^/$cls#/"
    done)
fi
mvn -B -o -q test-compile >&2
logs=target/fuzz; mkdir -p "$logs"
echo "fuzzing ${#targets[@]} targets for $seconds s each, one at a time ($(date -u +%FT%TZ))" >&2
total_exec=0; total_find=0; short=0
for t in "${targets[@]}"; do
  name=$(sed -e 's/^dev\.gatehouse\.//' -e 's/[#.]/_/g' <<<"$t")
  log="$logs/$name.log"
  start=$(date +%s)
  set +e
  JAZZER_FUZZ=1 timeout $((seconds + 240)) mvn -B -o test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time="$seconds" >"$log" 2>&1
  code=$?
  set -e
  wall=$(( $(date +%s) - start ))
  # libFuzzer: "#N pulse|NEW|REDUCE ... corp: C/Sb ... exec/s: E" status lines, "Done N runs in T second(s)"
  done_line=$(grep -aE '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
  execs=$(sed -nE 's/^Done ([0-9]+) runs.*/\1/p' <<<"$done_line")
  fuzzed=$(sed -nE 's/^Done [0-9]+ runs in ([0-9]+) second.*/\1/p' <<<"$done_line")
  [ -n "$execs" ] || execs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
  execs=${execs:-0}; fuzzed=${fuzzed:-0}
  rate=$(grep -aoE 'exec/s: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  [ "$fuzzed" -gt 0 ] && rate=$((execs / fuzzed))
  corpus=$(grep -aoE 'corp: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  finds=$(grep -acE '^== Java Exception|^== Java Assertion|FuzzerSecurityIssue|^==[0-9]+== ERROR|Stack overflow|out-of-memory' "$log" || true)
  crash=$(grep -aoE '(crash|timeout|oom|slow-unit)-[0-9a-f]{40}' "$log" | head -1 || true)
  if [ "$code" -ne 0 ] && [ "$finds" -eq 0 ]; then
    finds=1; crash=${crash:-"exit $code, see $log"}   # the test failed without a libFuzzer report: count it
  fi
  [ "$fuzzed" -lt "$seconds" ] && short=$((short + 1))
  echo "fuzz_${name}_executions=$execs executions"
  echo "fuzz_${name}_execs_per_s=${rate:-0} execs/s"
  echo "fuzz_${name}_corpus=${corpus:-0} inputs"
  echo "fuzz_${name}_findings=$finds findings${crash:+ ($crash)}"
  echo "fuzz_${name}_fuzzed=$fuzzed s (wall $wall s with Maven and JVM start)"
  total_exec=$((total_exec + execs)); total_find=$((total_find + finds))
done
echo "fuzz_seconds_per_target=$seconds s"
echo "fuzz_targets=${#targets[@]} targets"
echo "fuzz_executions=$total_exec executions"
echo "fuzz_findings=$total_find findings"
if [ "$total_find" -eq 0 ] && [ "$short" -eq 0 ]; then verdict=meets; else verdict=misses; fi
echo "target: fuzz_findings=$total_find findings over ${#targets[@]} targets x $seconds s ($short cut short) $verdict the target 0 findings, every target fuzzed for the full time"
