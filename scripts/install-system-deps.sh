#!/usr/bin/env bash
# Installs the system programs StreamHub uses (ffmpeg for media; apertium with its English-Spanish data
# for offline comment translation; espeak-ng for speech fixtures and chromium for browser tests, which CI
# asks for by name) from Debian/Ubuntu packages when they are missing. Safe to run again.
set -euo pipefail
missing=()
# Without arguments: what `npm start` uses (media, and offline English<->Spanish comment translation).
[ $# -gt 0 ] || set -- ffmpeg apertium apertium-eng-spa
# A name is satisfied by a program of that name or, for data packages such as apertium-eng-spa, an installed package.
for program in "$@"; do command -v "$program" >/dev/null || dpkg -s "$program" >/dev/null 2>&1 || missing+=("$program"); done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing system packages: ${missing[*]}"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
