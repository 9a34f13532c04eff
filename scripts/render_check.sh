#!/usr/bin/env bash
# Render every report export to PDF (LibreOffice headless) and PNG (pdftoppm) to look at them.
#
#   scripts/render_check.sh [OUTDIR] [extra `kehoach report` options, e.g. --lang en --by quarter]
#
# Writes OUTDIR/bao-cao-q2.{xlsx,docx,html}, their PDFs and one PNG per page
# (OUTDIR/png/bao-cao-q2-xlsx-1.png …), then lists the pages. Not run in CI: it needs soffice and
# pdftoppm, and what it is for is a person looking at the pages (docs/exports.md says what to
# check). Uses the kehoach on PATH, or $KEHOACH.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-/tmp/kehoach-render-check}"
shift || true
kehoach="${KEHOACH:-kehoach}"
period="${PERIOD:-q2}"
today="${TODAY:-2024-07-05}"

for tool in soffice pdftoppm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "render_check: $tool not found; install LibreOffice and poppler-utils" >&2
    exit 3
  fi
done

mkdir -p "$out/pdf" "$out/png"
# A private LibreOffice profile: no clash with a running LibreOffice, no first-start dialogs.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

for ext in ${FORMATS:-xlsx docx html}; do
  file="$out/bao-cao-$period.$ext"
  "$kehoach" report --period "$period" --today "$today" --output "$file" "$@" >/dev/null
  pdf="$out/pdf/bao-cao-$period-$ext.pdf"
  browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
  if [ "$ext" = html ] && [ -n "$browser" ]; then
    # A browser prints the page as its readers will (A4 landscape from @page, thead repeated).
    "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --print-to-pdf="$pdf" "file://$(realpath "$file")" >/dev/null 2>&1
  else
    # Without a browser, LibreOffice Writer/Web: a rough view only (it ignores much CSS).
    filter="pdf"
    [ "$ext" = html ] && filter="pdf:writer_web_pdf_Export"
    soffice -env:UserInstallation="file://$profile" --headless --convert-to "$filter" \
      --outdir "$out/pdf" "$file" >/dev/null 2>&1
    mv "$out/pdf/bao-cao-$period.pdf" "$pdf"
  fi
  rm -f "$out/png/bao-cao-$period-$ext"-*.png
  pdftoppm -r "${DPI:-70}" -png "$out/pdf/bao-cao-$period-$ext.pdf" "$out/png/bao-cao-$period-$ext"
done

if command -v pdffonts >/dev/null 2>&1; then
  for pdf in "$out"/pdf/*.pdf; do
    echo "== fonts in $(basename "$pdf")"
    pdffonts "$pdf" | tail -n +3 | awk '{print "   " $1}' | sort -u
  done
fi
echo "== pages"
ls -1 "$out"/png/*.png
