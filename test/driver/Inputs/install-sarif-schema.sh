#!/usr/bin/env bash
# Installs the SARIF 2.1.0 JSON schema at $1; does nothing when it is there.
#
# Where the schema comes from: the npm package @microsoft/jest-sarif (by the
# authors of Microsoft's SARIF SDK) ships the SARIF 2.1.0 schema, revision
# rtm.5 as published in SchemaStore, as lib/schemas/sarif-2.1.0-rtm.5.json.
# `npm pack` fetches the package alone (none of its dependencies); only that
# JSON file is kept, checked against the SHA-256 below.
set -euo pipefail
dest=$1
package=@microsoft/jest-sarif@1.0.0-beta.0
tarball=microsoft-jest-sarif-1.0.0-beta.0.tgz
member=package/lib/schemas/sarif-2.1.0-rtm.5.json
sha=2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8

if [ -f "$dest" ] && echo "$sha  $dest" | sha256sum -c --status - 2>/dev/null; then
  exit 0
fi
command -v npm >/dev/null || {
  echo "install-sarif-schema: npm is needed to fetch $package" >&2
  exit 1
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$package" >/dev/null)
tar -xzf "$tmp/$tarball" -C "$tmp" "$member"
echo "$sha  $tmp/$member" | sha256sum -c --status - || {
  echo "install-sarif-schema: $package's schema is not the one expected" >&2
  exit 1
}
mkdir -p "$(dirname "$dest")"
mv "$tmp/$member" "$dest"
