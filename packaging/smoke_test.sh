#!/usr/bin/env bash
# Build the one-folder app and use it as a runner would: version, demo season, a plan as PDF,
# a folder import (which starts the importer's worker processes) and the window for a moment.
set -euo pipefail
cd "$(dirname "$0")/.."
FIXTURES="tests/data"
python -m PyInstaller --noconfirm --log-level WARN --distpath build/dist --workpath build/work \
    packaging/strongstride.spec
app=build/dist/StrongStride/StrongStride
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen
"$app" --version
"$app" --data-dir "$work" --today 2026-11-25 demo --no-window
"$app" --data-dir "$work" --today 2026-11-25 plan --pdf "$work/week.pdf" >/dev/null
pdfinfo "$work/week.pdf" | grep -q "^Pages: *1$"
mkdir "$work/fit"
"$app" --data-dir "$work/fit" import "$FIXTURES/fit" --json >"$work/import.json" || true
python -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['activities_added'] > 25, r" \
    "$work/import.json"
# The window opens and keeps running until stopped (exit 124 from timeout means it was alive).
set +e
timeout 5 "$app" --data-dir "$work" >/dev/null 2>"$work/window.err"
code=$?
set -e
if [ "$code" != "124" ]; then
    cat "$work/window.err" >&2
    echo "packaged window exited with $code" >&2
    exit 1
fi
echo "packaged app: ok"
