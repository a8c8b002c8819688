#!/usr/bin/env bash
# The whole test suite against every supported LLVM major: installs the
# dependencies, builds structify for LLVM 22 in build/ and for LLVM 19 in
# build-llvm19/, and runs every test of each build through ctest. Exits
# non-zero when a test of either major fails or when no test ran.
#
# STRUCTIFY_BUILD_DIR=DIR tests that one build directory instead (configured
# for STRUCTIFY_LLVM_MAJOR, by default the newest installed major);
# STRUCTIFY_LLVM_MAJORS="19" tests only the majors named, each in its
# default directory. Arguments go to ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

run() { # build-dir major ctest-arguments...
  local build=$1 major=$2 start
  shift 2
  start=$(date +%s)
  echo "== structify against LLVM ${major:-(newest installed)}, in $build" >&2
  # (In `run || ...` set -e does not apply: each step returns on failure.)
  STRUCTIFY_BUILD_DIR=$build STRUCTIFY_LLVM_MAJOR=$major bash "$root/scripts/build.sh" || return 1
  (cd "$build" && ctest --output-on-failure --no-tests=error "$@") || return 1
  echo "== LLVM ${major:-(newest installed)}: built and tested in $(( $(date +%s) - start ))s" >&2
}

if [ -n "${STRUCTIFY_BUILD_DIR:-}" ]; then
  run "$STRUCTIFY_BUILD_DIR" "${STRUCTIFY_LLVM_MAJOR:-}" "$@"
  exit
fi
majors=${STRUCTIFY_LLVM_MAJORS:-22 19}
STRUCTIFY_LLVM_MAJORS=$majors bash "$root/scripts/install-deps.sh"
failed=()
for major in $majors; do
  if [ "$major" = 22 ]; then build=$root/build; else build=$root/build-llvm$major; fi
  run "$build" "$major" "$@" || failed+=("$major")
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "== the suite failed against LLVM ${failed[*]}" >&2
  exit 1
fi
