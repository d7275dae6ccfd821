#!/usr/bin/env bash
# Sets up, builds and serves the browser app on http://127.0.0.1:${PORT:-8080}/ (Ctrl+C stops).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh web
exec node scripts/serve.mjs build/web/site "${PORT:-8080}"
