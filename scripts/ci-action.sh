#!/usr/bin/env bash
# The shell steps of the structify GitHub Action (action.yml at the
# repository's root), one subcommand per step:
#
#   ci-action.sh prepare   where things go: the results cache's key scope, the
#                          key of a structify built from source (outputs)
#   ci-action.sh install   puts structify on the PATH: a .deb package (URL or
#                          path), else a build from the action's sources
#   ci-action.sh check     structify check; writes the reports (JSON, SARIF),
#                          the annotations, the job summary and the outputs
#   ci-action.sh merge     the same from the shards' JSON reports
#   ci-action.sh status    exits as the policy (--fail-on) says
#
# Inputs come as INPUT_* environment variables (action.yml sets them), and
# the script uses what GitHub sets: GITHUB_WORKSPACE, GITHUB_ACTION_PATH,
# RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_PATH,
# GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_SERVER_URL, GITHUB_REPOSITORY,
# GITHUB_SHA. test/driver/action.test runs it with those set.
set -euo pipefail

say() { echo "structify-action: $*" >&2; }
die() { echo "::error title=structify-action::$*"; exit 2; }
output() { echo "$1=$2" >> "${GITHUB_OUTPUT:-/dev/null}"; }
sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

: "${GITHUB_WORKSPACE:?the GitHub Actions environment is missing}"
: "${RUNNER_TEMP:?the GitHub Actions environment is missing}"
action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}
work=$RUNNER_TEMP/structify
mkdir -p "$work"
structify=${STRUCTIFY:-structify}
llvm=${INPUT_LLVM_VERSION:-22}
# Where apt's configuration and os-release are: /etc (tests point it elsewhere).
etc=${STRUCTIFY_ETC:-/etc}

# --- prepare ---------------------------------------------------------------

# The results cache's scope: one per shard, so that shards do not evict each
# other's entries.
cache_scope() {
  if [ -n "${INPUT_SHARD:-}" ]; then
    echo "shard-${INPUT_SHARD%%/*}-of-${INPUT_SHARD##*/}"
  else
    echo all
  fi
}

# A key for the structify built from the action's sources: a hash of them.
tool_key() {
  (cd "$action_path" &&
    find CMakeLists.txt checks tool -type f | LC_ALL=C sort | xargs sha256sum) |
    sha256sum | cut -c1-16
}

prepare() {
  output cache-scope "$(cache_scope)"
  output cache-dir "$HOME/.cache/structify"
  if [ -z "${INPUT_PACKAGE:-}" ] && ! command -v "$structify" >/dev/null; then
    output tool-key "structify-tool-${RUNNER_OS:-Linux}-llvm$llvm-$(tool_key)"
    output tool-dir "$HOME/.cache/structify-tool"
  fi
}

# --- install ---------------------------------------------------------------

# Makes LLVM's packages installable: the distribution's, or apt.llvm.org's
# for this release (Ubuntu's runners have no LLVM $llvm of their own).
llvm_packages() {
  sudo_ apt-get update -q >/dev/null
  if apt-cache show "libclang-cpp$llvm" >/dev/null 2>&1; then
    return
  fi
  local codename
  # shellcheck disable=SC1091
  codename=$(. "$etc/os-release" && echo "$VERSION_CODENAME")
  say "adding apt.llvm.org's LLVM $llvm for $codename"
  curl -fsSL https://apt.llvm.org/llvm-snapshot.gpg.key |
    sudo_ tee "$etc/apt/trusted.gpg.d/apt.llvm.org.asc" >/dev/null
  echo "deb http://apt.llvm.org/$codename/ llvm-toolchain-$codename-$llvm main" |
    sudo_ tee "$etc/apt/sources.list.d/llvm-$llvm.list" >/dev/null
  sudo_ apt-get update -q >/dev/null
}

apt_install() {
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends "$@" >/dev/null
}

