#!/usr/bin/env bash
# Renders every icon file from the SVG masters. The results are committed, so the build needs none of these tools.
# Needs (Debian/Ubuntu packages): librsvg2-bin (rsvg-convert), icoutils (icotool), icnsutils (png2icns).
#
#   signpost-16.svg  -> png/signpost-16.png   (drawn on the 16 px grid)
#   signpost-24.svg  -> png/signpost-24.png   (drawn on the 24 px grid)
#   signpost.svg     -> png/signpost-{32..1024}.png
#   signpost.ico     Windows: 16, 24, 32, 48, 64, 128, 256 (256 stored as PNG, as Windows expects)
#   signpost.icns    macOS: 16, 32, 48, 128, 256, 512, 1024
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert icotool png2icns; do
    command -v "$tool" >/dev/null || { echo "render.sh: $tool is missing (apt-get install librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done

mkdir -p png
render() { # size master
    rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio --format png --output "png/signpost-$1.png" "$2"
}
render 16 signpost-16.svg
render 24 signpost-24.svg
for size in 32 48 64 128 256 512 1024; do
    render "$size" signpost.svg
done

icotool --create --output signpost.ico \
    png/signpost-16.png png/signpost-24.png png/signpost-32.png png/signpost-48.png \
    png/signpost-64.png png/signpost-128.png --raw=png/signpost-256.png

png2icns signpost.icns \
    png/signpost-16.png png/signpost-32.png png/signpost-48.png png/signpost-128.png \
    png/signpost-256.png png/signpost-512.png png/signpost-1024.png >/dev/null

echo "render.sh: wrote $(ls png | wc -l) PNGs, signpost.ico and signpost.icns"
