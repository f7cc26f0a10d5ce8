#!/usr/bin/env bash
# The night's reports: PNG charts and summary.md of RESULTS_DIR into CHARTS_DIR, and the dashboard of
# the whole history (trend charts, the baseline marked) into SITE_DIR/index.html.
set -euo pipefail
. "$(dirname "$0")/env.sh"
npx bench report --results "$RESULTS_DIR" --out "$CHARTS_DIR"
baseline=()
! compgen -G "$BASELINE_DIR/*.json" >/dev/null || baseline=(--baseline "$BASELINE_DIR")
npx bench dashboard --results "$HISTORY_STORE" "${baseline[@]}" --out "$SITE_DIR/index.html"
