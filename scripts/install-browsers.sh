#!/usr/bin/env bash
# Installs the browsers the end-to-end tests and the demo drive (Debian's chromium and firefox-esr) when missing.
# Needs root (or sudo) on Debian or Ubuntu; elsewhere, install Chromium and Firefox yourself and set CHROME_PATH /
# FIREFOX_PATH. Safe to run again: it does nothing when both are present.
set -euo pipefail

need=()
[ -n "${CHROME_PATH:-}" ] || [ -x /usr/lib/chromium/chromium ] || need+=(chromium)
[ -n "${FIREFOX_PATH:-}" ] || [ -x /usr/bin/firefox-esr ] || need+=(firefox-esr)
[ ${#need[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "install-browsers: no apt-get here. Install ${need[*]} yourself and set CHROME_PATH / FIREFOX_PATH." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-browsers: installing ${need[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${need[@]}" fonts-dejavu-core >/dev/null
