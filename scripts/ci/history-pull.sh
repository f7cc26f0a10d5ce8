#!/usr/bin/env bash
# Restores the history store: a shallow clone of the history branch of HISTORY_REMOTE into
# HISTORY_STORE, or an empty store when the branch does not exist yet (the first night).
# usage: scripts/ci/history-pull.sh <remote>   (a git URL or a local path)
set -euo pipefail
. "$(dirname "$0")/env.sh"
. "$(dirname "$0")/git-auth.sh"
remote="${1:?usage: history-pull.sh <remote>}"
rm -rf "$HISTORY_STORE"
if git ls-remote --exit-code --heads "$remote" "$HISTORY_BRANCH" >/dev/null 2>&1; then
  git clone --quiet --depth 1 --single-branch --branch "$HISTORY_BRANCH" "$remote" "$HISTORY_STORE"
  echo "history: restored $(find "$HISTORY_STORE/nights" -name night.json 2>/dev/null | wc -l | tr -d ' ') nights from branch $HISTORY_BRANCH"
else
  git init --quiet "$HISTORY_STORE"
  echo "history: no branch $HISTORY_BRANCH at the remote yet: starting an empty history"
fi
