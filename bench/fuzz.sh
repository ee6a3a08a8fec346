#!/usr/bin/env bash
# Question: do the fuzz targets (Jazzer @FuzzTest: PEM, DER, PKCS#12, PKCS#7, encrypted keys, the manifest
# loader, kubeconfig reading) survive N minutes of fuzzing each without a finding?
# Usage: bench/fuzz.sh [MINUTES] [TARGET...]   (default 5 minutes, every target; the targets' own
# maxDuration is 5 minutes, a shorter MINUTES is passed as -Djazzer.max_duration and enforced by timeout)
#   TARGET is Class#method, e.g. dev.gatehouse.tls.MaterialFuzzTest#pem
# Prints per target: executions, findings, and where Jazzer put a crashing input. A finding becomes a
# seed (src/test/resources/<package>/<Class>Inputs/<method>/) and a fix.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-5}; shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(dev.gatehouse.tls.MaterialFuzzTest#pem dev.gatehouse.tls.MaterialFuzzTest#der
           dev.gatehouse.tls.MaterialFuzzTest#pkcs12 dev.gatehouse.tls.MaterialFuzzTest#pkcs7
           dev.gatehouse.tls.MaterialFuzzTest#encryptedKey dev.gatehouse.routing.yaml.YamlFuzzTest#manifests
           dev.gatehouse.cluster.KubeconfigFuzzTest#kubeconfig)
fi
mvn -B -o -q test-compile >&2
logs=target/fuzz; mkdir -p "$logs"
printf '%-55s %12s %9s %s\n' target executions findings crash-input
total_exec=0; total_find=0
for t in "${targets[@]}"; do
  log="$logs/${t//[#.]/_}.log"
  set +e
  JAZZER_FUZZ=1 timeout $((minutes * 60 + 240)) mvn -B -o test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="${minutes}m" -Dsurefire.timeout=0 >"$log" 2>&1
  code=$?
  set -e
  # libFuzzer prints "#N DONE" / "#N pulse" lines with the execution count
  execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#'); execs=${execs:-0}
  finds=$(grep -cE '== Java Exception|Java Assertion|FuzzerSecurityIssue|Stack overflow|Out of memory' "$log" || true)
  crash=$(grep -oE "(crash|timeout|oom)-[0-9a-f]{40}" "$log" | head -1 || true)
  [ "$code" -ne 0 ] && [ "$finds" -eq 0 ] && finds="?(exit $code)"
  printf '%-55s %12s %9s %s\n' "$t" "$execs" "$finds" "${crash:--}"
  total_exec=$((total_exec + execs)); [[ $finds =~ ^[0-9]+$ ]] && total_find=$((total_find + finds))
done
echo "fuzz_minutes_per_target=$minutes min"
echo "fuzz_targets=${#targets[@]} targets"
echo "fuzz_executions=$total_exec executions"
echo "fuzz_findings=$total_find findings"
