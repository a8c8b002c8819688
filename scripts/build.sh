#!/usr/bin/env bash
# Configures and builds structify into ${STRUCTIFY_BUILD_DIR:-build}.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${STRUCTIFY_BUILD_DIR:-$root/build}
bash "$root/scripts/install-deps.sh"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER=clang++-22 >/dev/null
fi
cmake --build "$build"
