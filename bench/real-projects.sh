#!/usr/bin/env bash
# Thin wrapper: builds structify into ${STRUCTIFY_BUILD_DIR:-build} (2 jobs),
# then runs the real-project harness with the given arguments, e.g.
#   bash bench/real-projects.sh                       # the default set
#   bash bench/real-projects.sh --projects spdlog,leveldb --keep
#   bash bench/real-projects.sh --all --compiler g++
# See bench/real-projects.py --help and bench/README.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${STRUCTIFY_BUILD_DIR:-$root/build}
bash "$root/scripts/install-deps.sh" >/dev/null
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER=clang++-22 >/dev/null
fi
cmake --build "$build" -j 2 >/dev/null
exec python3 "$root/bench/real-projects.py" --build-dir "$build" "$@"
