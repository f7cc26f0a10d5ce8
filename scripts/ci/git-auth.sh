# Lets git reach the repository's own remote with the workflow token (HISTORY_TOKEN), the way
# actions/checkout does it: an auth header in git's environment configuration, never in a URL or on
# disk. Without HISTORY_TOKEN (the dry run's local remote) nothing is set.
if [ -n "${HISTORY_TOKEN:-}" ]; then
  export GIT_CONFIG_COUNT=1
  export GIT_CONFIG_KEY_0="http.https://github.com/.extraheader"
  GIT_CONFIG_VALUE_0="AUTHORIZATION: basic $(printf 'x-access-token:%s' "$HISTORY_TOKEN" | base64 | tr -d '\n')"
  export GIT_CONFIG_VALUE_0
fi
