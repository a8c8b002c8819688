#!/usr/bin/env bash
# Configures and builds structify into ${STRUCTIFY_BUILD_DIR:-build}, against
# LLVM ${STRUCTIFY_LLVM_MAJOR} (default: the newest supported major installed),
# compiled with that major's clang++.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${STRUCTIFY_BUILD_DIR:-$root/build}
major=${STRUCTIFY_LLVM_MAJOR:-}
STRUCTIFY_LLVM_MAJORS=${major:-${STRUCTIFY_LLVM_MAJORS:-}} bash "$root/scripts/install-deps.sh"
if [ ! -f "$build/build.ninja" ]; then
  if [ -z "$major" ]; then
    for m in 22 19; do
      if [ -f "/usr/lib/llvm-$m/lib/cmake/clang/ClangConfig.cmake" ]; then major=$m; break; fi
    done
  fi
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSTRUCTIFY_LLVM_MAJOR="$major" -DCMAKE_CXX_COMPILER="clang++-$major" >/dev/null
elif [ -n "$major" ]; then
  configured=$(sed -n 's/^STRUCTIFY_LLVM_MAJOR:STRING=//p' "$build/CMakeCache.txt")
  if [ -n "$configured" ] && [ "$configured" != "$major" ]; then
    echo "structify: $build is configured for LLVM $configured, not $major; use another STRUCTIFY_BUILD_DIR" >&2
    exit 2
  fi
fi
cmake --build "$build"
