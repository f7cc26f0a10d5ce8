#!/usr/bin/env bash
# Ends the night with the gate's exit code (recorded by gate.sh): 0 pass, 1 regression, 2 unusable input.
set -euo pipefail
. "$(dirname "$0")/env.sh"
code="$(cat "$GATE_DIR/exit-code" 2>/dev/null || echo 2)"
case "$code" in
  0) echo "verdict: pass" ;;
  1) echo "verdict: regression (see the gate report)" ;;
  *) echo "verdict: the gate could not compare (exit $code; see the gate step's log)" ;;
esac
exit "$code"
