#!/usr/bin/env bash
# `structify check --changed-since` against a full `structify check`, in the
# same run, on a real project from Debian's source packages (a scratch copy,
# made a git repository): the time to check a one-header change.
#   bash bench/changed-since.sh [PKG] [JOBS]
# PKG defaults to cli11 (its tests and examples), JOBS to the number of
# cores. Two headers are edited in turn (a comment appended): the project
# header that the fewest units read (a leaf: the common pull request) and the
# one that the most units read. For each:
#   cold:  no results cache (a fresh CI runner): a full run against
#          --changed-since=HEAD (the dependency scan, then the affected units);
#   warm:  a results cache from before the edit (restored by actions/cache): a
#          full run (the cache hands back the unaffected units) against
#          --changed-since=HEAD (the cache's records say which units read the
#          header; no scan).
# Prints the wall-clock and CPU times, the units checked, and the ratios
# full / changed-since.
# See bench/README.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/bench/corpus.sh"
pkg=${1:-cli11}
jobs=${2:-$(nproc)}
build_dir=${STRUCTIFY_BUILD_DIR:-$root/build}
structify=$build_dir/tool/structify/structify
[ -x "$structify" ] || bash "$root/scripts/build.sh" >/dev/null

src=$(corpus_fetch "$pkg")
work=$STRUCTIFY_CORPUS/changed-since-$pkg
rm -rf "$work/src" "$work/cache" "$work/cache-warm" && mkdir -p "$work"
cp -r "$src" "$work/src"
case "$pkg" in
  cli11)
    dpkg-query -W -f='${Status}' catch2 2>/dev/null | grep -q "install ok installed" ||
      corpus_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q catch2 >/dev/null
    corpus_configure "$work/src" "$work/build" -DCLI11_BUILD_TESTS=ON -DCLI11_BUILD_EXAMPLES=ON ;;
  *) corpus_configure "$work/src" "$work/build" ;;
esac
config=$work/bench.clang-tidy
printf "Checks: '-*,structify-*'\n" > "$config"
cd "$work/src"
git init -q . && git add -A && git -c user.name=bench -c user.email=bench@localhost commit -q -m sources

# check LOG [ARGS...]: runs structify check; prints its wall-clock and CPU
# seconds (user + system, its worker processes included), "wall/cpu". CPU
# time moves little with the load other jobs put on the machine.
check() {
  local log=$1; shift
  python3 - "$work/$log.log" "$structify" check -p "$work/build" \
    --config-file="$config" -j "$jobs" "$@" <<'PY'
import resource, subprocess, sys, time
log, command = sys.argv[1], sys.argv[2:]
start = time.monotonic()
subprocess.run(command, stdout=subprocess.DEVNULL, stderr=open(log, "w"))
wall = time.monotonic() - start
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{wall:.2f}/{used.ru_utime + used.ru_stime:.2f}")
PY
}
units_checked() { grep -o '^structify: [0-9]* translation unit' "$work/$1.log" | grep -o '[0-9]*'; }

# The warm cache, and what each unit reads (from it).
warm=$(check warm --cache-dir="$work/cache-warm")
read -r leaf leaf_units hub hub_units < <(python3 - "$work/cache-warm" "$work/src" <<'PY'
import collections, glob, json, os, sys
cache, src = sys.argv[1:]
src = os.path.realpath(src)
readers = collections.Counter()
for entry in glob.glob(os.path.join(cache, "*", "*.json")):
    for f in json.load(open(entry))["files"]:
        if f.startswith(src + "/") and f.endswith((".h", ".hpp", ".hh", ".hxx")):
            readers[f] += 1
ranked = sorted(readers.items(), key=lambda kv: (kv[1], kv[0]))
(leaf, n_leaf), (hub, n_hub) = ranked[0], ranked[-1]
print(leaf, n_leaf, hub, n_hub)
PY
)
total=$(python3 -c "import json,sys; print(len({e['file'] for e in json.load(open(sys.argv[1]))}))" "$work/build/compile_commands.json")
echo "$pkg: $total translation units, -j $jobs, $(nproc) cores; $("$structify" --version)"
echo "warm-up (fills the cache): ${warm}s (wall/CPU)"

measure() { # measure NAME HEADER
  local name=$1 header=$2
  echo "// touched by bench/changed-since.sh" >> "$header"
  local full_cold since_cold full_warm since_warm
  full_cold=$(check "$name-full-cold" --no-cache)
  since_cold=$(check "$name-since-cold" --no-cache --changed-since=HEAD)
  rm -rf "$work/cache" && cp -r "$work/cache-warm" "$work/cache"
  full_warm=$(check "$name-full-warm" --cache-dir="$work/cache")
  rm -rf "$work/cache" && cp -r "$work/cache-warm" "$work/cache"
  since_warm=$(check "$name-since-warm" --cache-dir="$work/cache" --changed-since=HEAD)
  git checkout -q -- "$header"
  python3 - "$name" "${header#"$work/src/"}" "$full_cold" "$since_cold" "$full_warm" "$since_warm" \
    "$(units_checked "$name-full-cold")" "$(units_checked "$name-since-cold")" \
    "$(grep -o '([0-9]* known from the cache, [0-9]* scanned)' "$work/$name-since-warm.log")" <<'PY'
import sys
name, header, fc, sc, fw, sw, nf, ns, how = sys.argv[1:]
def parts(t):
    return [float(x) for x in t.split("/")]
print(f"{name}: {header} edited; --changed-since checks {ns} of {nf} units; warm {how}")
for label, full, since in (("cold (no cache)", fc, sc), ("warm (cache)   ", fw, sw)):
    (fwall, fcpu), (swall, scpu) = parts(full), parts(since)
    print(f"  {label}: full {fwall:7.2f}s wall {fcpu:7.2f}s CPU;"
          f" --changed-since {swall:7.2f}s wall {scpu:7.2f}s CPU;"
          f" ratio {fwall / swall:6.1f}x wall {fcpu / scpu:6.1f}x CPU")
PY
}
measure leaf "$leaf"
measure hub "$hub"
# The dependency scan alone: nothing changed, no cache, every unit scanned.
scan=$(check scan-only --no-cache --changed-since=HEAD)
echo "dependency scan of all $total units (nothing changed, no cache): ${scan}s (wall/CPU)"
echo "(leaf: read by $leaf_units units; hub: read by $hub_units)"
