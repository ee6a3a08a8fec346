#!/usr/bin/env bash
# Question: does Gatehouse's proxy keep up with nginx when it carries a large configuration, and how fast
# does a rule change reach it?
#
# HOSTS hosts (default 1,000) x PATHS paths (default 10), one wildcard certificate (*.bench.test), served
# three ways on 127.0.0.1 against the same plain-HTTP backend (an nginx answering 1 KiB for any path):
#   nginx             one server block per host, one location per path, ingress-nginx's per-request headers
#   gatehouse         `gatehouse proxy --manifests` with the same rules as HOSTS Ingresses
#   gatehouse_gateway `gatehouse proxy --manifests` with the same rules as HOSTS HTTPRoutes on Gateway bench/edge
# (bench/lib/route_scale_gen.py writes all three). Figures:
#   start_ms          time from starting each Gatehouse proxy to its "listening" line (nginx: not measured)
#   keep-alive req/s  wrk -t2 -c64 -d${DURATION}s with bench/lib's spread.lua: every request another host and
#                     path, round robin over all HOSTS x PATHS (target >= 1.0x nginx); medians of ROUNDS
#                     alternating runs after a warm-up; any non-2xx answer fails the run
#   reload_ms         time from changing one path of one host in the file the server reads to the server
#                     answering the new path (bench/lib/route_scale_reload.py; nginx: edit + `nginx -s reload`)
#                     (target <= 100 ms, anchor nginx); median of RELOADS rounds after RELOAD_WARMUP (2)
#                     unmeasured ones, like the keep-alive figure; the very first change is printed too
#   heap              each Gatehouse proxy's heap after a full GC (jcmd GC.heap_info) and RSS, nginx's RSS
#                     (master + workers); the GUI's heap holding the same configuration (RouteScaleGuiBench
#                     against a demo cluster seeded with the Ingresses and HTTPRoutes; skipped with GUI=0)
# Usage (from the repository root, after `mvn -B -DskipTests package` and, for the GUI figure,
# `mvn -B test-compile`): bench/route-scale.sh
# Environment: HOSTS (1000), PATHS (10), DURATION (s, 10), WARMUP (s, 5), ROUNDS (3), RELOADS (5), RELOAD_WARMUP (2),
# GUI (1), JAVA.
set -euo pipefail
cd "$(dirname "$0")/.."

HOSTS=${HOSTS:-1000}; PATHS=${PATHS:-10}; DURATION=${DURATION:-10}; WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-3}; RELOADS=${RELOADS:-5}; GUI=${GUI:-1}; JAVA=${JAVA:-java}
JAR=target/gatehouse.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
need=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ "${#need[@]}" -gt 0 ]; then
  echo "Installing: ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

