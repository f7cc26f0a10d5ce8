#!/usr/bin/env bash
# The nightly workflow's logic, end to end on this machine, on the generated fixture model: several
# nights in a row, each running the very scripts the workflow's jobs run (scripts/ci/*.sh) in the
# workflow's order: restore the history, plan (costs from the history), shards 1..N, restore again,
# merge, gate against the baseline, record the night, push the history, reports and dashboard.
# The history branch lives in a local bare repository standing in for GitHub. Night 1 has no baseline
# (the first-night path); it is then accepted as the baseline the way the README tells a person to;
# the last night adds a variant, so the gate warns on configs the baseline lacks.
# packages/repo/test/nightly-dry-run.test.ts runs this and checks that the workflow calls the same steps.
#
# usage: scripts/nightly-dry-run.sh [work-dir]     (default .dry-run; NIGHTS=3 SHARDS=2 to change)
# Prints the dashboard path and each night's verdict; exits non-zero when a step fails.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
work="$(mkdir -p "${1:-.dry-run}" && cd "${1:-.dry-run}" && pwd)"
nights="${NIGHTS:-3}"
shards="${SHARDS:-2}"
ci="$repo/scripts/ci"

# Everything the nightly writes goes under the work directory; the fixture and caches too.
rm -rf "$work/nightly" "$work/history.git"
export PARAKEET_BENCH_CACHE="${PARAKEET_BENCH_CACHE:-$work/cache}"
export SHARDS_DIR="$work/nightly/shards" RESULTS_DIR="$work/nightly/results/latest" GATE_DIR="$work/nightly/gate-report"
export BASELINE_DIR="$work/nightly/baseline" CHARTS_DIR="$work/nightly/results/charts" SITE_DIR="$work/nightly/site"
export HISTORY_STORE="$work/nightly/history-store" SHARD_COSTS="$work/nightly/shard-plan/costs.json"
# The fixture sweep (SWEEP_FILE empty), narrowed so a night takes seconds (fixture-long as the single
# pass only; the default sweep also runs it chunked); fixture timings are milliseconds, so the PR
# workflow's relaxed timing rules gate them.
export SWEEP_FILE="" DATASETS="fixture-short,fixture-long" LONG_STRATEGIES="single" GATE_RULES=".github/gate-pr.json"
unset JFK_RECORDING_URL GITHUB_STEP_SUMMARY GITHUB_OUTPUT HISTORY_TOKEN
remote="$work/history.git"
git init --quiet --bare "$remote"

step() { echo "== dry run, night $night: $1"; "$ci/$1" "${@:2}"; }

for night in $(seq 1 "$nights"); do
  export RUN_ID="dry-run-$night" RUN_LABEL="dry-run-$night"
  export VARIANTS="fp32,int8-stock"
  [ "$night" -lt "$nights" ] || [ "$nights" -lt 2 ] || VARIANTS="$VARIANTS,int8-smoothquant"
  rm -rf "$SHARDS_DIR" "$RESULTS_DIR" "$GATE_DIR" "$(dirname "$SHARD_COSTS")"
  # job plan
  step history-pull.sh "$remote"
  step plan.sh
  # job bench (one machine per shard in CI)
  for i in $(seq 1 "$shards"); do step shard.sh "$i" "$shards" "$SHARDS_DIR/results-shard-$i"; done
  # job merge
  step history-pull.sh "$remote"
  step merge.sh
  step gate.sh
  step history-record.sh
  step history-push.sh "$remote"
  step publish.sh
  verdict=0
  step verdict.sh || verdict=$?
  echo "== dry run, night $night: gate exit $verdict"
  if [ "$night" -eq 1 ]; then
    # What a person does after a trusted first night (README, "Accepting a new baseline").
    npx bench baseline update --from "$RESULTS_DIR" --to "$BASELINE_DIR" --prune
  fi
done
echo "dry run: $nights nights; dashboard $SITE_DIR/index.html; history $HISTORY_STORE (branch bench-history of $remote); last gate exit $verdict"
