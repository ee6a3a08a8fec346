#!/usr/bin/env bash
# Gatehouse's local proxy against nginx as an equivalent TLS terminator, on 127.0.0.1.
#
# Same ECDSA P-256 certificate (SNI "localhost"), same plain-HTTP backend (an nginx server answering
# 1 KiB), nginx with worker_processes auto, upstream keep-alive and keepalive_requests raised (see
# shared STACK.md); access logs off on both. nginx does the per-request work of ingress-nginx's template
# that Gatehouse does too: the X-Request-ID / X-Real-IP / X-Forwarded-* / X-Original-URI headers to the
# backend and HSTS on responses. Gatehouse runs as shipped, with its defaults (one event loop per two cores;
# io_uring where the kernel offers it, else epoll). When the shipped proxy runs on io_uring, a second
# Gatehouse forced onto epoll (its fallback where containers forbid io_uring) takes its turns too, so the
# two transports are compared in the same run; EPOLL=0 leaves it out.
# The two servers take turns in one run:
#   keep-alive:   wrk -t2 -c64 -d${DURATION}s --latency  (req/s, p50, p99)
#   handshakes:   h2load --h1 -t2 -c64 -n ${HANDSHAKES} -H 'Connection: close'  (new TLS connections/s)
# sharing both cores, then pinned (the proxies and the backend started on CPU 0, so that nginx's
# `worker_processes auto` and Gatehouse's default event loops size themselves to one core; the load
# client on CPU 1), with the servers' CPU time and context switches (the proxy's and the backend's) per
# request; medians of ROUNDS alternating runs, after a
# warm-up in each phase. Every server is checked to answer 200 with the backend's page before and
# during the measurement. Prints "name=value unit" lines and a target line.
#
# Usage (from the repository root, after `mvn -B -DskipTests package`): bench/proxy-vs-nginx.sh
# Environment: DURATION (s, default 10), HANDSHAKES (default 4000), WARMUP (s, default 20), ROUNDS (default 5:
# medians of this many alternating runs), JAVA (default java),
# JAVA_OPTS (extra JVM options for the proxy, e.g. -Dgatehouse.proxy.transport=epoll), EPOLL (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
HANDSHAKES=${HANDSHAKES:-4000}
WARMUP=${WARMUP:-20}
ROUNDS=${ROUNDS:-5}
EPOLL=${EPOLL:-1}
JAVA=${JAVA:-java}
JAR=target/gatehouse.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }

need=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v h2load >/dev/null 2>&1 || need+=(nghttp2-client)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v taskset >/dev/null 2>&1 || need+=(util-linux)
if [ "${#need[@]}" -gt 0 ]; then
  echo "Installing: ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || \
    { [ "${need[0]}" = nginx-light ] && apt-get install -y -qq --no-install-recommends nginx >/dev/null; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

WORK=$(mktemp -d /tmp/gatehouse-bench.XXXXXX)
chmod 755 "$WORK" # nginx's workers run as nobody and must read the backend's page
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -f "$WORK/backend.pid" ] && kill "$(cat "$WORK/backend.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

BACKEND_PORT=18080; NGINX_PORT=18443; GH_HTTPS=19443; GH_HTTP=19080; GE_HTTPS=19444; GE_HTTP=19081
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost -keyout "$WORK/tls.key" -out "$WORK/tls.crt" 2>/dev/null
mkdir -p "$WORK/www"; head -c 1024 /dev/zero | tr '\0' 'x' > "$WORK/www/index.html"

common_http="worker_rlimit_nofile 65535; events { worker_connections 8192; }"
cat > "$WORK/backend.conf" <<CONF
worker_processes 1; daemon on; pid $WORK/backend.pid; error_log $WORK/backend-error.log;
$common_http
http { access_log off; keepalive_requests 1000000;
  server { listen 127.0.0.1:$BACKEND_PORT; root $WORK/www; default_type text/plain; } }
CONF
cat > "$WORK/nginx.conf" <<CONF
worker_processes auto; daemon on; pid $WORK/nginx.pid; error_log $WORK/nginx-error.log;
$common_http
http { access_log off; keepalive_requests 1000000;
  upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 320; keepalive_requests 1000000; }
  server { listen 127.0.0.1:$NGINX_PORT ssl; server_name localhost;
    ssl_certificate $WORK/tls.crt; ssl_certificate_key $WORK/tls.key;
    ssl_protocols TLSv1.2 TLSv1.3; ssl_session_cache off; ssl_session_tickets off;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host \$host; proxy_set_header X-Request-ID \$request_id;
      proxy_set_header X-Real-IP \$remote_addr; proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Host \$host; proxy_set_header X-Forwarded-Port \$server_port;
      proxy_set_header X-Forwarded-Proto \$scheme; proxy_set_header X-Forwarded-Scheme \$scheme;
      proxy_set_header X-Scheme \$scheme; proxy_set_header X-Original-URI \$request_uri;
      add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always; } } }
