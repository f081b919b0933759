#!/usr/bin/env bash
# Installs the system programs StreamHub uses (ffmpeg for media, pocketsphinx for local speech-to-text,
# flite and espeak-ng for speech fixtures in tests)
# from Debian/Ubuntu packages when they are missing. Safe to run again.
set -euo pipefail
# Each argument is a program whose package has its name, or CHECK=PACKAGE where CHECK is a program or
# an absolute path the package installs (for data-only packages such as speech models).
missing=()
want() {
  local check=${1%%=*} package=${1#*=}
  if [[ $check == /* ]]; then [ -e "$check" ] || missing+=("$package"); else command -v "$check" >/dev/null || missing+=("$package"); fi
}
# With no arguments: what `serve` needs (ffmpeg for media; pocketsphinx and its English model for local speech-to-text).
[ $# -gt 0 ] || set -- ffmpeg pocketsphinx_continuous=pocketsphinx /usr/share/pocketsphinx/model/en-us/en-us/mdef=pocketsphinx-en-us
for wanted in "$@"; do want "$wanted"; done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing system packages: ${missing[*]}"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
