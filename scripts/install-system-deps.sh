#!/usr/bin/env bash
# Installs the system programs StreamHub uses (ffmpeg for media; espeak-ng for speech fixtures and
# chromium for browser tests, which CI asks for by name) from Debian/Ubuntu packages when missing. Safe to run again.
set -euo pipefail
missing=()
for program in "$@"; do command -v "$program" >/dev/null || missing+=("$program"); done
[ $# -gt 0 ] || { command -v ffmpeg >/dev/null || missing+=(ffmpeg); }
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing system packages: ${missing[*]}"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
