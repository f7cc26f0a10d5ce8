#!/usr/bin/env bash
# Downloads the long-audio recording named by JFK_RECORDING_URL (any format ffmpeg reads) and writes
# it where the sweep expects it (JFK_FILE) as 16 kHz mono WAV. A file already there (restored from the
# cache) is kept. Without JFK_RECORDING_URL nothing is fetched.
set -euo pipefail
. "$(dirname "$0")/env.sh"
if [ -z "${JFK_RECORDING_URL:-}" ]; then echo "recording: JFK_RECORDING_URL not set, $JFK_DATASET skipped"; exit 0; fi
if [ -s "$JFK_FILE" ]; then echo "recording: $JFK_FILE already present"; exit 0; fi
mkdir -p "$(dirname "$JFK_FILE")"
tmp="$(mktemp "${TMPDIR:-/tmp}/recording.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
curl --fail --silent --show-error --location --retry 3 --output "$tmp" "$JFK_RECORDING_URL" || {
  echo "recording: could not download JFK_RECORDING_URL ($JFK_RECORDING_URL); fix the repository variable or clear it to skip $JFK_DATASET" >&2; exit 1; }
ffmpeg -nostdin -loglevel error -y -i "$tmp" -ac 1 -ar 16000 "$JFK_FILE" || {
  echo "recording: $JFK_RECORDING_URL is not audio ffmpeg can read; point JFK_RECORDING_URL at a WAV, FLAC, MP3 or OGG file" >&2; exit 1; }
echo "recording: $JFK_FILE from $JFK_RECORDING_URL"
