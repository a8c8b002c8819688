#!/usr/bin/env bash
# The whole test suite: installs dependencies, builds, and runs every test
# through ctest. Exits non-zero when a test fails or when no test ran.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${STRUCTIFY_BUILD_DIR:-$root/build}
bash "$root/scripts/build.sh"
cd "$build"
ctest --output-on-failure --no-tests=error "$@"