install_package() {
  local deb=$INPUT_PACKAGE
  case $deb in
    http://* | https://*)
      say "downloading $deb"
      curl -fsSL --retry 3 -o "$work/structify.deb" "$deb" ||
        die "cannot download the package $deb"
      deb=$work/structify.deb
      ;;
  esac
  [ -f "$deb" ] || die "$deb: no such package file"
  case $deb in /*) ;; *) deb=$PWD/$deb ;; esac
  llvm_packages
  apt_install "$deb"
  command -v structify >/dev/null || die "$INPUT_PACKAGE installed no structify command"
}

# Builds structify from the action's sources into the tool directory, unless
# a cached build is there already; its runtime (LLVM's libraries, clang's
# headers) comes from packages either way.
install_from_source() {
  local prefix=${INPUT_TOOL_DIR:-$HOME/.cache/structify-tool}
  llvm_packages
  if [ -x "$prefix/bin/structify" ]; then
    say "structify from the cache ($prefix)"
    apt_install "libclang-cpp$llvm" "libllvm$llvm" "libclang-common-$llvm-dev"
  else
    say "building structify from $action_path (cached for the next runs)"
    apt_install cmake ninja-build g++ "llvm-$llvm-dev" "libclang-$llvm-dev" \
      "clang-$llvm" "clang-tidy-$llvm" "libclang-common-$llvm-dev" \
      libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev libzstd-dev libcurl4-openssl-dev
    cmake -S "$action_path" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_CXX_COMPILER="clang++-$llvm" -DBUILD_TESTING=OFF >/dev/null
    cmake --build "$work/build"
    cmake --install "$work/build" --prefix "$prefix" >/dev/null
  fi
  echo "$prefix/bin" >> "${GITHUB_PATH:-/dev/null}"
}

install() {
  if [ -n "${INPUT_PACKAGE:-}" ]; then
    install_package
  elif command -v "$structify" >/dev/null; then
    say "using $(command -v "$structify")"
  else
    install_from_source
  fi
}

# --- check and merge -------------------------------------------------------

# Where the SARIF rules link: docs/ in the action's own repository, at the
# ref the workflow asked for.
docs_url() {
  local server=${GITHUB_SERVER_URL:-https://github.com}
  if [ -n "${INPUT_DOCS_URL:-}" ]; then
    echo "$INPUT_DOCS_URL"
  elif [ -n "${GITHUB_ACTION_REPOSITORY:-}" ] && [ -n "${GITHUB_ACTION_REF:-}" ]; then
    echo "$server/$GITHUB_ACTION_REPOSITORY/blob/$GITHUB_ACTION_REF/docs/"
  elif [[ $action_path == "$GITHUB_WORKSPACE" || $action_path == "$GITHUB_WORKSPACE"/* ]]; then
    # `uses: ./`: the action is in the workflow's own repository.
    local rel=${action_path#"$GITHUB_WORKSPACE"}
    rel=${rel#/}
    echo "$server/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/${rel:+$rel/}docs/"
  elif [[ $action_path =~ /_actions/([^/]+)/([^/]+)/([^/]+)$ ]]; then
    echo "$server/${BASH_REMATCH[1]}/${BASH_REMATCH[2]}/blob/${BASH_REMATCH[3]}/docs/"
  fi
}

# The revision a pull request's changes start from (its base commit, fetched
# when the checkout is shallow) in $rev; "" to check everything.
changed_since() {
  rev=${INPUT_CHANGED_SINCE-auto}
  if [ "$rev" = auto ]; then
    case ${GITHUB_EVENT_NAME:-} in
      pull_request | pull_request_target)
        rev=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pull_request"]["base"]["sha"])' \
          "$GITHUB_EVENT_PATH") || die "no base commit in $GITHUB_EVENT_PATH"
        ;;
      *) rev= ;;
    esac
  fi
  if [ -n "$rev" ] && ! git cat-file -e "$rev^{commit}" 2>/dev/null; then
    say "fetching $rev"
    git fetch --no-tags --quiet --depth=1 origin "$rev" ||
      die "cannot fetch $rev, the revision --changed-since needs"
  fi
}

# Reports from a --format=json report: SARIF, the annotations and the exit
# code (structify merge rewrites it in any format), the job summary, the
# outputs.
report() {
  local json=$1 sarif=$work/structify.sarif status=0 url
  local merge=("$structify" merge "$json" --quiet --root "$GITHUB_WORKSPACE")
  url=$(docs_url)
  "${merge[@]}" --format=sarif -o "$sarif" --fail-on=never ${url:+--docs-url="$url"} ||
    die "structify merge failed on $json"
  output report "$json"
  output sarif "$sarif"
  # The annotations go to the log, where GitHub reads them; the same run
  # applies --fail-on.
  local annotations=/dev/stdout
  [ "${INPUT_ANNOTATIONS:-true}" = true ] || annotations=/dev/null
  "${merge[@]}" --format=github --fail-on="${INPUT_FAIL_ON:-new}" > "$annotations" ||
    status=$?
  [ "$status" -le 1 ] || die "structify merge failed on $json"
  output exit-code "$status"
  summary "$json" "$status" >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
}

# The job summary: the counts, then the new findings (up to 50).
summary() {
  python3 - "$1" "$2" "$GITHUB_WORKSPACE" "${GITHUB_OUTPUT:-/dev/null}" <<'EOF'
import json, os, sys
path, status, root, outputs = sys.argv[1:5]
report = json.load(open(path))
s = report["summary"]
new = [f for f in report["findings"] if not f["baselined"]]
with open(outputs, "a") as out:
    out.write("new-findings=%d\n" % len(new))
def rel(p):
    return os.path.relpath(p, root) if p.startswith(root + "/") else p
print("### structify: %s" % ("failed" if status == "1" else "passed"))
print()
def count(n, noun):
    return "%d %s%s" % (n, noun, "" if n == 1 else "s")
print("%s (%d cached, %d analysed), %s (%d new, %d baselined), %d failed"
      % (count(s["units"], "translation unit"), s["cached"], s["analysed"],
         count(s["findings"], "finding"), s["new"], s["baselined"], s["failures"]))
if new:
    print()
    print("| place | check | finding |")
    print("| --- | --- | --- |")
    for f in new[:50]:
        print("| `%s:%d:%d` | %s | %s |" % (rel(f["file"]), f["line"], f["column"], f["check"],
                                          f["message"].replace("|", "\\|")))
    if len(new) > 50:
        print()
        print("... and %d more: see the SARIF report." % (len(new) - 50))
for failure in report["failures"]:
    print()
    print("- `%s`: %s" % (rel(failure["file"]), failure["problem"]))
EOF
}

# --baseline when the file is there, in the array baseline; the input
# `args`, split at blanks, in the array extra.
options() {
  local file=${INPUT_BASELINE:-.structify-baseline.json}
  baseline=()
  if [ -f "$file" ]; then
    baseline=("--baseline=$file")
  else
    say "no baseline $file: every finding is new"
  fi
  read -ra extra <<< "${INPUT_ARGS:-}"
}

check() {
  local args=(check -p "${INPUT_BUILD_DIR:-build}" --root "$GITHUB_WORKSPACE"
    --format=json --fail-on=never)
  if [ "${INPUT_CACHE:-true}" = true ]; then
    args+=(--cache-dir "$HOME/.cache/structify")
  else
    args+=(--no-cache)
  fi
  changed_since
  [ -z "$rev" ] || args+=("--changed-since=$rev")
  options
  if [ -n "${INPUT_SHARD:-}" ]; then
    # A shard only reports; `merge` applies the baseline and the policy.
    local json=$work/shard-${INPUT_SHARD%%/*}.json
    "$structify" "${args[@]}" --shard="$INPUT_SHARD" -o "$json" "${extra[@]}" ||
      die "structify check failed (exit $?)"
    output report "$json"
    output artifact "structify-shard-${INPUT_SHARD%%/*}"
    output exit-code 0
    return
  fi
  local json=$work/structify.json
  "$structify" "${args[@]}" "${baseline[@]}" -o "$json" "${extra[@]}" ||
    die "structify check failed (exit $?)"
  # A scoped run leaves out units: code scanning would take their alerts
  # as fixed. Upload full runs only, unless asked to.
  local upload=${INPUT_UPLOAD_SARIF:-auto}
  [ "$upload" != auto ] || upload=$([ -z "$rev" ] && echo true || echo false)
  output upload-sarif "$upload"
  report "$json"
}

merge() {
  local reports=()
  # shellcheck disable=SC2206
  reports=(${INPUT_REPORTS:-$work/shards/*.json})
  [ -e "${reports[0]}" ] || die "no shard report in ${INPUT_REPORTS:-$work/shards}"
  local json=$work/structify.json
  options
  "$structify" merge "${reports[@]}" --root "$GITHUB_WORKSPACE" "${baseline[@]}" \
    --format=json -o "$json" --fail-on=never ||
    die "structify merge failed (exit $?)"
  local upload=${INPUT_UPLOAD_SARIF:-auto}
  [ "$upload" != auto ] || upload=true
  output upload-sarif "$upload"
  report "$json"
}

status() {
  local code=${INPUT_EXIT_CODE:-0}
  if [ "$code" != 0 ]; then
    say "structify found what --fail-on=${INPUT_FAIL_ON:-new} fails on (see the annotations and the job summary)"
  fi
  exit "$code"
}

case ${1:-} in
  prepare | install | check | merge | status) "$1" ;;
  *) die "usage: ci-action.sh prepare|install|check|merge|status" ;;
esac
