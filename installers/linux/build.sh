#!/usr/bin/env bash
# Linux installers: the app-image, then the .deb or .rpm made from it.
#
#   installers/linux/build.sh [app-image|deb|rpm]     (default: deb, or $INSTALLER_TYPE)
#
# Run by `mvn -Pinstaller package` (which passes INSTALLER_TYPE, GH_VERSION and GH_TARGET), or by
# hand from the repository root after `mvn -DskipTests package`. Output in target/installer/:
# gatehouse/ (the app-image, bin/gatehouse is the launcher) and gatehouse_<version>-1_amd64.deb or
# gatehouse-<version>-1.x86_64.rpm. On Debian/Ubuntu, missing build tools are installed with
# apt-get when run as root.
set -euo pipefail
source "$(dirname "$0")/../common.sh"

type=${1:-${INSTALLER_TYPE:-deb}}
case "$type" in app-image|deb|rpm) ;; *) gh_die "unknown installer type '$type' (app-image, deb, rpm)" ;; esac
GH_LINUX=$GH_ROOT/installers/linux
version=$(gh_version)

# --- tools -----------------------------------------------------------------------------------
jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
[ -x "${jdk_bin}jpackage" ] || jdk_bin=$(dirname "$(readlink -f "$(command -v jpackage || echo /nonexistent)")")/
[ -x "${jdk_bin}jpackage" ] || gh_die "jpackage not found: install a JDK 17 (Debian: openjdk-17-jdk-headless)"

# Debian packages this build needs: fakeroot for the .deb, rpm (rpmbuild) for the .rpm, and a
# virtual display plus JavaFX's GTK libraries for the AppCDS training run.
need=()
want=(xvfb xauth libgtk-3-0 libxtst6)
[ "$type" = deb ] && want+=(fakeroot)
[ "$type" = rpm ] && want+=(rpm)
if command -v dpkg-query >/dev/null; then
  for pkg in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
  done
fi
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    gh_log "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    gh_log "missing Debian packages: ${need[*]} (sudo apt-get install ${need[*]})"
  fi
fi
[ "$type" != deb ] || command -v fakeroot >/dev/null || gh_die "the .deb needs fakeroot"
[ "$type" != rpm ] || command -v rpmbuild >/dev/null || gh_die "the .rpm needs rpmbuild (package rpm)"

# --- app-image -------------------------------------------------------------------------------
mkdir -p "$GH_OUT"
input=$(gh_stage_input)
image=$GH_OUT/$GH_NAME
rm -rf "$image" "$GH_OUT/tmp"
GH_ARGS=(--type app-image --dest "$GH_OUT" --temp "$GH_OUT/tmp")
gh_jpackage_image_args "$input" "$version"
GH_ARGS+=(
  --icon "$GH_ROOT/icons/gatehouse-512.png"
  # AppCDS: the archive is made for the install location (gatehouse-cds.sh); -Xshare:auto makes a
  # missing or stale one harmless. java.library.path: the natives unpacked below.
  --java-options '-XX:SharedArchiveFile=$APPDIR/gatehouse.jsa -Xshare:auto -Djava.library.path=$APPDIR/lib'
)
gh_log "jpackage app-image $version ($(gh_modules))"
"${jdk_bin}jpackage" "${GH_ARGS[@]}"
rm -rf "$GH_OUT/tmp"

