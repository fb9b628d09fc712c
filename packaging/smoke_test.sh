#!/usr/bin/env bash
# Use the built one-folder app as a runner would, beyond its own --self-test: version, demo
# season, a plan as a one-page PDF, a folder import of the real test files (which starts the
# importer's worker processes) and the window for a moment. Build first with
# `python packaging/build.py`; run from the repository root:
#     bash packaging/smoke_test.sh [dist/StrongStride/StrongStride]
set -euo pipefail
cd "$(dirname "$0")/.."
FIXTURES="$PWD/tests/data"
app=$(realpath "${1:-dist/StrongStride/StrongStride}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"  # another working directory, and no Python environment, as on a runner's machine
run() { env -i HOME="$work" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen "$app" "$@"; }
run --version
run --data-dir "$work" --today 2026-11-25 demo --no-window
run --data-dir "$work" --today 2026-11-25 plan --pdf "$work/week.pdf" >/dev/null
pdfinfo "$work/week.pdf" | grep -q "^Pages: *1$"
mkdir "$work/fit"
run --data-dir "$work/fit" import "$FIXTURES/fit" --json >"$work/import.json" || true
added=$(grep -o '"activities_added": *[0-9]*' "$work/import.json" | grep -o '[0-9]*$')
if [ "${added:-0}" -le 25 ]; then
    echo "packaged import added ${added:-no} activities from $FIXTURES/fit" >&2
    exit 1
fi
# The window opens and keeps running until stopped (exit 124 from timeout means it was alive).
set +e
timeout 5 env -i HOME="$work" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen "$app" \
    --data-dir "$work" >/dev/null 2>"$work/window.err"
code=$?
set -e
if [ "$code" != "124" ]; then
    cat "$work/window.err" >&2
    echo "packaged window exited with $code" >&2
    exit 1
fi
echo "packaged app: ok (import added $added activities, one-page PDF, window alive 5 s)"