CONF
mkdir -p "$WORK/manifests"
{
  printf 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: bench, namespace: bench}\n'
  printf 'spec:\n  ingressClassName: nginx\n  tls: [{hosts: [localhost], secretName: bench-tls}]\n'
  printf '  rules:\n    - host: localhost\n      http:\n        paths:\n'
  printf '          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n'
  printf -- '---\napiVersion: v1\nkind: Secret\nmetadata: {name: bench-tls, namespace: bench}\ntype: kubernetes.io/tls\n'
  printf 'stringData:\n  tls.crt: |\n'; sed 's/^/    /' "$WORK/tls.crt"
  printf '  tls.key: |\n'; sed 's/^/    /' "$WORK/tls.key"
} > "$WORK/manifests/bench.yaml"

# start_gatehouse NAME HTTPS_PORT HTTP_PORT EXTRA_JVM_OPTION [PREFIX...]: one Gatehouse proxy as shipped
# (plus the option, e.g. forcing epoll); waits for its listening line, leaves its pid in GH_PIDS[NAME].
declare -A GH_PIDS=()
start_gatehouse() {
  local name=$1 https=$2 http=$3 extra=$4; shift 4
  : > "$WORK/$name.out"
  # shellcheck disable=SC2086
  "$@" "$JAVA" ${JAVA_OPTS:-} $extra -jar "$JAR" proxy --quiet --manifests "$WORK/manifests" \
    --backend "bench/web:80=http://127.0.0.1:$BACKEND_PORT" --https-port "$https" --http-port "$http" \
    > "$WORK/$name.out" 2> "$WORK/$name.err" &
  GH_PIDS[$name]=$!; PIDS+=("$!")
  for _ in $(seq 1 120); do grep -q "listening" "$WORK/$name.out" 2>/dev/null && break; sleep 0.5; done
  grep -q "listening" "$WORK/$name.out" || { echo "$name did not start:" >&2; cat "$WORK/$name.err" >&2; exit 1; }
}

