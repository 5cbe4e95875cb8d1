#!/usr/bin/env bash
# Set up kg from a fresh clone: .venv/, torch (CPU build, before camel-tools), kg, the CAMeL database
# and its analysis image (install-data makes both).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
# torch first and pinned: pip then takes the CPU build that lies on this disk, and camel-tools
# does not pull a multi-GB CUDA build.
.venv/bin/pip install --quiet --disable-pip-version-check torch==2.13.0
.venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
.venv/bin/kg install-data
# The browser tests drive Debian's Chromium (never a browser Playwright downloads); an Arabic
# font lets it shape the labels. Installed only where it is missing and apt-get can run.
if ! command -v chromium >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-core >/dev/null
fi
