#!/usr/bin/env bash
# Build the one-folder app on macOS or Linux: dist/StrongStride (dist/StrongStride.app on macOS).
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q -e '.[package]'
python -m PyInstaller --noconfirm --clean --distpath dist --workpath build packaging/strongstride.spec
if [ "$(uname)" = "Darwin" ]; then
    hdiutil create -volname StrongStride -srcfolder dist/StrongStride.app -ov -format UDZO dist/StrongStride.dmg
fi
echo "built: $(ls -d dist/StrongStride*)"
