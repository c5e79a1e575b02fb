#!/usr/bin/env bash
# Set up (idempotent) and serve the playground at http://127.0.0.1:8080/ with
# the COOP/COEP headers from Trunk.toml (cross-origin isolated: CPU lessons run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh
exec trunk serve --release "$@"
