#!/usr/bin/env bash
# Installs the system programs StreamHub uses from Debian/Ubuntu packages when they are missing:
# ffmpeg for media, pocketsphinx with its English model for local speech-to-text, apertium with its
# English-Spanish data for offline comment translation, poppler-utils (pdftotext) for course documents; CI also asks by name for espeak-ng and flite
# (speech fixtures) and chromium (browser tests). Safe to run again.
set -euo pipefail
missing=()
# Without arguments: what `npm start` uses.
[ $# -gt 0 ] || set -- ffmpeg pocketsphinx pocketsphinx-en-us apertium apertium-eng-spa poppler-utils
# A name is satisfied by a program of that name or, for data-only packages such as speech models, an installed package.
for name in "$@"; do command -v "$name" >/dev/null || dpkg -s "$name" >/dev/null 2>&1 || missing+=("$name"); done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing system packages: ${missing[*]}"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
