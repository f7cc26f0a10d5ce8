#!/usr/bin/env bash
# Gates RESULTS_DIR against BASELINE_DIR under GATE_RULES: writes GATE_DIR/gate.json and gate.md, adds
# the markdown to the job summary and records the exit code (0 pass, 1 regression, 2 unusable input)
# in GATE_DIR/exit-code for verdict.sh, so the steps after it (history, dashboard) still run. Without
# a baseline (the first night) it passes and says how to accept the night as the baseline.
set -euo pipefail
. "$(dirname "$0")/env.sh"
mkdir -p "$GATE_DIR"
rm -f "$GATE_DIR/gate.json" "$GATE_DIR/gate.md"
if ! compgen -G "$BASELINE_DIR/*.json" >/dev/null; then
  printf '## Regression gate: no baseline yet\n\nNothing to compare this night with (%s holds no results). To accept it as the baseline, download the results artifact of this run and run\n\n    npx bench baseline update --from <the results directory> --to %s --prune\n\nthen commit %s.\n' \
    "$BASELINE_DIR" "$BASELINE_DIR" "$BASELINE_DIR" > "$GATE_DIR/gate.md"
  cat "$GATE_DIR/gate.md"
  code=0
else
  set +e
  npx bench gate --baseline "$BASELINE_DIR" --current "$RESULTS_DIR" --rules "$GATE_RULES" --json "$GATE_DIR/gate.json" --markdown "$GATE_DIR/gate.md"
  code=$?
  set -e
  [ -f "$GATE_DIR/gate.md" ] || printf '## Regression gate: unusable input (exit %s)\n\nThe gate compared nothing: see the log of this step.\n' "$code" > "$GATE_DIR/gate.md"
fi
echo "$code" > "$GATE_DIR/exit-code"
# bench gate printed the markdown already; on GitHub it also goes to the job summary.
[ -z "${GITHUB_STEP_SUMMARY:-}" ] || cat "$GATE_DIR/gate.md" >> "$GITHUB_STEP_SUMMARY"
echo "gate: exit $code"
