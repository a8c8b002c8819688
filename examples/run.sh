#!/usr/bin/env bash
# structify on the bundled example project, examples/textstats:
#   1. build structify (installing its dependencies when they are missing),
#   2. copy the example to a scratch directory and configure it,
#   3. show structify's diagnostics on it,
#   4. build the example and run its tests,
#   5. fix the whole project with `structify fix`, apply structify-index-access's
#      fixes, and show what changed,
#   6. build the fixed example and run its tests again.
# The checked-in example is never modified: everything happens in a copy under
# the build directory (${STRUCTIFY_BUILD_DIR:-build}/example).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${STRUCTIFY_BUILD_DIR:-$root/build}
case $build in /*) ;; *) build=$PWD/$build ;; esac
export STRUCTIFY_BUILD_DIR=$build

bold='' plain=''
if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; fi
step() { printf '\n%s== %s%s\n' "$bold" "$*" "$plain"; }

step "1. Building structify (scripts/build.sh)"
bash "$root/scripts/build.sh"
tidy=$build/tool/structify-tidy
plugin=$build/tool/structify-tidy-plugin.so
structify=$build/tool/structify/structify
echo "structify-tidy: $tidy"
echo "clang-tidy plugin: $plugin"
echo "structify: $structify"

step "2. Copying examples/textstats to a scratch directory and configuring it"
work=$build/example
project=$work/textstats
project_build=$project/build
rm -rf "$work"
mkdir -p "$work"
cp -R "$root/examples/textstats" "$project"
# The compile database (compile_commands.json) tells structify how each file
# is compiled.
cmake -S "$project" -B "$project_build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_COMPILER=clang++-22 -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
echo "project: $project"
echo "compile database: $project_build/compile_commands.json"

step "3. structify's diagnostics"
# structify-tidy is clang-tidy with structify's checks built in. Given all the
# files at once it reports a header's warning once, not once per file that
# includes the header. The same with the stock clang-tidy and the plugin:
#   run-clang-tidy-22 -clang-tidy-binary clang-tidy-22 -load "$plugin" \
#     -checks='-*,structify-*' -p "$project_build"
sources=("$project"/src/*.cpp "$project"/tools/*.cpp "$project"/tests/*.cpp)
echo "\$ structify-tidy -p $project_build --checks='-*,structify-*' <the ${#sources[@]} source files>"
status=0
"$tidy" -p "$project_build" --checks='-*,structify-*' --quiet "${sources[@]}" \
  >"$work/diagnostics.txt" || status=$?
if [ "$status" -ne 0 ]; then
  cat "$work/diagnostics.txt"
  echo "error: structify-tidy failed (exit status $status)" >&2
  exit 1
fi
echo
sed "s|$project/||" "$work/diagnostics.txt"
warnings=$(grep -c ': warning: ' "$work/diagnostics.txt" || true)
echo
echo "structify: $warnings warnings on textstats (the check that found each is in brackets)."
if [ "$warnings" -eq 0 ]; then
  echo "error: structify found nothing to report on the example" >&2
  exit 1
fi

build_and_test() {
  cmake --build "$project_build" && (cd "$project_build" && ctest --output-on-failure)
}

step "4. Building the example and running its tests"
build_and_test

step "5. Fixing the whole project: structify fix"
# clang-tidy sees one file at a time, so it cannot rewrite a function that
# other files call through a header. `structify fix` reads every file of the
# compile database, decides each struct's name and fields once for the whole
# project, rewrites every declaration and every use, and checks that every
# file still compiles; if one did not, it would put every file back.
# (`structify plan` writes those decisions to a file to review first; see
# docs/guides/refactoring.md.)
echo "\$ structify fix -p $project_build"
status=0
"$structify" fix -p "$project_build" --quiet >"$work/fix.txt" 2>"$work/fix.err" || status=$?
echo
cat "$work/fix.txt" "$work/fix.err"
if [ "$status" -ne 0 ]; then
  echo "error: structify fix failed (exit status $status)" >&2
  exit 1
fi

step "5b. Naming the elements read by position: structify-index-access's fixes"
# structify-index-access's fixes stay inside one function (a structured
# binding with names instead of .first/.second), so each file's fixes are
# its own: exported by `structify check` and applied with
# clang-apply-replacements, as clang-tidy's -fix would.
mkdir -p "$work/fixes"
echo "\$ structify check -p $project_build --checks='-*,structify-index-access' --export-fixes fixes/index-access.yaml"
status=0
"$structify" check -p "$project_build" --checks='-*,structify-index-access' \
  --no-cache --quiet --export-fixes "$work/fixes/index-access.yaml" >"$work/index-access.txt" || status=$?
if [ "$status" -gt 1 ]; then
  cat "$work/index-access.txt"
  echo "error: structify check failed (exit status $status)" >&2
  exit 1
fi
sed "s|$project/||" "$work/index-access.txt"
echo "\$ clang-apply-replacements-22 fixes/"
clang-apply-replacements-22 "$work/fixes"

echo
echo "What changed (diff -ru examples/textstats <the fixed copy>):"
echo
status=0
diff -ru --exclude=build "$root/examples/textstats" "$project" >"$work/fix.diff" || status=$?
if [ "$status" -gt 1 ]; then
  echo "error: diff failed (exit status $status)" >&2
  exit 1
fi
# Shown without diff's command lines and timestamps.
sed -e '/^diff -ru/d' -e 's/^\(---\|+++\) \([^\t]*\)\t.*/\1 \2/' \
  -e "s|$root/examples/textstats/|examples/textstats/|" -e "s|$project/|textstats (fixed)/|" \
  "$work/fix.diff"
if [ "$status" -eq 0 ]; then
  echo "error: structify fix changed nothing in the example" >&2
  exit 1
fi

step "6. Building the fixed example and running its tests again"
if ! build_and_test; then
  echo "error: the fixed example does not build, or its tests fail" >&2
  exit 1
fi

step "Done"
echo "The fixed copy of the example is in $project (the diff: $work/fix.diff);"
echo "the checked-in example is unchanged."
