#!/usr/bin/env bash
# `structify check` against run-clang-tidy-22 with structify's plugin, in the
# same run, on a real project from Debian's source packages, with the same -j
# and the same configuration:
#   1. cold: run-clang-tidy, then structify check with an empty cache;
#   2. warm: one .cpp edited (a comment appended), then both again.
# Prints the times and the ratios (run-clang-tidy's time / structify's).
#   bash bench/check-vs-run-clang-tidy.sh [PKG] [JOBS]
# PKG defaults to cli11 (its tests and examples: many small units), JOBS to
# the number of cores. See bench/README.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/corpus.sh"
pkg=${1:-cli11}
jobs=${2:-$(nproc)}
build_dir=${STRUCTIFY_BUILD_DIR:-$root/build}
structify=$build_dir/tool/structify/structify
plugin=$build_dir/tool/structify-tidy-plugin.so
run_clang_tidy=$(command -v run-clang-tidy-22 || echo /usr/lib/llvm-22/bin/run-clang-tidy)
[ -x "$structify" ] && [ -f "$plugin" ] || bash "$root/scripts/build.sh" >/dev/null

# A scratch copy of the sources: the warm run edits one of its files.
src=$(corpus_fetch "$pkg")
work=$STRUCTIFY_CORPUS/check-bench-$pkg
rm -rf "$work/src" "$work/cache" && mkdir -p "$work"
cp -r "$src" "$work/src"
case "$pkg" in
  cli11)
    # Its tests use Catch2 2, from Debian rather than downloaded.
    dpkg-query -W -f='${Status}' catch2 2>/dev/null | grep -q "install ok installed" ||
      corpus_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q catch2 >/dev/null
    corpus_configure "$work/src" "$work/build" -DCLI11_BUILD_TESTS=ON -DCLI11_BUILD_EXAMPLES=ON ;;
  nlohmann-json3) corpus_configure "$work/src" "$work/build" -DJSON_BuildTests=ON ;;
  cpp-httplib) corpus_configure "$work/src" "$work/build" -DHTTPLIB_TEST=ON ;;
  *) corpus_configure "$work/src" "$work/build" ;;
esac
# An explicit configuration, so that the project's own .clang-tidy does not
# matter: structify's checks only.
config=$work/bench.clang-tidy
printf "Checks: '-*,structify-*'\n" > "$config"
units=$(python3 -c "import json,sys; print(len({e['file'] for e in json.load(open(sys.argv[1]))}))" "$work/build/compile_commands.json")
touched=$(python3 -c "import json,sys; print(sorted({e['file'] for e in json.load(open(sys.argv[1]))})[0])" "$work/build/compile_commands.json")

seconds() { local start=$EPOCHREALTIME; "$@"; python3 -c "print(f'{$EPOCHREALTIME - $start:.2f}')"; }
rct() {
  "$run_clang_tidy" -clang-tidy-binary clang-tidy-22 -load "$plugin" \
    -checks='-*,structify-*' -config-file="$config" -p "$work/build" \
    -j "$jobs" -quiet > "$work/rct-$1.txt" 2>&1 || true
}
check() {
  "$structify" check -p "$work/build" --config-file="$config" \
    --checks='-*,structify-*' --cache-dir="$work/cache" -j "$jobs" --quiet \
    > "$work/structify-$1.txt" 2>&1 || true
}
threads() {
  "$structify" check -p "$work/build" --config-file="$config" \
    --checks='-*,structify-*' --cache-dir="$work/cache-threads" -j "$jobs" \
    --quiet --in-process > /dev/null 2>&1 || true
}
warnings() { grep -o '^/[^ ]*: warning: .*' "$1" | sort -u | wc -l; }

echo "$pkg ($units translation units), -j $jobs, $(nproc) cores; $("$structify" --version)"
rct_cold=$(seconds rct cold)
check_cold=$(seconds check cold)
# The same cold run with threads instead of worker processes (--in-process),
# for the choice documented in tool/structify/units/Runner.cpp.
rm -rf "$work/cache-threads"
threads_cold=$(seconds threads)
echo "// touched by bench/check-vs-run-clang-tidy.sh" >> "$touched"
rct_warm=$(seconds rct warm)
check_warm=$(seconds check warm)
echo "findings: run-clang-tidy $(warnings "$work/rct-cold.txt"), structify check $(warnings "$work/structify-cold.txt") (cold); $(warnings "$work/rct-warm.txt") and $(warnings "$work/structify-warm.txt") (warm)"
python3 - "$rct_cold" "$check_cold" "$rct_warm" "$check_warm" "$(basename "$touched")" "$threads_cold" <<'PY'
import sys
rc, sc, rw, sw, touched, tc = sys.argv[1:]
rc, sc, rw, sw, tc = map(float, (rc, sc, rw, sw, tc))
print(f"cold (empty cache):      run-clang-tidy {rc:7.2f}s  structify check {sc:7.2f}s  ratio {rc / sc:5.2f}x")
print(f"warm ({touched} edited): run-clang-tidy {rw:7.2f}s  structify check {sw:7.2f}s  ratio {rw / sw:5.2f}x")
print(f"cold, threads (--in-process): structify check {tc:7.2f}s  ratio {rc / tc:5.2f}x")
PY
