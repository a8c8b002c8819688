#!/usr/bin/env bash
# structify fix on a real project from Debian's source packages, end to end:
#   [CXX=g++ CXXFLAGS=...] bash bench/real-world-fix.sh [spdlog|cli11] [-j N]
# On a scratch copy: configure with a compile database (with clang++-22, or
# the compiler and flags CXX and CXXFLAGS name), build, run the project's own
# tests; time one plain run-clang-tidy-22 pass with the plugin over the same
# project (the baseline); `structify check`, which must analyse every unit
# without a compiler error; run `structify fix` (it prints the time of each
# stage); rebuild; run the tests again. Fails when the check, the fix, the
# rebuild or the tests fail. Not part of the CI run: a project's build and
# tests take minutes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/corpus.sh"
pkg=${1:-spdlog}; shift || true
jobs=2
[ "${1:-}" = "-j" ] && jobs=$2
build_dir=${STRUCTIFY_BUILD_DIR:-$root/build}
structify=$build_dir/tool/structify/structify
plugin=$build_dir/tool/structify-tidy-plugin.so

bash "$root/scripts/build.sh" >/dev/null
# A project's own .clang-tidy must not decide the result: an explicit one.
config=$(mktemp --suffix=.yaml)
case "$pkg" in
  spdlog)
    deps=(libfmt-dev catch2)
    cmake_args=(-DSPDLOG_BUILD_TESTS=ON -DSPDLOG_FMT_EXTERNAL=ON)
    printf "Checks: '-*,structify-tuple-return'\n" > "$config" ;;
  cli11)
    deps=(catch2)
    cmake_args=(-DCLI11_BUILD_TESTS=ON -DCLI11_BUILD_EXAMPLES=ON)
    # CLI11 keeps its pair-returning helpers in CLI::detail: refactor them too.
    printf "Checks: '-*,structify-tuple-return'\nCheckOptions:\n  structify-tuple-return.IgnoredNamespaces: ''\n" > "$config" ;;
  *) echo "real-world-fix: no recipe for '$pkg'" >&2; exit 2 ;;
esac
missing=()
for d in "${deps[@]}"; do
  dpkg-query -W -f='${Status}' "$d" 2>/dev/null | grep -q "install ok installed" || missing+=("$d")
done
[ ${#missing[@]} -eq 0 ] || corpus_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null

src=$(corpus_fetch "$pkg")
work="$STRUCTIFY_CORPUS/fix-$pkg"
rm -rf "$work" && mkdir -p "$work"
cp -r "$src" "$work/src"
cxx=${CXX:-clang++-22}
cmake -S "$work/src" -B "$work/build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_FLAGS="${CXXFLAGS:-}" \
  -DCMAKE_BUILD_TYPE=Release "${cmake_args[@]}" >/dev/null
units=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$work/build/compile_commands.json")
echo "== $pkg: $units translation units, $cxx ${CXXFLAGS:-}, structify $(git -C "$root" rev-parse --short HEAD)"

echo "== build and test the original"
cmake --build "$work/build" -j "$jobs" >/dev/null
(cd "$work/build" && ctest -j "$jobs" --output-on-failure | grep -E "tests passed|tests failed")

echo "== baseline: one run-clang-tidy-22 pass with the plugin (-j $jobs)"
seconds_since() { python3 -c "import sys,time; print(round(time.time() - float(sys.argv[1]), 1))" "$1"; }
start=$(date +%s.%N)
run-clang-tidy-22 -load "$plugin" -config-file "$config" -p "$work/build" -j "$jobs" -quiet >/dev/null 2>&1 || true
rct=$(seconds_since "$start")
echo "run-clang-tidy-22: ${rct} s"

echo "== structify check (-j $jobs): the compile commands as structify adapts them"
"$structify" check -p "$work/build" -j "$jobs" --config-file "$config" --no-cache \
  --format=json -o "$work/check.json" 2> "$work/check.err" || true
grep -E '^structify: (note|error)' "$work/check.err" || true
tail -n 1 "$work/check.err"
python3 - "$work/check.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
errors = [f for f in report["findings"] if f["check"] == "clang-diagnostic-error"]
print(f"compiler errors: {len(errors)}, units that failed: {len(report['failures'])}")
for f in errors[:5]:
    print(f"  {f['file']}:{f['line']}: {f['message']}")
sys.exit(1 if errors or report["failures"] else 0)
PY

echo "== structify fix (-j $jobs)"
start=$(date +%s.%N)
"$structify" fix -p "$work/build" -j "$jobs" --config-file "$config" --quiet
fix=$(seconds_since "$start")
echo "structify fix: ${fix} s in all; $(python3 -c "import sys; print(round(float(sys.argv[1]) / float(sys.argv[2]), 2))" "$fix" "$rct")x one run-clang-tidy pass"
echo "files changed: $(diff -rq "$src" "$work/src" 2>/dev/null | grep -c '^Files' || true)"

echo "== rebuild and test the fixed project"
cmake --build "$work/build" -j "$jobs" >/dev/null
(cd "$work/build" && ctest -j "$jobs" --output-on-failure | grep -E "tests passed|tests failed")
rm -f "$config"
