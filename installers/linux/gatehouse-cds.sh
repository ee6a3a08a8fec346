#!/bin/sh
# AppCDS archive for the Gatehouse image this script sits in (<image>/lib/gatehouse-cds.sh).
#
#   gatehouse-cds.sh create   writes <image>/lib/app/gatehouse.jsa from the class list recorded at
#                             build time (lib/app/gatehouse.classlist); takes a few seconds
#   gatehouse-cds.sh remove   deletes it
#
# Java 17 accepts an archive only for the exact class path it was dumped with, so the archive is
# made where the app is installed: by the package's postinst (and removed by its prerm), or by
# installers/linux/build.sh for the app-image in target/. The launcher passes
# -XX:SharedArchiveFile=$APPDIR/gatehouse.jsa -Xshare:auto: a missing or stale archive only
# costs start-up time, it never stops the app.
set -eu
lib=$(cd "$(dirname "$0")" && pwd)
app=$lib/app
archive=$app/gatehouse.jsa

case "${1:-create}" in
  remove)
    rm -f "$archive" "$archive.tmp" "$app/gatehouse-cds.log"
    exit 0
    ;;
  create) ;;
  *) echo "usage: $0 [create|remove]" >&2; exit 2 ;;
esac

cfg=$(ls "$app"/*.cfg | head -n 1)
[ -f "$app/gatehouse.classlist" ] || { echo "gatehouse-cds: no class list in $app" >&2; exit 1; }
# The class path exactly as the launcher builds it from its .cfg file.
classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$app|" | paste -sd: -)

rm -f "$archive.tmp"
if "$lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/gatehouse.classlist" \
    -XX:SharedArchiveFile="$archive.tmp" -cp "$classpath" > "$app/gatehouse-cds.log" 2>&1; then
  chmod 644 "$archive.tmp"
  mv -f "$archive.tmp" "$archive"
  rm -f "$app/gatehouse-cds.log"
else
  rm -f "$archive.tmp"
  echo "gatehouse-cds: could not write the AppCDS archive (see $app/gatehouse-cds.log);" \
       "Gatehouse still starts, only slower" >&2
  exit 1
fi
