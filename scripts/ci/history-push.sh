#!/usr/bin/env bash
# Saves the history store: the whole store as ONE root commit, force-pushed to the history branch.
# Git keeps every blob ever committed, so a branch that accumulated nightly commits would grow without
# bound even though retention deletes old files; a single commit keeps the branch as small as the
# store. The nights themselves are the history (each night.json names its run).
# usage: scripts/ci/history-push.sh <remote>
set -euo pipefail
. "$(dirname "$0")/env.sh"
. "$(dirname "$0")/git-auth.sh"
remote="${1:?usage: history-push.sh <remote>}"
export GIT_AUTHOR_NAME="parakeet-bench nightly" GIT_AUTHOR_EMAIL="41898282+github-actions[bot]@users.noreply.github.com"
export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"
cd "$HISTORY_STORE"
git add -A
nights=$(find nights -name night.json 2>/dev/null | wc -l | tr -d ' ')
commit=$(git commit-tree "$(git write-tree)" -m "history: $nights nights, last ${RUN_ID:-?}")
git push --quiet --force "$remote" "$commit:refs/heads/$HISTORY_BRANCH"
echo "history: pushed $nights nights to branch $HISTORY_BRANCH ($commit)"
