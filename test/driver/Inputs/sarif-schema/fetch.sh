#!/usr/bin/env bash
# Fetches the SARIF 2.1.0 JSON schema again and checks that it is the file
# committed beside this script (sarif-2.1.0-rtm.5.json), byte for byte; with
# --write, writes it there. The tests use the committed file; this script only
# documents and re-checks where it comes from (README.md).
#
# Where the schema comes from: the npm package @microsoft/jest-sarif (by the
# authors of Microsoft's SARIF SDK) ships the SARIF 2.1.0 schema, revision
# rtm.5 as published in SchemaStore, as lib/schemas/sarif-2.1.0-rtm.5.json.
# `npm pack` fetches the package alone (none of its dependencies); only that
# JSON file is kept, checked against the SHA-256 below.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
package=@microsoft/jest-sarif@1.0.0-beta.0
tarball=microsoft-jest-sarif-1.0.0-beta.0.tgz
member=package/lib/schemas/sarif-2.1.0-rtm.5.json
sha=2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8

command -v npm >/dev/null || {
  echo "fetch.sh: npm is needed to fetch $package" >&2
  exit 1
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "$package" >/dev/null)
tar -xzf "$tmp/$tarball" -C "$tmp" "$member"
echo "$sha  $tmp/$member" | sha256sum -c --status - || {
  echo "fetch.sh: $package's schema is not the one pinned ($sha)" >&2
  exit 1
}
if [ "${1:-}" = --write ]; then
  cp "$tmp/$member" "$here/sarif-2.1.0-rtm.5.json"
fi
cmp "$tmp/$member" "$here/sarif-2.1.0-rtm.5.json"
echo "fetch.sh: the committed schema is $package's $member"
