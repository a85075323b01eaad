#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (test/browser/) when it is
# missing. playwright-core drives it; no browser is ever downloaded by npx.
# Runs apt-get update only when the package lists do not know chromium yet.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
SUDO=''
[ "$(id -u)" -ne 0 ] && SUDO='sudo'
if ! apt-cache show chromium >/dev/null 2>&1; then $SUDO apt-get update; fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
