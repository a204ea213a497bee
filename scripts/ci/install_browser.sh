#!/usr/bin/env bash
# Install the headless browser used by the dashboard's end-to-end tests.
#
# We use Debian's chromium + chromium-driver, driven by Playwright's Python
# package with executable_path=/usr/bin/chromium. Never `playwright install`:
# it downloads browser builds from a CDN at run time.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo unknown)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-dejavu-core
/usr/bin/chromium --version
