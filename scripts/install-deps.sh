#!/usr/bin/env bash
# Installs what structify needs to build and test, from Debian bookworm's
# packages. Idempotent: does nothing when everything is already there.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ python3 binutils
  # test/driver validates SARIF reports against the schema with it.
  python3-jsonschema
  # test/unit: the unit tests of the driver's pure logic.
  libgtest-dev
  llvm-22-dev libclang-22-dev clang-22 clang-tidy-22 clangd-22 llvm-22-tools lld-22
  # Debian's ClangTargets.cmake needs these for clangd's remote index targets.
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev libzstd-dev libcurl4-openssl-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=()
[ "$(id -u)" -eq 0 ] || SUDO=(sudo)
echo "structify: installing ${missing[*]}" >&2
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
