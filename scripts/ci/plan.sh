#!/usr/bin/env bash
# Plans the night: the expected cost of every config from the history (one file handed to every
# shard, so all of them compute the same partition), and whether the JFK long-audio protocol runs.
set -euo pipefail
. "$(dirname "$0")/env.sh"
mkdir -p "$(dirname "$SHARD_COSTS")"
npx bench history costs --store "$HISTORY_STORE" --out "$SHARD_COSTS"
if [ -n "${JFK_RECORDING_URL:-}" ]; then
  summary "JFK long-audio protocol: runs on the recording named by the JFK_RECORDING_URL variable (dataset $JFK_DATASET)."
else
  summary "JFK long-audio protocol: **skipped** tonight: the repository variable JFK_RECORDING_URL is not set (README, \"The nightly\"). The other datasets run as usual."
fi
