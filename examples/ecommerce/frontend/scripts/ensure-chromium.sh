#!/usr/bin/env bash
# Installs Debian's Chromium for the frontend's browser test (test/frontend.docker.test.ts) when it
# is missing; does nothing when it is there. `npx playwright install` cannot download browsers here.
#   bash examples/ecommerce/frontend/scripts/ensure-chromium.sh
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  echo "chromium: found at $chromium"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: not found at $chromium and there is no apt-get; install Chromium and set CHROMIUM_PATH to it" >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "chromium: installing Debian's chromium package"
# A fresh machine may have empty package lists; fonts-liberation gives pages real glyphs in screenshots.
$sudo apt-get install -y -q chromium fonts-liberation || { $sudo apt-get update -q && $sudo apt-get install -y -q chromium fonts-liberation; }
test -x "$chromium"
echo "chromium: installed at $chromium"
