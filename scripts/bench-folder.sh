#!/usr/bin/env bash
# Load time and peak memory of a 25,000-image folder (issue 13): generates 25,000 64x64x3 JPEGs in
# two class folders under /tmp (once), then loads folder:DIR cold (empty cache) and warm (cached),
# each in its own JVM. Usage: scripts/bench-folder.sh [DIR] [N] [SIZE]   (JAVA_OPTS default -Xmx2g)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:-/tmp/tfjlab-folder-bench}"
N="${2:-25000}"
SIZE="${3:-64}"
CACHE="$DIR.cache"
(cd "$ROOT" && mvn -B -q -pl tf-data -am -DskipTests -Dspotless.check.skip=true install)
CP="$ROOT/tf-data/target/classes:$(cd "$ROOT" && mvn -B -q -pl tf-data dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
run() { java ${JAVA_OPTS:--Xmx2g} -cp "$CP" io.tfjlab.data.user.FolderLoadBenchmark "$@"; }
[[ -d "$DIR" ]] || run generate "$DIR" "$N" "$SIZE"
du -sh "$DIR"
rm -rf "$CACHE"
echo -n "cold: "; run load "$DIR" "$CACHE"
echo -n "warm: "; run load "$DIR" "$CACHE"
