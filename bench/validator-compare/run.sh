#!/usr/bin/env bash
# Compares the cost of one request check in swagger-request-validator 2.46.1 (the kit's) and
# openapi-request-validator 3.0.0 (needs Java 21), on a JDK of 21 or newer, alternating the two twice:
#   bash bench/validator-compare/run.sh [/path/to/java21+]
# Prints the microseconds per check of the vendor page's create request against spec/ota-jobs.yaml, and the
# messages each version gives for one invalid body (upgradeTimeout above its maximum).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$(cd "$HERE/../.." && pwd)"
JAVA="${1:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
"$JAVA" -version 2>&1 | head -1
OUT="$ROOT/target/validator-compare"; mkdir -p "$OUT"
for v in 2.46.1 3.0.0; do
  [ -d "$OUT/lib-$v" ] || mvn -B -ntp -q -f "$HERE/pom-$v.xml" dependency:copy-dependencies -DoutputDirectory="$OUT/lib-$v"
done
for round in 1 2; do
  for v in 2.46.1 3.0.0; do
    echo "== validator $v, round $round"
    "$JAVA" -cp "$OUT/lib-$v/*" "$HERE/ValBench.java" "$ROOT/spec/ota-jobs.yaml" \
      "$ROOT/spec/examples/vendor-request-sample.json" 4
  done
done
