#!/usr/bin/env bash
# Renders a DOCX's pages as PNG pictures, for a person to look at: LibreOffice (headless) converts it to PDF,
# then pdftoppm turns each page into OUTDIR/NAME-N.png. It installs nothing; it says what is missing.
#
#   Scripts/render-docx.sh FILE.docx [OUTDIR] [DPI]      (OUTDIR defaults to FILE's folder, DPI to 100)
#
# Where the office fonts a DOCX names (仿宋_GB2312, 黑体, 方正小标宋简体, Calibri…) are missing, the pictures use
# the nearest free fonts Debian has (Scripts/fontconfig/fonts.conf): install fonts-noto-cjk, fonts-arphic-ukai
# and fonts-crosextra-carlito for them. Not run by CI; the LibreOffice test in Tests/MinutesKitTests runs where
# LibreOffice is installed.
set -euo pipefail

usage() { echo "usage: $0 FILE.docx [OUTDIR] [DPI]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 3 ] || usage
docx=$1
[ -f "$docx" ] || { echo "render-docx: no file $docx" >&2; exit 2; }
outdir=${2:-$(dirname "$docx")}
dpi=${3:-100}
here=$(cd "$(dirname "$0")" && pwd)

soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ]; then
  echo "render-docx: LibreOffice is not installed; on Debian: apt-get install libreoffice-writer-nogui" >&2
  exit 3
fi
if ! command -v pdftoppm >/dev/null; then
  echo "render-docx: pdftoppm is not installed; on Debian: apt-get install poppler-utils" >&2
  exit 3
fi
for family in "Noto Serif CJK SC" "AR PL UKai CN" "Carlito"; do
  [ -n "$(fc-list "$family")" ] || echo "render-docx: note: font $family is missing; the pictures use another (see $0)" >&2
done

mkdir -p "$outdir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A profile of its own, so that a LibreOffice the person has open is not disturbed.
FONTCONFIG_FILE="$here/fontconfig/fonts.conf" "$soffice" -env:UserInstallation="file://$work/profile" \
  --headless --convert-to pdf --outdir "$work" "$docx" >"$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
name=$(basename "${docx%.*}")
[ -f "$work/$name.pdf" ] || { echo "render-docx: LibreOffice made no PDF:" >&2; cat "$work/log" >&2; exit 1; }
rm -f "$outdir/$name"-*.png
pdftoppm -png -r "$dpi" "$work/$name.pdf" "$outdir/$name"
ls "$outdir/$name"-*.png
