#!/usr/bin/env bash
# Question: does the GUI stay responsive with a large cluster?
# Seeds the demo cluster with 5,000 Ingresses and 5,000 TLS Secrets, connects the GUI's view models
# (Ingresses table + Overview, certificates parsed) and reports: time from connect to fully listed,
# peak heap, and the longest FX-thread stall while listing and while 500 updates stream in.
# Anchor: `kubectl get ingress,secret -A` against the same server in the same run.
# Run from the repository root after `mvn package` (needs a display: uses xvfb-run when present).
set -euo pipefail
N=${N:-5000}
cd "$(dirname "$0")/.."
[ -f target/gatehouse.jar ] || { echo "run 'mvn -B package -DskipTests' first" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill $demo 2>/dev/null || true; rm -rf "$work"' EXIT
java -jar target/gatehouse.jar demo-cluster --kubeconfig "$work/kubeconfig" > "$work/demo.out" 2>&1 &
demo=$!
for _ in $(seq 1 120); do grep -q "ready" "$work/demo.out" 2>/dev/null && break; sleep 0.5; done
grep -q ready "$work/demo.out" || { echo "demo cluster did not start" >&2; cat "$work/demo.out" >&2; exit 1; }

cp="target/gatehouse.jar:target/test-classes"
unzip -p target/gatehouse.jar logback.xml > "$work/logback.xml"
run=(java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dprism.order=sw -Dlogback.configurationFile="$work/logback.xml" -Dgatehouse.logdir="$work/logs" -Dgatehouse.home="$work/home" -cp "$cp" dev.gatehouse.bench.ClusterScaleBench "$work/kubeconfig" "$N")
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then run=(xvfb-run -a "${run[@]}"); fi
"${run[@]}" | tee "$work/bench.out"

# Anchor: kubectl listing the same objects.
if command -v kubectl >/dev/null; then
  start=$(date +%s%N)
  kubectl --kubeconfig "$work/kubeconfig" --cache-dir "$work/kcache" get ingress,secret -A -o name > "$work/kubectl.out"
  end=$(date +%s%N)
  kubectl_ms=$(( (end - start) / 1000000 ))
  echo "kubectl_list_ms=$kubectl_ms ms ($(wc -l < "$work/kubectl.out") objects)"
fi

listed=$(sed -n 's/^listed_ms=\([0-9]*\).*/\1/p' "$work/bench.out")
heap=$(sed -n 's/^peak_heap=\([0-9]*\).*/\1/p' "$work/bench.out")
s1=$(sed -n 's/^fx_stall_listing=\([0-9]*\).*/\1/p' "$work/bench.out")
s2=$(sed -n 's/^fx_stall_updates=\([0-9]*\).*/\1/p' "$work/bench.out")
verdict() { if [ "$1" -le "$2" ]; then echo "ok"; else echo "MISSED"; fi; }
ratio=""
[ -n "${kubectl_ms:-}" ] && ratio=$(awk -v a="$listed" -v b="$kubectl_ms" 'BEGIN{printf "%.2f", a/b}')
echo "listed_vs_kubectl=${ratio:-n/a} x"
echo "targets: listed ${listed} ms <= 3000 ($(verdict "$listed" 3000)); peak heap ${heap} MB <= 512 ($(verdict "$heap" 512)); FX stall listing ${s1} ms <= 100 ($(verdict "$s1" 100)); FX stall updates ${s2} ms <= 100 ($(verdict "$s2" 100)); vs kubectl ${ratio:-n/a}x"