# Natives next to the jars. JavaFX loads its own from there instead of unpacking them into
# ~/.openjfx/cache on first start (and checksumming them on every start); Netty finds BoringSSL,
# io_uring and epoll on java.library.path (set above) instead of unpacking them into /tmp on every
# start, which also fails where /tmp is mounted noexec. And jpackage sees them when it works out the
# package dependencies.
(
  cd "$image/lib/app/lib"
  for jar in javafx-*-linux.jar netty-tcnative-boringssl-static-*.jar netty-transport-native-*-linux-*.jar; do
    "${jdk_bin}jar" tf "$jar" | { grep '\.so$' || true; } | xargs -r "${jdk_bin}jar" xf "$jar"
  done
  [ ! -d META-INF/native ] || { mv META-INF/native/*.so . && rm -rf META-INF; }
  ls libnetty_tcnative_*.so >/dev/null || gh_die "no BoringSSL native in the tcnative jar"
  ls libnetty_transport_native_io_uring*.so libnetty_transport_native_epoll*.so >/dev/null \
    || gh_die "no io_uring or epoll native in the Netty transport jars"
)
install -m 755 "$GH_LINUX/gatehouse-cds.sh" "$image/lib/gatehouse-cds.sh"

# --- AppCDS class list: what a start to the first window and a self-check load ----------------
train_home=$(mktemp -d)
trap 'rm -rf "$train_home"' EXIT
train() { # $1: class list file, $2: more JVM options, rest: the command
  local list=$1 opts=$2
  shift 2
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list -Dgatehouse.home=$train_home $opts" timeout 180 "$@"
}
train "$GH_OUT/check.classlist" "" "$image/bin/$GH_NAME" --self-check >/dev/null 2>&1 \
  || gh_die "the app-image fails its self-check: $image/bin/$GH_NAME --self-check"
gui=("$image/bin/$GH_NAME")
if command -v xvfb-run >/dev/null; then
  gui=(xvfb-run -a -s "-screen 0 1600x1000x24" "${gui[@]}")
elif [ -z "${DISPLAY:-}" ]; then
  gui=()
fi
if [ "${#gui[@]}" -gt 0 ]; then
  train "$GH_OUT/gui.classlist" -Dgatehouse.startupProbe=true "${gui[@]}" >/dev/null 2>&1 \
    || gh_die "the app-image did not open its window (training run)"
else
  gh_log "no xvfb-run and no DISPLAY: the AppCDS class list covers the self-check only"
  : > "$GH_OUT/gui.classlist"
fi
awk '!seen[$0]++' "$GH_OUT/gui.classlist" "$GH_OUT/check.classlist" > "$image/lib/app/gatehouse.classlist"
gh_log "AppCDS class list: $(grep -vc '^@' "$image/lib/app/gatehouse.classlist") classes"

# --- package ---------------------------------------------------------------------------------
if [ "$type" != app-image ]; then
  GH_ARGS=(
    --type "$type" --app-image "$image" --dest "$GH_OUT" --temp "$GH_OUT/tmp"
    --name "$GH_NAME" --app-version "$version" --vendor "$GH_VENDOR" --copyright "$GH_COPYRIGHT"
    --description "$GH_DESCRIPTION"
    --install-dir /opt
    --icon "$GH_ROOT/icons/gatehouse-512.png"  # else the package stage puts in jpackage's default
    --resource-dir "$GH_LINUX/resources"
    --linux-package-name "$GH_NAME"
    --linux-shortcut
    --linux-menu-group Development
  )
  if [ "$type" = deb ]; then
    GH_ARGS+=(
      --linux-app-category devel
      --linux-deb-maintainer "maintainers@gatehouse.invalid"
      --linux-package-deps "libgtk-3-0, libxtst6, libgl1, libxxf86vm1"
    )
  else
    GH_ARGS+=(
      --linux-app-category Development/Tools
      --linux-package-deps "libgtk-3.so.0()(64bit), libXtst.so.6()(64bit), libGL.so.1()(64bit), libXxf86vm.so.1()(64bit)"
    )
  fi
  rm -f "$GH_OUT"/*."$type"
  gh_log "jpackage $type"
  "${jdk_bin}jpackage" "${GH_ARGS[@]}"
  rm -rf "$GH_OUT/tmp"
  gh_log "built $(ls "$GH_OUT"/*."$type")"
fi

# The app-image itself gets an archive for where it is now (the package makes its own on install).
sh "$image/lib/gatehouse-cds.sh" create
gh_log "app-image: $image/bin/$GH_NAME ($(du -sh "$image" | cut -f1))"
