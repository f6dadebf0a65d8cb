#!/usr/bin/env bash
# Builds librdkafka 2.15.1 from the source shipped in the npm package
# @confluentinc/kafka-javascript@1.10.1 and packs it as a local librdkafka.redist 2.15.1
# NuGet package (runtimes/linux-x64/native/librdkafka.so) in .feed/, which NuGet.config maps
# that package id to. Skips everything when the feed, or this machine's cache, holds the package.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
feed="$root/.feed"
version=2.15.1
package="$feed/librdkafka.redist.$version.nupkg"

# Built once per machine: later clones copy it from the user's cache.
cache="${XDG_CACHE_HOME:-$HOME/.cache}/debateevents/librdkafka.redist.$version.nupkg"

if [ -f "$package" ]; then
  exit 0
fi
if [ -f "$cache" ]; then
  mkdir -p "$feed"
  cp "$cache" "$package"
  exit 0
fi

"$root/scripts/apt.sh" libssl-dev libsasl2-dev zlib1g-dev libzstd-dev liblz4-dev build-essential python3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "native: building librdkafka $version (about a minute)"
(cd "$work" && npm pack --silent @confluentinc/kafka-javascript@1.10.1 >/dev/null && tar xzf ./*.tgz)
src="$work/package/deps/librdkafka"
(cd "$src" && ./configure --prefix="$work/out" --disable-curl >"$work/configure.log" 2>&1) \
  || { cat "$work/configure.log"; exit 1; }
make -C "$src" -j"$(nproc)" libs >"$work/make.log" 2>&1 || { tail -50 "$work/make.log"; exit 1; }

stage="$work/stage"
mkdir -p "$stage/runtimes/linux-x64/native"
cp "$src/src/librdkafka.so.1" "$stage/runtimes/linux-x64/native/librdkafka.so"
cat >"$stage/librdkafka.redist.nuspec" <<NUSPEC
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
  <metadata>
    <id>librdkafka.redist</id>
    <version>$version</version>
    <authors>DebateEvents (built locally from librdkafka $version source)</authors>
    <description>librdkafka $version for linux-x64, built from source on this machine.</description>
  </metadata>
</package>
NUSPEC
mkdir -p "$feed"
python3 - "$stage" "$package" <<'PY'
import os, sys, zipfile
stage, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(target + ".tmp", "w", zipfile.ZIP_DEFLATED) as z:
    for folder, _, files in os.walk(stage):
        for name in files:
            path = os.path.join(folder, name)
            z.write(path, os.path.relpath(path, stage))
os.replace(target + ".tmp", target)
PY
mkdir -p "$(dirname "$cache")"
cp "$package" "$cache"
echo "native: packed $package"
