# Shared by installers/linux/build.sh and installers/macos/build.sh (sourced, bash).
# installers/windows/build.ps1 repeats these settings for PowerShell: change both together.

GH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
GH_TARGET=${GH_TARGET:-$GH_ROOT/target}
GH_OUT=$GH_TARGET/installer
GH_NAME=${GH_NAME:-gatehouse}
GH_MAIN_CLASS=dev.gatehouse.Main
GH_DESCRIPTION="Workbench for TLS at the Kubernetes Ingress"
GH_VENDOR="Gatehouse"
GH_COPYRIGHT="Copyright the Gatehouse authors"
# jlink: --strip-java-debug-attributes removes the class files' debug attributes without objcopy
# (binutils), which --strip-debug would need; the launcher scripts stay (bin/java is needed for
# the AppCDS archive).
GH_JLINK_OPTIONS="--strip-java-debug-attributes --no-header-files --no-man-pages --compress=2"

gh_log() { printf '[installer] %s\n' "$*" >&2; }
gh_die() { printf '[installer] error: %s\n' "$*" >&2; exit 1; }

# The package version: the Maven version without qualifier (0.1.0-SNAPSHOT -> 0.1.0).
gh_version() {
  local v=${GH_VERSION:-}
  if [ -z "$v" ] && [ -f "$GH_TARGET/classes/gatehouse-version.properties" ]; then
    v=$(sed -n 's/^version=//p' "$GH_TARGET/classes/gatehouse-version.properties")
  fi
  v=${v%%-*}
  [[ $v =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || gh_die "version '$v' is not 1-3 numbers (jpackage needs that)"
  printf '%s' "$v"
}

# installers/modules.txt without comments, comma-separated.
gh_modules() {
  sed -e 's/#.*//' -e 's/[[:space:]]//g' "$GH_ROOT/installers/modules.txt" | grep -v '^$' | paste -sd, -
}

# jpackage's --input: the jar and its runtime dependencies only.
gh_stage_input() {
  local input=$GH_OUT/input
  [ -f "$GH_TARGET/gatehouse.jar" ] && [ -d "$GH_TARGET/lib" ] \
    || gh_die "no $GH_TARGET/gatehouse.jar and lib/: run 'mvn -DskipTests package' first"
  rm -rf "$input"
  mkdir -p "$input"
  cp "$GH_TARGET/gatehouse.jar" "$input/"
  cp -r "$GH_TARGET/lib" "$input/lib"
  printf '%s' "$input"
}

# Options common to every OS's app-image, appended to the array GH_ARGS (bash 3.2 on macOS has
# no mapfile). $1: the staged input folder, $2: the package version.
gh_jpackage_image_args() {
  local modules
  modules=$(gh_modules)
  GH_ARGS+=(
    --name "$GH_NAME"
    --app-version "$2"
    --vendor "$GH_VENDOR"
    --copyright "$GH_COPYRIGHT"
    --description "$GH_DESCRIPTION"
    --input "$1"
    --main-jar gatehouse.jar
    --main-class "$GH_MAIN_CLASS"
    --add-modules "$modules"
    --jlink-options "$GH_JLINK_OPTIONS"
  )
}
