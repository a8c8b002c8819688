#!/usr/bin/env bash
# Installs what structify needs to build and test, from Debian bookworm's
# packages: the LLVM 22 and LLVM 19 toolchains it builds against (test/run.sh
# builds and tests both), and the tools of the tests. Idempotent: does nothing
# when everything is already there. STRUCTIFY_LLVM_MAJORS="22" limits it to
# the majors named.
set -euo pipefail

majors=${STRUCTIFY_LLVM_MAJORS:-22 19}
PACKAGES=(
  cmake ninja-build g++ python3 binutils
  # test/unit: the unit tests of the model and the driver.
  libgtest-dev
  # test/driver validates SARIF and JSON reports against their schemas with it.
  python3-jsonschema
  # test/integration/ci-guide.test reads the CI guide's workflows with it.
  python3-yaml git
  # cpack -G DEB computes the package's Depends with dpkg-shlibdeps.
  dpkg-dev
  # Debian's ClangTargets.cmake needs these for clangd's remote index targets.
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev libzstd-dev libcurl4-openssl-dev
)
for m in $majors; do
  # libclangTidyMain.a and libclangdMain.a come with libclang-N-dev.
  # libclang-rt-N-dev: the sanitizer runtimes test/generator builds programs with.
  PACKAGES+=(llvm-$m-dev libclang-$m-dev clang-$m clang-tidy-$m clangd-$m llvm-$m-tools lld-$m
             libclang-rt-$m-dev)
done
# The `format` test checks structify's code with the newest major's clang-format.
case " $majors " in *" 22 "*) PACKAGES+=(clang-format-22) ;; esac

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=()
[ "$(id -u)" -eq 0 ] || SUDO=(sudo)
echo "structify: installing ${missing[*]}" >&2
# Another process may hold the dpkg lock (an unattended upgrade, or another
# apt-get on a shared machine): wait for it, up to 20 minutes.
apt() {
  local try
  for try in $(seq 1 60); do
    if "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=20 "$@" 2>/tmp/structify-apt.err >/dev/null; then
      return 0
    fi
    if ! grep -qi 'lock' /tmp/structify-apt.err; then
      cat /tmp/structify-apt.err >&2
      return 1
    fi
    echo "structify: the dpkg lock is held; waiting ($try)" >&2
    sleep 20
  done
  cat /tmp/structify-apt.err >&2
  return 1
}
apt update -q
apt install -y -q --no-install-recommends "${missing[@]}"
