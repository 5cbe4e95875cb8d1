#!/usr/bin/env bash
# Set up kg from a fresh clone: .venv/, torch (CPU build, before camel-tools), kg, the CAMeL database.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
# torch first and pinned: pip then takes the CPU build that lies on this disk, and camel-tools
# does not pull a multi-GB CUDA build.
.venv/bin/pip install --quiet --disable-pip-version-check torch==2.13.0
.venv/bin/pip install --quiet --disable-pip-version-check -e '.[test]'
.venv/bin/kg install-data
