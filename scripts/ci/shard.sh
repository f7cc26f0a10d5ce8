#!/usr/bin/env bash
# Runs shard i of n of the night's sweep into <out>: SWEEP_FILE (the fixture sweep when empty),
# narrowed to DATASETS / VARIANTS (and long-audio strategies LONG_STRATEGIES) when given, the JFK dataset added when JFK_RECORDING_URL names a
# recording, balanced with SHARD_COSTS. One RUN_ID for every shard, so the merged night is one run;
# failed configs are the gate's to judge (--allow-failures).
# usage: scripts/ci/shard.sh <i> <n> <out-dir>
set -euo pipefail
. "$(dirname "$0")/env.sh"
i="${1:?usage: shard.sh <i> <n> <out-dir>}"; n="${2:?}"; out="${3:?}"
datasets="${DATASETS:-}"
if [ -n "${JFK_RECORDING_URL:-}" ]; then
  "$(dirname "$0")/fetch-recording.sh"
  datasets="${datasets:+$datasets,}$JFK_DATASET"
fi
args=(run --shard "$i/$n" --results "$out" --run-id "${RUN_ID:?set RUN_ID}" --run-label "${RUN_LABEL:-$RUN_ID}" --allow-failures)
[ -z "${SWEEP_FILE:-}" ] || args+=(--config "$SWEEP_FILE")
[ -z "$datasets" ] || args+=(--datasets "$datasets")
[ -z "${VARIANTS:-}" ] || args+=(--variants "$VARIANTS")
[ -z "${LONG_STRATEGIES:-}" ] || args+=(--long-strategy "$LONG_STRATEGIES")
[ ! -f "$SHARD_COSTS" ] || args+=(--shard-costs "$SHARD_COSTS")
[ -z "${REPEATS:-}" ] || args+=(--repeats "$REPEATS")
npx bench "${args[@]}"
