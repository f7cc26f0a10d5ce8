#!/usr/bin/env bash
# Joins the shards' result directories (SHARDS_DIR/*) into RESULTS_DIR.
set -euo pipefail
. "$(dirname "$0")/env.sh"
npx bench merge "$SHARDS_DIR"/*/ --out "$RESULTS_DIR"
