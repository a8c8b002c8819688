#!/usr/bin/env bash
# Cost of structify's checks on a real project's biggest translation units,
# against clang-tidy-22 with no checks, in the same run. See check_cost.py.
#   bash bench/check-cost.sh [PKG] [-- extra check_cost.py args]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/corpus.sh"
pkg=${1:-nlohmann-json3}; shift || true
[ "${1:-}" = "--" ] && shift
bash "$root/scripts/build.sh" >/dev/null
src=$(corpus_fetch "$pkg")
build="$STRUCTIFY_CORPUS/build-$pkg"
case "$pkg" in
  nlohmann-json3) corpus_configure "$src" "$build" -DJSON_BuildTests=ON ;;
  cpp-httplib) corpus_configure "$src" "$build" -DHTTPLIB_TEST=ON ;;
  cli11) corpus_configure "$src" "$build" -DCLI11_BUILD_TESTS=ON -DCLI11_BUILD_EXAMPLES=ON ;;
  *) corpus_configure "$src" "$build" ;;
esac
echo "structify $(git -C "$root" rev-parse --short HEAD 2>/dev/null), $pkg from Debian's source package"
python3 "$root/bench/check_cost.py" -p "$build" \
  --plugin "${STRUCTIFY_BUILD_DIR:-$root/build}/tool/structify-tidy-plugin.so" "$@"
