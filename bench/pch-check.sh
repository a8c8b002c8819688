#!/usr/bin/env bash
# Does a precompiled header that clang 22 can use make `structify check`
# faster than reading its header as text? And does check work before any
# build?
#   bash bench/pch-check.sh [cppcheck] [-j N] [-r RUNS]
# On a scratch copy of a project that uses CMake's target_precompile_headers
# (default: cppcheck, 148 units, 125 of them with a PCH), configured with
# clang++-22 and a compile database:
#  1. not built: `structify check` must analyse every unit (each PCH is
#     replaced by its header, as text);
#  2. with only the PCH targets built: `structify check --pch=auto` (uses the
#     PCHs) and `--pch=never` (text), interleaved, RUNS times each, no cache.
# Reports each mode's least CPU time (user + sys, the workers included: the
# machine's load moves wall-clock time, not this), the ratio, and whether both
# modes found the same findings. Not part of the CI run: it takes many minutes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/corpus.sh"
pkg=${1:-cppcheck}; shift || true
jobs=2 runs=1
while [ $# -gt 0 ]; do
  case "$1" in
    -j) jobs=$2; shift 2 ;;
    -r) runs=$2; shift 2 ;;
    *) echo "pch-check: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
build_dir=${STRUCTIFY_BUILD_DIR:-$root/build}
structify=$build_dir/tool/structify/structify
bash "$root/scripts/build.sh" >/dev/null

case "$pkg" in
  # The match compiler generates sources at build time; without it every
  # source exists before the build.
  cppcheck) cmake_args=(-DBUILD_TESTS=ON -DUSE_MATCHCOMPILER=Off) ;;
  *) cmake_args=() ;;
esac
src=$(corpus_fetch "$pkg")
work="$STRUCTIFY_CORPUS/pch-$pkg"
rm -rf "$work" && mkdir -p "$work"
cp -r "$src" "$work/src"
cmake -S "$work/src" -B "$work/build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DCMAKE_CXX_COMPILER=clang++-22 -DCMAKE_C_COMPILER=clang-22 \
  -DCMAKE_BUILD_TYPE=Release "${cmake_args[@]}" >/dev/null
config="$work/structify.yaml"
printf "Checks: '-*,structify-*'\n" > "$config"
python3 - "$work/build/compile_commands.json" <<'PY'
import json, sys
db = json.load(open(sys.argv[1]))
pch = sum("-include-pch" in (e.get("command") or " ".join(e.get("arguments", []))) for e in db)
print(f"== {len(db)} database entries, {pch} with -include-pch; structify check -j 2, no cache")
PY

# One check; prints "CPU-seconds findings failures" on stdout.
check() {
  local mode=$1 out=$2
  /usr/bin/time -f "%U %S" -o "$out.time" "$structify" check -p "$work/build" -j "$jobs" \
    --no-cache --pch="$mode" --config-file "$config" --format=json -o "$out.json" 2> "$out.err" || true
  python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
user, system = map(float, open(out + ".time").read().split()[-2:])
report = json.load(open(out + ".json"))
print(f"{user + system:.1f} {len(report['findings'])} {len(report['failures'])}")
PY
}

echo "== 1. not built"
read -r cpu findings failures < <(check auto "$work/unbuilt")
grep '^structify: note' "$work/unbuilt.err" || true
tail -n 1 "$work/unbuilt.err"
echo "CPU ${cpu} s, ${findings} findings, ${failures} units failed"
[ "$failures" = 0 ] || { echo "pch-check: units failed before the build" >&2; exit 1; }

echo "== 2. the PCH targets built"
targets=$(cd "$work/build" && ninja -t targets all | sed -n 's/^\(.*cmake_pch\.hxx\.pch\): .*/\1/p')
(cd "$work/build" && ninja -j "$jobs" $targets >/dev/null)
best_auto="" best_never=""
for run in $(seq "$runs"); do
  for mode in auto never; do
    read -r cpu findings failures < <(check "$mode" "$work/$mode-$run")
    echo "run $run, --pch=$mode: CPU ${cpu} s, ${findings} findings, ${failures} units failed"
    eval "best=\${best_$mode}"
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$cpu" "$best"; then
      eval "best_$mode=$cpu"
    fi
  done
done
grep '^structify: note' "$work/auto-1.err" || true
python3 - "$work/auto-1.json" "$work/never-1.json" <<'PY'
import json, sys
def keys(path):
    return sorted((f["file"], f["line"], f["check"], f["message"])
                  for f in json.load(open(path))["findings"])
same = keys(sys.argv[1]) == keys(sys.argv[2])
print("same findings with and without the PCHs:", "yes" if same else "NO")
sys.exit(0 if same else 1)
PY
python3 -c "import sys; a, n = map(float, sys.argv[1:]); print(f'least CPU time: --pch=auto {a:.1f} s, --pch=never {n:.1f} s: the PCHs make check {n / a:.2f}x faster')" "$best_auto" "$best_never"
