#!/usr/bin/env bash
# Regenerates every icon file from the two SVG sources; commit the results.
#   gatehouse.svg        the app icon (48 px and up)
#   gatehouse-small.svg  the same picture simplified on a 16-pixel grid, for 16, 24 and 32 px
# Outputs: gatehouse-<size>.png (16 24 32 48 64 128 256 512 1024), gatehouse.ico (Windows:
# 16-256), gatehouse.icns (macOS: PNG chunks, 16-1024 including @2x).
# Needs rsvg-convert and ImageMagick's convert (Debian: librsvg2-bin imagemagick).
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert convert; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install librsvg2-bin imagemagick)" >&2; exit 1; }
done

for size in 16 24 32; do
  rsvg-convert -w "$size" -h "$size" gatehouse-small.svg -o "gatehouse-$size.png"
done
for size in 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" gatehouse.svg -o "gatehouse-$size.png"
done

# Windows: one .ico with the sizes Explorer, the taskbar and the Start menu ask for.
convert gatehouse-16.png gatehouse-24.png gatehouse-32.png gatehouse-48.png gatehouse-64.png \
  gatehouse-256.png gatehouse.ico

# macOS: an ICNS container is 'icns' + total length, then chunks of 4-byte type + length
# (header included) + data; every type below holds a PNG (macOS 10.7 and later read them).
be32() { # a number as 4 bytes, big-endian
  local n=$1
  printf "\\$(printf %03o $(( (n >> 24) & 255 )))\\$(printf %03o $(( (n >> 16) & 255 )))"
  printf "\\$(printf %03o $(( (n >> 8) & 255 )))\\$(printf %03o $(( n & 255 )))"
}
chunks=(icp4:16 icp5:32 icp6:64 ic07:128 ic08:256 ic09:512 ic10:1024 ic11:32 ic12:64 ic13:256 ic14:512)
total=8
for chunk in "${chunks[@]}"; do
  total=$(( total + 8 + $(wc -c < "gatehouse-${chunk#*:}.png") ))
done
{
  printf 'icns'
  be32 "$total"
  for chunk in "${chunks[@]}"; do
    png=gatehouse-${chunk#*:}.png
    printf '%s' "${chunk%%:*}"
    be32 $(( 8 + $(wc -c < "$png") ))
    cat "$png"
  done
} > gatehouse.icns
[ "$(wc -c < gatehouse.icns)" -eq "$total" ] || { echo "gatehouse.icns has the wrong length" >&2; exit 1; }
echo "icons: $(ls gatehouse-*.png | wc -l) PNGs, gatehouse.ico, gatehouse.icns ($total bytes)"
