#!/bin/sh
# System packages the test suite needs beyond `npm ci`, one Debian package per line in PACKAGES:
#   chromium — the editor test in a real browser (test/browser, driven by playwright-core, which downloads no
#              browser of its own).
#   mosquitto — the MQTT scale-out example test (test/mqtt), which starts its own broker on a free port.
# Idempotent: installs only what is missing, and does nothing (not even `apt-get update`) when all are present.
set -eu
PACKAGES="
chromium
mosquitto
"
missing=""
for pkg in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing="$missing $pkg"
  fi
done
if [ -z "$missing" ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
echo "deps.sh: installing$missing"
$SUDO apt-get update -qq
# shellcheck disable=SC2086 # one word per package
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
