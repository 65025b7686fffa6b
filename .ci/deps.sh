#!/bin/sh
# System packages the test suite needs beyond `npm ci`: Debian's chromium for test/browser (driven by
# playwright-core, which downloads no browser of its own). Idempotent: does nothing when it is present.
set -eu
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version
