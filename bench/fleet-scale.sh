#!/usr/bin/env bash
# Question: how long does the Fleet view take to list every certificate of 20 clusters with 1,000 TLS
# Secrets each, how much heap does it need, and does one cluster dying mid-run change anything for
# the other 19? Every Secret holds its own certificate (the same 1,000 in every cluster).
# Measures `gatehouse fleet --format json` (the same FleetScanner the Fleet screen uses) in its own
# JVM with -Xmx512m, GC log for the peak heap. Anchor: `kubectl get secrets -A -o json` for the same 20
# contexts, 8 at a time (as the fleet scanner does), in the same run.
# The servers are unchanged fabric8 mock servers (real HTTPS list/watch): a JFR recording of their JVM during a
# fleet run held ~100 CPU samples in 39 s, so they are not the bottleneck; the client is (see docs/performance.md).
# Run from the repository root after `mvn package` (test classes are used for the 20 servers).
set -euo pipefail
SERVERS=${SERVERS:-20}
SECRETS=${SECRETS:-1000}
cd "$(dirname "$0")/.."
[ -f target/gatehouse.jar ] && [ -d target/test-classes ] || { echo "run 'mvn -B package -DskipTests' first" >&2; exit 2; }
work=$(mktemp -d)
trap 'touch "$work/STOP"; sleep 1; kill $servers 2>/dev/null || true; rm -rf "$work"' EXIT
unzip -p target/gatehouse.jar logback.xml > "$work/logback.xml"
cp="target/gatehouse.jar:target/test-classes:target/lib/*"
java -Xmx4g -Dlogback.configurationFile="$work/logback.xml" -Dgatehouse.logdir="$work/logs" -Dgatehouse.home="$work/home" \
  -cp "$cp" dev.gatehouse.bench.FleetServers "$work" "$SERVERS" "$SECRETS" > "$work/servers.out" 2>&1 &
servers=$!
for _ in $(seq 1 1200); do grep -q "^ready" "$work/servers.out" 2>/dev/null && break; sleep 0.5; done
grep -q "^ready" "$work/servers.out" || { echo "servers did not start" >&2; tail "$work/servers.out" >&2; exit 1; }
export KUBECONFIG="$work/fleet.kubeconfig"
contexts=$(seq 1 "$SERVERS" | sed 's/^/fleet-/')

# Anchor: kubectl, 8 contexts at a time.
start=$(date +%s%N)
echo "$contexts" | xargs -P 8 -I{} sh -c 'kubectl --context {} --cache-dir "$0/kcache-{}" get secrets -A -o json > "$0/kubectl-{}.json"' "$work"
kubectl_ms=$(( ($(date +%s%N) - start) / 1000000 ))

fleet=(java -Xmx512m -Xlog:gc:file="$work/gc.log" -Dlogback.configurationFile="$work/logback.xml" -Dgatehouse.home="$work/home" -jar target/gatehouse.jar fleet --format json --days 0)
# Run 1: every cluster up.
start=$(date +%s%N)
"${fleet[@]}" > "$work/fleet1.json" || true
fleet_ms=$(( ($(date +%s%N) - start) / 1000000 ))
peak_mb=$(grep -o '[0-9]*M->' "$work/gc.log" | sed 's/M->//' | sort -n | tail -1 || true); peak_mb=${peak_mb:-0}
count1=$(grep -c '"secret" :' "$work/fleet1.json" || true)

# Run 2: the last cluster is stopped right after the scan starts.
"${fleet[@]}" > "$work/fleet2.json" & pid=$!
touch "$work/KILL"; wait $pid || true
others() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); n=sys.argv[2]; print(sum(1 for c in d["certificates"] if c["context"]!=n))' "$1" "fleet-$SERVERS"; }
same=$([ "$(others "$work/fleet1.json")" = "$(others "$work/fleet2.json")" ] && echo yes || echo no)
last_up=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([c["up"] for c in d["contexts"] if c["context"]==sys.argv[2]][0])' "$work/fleet2.json" "fleet-$SERVERS")

echo "servers=$SERVERS clusters"
echo "secrets_per_cluster=$SECRETS secrets"
echo "certificates_listed=$count1 certificates"
echo "fleet_full_table_ms=$fleet_ms ms"
echo "fleet_peak_heap=$peak_mb MB"
echo "kubectl_all_contexts_ms=$kubectl_ms ms"
ratio=$(awk -v a="$fleet_ms" -v b="$kubectl_ms" 'BEGIN{printf "%.2f", a/b}')
echo "fleet_vs_kubectl=$ratio x"
echo "other_clusters_unchanged_when_one_dies=$same (stopped cluster up: $last_up)"
verdict() { if [ "$1" -le "$2" ]; then echo "ok"; else echo "MISSED"; fi; }
echo "targets: full table ${fleet_ms} ms <= 5000 ($(verdict "$fleet_ms" 5000)); peak heap ${peak_mb} MB <= 512 ($(verdict "$peak_mb" 512)); vs kubectl ${ratio}x (kubectl only lists, Gatehouse also parses every certificate); 19 others unchanged: $same"
