#!/usr/bin/env bash
# The program generator's long run (test/generator): COUNT generated programs
# (default 10000, seed SEED, default 1), every fix of both checks applied as
# users apply them, the original and fixed programs built with
# -fsanitize=address,undefined and run. Prints programs generated, findings
# and fixes per check, fixes per shape, and failures by kind (each reduced,
# with its files under the work directory); writes the figures as JSON.
#
#   bash bench/generated-programs.sh [COUNT] [SEED] [JOBS]
#
# Uses the build in ${STRUCTIFY_BUILD_DIR:-build} (built if missing) and the
# tools of its LLVM major. The test suite runs 300 programs of seed 1
# (test/generator/quick.test).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-10000}
seed=${2:-1}
jobs=${3:-$(nproc)}
build=${STRUCTIFY_BUILD_DIR:-$root/build}
bash "$root/scripts/build.sh" >/dev/null
major=$(sed -n 's/^STRUCTIFY_LLVM_MAJOR:STRING=//p' "$build/CMakeCache.txt")
major=${major:-22}
work=$build/generated-programs
rm -rf "$work"
mkdir -p "$work"
echo "structify at $(git -C "$root" rev-parse --short HEAD), LLVM $major, $count programs of seed $seed, -j $jobs"
status=0
python3 "$root/test/generator/judge.py" --count "$count" --seed "$seed" --jobs "$jobs" \
  --batch 50 --work "$work/runs" --report "$work/report.json" \
  --structify-tidy "$build/tool/structify-tidy" --structify "$build/tool/structify/structify" \
  --clangxx "clang++-$major" --clang-apply-replacements "clang-apply-replacements-$major" \
  > "$work/judge.txt" 2>&1 || status=$?
grep -v '^$' "$work/judge.txt" | sed -n '/^structify generated programs/,/^---/p' | grep -v '^---'
python3 - "$work/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
shapes, changed = r["programs_by_shape"], r["changed_by_shape"]
print("\nprograms with each shape, and how many of them a fix changed:")
for name in sorted(shapes, key=lambda k: -shapes[k]):
    print(f"  {name:20} {shapes[name]:6} {changed.get(name, 0):6}")
PY
grep '^FAIL' "$work/judge.txt" || true
echo "report: $work/report.json; every failure's files: $work/runs/*/final/"
exit $status