WORK=$(mktemp -d /tmp/gatehouse-route-scale.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for f in nginx.pid backend.pid; do [ -f "$WORK/$f" ] && kill "$(cat "$WORK/$f")" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

BACKEND_PORT=18180; NGINX_PORT=18543; GH_HTTPS=19543; GH_HTTP=19180; GW_HTTPS=19544; GW_HTTP=19181
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 -subj /CN=bench.test \
  -addext "subjectAltName=DNS:*.bench.test" -keyout "$WORK/tls.key" -out "$WORK/tls.crt" 2>/dev/null
python3 bench/lib/route_scale_gen.py "$WORK" "$HOSTS" "$PATHS" "$WORK/tls.crt" "$WORK/tls.key" $BACKEND_PORT $NGINX_PORT
mkdir -p "$WORK/www"; head -c 1024 /dev/zero | tr '\0' 'x' > "$WORK/www/page"
chmod -R a+rX "$WORK"
cat > "$WORK/backend.conf" <<CONF
worker_processes 1; daemon on; pid $WORK/backend.pid; error_log $WORK/backend-error.log;
worker_rlimit_nofile 65535; events { worker_connections 8192; }
http { access_log off; keepalive_requests 1000000;
  server { listen 127.0.0.1:$BACKEND_PORT; root $WORK/www; default_type text/plain;
    location / { try_files /page =404; } } }
CONF
"$NGINX" -c "$WORK/backend.conf" -p "$WORK" 2>/dev/null
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" 2>/dev/null
echo "# $HOSTS hosts x $PATHS paths; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# start_gatehouse NAME DIR HTTPS HTTP: one proxy as shipped; prints NAME_start_ms
declare -A GH_PIDS=()
start_gatehouse() {
  local name=$1 dir=$2 https=$3 http=$4 t0
  t0=$(date +%s%N)
  "$JAVA" -jar "$JAR" proxy --quiet --manifests "$dir" --backend "bench/web:80=http://127.0.0.1:$BACKEND_PORT" \
    --https-port "$https" --http-port "$http" > "$WORK/$name.out" 2> "$WORK/$name.err" &
  GH_PIDS[$name]=$!; PIDS+=("$!")
  for _ in $(seq 1 1200); do grep -q "listening" "$WORK/$name.out" 2>/dev/null && break; sleep 0.05; done
  grep -q "listening" "$WORK/$name.out" || { echo "$name did not start:" >&2; cat "$WORK/$name.err" >&2; exit 1; }
  echo "${name}_start_ms=$(( ($(date +%s%N) - t0) / 1000000 )) ms"
}
start_gatehouse gatehouse "$WORK/ingress" $GH_HTTPS $GH_HTTP
start_gatehouse gatehouse_gateway "$WORK/gateway" $GW_HTTPS $GW_HTTP
port_of() { case $1 in nginx) echo $NGINX_PORT ;; gatehouse) echo $GH_HTTPS ;; gatehouse_gateway) echo $GW_HTTPS ;; esac; }
SERVERS=(nginx gatehouse gatehouse_gateway)

# every server: 200 with the page for a host and path at both ends of the table, 404 for a path no rule has
last=$(printf 'h%04d.bench.test' $((HOSTS - 1)))
for server in "${SERVERS[@]}"; do
  port=$(port_of "$server")
  for probe in "h0000.bench.test /s0/page 200" "$last /s$((PATHS - 1))/x 200" "h0000.bench.test /nothing 404"; do
    set -- $probe
    got=$(curl -sk --resolve "$1:$port:127.0.0.1" -o /dev/null -w '%{http_code}' "https://$1:$port$2" || true)
    [ "$got" = "$3" ] || { echo "$server answered $got for https://$1$2, not $3" >&2; exit 1; }
  done
done

# keep-alive throughput, spread over every host and path
run_wrk() { # SERVER SECONDS -> req/s
  local out
  out=$(wrk -t2 -c64 -d"$2"s -s "$WORK/spread.lua" "https://h0000.bench.test:$(port_of "$1")/" 2>&1)
  if grep -q "Non-2xx" <<<"$out"; then echo "$1 answered non-2xx under load:" >&2; echo "$out" >&2; exit 1; fi
  awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out"
}
for server in "${SERVERS[@]}"; do run_wrk "$server" "$WARMUP" > /dev/null; done
declare -A RPS=()
for r in $(seq 1 "$ROUNDS"); do
  for server in "${SERVERS[@]}"; do
    v=$(run_wrk "$server" "$DURATION"); RPS[$server]="${RPS[$server]:-} $v"
    echo "# round $r $server $v req/s"
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for server in "${SERVERS[@]}"; do
  echo "${server}_keepalive_rps=$(median <<<"${RPS[$server]}") req/s"
done

# one rule change to served
mid=$((HOSTS / 2)); name=$(printf 'site-%04d' $mid); host=$(printf 'h%04d.bench.test' $mid)
file=$(printf 'sites-%04d.yaml' $(( mid / 100 * 100 )))
reload() { # the rounds and the first (cold) change to stderr, the median after the warm-up to stdout
  python3 bench/lib/route_scale_reload.py "$@" > "$WORK/reload.out"
  grep '^#' "$WORK/reload.out" >&2 || true
  sed -n 's/^first_reload_ms=/# first change (no warm-up): /p' "$WORK/reload.out" >&2
  sed -n 's/^reload_ms=//p' "$WORK/reload.out"
}
NG_RELOAD=$(reload "$WORK/nginx.conf" "server_name $host;" "location PATH " "$host" $NGINX_PORT "$RELOADS" \
  "$NGINX" -c "$WORK/nginx.conf" -p "$WORK" -s reload 2>/dev/null)
