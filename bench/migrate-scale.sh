#!/usr/bin/env bash
# Question: how long does `gatehouse migrate` take for 1,000 Ingresses — conversion and the behavioural diff of
# every request of the corpus through both engines — and how does that compare with just reading them?
#
# N Ingresses (default 1,000; bench/lib/migrate_scale_gen.py) across 5 namespaces, each its own host with 2-5
# paths; 3 in 4 with a tls section (a wildcard Secret per namespace), 1 in 7 of those ssl-redirect "false", 1 in 5
# rewrite-target /$2 with a regex path, 1 in 6 use-regex, 1 in 10 a canary (weight 20) of the Ingress before it.
# Figures:
#   migrate_ms    `gatehouse migrate --manifests DIR -o OUT --json`, the whole command (JVM start, reading, converting,
#                 YAML, the diff, writing); median of ROUNDS (target: under 10 s)
#   lint_ms       the anchor, in the same run, alternating with migrate: `gatehouse lint --manifests DIR --json` over
#                 the same files — the same JVM start, YAML reading and engine reading of the 1,000 Ingresses, with
#                 diagnostics instead of a migration; migrate_ms / lint_ms is the comparison
#   yaml_parse_ms a second anchor: PyYAML (C loader when present) parsing the same files, nothing else
#   parse_ms, convert_ms, diff_ms, total_ms   the same migration in one warm JVM (MigrateScaleBench: best of
#                 ROUNDS after a warm-up): reading the files, the conversion (both engine snapshots, provider, YAML),
#                 the behavioural diff; requests_compared the corpus size
# Usage (from the repository root, after `mvn -B -o -q -DskipTests package`): bench/migrate-scale.sh
# Environment: N (1000), ROUNDS (3), JAVA.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-1000}; ROUNDS=${ROUNDS:-3}; JAVA=${JAVA:-java}
JAR=target/gatehouse.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -o -q -DskipTests package" >&2; exit 2; }
[ -d target/test-classes/dev/gatehouse/bench ] || { echo "test classes missing: mvn -B -o -q -DskipTests package" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || { echo "needs python3" >&2; exit 2; }

WORK=$(mktemp -d /tmp/gatehouse-migrate-scale.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
sans=$(for n in 0 1 2 3 4; do printf 'DNS:*.mig%d.bench.test,' "$n"; done)
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 -subj /CN=bench.test \
  -addext "subjectAltName=${sans%,}" -keyout "$WORK/tls.key" -out "$WORK/tls.crt" 2>/dev/null
python3 bench/lib/migrate_scale_gen.py "$WORK/in" "$N" "$WORK/tls.crt" "$WORK/tls.key"
echo "# $N Ingresses ($(cat "$WORK"/in/ingress-*.yaml | grep -c 'canary: "true"') canaries) in $(ls "$WORK/in" | wc -l) files;" \
  "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# anchor 2: the YAML alone
yaml_ms=$(python3 - "$WORK/in" <<'PY'
import glob, sys, time, yaml
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
t = time.perf_counter()
n = sum(1 for f in sorted(glob.glob(sys.argv[1] + "/*.yaml")) for d in yaml.load_all(open(f), Loader=Loader) if d)
print(int((time.perf_counter() - t) * 1000))
PY
)

MIG=(); LINT=()
for r in $(seq 1 "$ROUNDS"); do
  t0=$(date +%s%N)
  rc=0; "$JAVA" -jar "$JAR" lint --manifests "$WORK/in" --json > "$WORK/lint.json" 2> "$WORK/lint.err" || rc=$?
  [ "$rc" -le 1 ] || { echo "lint failed ($rc):" >&2; cat "$WORK/lint.err" >&2; exit 1; }
  LINT+=("$(ms "$t0")")
  rm -rf "$WORK/out"; t0=$(date +%s%N)
  "$JAVA" -jar "$JAR" migrate --manifests "$WORK/in" -o "$WORK/out" --json > "$WORK/migrate.json" 2> "$WORK/migrate.err" \
    || { echo "migrate failed:" >&2; cat "$WORK/migrate.err" >&2; exit 1; }
  MIG+=("$(ms "$t0")")
  echo "# round $r: lint ${LINT[-1]} ms, migrate ${MIG[-1]} ms"
done
read -r compared unexplained differ objects < <(python3 -c "
import json; d = json.load(open('$WORK/migrate.json'))
print(d['compared'], d['unexplained'], len(d['differences']), len(d['objects']))")
grep -q "kind: \"HTTPRoute\"" "$WORK/out/gateway-api.yaml" || { echo "no HTTPRoute written" >&2; exit 1; }

echo "# in one warm JVM (MigrateScaleBench, best of $ROUNDS after a warm-up):"
"$JAVA" -cp "$JAR:target/test-classes:target/lib/*" dev.gatehouse.bench.MigrateScaleBench "$WORK/in" "$ROUNDS"

migrate_ms=$(median <<<"${MIG[*]}"); lint_ms=$(median <<<"${LINT[*]}")
echo "migrate_ms=$migrate_ms ms"
echo "lint_ms=$lint_ms ms"
echo "yaml_parse_ms=$yaml_ms ms"
echo "objects_written=$objects objects"
echo "requests_compared_cli=$compared requests"
echo "differences_cli=$differ requests ($unexplained unexplained)"
ratio=$(awk -v a="$migrate_ms" -v b="$lint_ms" 'BEGIN {printf "%.2f", a / b}')
verdict=$([ "$migrate_ms" -lt 10000 ] && echo met || echo missed)
echo "comparison: migrate $(awk -v a="$migrate_ms" 'BEGIN {printf "%.1f", a / 1000}') s for $N Ingresses ($compared requests" \
  "compared) = ${ratio}x a lint of the same files ($(awk -v a="$lint_ms" 'BEGIN {printf "%.1f", a / 1000}') s);" \
  "target total < 10 s: $verdict"