# start_servers [PREFIX...]: the backend, nginx and Gatehouse, started under PREFIX (e.g. taskset -c 0),
# so that nginx's `worker_processes auto` and Gatehouse's default event loops both size themselves to
# the cores they may use; then checks that every proxy answers the backend's page (an error page is
# cheaper to serve, and would not measure proxying).
start_servers() {
  "$@" "$NGINX" -c "$WORK/backend.conf" -p "$WORK" 2>/dev/null
  "$@" "$NGINX" -c "$WORK/nginx.conf" -p "$WORK" 2>/dev/null
  start_gatehouse gatehouse $GH_HTTPS $GH_HTTP "" "$@"
  SERVERS=(nginx gatehouse)
  if [ "$EPOLL" = 1 ] && grep -q "sockets: io_uring" "$WORK/gatehouse.out"; then
    start_gatehouse gatehouse_epoll $GE_HTTPS $GE_HTTP -Dgatehouse.proxy.transport=epoll "$@"
    SERVERS+=(gatehouse_epoll)
  fi
  sleep 1
  local server
  for server in backend "${SERVERS[@]}"; do
    got=$(curl -sk -o /dev/null -w '%{http_code} %{size_download}' "$(url_of $server)" || true)
    [ "$got" = "200 1024" ] || { echo "$server answered '$got', not 200 with the 1 KiB page" >&2; exit 1; }
  done
}
url_of() {
  case $1 in
    backend) echo "http://127.0.0.1:$BACKEND_PORT/" ;;
    nginx) echo "https://localhost:$NGINX_PORT/" ;;
    gatehouse) echo "https://localhost:$GH_HTTPS/" ;;
    gatehouse_epoll) echo "https://localhost:$GE_HTTPS/" ;;
  esac
}
pids_of() {
  case $1 in
    nginx) echo "$(cat "$WORK/nginx.pid") $(pgrep -P "$(cat "$WORK/nginx.pid")" | tr '\n' ' ')" ;;
    backend) echo "$(cat "$WORK/backend.pid") $(pgrep -P "$(cat "$WORK/backend.pid")" | tr '\n' ' ')" ;;
    *) echo "${GH_PIDS[$1]}" ;;
  esac
}
stop_servers() {
  local p; for p in "${GH_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  local f; for f in "$WORK/nginx.pid" "$WORK/backend.pid"; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  for p in "${GH_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  GH_PIDS=()
  for _ in $(seq 1 50); do [ -f "$WORK/nginx.pid" ] || [ -f "$WORK/backend.pid" ] || break; sleep 0.1; done
}
echo "# nginx $("$NGINX" -v 2>&1 | sed 's/.*\///'), $(nproc) cores, wrk/h2load on the same machine" >&2

TICKS=$(getconf CLK_TCK)
ctx_switches() { local t=0 f; for p in $*; do for f in /proc/$p/task/*/status; do
  t=$((t + $(awk '/ctxt_switches/ { s += $2 } END { print s + 0 }' "$f" 2>/dev/null || echo 0))); done; done; echo $t; }
cpu_ticks() { local t=0; for p in $*; do [ -r /proc/$p/stat ] && t=$((t + $(awk '{print $14+$15}' /proc/$p/stat))); done; echo $t; }
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/,"",v); print v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v); print v+0 }
  else if (v ~ /s$/) { sub(/s$/,"",v); print v*1000 } else print v }'; }

# keepalive NAME URL PIDS CLIENT_PREFIX -> prints rps p50 p99 cpu_us_per_req context_switches_per_req
# (the server's and the backend's together: each wake-up of one by the other costs both)
keepalive() {
  local name=$1 url=$2 pids=$3; shift 3
  local both; both="$pids $(pids_of backend)"
  local before; before=$(cpu_ticks $pids); local cs_before; cs_before=$(ctx_switches $both)
  local out; out=$("$@" wrk -t2 -c64 -d"${DURATION}s" --latency "$url")
  local after; after=$(cpu_ticks $pids); local cs_after; cs_after=$(ctx_switches $both)
  if grep -q "Non-2xx" <<<"$out"; then
    echo "$name answered errors under keep-alive load; the figures would not measure proxying:" >&2; echo "$out" >&2
    touch "$WORK/failed"
  fi
  local rps p50 p99 reqs
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  reqs=$(awk '/requests in/ {print $1}' <<<"$out")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")
  echo "$rps $p50 $p99 $(awk -v c=$((after - before)) -v t="$TICKS" -v n="$reqs" 'BEGIN { printf "%.1f", c / t * 1e6 / n }')" \
    "$(awk -v c=$((cs_after - cs_before)) -v n="$reqs" 'BEGIN { printf "%.2f", c / n }')"
}
handshakes() {
  local name=$1 url=$2 pids=$3; shift 3
  local before; before=$(cpu_ticks $pids)
  local out; out=$(timeout 120 "$@" h2load --h1 -t2 -c64 -n "$HANDSHAKES" -H 'Connection: close' "$url" || true)
  local after; after=$(cpu_ticks $pids)
  local rate done
  if awk '/^status codes:/ { bad = $7 + $9 } END { exit !(bad > 0) }' <<<"$out"; then
    echo "$name answered errors to new connections:" >&2; echo "$out" >&2
    touch "$WORK/failed"
  fi
  rate=$(awk '/^finished in/ {print $4}' <<<"$out")
  done=$(awk '/^requests:/ {print $2}' <<<"$out")
  echo "${rate:-0} $(awk -v c=$((after - before)) -v t="$TICKS" -v n="${done:-1}" 'BEGIN { printf "%.1f", c / t * 1e6 / (n > 0 ? n : 1) }')"
}

# Each measurement is taken ROUNDS times, the two servers alternating, and the median is reported: the
# machine is shared, and a neighbour's burst should not decide a ratio.
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
declare -A R
for mode in shared pinned; do
  client=(); servers=()
  if [ "$mode" = pinned ]; then client=(taskset -c 1); servers=(taskset -c 0); fi
  start_servers "${servers[@]}"
  if [ "$mode" = shared ]; then for g in "${SERVERS[@]:1}"; do echo "# $g: $(head -1 "$WORK/$g.out")" >&2; done; fi
  echo "# $mode: nginx with $(pgrep -P "$(cat "$WORK/nginx.pid")" | wc -l) workers, Gatehouse with its default event loops" >&2
  # Warm the JVMs (and nginx's caches) before measuring, with the same mix the rounds use: keep-alive
  # traffic and handshake bursts in turn, until the JIT has compiled both (a single pass of each leaves
  # it recompiling the hot paths for a while whenever the other kind of traffic comes back).
  for g in "${SERVERS[@]:1}"; do
    for _ in 1 2 3; do
      "${client[@]}" wrk -t2 -c64 -d"$(( (WARMUP + 2) / 3 ))s" "$(url_of "$g")" >/dev/null
      "${client[@]}" h2load --h1 -t2 -c64 -n 1000 -H 'Connection: close' "$(url_of "$g")" >/dev/null 2>&1 || true
    done
  done
  "${client[@]}" wrk -t2 -c16 -d2s "$(url_of nginx)" >/dev/null

  declare -A S=()
  for round in $(seq 1 "$ROUNDS"); do
    for server in "${SERVERS[@]}"; do
      read -r rps p50 p99 cpu cs < <(keepalive "$server" "$(url_of "$server")" "$(pids_of "$server")" "${client[@]}")
      S[$server.rps]+=" $rps"; S[$server.p50]+=" $p50"; S[$server.p99]+=" $p99"; S[$server.cpu]+=" $cpu"
      S[$server.cs]+=" $cs"
      [ -f "$WORK/failed" ] && exit 1
      echo "# $mode round $round $server: $rps req/s, p99 $p99 ms, $cpu us CPU and $cs context switches per request" >&2
    done
    for server in "${SERVERS[@]}"; do
      read -r rate cpu < <(handshakes "$server" "$(url_of "$server")" "$(pids_of "$server")" "${client[@]}")
      [ -f "$WORK/failed" ] && exit 1
      S[$server.hs]+=" $rate"; S[$server.hscpu]+=" $cpu"
    done
  done
  for server in "${SERVERS[@]}"; do
    for k in rps p50 p99 cpu cs hs hscpu; do R[$mode.$server.$k]=$(median <<<"${S[$server.$k]}"); done
    echo "${server}_${mode}_keepalive_rps=${R[$mode.$server.rps]} req/s"
    echo "${server}_${mode}_keepalive_p50=${R[$mode.$server.p50]} ms"
    echo "${server}_${mode}_keepalive_p99=${R[$mode.$server.p99]} ms"
    echo "${server}_${mode}_keepalive_cpu_per_request=${R[$mode.$server.cpu]} us"
    echo "${server}_${mode}_keepalive_context_switches_per_request=${R[$mode.$server.cs]} (server and backend)"
    echo "${server}_${mode}_new_tls_connections=${R[$mode.$server.hs]} conn/s"
    echo "${server}_${mode}_cpu_per_handshake=${R[$mode.$server.hscpu]} us"
  done
  stop_servers
  R[$mode.ka]=$(ratio "${R[$mode.gatehouse.rps]}" "${R[$mode.nginx.rps]}")
  R[$mode.hs]=$(ratio "${R[$mode.gatehouse.hs]}" "${R[$mode.nginx.hs]}")
  R[$mode.p99]=$(awk -v a="${R[$mode.gatehouse.p99]}" -v b="${R[$mode.nginx.p99]}" 'BEGIN { printf "%+.2f", a - b }')
  R[$mode.cpu]=$(ratio "${R[$mode.gatehouse.cpu]}" "${R[$mode.nginx.cpu]}")
  echo "ratio_${mode}_keepalive_rps=${R[$mode.ka]} x"
  echo "ratio_${mode}_new_tls_connections=${R[$mode.hs]} x"
  echo "delta_${mode}_keepalive_p99=${R[$mode.p99]} ms"
  echo "ratio_${mode}_cpu_per_request=${R[$mode.cpu]} x"
  if [ -n "${R[$mode.gatehouse_epoll.rps]:-}" ]; then
    echo "ratio_${mode}_keepalive_rps_epoll=$(ratio "${R[$mode.gatehouse_epoll.rps]}" "${R[$mode.nginx.rps]}") x (Gatehouse on epoll vs nginx)"
    echo "ratio_${mode}_cpu_per_request_io_uring_vs_epoll=$(ratio "${R[$mode.gatehouse.cpu]}" "${R[$mode.gatehouse_epoll.cpu]}") x"
  fi
done

verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == ">=" ? v >= t : v <= t); print (ok ? "met" : "missed") }'; }
echo "target (pinned): keep-alive req/s >= 1.0x nginx: ${R[pinned.ka]}x $(verdict "${R[pinned.ka]}" 1.0 ">=");" \
  "handshakes/s >= 0.9x nginx: ${R[pinned.hs]}x $(verdict "${R[pinned.hs]}" 0.9 ">=");" \
  "p99 <= nginx + 1 ms: ${R[pinned.p99]} ms $(verdict "${R[pinned.p99]}" 1.0 "<=")"
