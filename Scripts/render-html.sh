#!/usr/bin/env bash
# Renders an HTML export of minutes to a PNG with headless Chromium, for a person to look at.
#
#   Scripts/render-html.sh FILE.html [OUT.png] [--width PX] [--height PX] [--pdf OUT.pdf]
#
# The PNG shows the page as a browser shows it on a screen (the sheet on a grey ground), WIDTH × HEIGHT CSS
# pixels (default 960 × 1400: the first A4 page and a little more). With --pdf, the print layout (the page size,
# margins and page numbers of the style sheet) is also written as a PDF.
#
# It installs nothing: without Chromium it says which Debian packages to install (chromium, and fonts-noto-cjk
# for Chinese text) and stops. Not run by CI.
set -euo pipefail

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

input="" output="" width=960 height=1400 pdf=""
while [ $# -gt 0 ]; do
  case "$1" in
    --width) width="${2:?}"; shift 2 ;;
    --height) height="${2:?}"; shift 2 ;;
    --pdf) pdf="${2:?}"; shift 2 ;;
    -h|--help) usage ;;
    -*) echo "render-html: unknown option $1" >&2; usage ;;
    *) if [ -z "$input" ]; then input="$1"; elif [ -z "$output" ]; then output="$1"; else usage; fi; shift ;;
  esac
done
[ -n "$input" ] || usage
[ -f "$input" ] || { echo "render-html: $input: no such file" >&2; exit 1; }
[ -n "$output" ] || output="${input%.*}.png"

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
if [ -z "$browser" ]; then
  echo "render-html: Chromium is not installed. Install it (and CJK fonts for Chinese minutes), then run this again:" >&2
  echo "  sudo apt-get install chromium fonts-noto-cjk" >&2
  exit 1
fi
if ! fc-list :lang=zh 2>/dev/null | grep -q . && grep -q 'lang="zh' "$input"; then
  echo "render-html: warning: no Chinese font is installed; the text will show as boxes (apt-get install fonts-noto-cjk)." >&2
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
url="file://$(cd "$(dirname "$input")" && pwd)/$(basename "$input")"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --no-default-browser-check
       --user-data-dir="$profile" --force-device-scale-factor=1 --run-all-compositor-stages-before-draw)

"$browser" "${flags[@]}" --window-size="$width,$height" --screenshot="$output" "$url" >/dev/null 2>&1
[ -s "$output" ] || { echo "render-html: $browser wrote no screenshot" >&2; exit 1; }
echo "$output"
if [ -n "$pdf" ]; then
  "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$pdf" "$url" >/dev/null 2>&1
  [ -s "$pdf" ] || { echo "render-html: $browser wrote no PDF" >&2; exit 1; }
  echo "$pdf"
fi
