#!/usr/bin/env bash
# Cost of structify's checks on a real project's biggest translation units,
# against clang-tidy-22 with no checks, in the same run. See check_cost.py.
#   bash bench/check-cost.sh [PKG[,PKG...]] [-- extra check_cost.py args]
# e.g. bash bench/check-cost.sh nlohmann-json3,abseil -- -n 2 --instructions
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/corpus.sh"
pkgs=${1:-nlohmann-json3}; shift || true
[ "${1:-}" = "--" ] && shift
bash "$root/scripts/build.sh" >/dev/null
# Several projects, comma-separated: each one's biggest units, each against
# the baseline run beside it.
for pkg in ${pkgs//,/ }; do
  src=$(corpus_fetch "$pkg")
  build="$STRUCTIFY_CORPUS/build-$pkg"
  case "$pkg" in
    nlohmann-json3) corpus_configure "$src" "$build" -DJSON_BuildTests=ON ;;
    cpp-httplib) corpus_configure "$src" "$build" -DHTTPLIB_TEST=ON ;;
    cli11) corpus_configure "$src" "$build" -DCLI11_BUILD_TESTS=ON -DCLI11_BUILD_EXAMPLES=ON ;;
    abseil)
      # debian/rules's tested configuration, as bench/signal-report.py has it.
      corpus_sudo apt-get install -y -q libgtest-dev libgmock-dev >/dev/null
      corpus_configure "$src" "$build" -DCMAKE_CXX_STANDARD=17 -DABSL_PROPAGATE_CXX_STD=ON \
        -DBUILD_SHARED_LIBS=ON -DBUILD_TESTING=ON -DABSL_BUILD_TESTING=ON \
        -DABSL_USE_EXTERNAL_GOOGLETEST=ON -DABSL_FIND_GOOGLETEST=ON ;;
    *) corpus_configure "$src" "$build" ;;
  esac
  echo "structify $(git -C "$root" rev-parse --short HEAD 2>/dev/null), $pkg from Debian's source package"
  python3 "$root/bench/check_cost.py" -p "$build" \
    --plugin "${STRUCTIFY_BUILD_DIR:-$root/build}/tool/structify-tidy-plugin.so" "$@"
done
