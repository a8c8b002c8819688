#!/usr/bin/env bash
# Installs a structify Debian package with apt-get, runs what it installed on
# a copy of examples/textstats, removes it, and reports what is left. Prints
# what test/integration/package.test checks; the package is purged on every
# way out.
# Usage: package-roundtrip.sh DEB MAJOR EXAMPLE-DIR WORK-DIR CLANGXX
set -euo pipefail
deb=$1 major=$2 example=$3 work=$4 clangxx=$5
pkg=structify-llvm$major

apt() {
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=1200 -y -q "$@"
}
trap 'apt purge "$pkg" >/dev/null 2>&1 || true' EXIT

apt install "$deb" > "$work/apt-install.log" 2>&1
dpkg-query -W -f='installed: ${Package} ${Version} ${Status}\n' "$pkg"

echo "-- versions"
structify --version
"structify-$major" --version
"structify-tidy-$major" --version | tail -n 1
clangd_version=$("structify-clangd-$major" --version)
echo "${clangd_version%%$'\n'*}"
echo "structify: $(readlink -f /usr/bin/structify)"
echo "structify-tidy: $(readlink -f /usr/bin/structify-tidy)"
echo "structify-clangd: $(readlink -f /usr/bin/structify-clangd)"

echo "-- structify check"
cp -R "$example" "$work/textstats"
cd "$work/textstats"
cmake -S . -B build -G Ninja -DCMAKE_CXX_COMPILER="$clangxx" \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON > "$work/cmake.log"
status=0
structify check -p build --no-cache > "$work/check.out" 2> "$work/check.err" || status=$?
echo "structify check: exit $status"
cat "$work/check.out" "$work/check.err"

echo "-- clang-tidy-$major with the plugin"
"clang-tidy-$major" --load="/usr/lib/$pkg/lib/structify-tidy-plugin.so" \
  -p build src/url.cpp 2>/dev/null
"clang-tidy-$major" --load="/usr/lib/$pkg/lib/structify-tidy-plugin.so" --version | tail -n 1

echo "-- removed"
apt purge "$pkg" > "$work/apt-purge.log" 2>&1
trap - EXIT
dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null || echo "not known to dpkg"
for path in /usr/bin/structify /usr/bin/structify-tidy /usr/bin/structify-clangd \
            "/usr/bin/structify-$major" "/usr/lib/$pkg" "/usr/share/doc/$pkg"; do
  if [ -e "$path" ] || [ -L "$path" ]; then echo "left behind: $path"; fi
done
if update-alternatives --query structify > /dev/null 2>&1; then
  echo "left behind: the structify alternative"
fi
echo "done"
