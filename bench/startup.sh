#!/usr/bin/env bash
# Start-up of the packaged app: launch -> first window rendered, with and without the AppCDS
# archive, under Xvfb (software rendering), against two anchors measured in the same run.
#
# Run from the repository root after building the app-image:
#   mvn -B -Pinstaller -Dinstaller.type=app-image -DskipTests package && bench/startup.sh
# Environment: RUNS (default 7) timed runs per variant, after one warm-up run each; IMAGE (default
# target/installer/gatehouse).
#
# Variants, alternated round by round so that load from other processes hits all alike:
#   appcds      the app-image's launcher as installed (its archive lib/app/gatehouse.jsa)
#   no-appcds   the same launcher with _JAVA_OPTIONS=-Xshare:off (what a missing or stale archive
#               costs: Java 17 then maps no CDS archive at all)
#   java-jar    anchor: `java -jar target/gatehouse.jar` on the build JDK (its default CDS archive)
#   jvm-version anchor: `java -Xshare:auto -version` on the build JDK (wall time; the JVM's floor)
# The app prints first-window-ms=N cpu-ms=M (dev.gatehouse.ui.StartupProbe): N counted from the
# epoch-ms time this script passes in -Dgatehouse.startupProbe just before it launches the
# process, M the CPU time of all its threads so far. On a busy machine (other builds on the same
# 2 cores) wall times stretch far more than CPU times: compare both, and only within one run.
set -euo pipefail

RUNS=${RUNS:-7}
IMAGE=${IMAGE:-target/installer/gatehouse}
TARGET_MS=1500
launcher=$IMAGE/bin/gatehouse
[ -x "$launcher" ] || { echo "no app-image at $IMAGE: build it first (see the header)" >&2; exit 1; }
[ -f target/gatehouse.jar ] || { echo "no target/gatehouse.jar: run mvn package first" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "needs Xvfb (apt-get install xvfb)" >&2; exit 1; }

work=$(mktemp -d)
# A private X server on a free display number (-displayfd: Xvfb picks it and reports it).
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "Xvfb did not start" >&2; exit 1; }
export DISPLAY=:$(cat "$work/display")
unset KUBECONFIG _JAVA_OPTIONS JAVA_TOOL_OPTIONS
# One user home and Gatehouse home for every run: no kubeconfig (the first-run window), settings
# kept from the warm-up run, JavaFX's native cache warm for java-jar.
props="-Duser.home=$work/home -Dgatehouse.home=$work/gatehouse"
mkdir -p "$work/home"

run_variant() { # $1 variant -> prints "wall-ms cpu-ms"
  local t out
  case "$1" in
    jvm-version)
      local TIMEFORMAT='%3R %3U %3S' times
      times=$( { time java -Xshare:auto -version >/dev/null 2>&1; } 2>&1 )
      awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' <<< "$times"
      return ;;
  esac
  t=$(date +%s%3N)
  case "$1" in
    appcds)    out=$(JAVA_TOOL_OPTIONS="$props -Dgatehouse.startupProbe=$t" timeout 60 "$launcher" 2>/dev/null) ;;
    no-appcds) out=$(_JAVA_OPTIONS=-Xshare:off JAVA_TOOL_OPTIONS="$props -Dgatehouse.startupProbe=$t" \
                     timeout 60 "$launcher" 2>/dev/null) ;;
    java-jar)  out=$(timeout 60 java $props -Dgatehouse.startupProbe="$t" -jar target/gatehouse.jar 2>/dev/null) ;;
  esac
  out=$(printf '%s\n' "$out" | sed -n 's/^first-window-ms=\([0-9]*\) cpu-ms=\([0-9]*\)$/\1 \2/p')
  [ -n "$out" ] || { echo "$1: no first-window-ms line" >&2; exit 1; }
  echo "$out"
}

variants=(appcds no-appcds java-jar jvm-version)
echo "# startup: $RUNS runs per variant after a warm-up, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# image: $IMAGE ($(du -sh "$IMAGE" | cut -f1)), archive: $(ls -s --block-size=M "$IMAGE/lib/app/gatehouse.jsa" 2>/dev/null | cut -d' ' -f1 || echo none)"
for v in "${variants[@]}"; do run_variant "$v" >/dev/null; done
echo "# per round: variant=wall-ms/cpu-ms (cpu: all threads of the process, until the first frame)"
for round in $(seq "$RUNS"); do
  line="round $round:"
  for v in "${variants[@]}"; do
    read -r wall cpu <<< "$(run_variant "$v")"
    echo "$wall" >> "$work/$v.wall"
    echo "$cpu" >> "$work/$v.cpu"
    line+=" $v=$wall/$cpu"
  done
  echo "$line"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
for v in "${variants[@]}"; do
  name=startup_${v//-/_}
  echo "${name}_median=$(median "$work/$v.wall") ms"
  echo "${name}_min=$(sort -n "$work/$v.wall" | head -1) ms"
  echo "${name}_cpu_median=$(median "$work/$v.cpu") ms"
done
for v in appcds no-appcds; do
  m=$(median "$work/$v.wall")
  if [ "$m" -le "$TARGET_MS" ]; then verdict="meets"; else verdict="misses"; fi
  echo "target: startup_${v//-/_}_median=$m ms $verdict the target <= $TARGET_MS ms (launch -> first window)"
done
