# Shared settings of the CI step scripts, sourced by each. Every value can be set from outside: the
# workflows set what differs per repository (sweep, baseline, rules), scripts/nightly-dry-run.sh points
# the directories into its work folder. Defaults are the paths the GitHub workflows use.
: "${RESULTS_DIR:=results/latest}"          # the night's merged results (one run)
: "${SHARDS_DIR:=shards}"                   # one sub-directory per shard's results
: "${GATE_DIR:=gate-report}"                # gate.json, gate.md, exit-code
: "${BASELINE_DIR:=results/baseline/nightly}"
: "${GATE_RULES:=gate.json}"
: "${CHARTS_DIR:=results/charts}"           # bench report output (PNG + summary.md)
: "${SITE_DIR:=dashboards}"                 # the published dashboard (index.html)
: "${HISTORY_STORE:=history-store}"         # checkout of the history branch
: "${HISTORY_BRANCH:=bench-history}"
: "${SHARD_COSTS:=shard-plan/costs.json}"   # expected cost per config, from the history
: "${JFK_DATASET:=jfk-long}"                # the sweep's dataset that needs the recording
: "${JFK_FILE:=bench/recordings/jfk-inaugural.wav}"
export RESULTS_DIR SHARDS_DIR GATE_DIR BASELINE_DIR GATE_RULES CHARTS_DIR SITE_DIR HISTORY_STORE HISTORY_BRANCH SHARD_COSTS JFK_DATASET JFK_FILE

# Appends markdown to the job summary on GitHub, prints it elsewhere.
summary() {
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then printf '%s\n' "$@" >> "$GITHUB_STEP_SUMMARY"; else printf '%s\n' "$@"; fi
}
