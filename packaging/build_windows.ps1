# Build the one-folder app on Windows: dist\StrongStride\StrongStride.exe
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
python -m pip install -q -e ".[package]"
python -m PyInstaller --noconfirm --clean --distpath dist --workpath build packaging/strongstride.spec
Write-Host "built: dist\StrongStride\StrongStride.exe"
