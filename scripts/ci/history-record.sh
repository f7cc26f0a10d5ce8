#!/usr/bin/env bash
# Adds the night (RESULTS_DIR and the gate's verdict) to the history store, under the retention rules.
set -euo pipefail
. "$(dirname "$0")/env.sh"
npx bench history record --store "$HISTORY_STORE" --current "$RESULTS_DIR" --gate "$GATE_DIR/gate.json"
