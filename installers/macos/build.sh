#!/usr/bin/env bash
# macOS installer: Gatehouse.app (app-image), then the .dmg (or .pkg) made from it.
#
#   installers/macos/build.sh [app-image|dmg|pkg]     (default: dmg, or $INSTALLER_TYPE)
#
# Run by `mvn -Pinstaller package` on a Mac (the os-mac-* profile picks the BoringSSL native for
# the Mac's CPU), or by hand from the repository root after `mvn -DskipTests package`. Needs a
# JDK 17 for the same CPU (jpackage, jlink) and Xcode's command line tools (hdiutil, codesign are
# part of macOS). Output in target/installer/: Gatehouse.app and Gatehouse-<version>.dmg.
# Written on Linux without a Mac to test it: see docs/installers.md.
set -euo pipefail
GH_NAME=Gatehouse
source "$(dirname "$0")/../common.sh"

type=${1:-${INSTALLER_TYPE:-dmg}}
case "$type" in app-image|dmg|pkg) ;; *) gh_die "unknown installer type '$type' (app-image, dmg, pkg)" ;; esac
jpackage=${JAVA_HOME:+$JAVA_HOME/bin/}jpackage
command -v "$jpackage" >/dev/null || gh_die "jpackage not found: install a JDK 17 or set JAVA_HOME"

version=$(gh_version)
# CFBundleVersion must be 1-3 numbers with the first one 1 or more: 0.x.y is packaged as 1.x.y.
# The version shown to users (CFBundleShortVersionString) stays the real one, see Info.plist.
bundle_version=$version
[ "${version%%.*}" != 0 ] || bundle_version=1.${version#*.}

mkdir -p "$GH_OUT"
input=$(gh_stage_input)
resources=$GH_OUT/macos-resources
rm -rf "$resources" "$GH_OUT/$GH_NAME.app" "$GH_OUT/tmp"
cp -R "$GH_ROOT/installers/macos/resources" "$resources"
sed -i.bak "s/@VERSION@/$version/" "$resources/Info.plist" && rm -f "$resources/Info.plist.bak"

# The runtime's default CDS archive. An AppCDS archive for the app's own classes is Linux-only for
# now: Java 17 ties it to the absolute class path, and an app bundle is dragged anywhere.
GH_JLINK_OPTIONS="$GH_JLINK_OPTIONS --generate-cds-archive"
GH_ARGS=(--type app-image --dest "$GH_OUT" --temp "$GH_OUT/tmp")
gh_jpackage_image_args "$input" "$bundle_version"
GH_ARGS+=(
  --icon "$GH_ROOT/icons/gatehouse.icns"
  --resource-dir "$resources"
  --mac-package-identifier dev.gatehouse.Gatehouse
  --mac-package-name Gatehouse
)
gh_log "jpackage app-image $version (bundle version $bundle_version)"
"$jpackage" "${GH_ARGS[@]}"
rm -rf "$GH_OUT/tmp"
app=$GH_OUT/$GH_NAME.app
"$app/Contents/MacOS/$GH_NAME" --self-check || gh_die "the app-image fails its self-check"

if [ "$type" != app-image ]; then
  rm -f "$GH_OUT"/*."$type"
  "$jpackage" --type "$type" --app-image "$app" --dest "$GH_OUT" --name "$GH_NAME" \
    --app-version "$bundle_version" --vendor "$GH_VENDOR" --copyright "$GH_COPYRIGHT" \
    --description "$GH_DESCRIPTION" --icon "$GH_ROOT/icons/gatehouse.icns" \
    --resource-dir "$resources" --mac-package-identifier dev.gatehouse.Gatehouse \
    --mac-package-name Gatehouse
  gh_log "built $(ls "$GH_OUT"/*."$type")"
fi
gh_log "app: $app"