echo "nginx_reload_ms=$NG_RELOAD"
GH_RELOAD=$(reload "$WORK/ingress/$file" "name: $name" "{path: PATH," "$host" $GH_HTTPS "$RELOADS")
echo "gatehouse_reload_ms=$GH_RELOAD"
GW_RELOAD=$(reload "$WORK/gateway/$file" "name: $name" "value: PATH}" "$host" $GW_HTTPS "$RELOADS")
echo "gatehouse_gateway_reload_ms=$GW_RELOAD"

# memory
rss_kb() { local sum=0 p; for p in "$@"; do sum=$((sum + $(awk '/VmRSS/ {print $2}' /proc/"$p"/status 2>/dev/null || echo 0))); done; echo $sum; }
ng_pids=("$(cat "$WORK/nginx.pid")"); mapfile -t -O 1 ng_pids < <(pgrep -P "${ng_pids[0]}")
echo "nginx_rss=$(( $(rss_kb "${ng_pids[@]}") / 1024 )) MB"
for name in gatehouse gatehouse_gateway; do
  pid=${GH_PIDS[$name]}
  jcmd "$pid" GC.run > /dev/null
  used=$(jcmd "$pid" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  echo "${name}_heap=$(( used / 1024 )) MB"
  echo "${name}_rss=$(( $(rss_kb "$pid") / 1024 )) MB"
done
if [ "$GUI" = 1 ]; then
  if [ -d target/test-classes/dev/gatehouse/bench ]; then
    "$JAVA" -jar "$JAR" demo-cluster --kubeconfig "$WORK/kubeconfig" > "$WORK/demo.out" 2>&1 &
    PIDS+=("$!")
    for _ in $(seq 1 240); do grep -q "ready" "$WORK/demo.out" 2>/dev/null && break; sleep 0.5; done
    unzip -p "$JAR" logback.xml > "$WORK/logback.xml"
    run=("$JAVA" -Xmx1g -Dprism.order=sw -Dlogback.configurationFile="$WORK/logback.xml" -Dgatehouse.logdir="$WORK/logs"
      -Dgatehouse.home="$WORK/home" -cp "$JAR:target/test-classes:target/lib/*" dev.gatehouse.bench.RouteScaleGuiBench
      "$WORK/kubeconfig" "$WORK/ingress" "$WORK/gateway" "$HOSTS")
    if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then run=(xvfb-run -a "${run[@]}"); fi
    "${run[@]}" | tee "$WORK/gui.out"
  else
    echo "# GUI heap skipped: run mvn -B test-compile first" >&2
  fi
fi

ng=$(median <<<"${RPS[nginx]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }
verdict_ge() { awk -v a="$1" -v t="$2" 'BEGIN {print (a >= t ? "meets" : "misses")}'; }
verdict_le() { awk -v a="$1" -v t="$2" 'BEGIN {print (a <= t ? "meets" : "misses")}'; }
g=$(median <<<"${RPS[gatehouse]}"); w=$(median <<<"${RPS[gatehouse_gateway]}")
gr=${GH_RELOAD% ms}; wr=${GW_RELOAD% ms}; nr=${NG_RELOAD% ms}
echo "target: keep-alive gatehouse/nginx=$(ratio "$g" "$ng")x $(verdict_ge "$(ratio "$g" "$ng")" 1.0) the target 1.0x;" \
  "gatehouse_gateway/nginx=$(ratio "$w" "$ng")x $(verdict_ge "$(ratio "$w" "$ng")" 1.0) it;" \
  "reload gatehouse=${gr} ms ($(ratio "$gr" "$nr")x nginx's ${nr} ms) $(verdict_le "$gr" 100) the target 100 ms;" \
  "gatehouse_gateway=${wr} ms ($(ratio "$wr" "$nr")x nginx) $(verdict_le "$wr" 100) it"
