#!/usr/bin/env bash
# Real projects for benchmarks and real-world runs, from Debian's source
# packages. Source this file; it defines:
#   corpus_fetch PKG        -> prints the unpacked source directory
#   corpus_configure SRC BUILD [cmake args...]
#                           -> a Ninja build with compile_commands.json, clang++-22
# Sources are kept in ${STRUCTIFY_CORPUS:-$HOME/.cache/structify-corpus}.
set -euo pipefail

STRUCTIFY_CORPUS=${STRUCTIFY_CORPUS:-$HOME/.cache/structify-corpus}

corpus_sudo() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Adds a deb-src copy of the bookworm entry once, then updates the index.
corpus_enable_sources() {
  local list=/etc/apt/sources.list.d/debian.sources
  if ! grep -q '^Types:.*deb-src' "$list" 2>/dev/null; then
    echo "corpus: enabling Debian source packages in $list" >&2
    # The first stanza (bookworm itself), once more with Types: deb-src.
    corpus_sudo sh -c "awk 'BEGIN{RS=\"\"} NR==1{sub(/^Types: deb\n/, \"Types: deb-src\n\"); print \"\"; print; exit}' '$list' >> '$list'"
    corpus_sudo apt-get update -q >/dev/null
  elif [ ! -f "$STRUCTIFY_CORPUS/.apt-updated" ]; then
    corpus_sudo apt-get update -q >/dev/null
  fi
  mkdir -p "$STRUCTIFY_CORPUS" && touch "$STRUCTIFY_CORPUS/.apt-updated"
}

corpus_fetch() {
  local pkg=$1
  mkdir -p "$STRUCTIFY_CORPUS"
  local dir
  dir=$(find "$STRUCTIFY_CORPUS" -maxdepth 1 -type d -name "$pkg-*" | sort | tail -n 1)
  if [ -z "$dir" ]; then
    corpus_enable_sources
    (cd "$STRUCTIFY_CORPUS" && apt-get source -q --download-only "$pkg" >/dev/null 2>&1 &&
       dpkg-source -x --skip-patches "$(ls -t "$pkg"_*.dsc | head -n 1)" >/dev/null 2>&1) ||
      { echo "corpus: 'apt-get source $pkg' failed (the package may be gone); pick another" >&2; return 1; }
    dir=$(find "$STRUCTIFY_CORPUS" -maxdepth 1 -type d -name "$pkg-*" | sort | tail -n 1)
  fi
  echo "$dir"
}

corpus_configure() {
  local src=$1 build=$2; shift 2
  if [ ! -f "$build/compile_commands.json" ]; then
    cmake -S "$src" -B "$build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
      -DCMAKE_CXX_COMPILER=clang++-22 -DCMAKE_C_COMPILER=clang-22 \
      -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  fi
}
