#!/usr/bin/env bash
# A/B of two variants of the mock in one run, so that one change is measured alone against what it replaces.
#   bench/ab.sh A B [connections...]     e.g.  bench/ab.sh 'old.jar' 'new.jar' 1 16
# A variant is a jar, optionally followed by JVM options, quoted as one argument: 'x.jar -XX:+UseSerialGC'.
# Both run at once on loopback (ports BENCH_PORT_BASE + 21, + 22; default base 18180). Per load, AB_ROUNDS
# (default 4) rounds of one AB_WINDOW s (default 5) wrk window each, the variants alternating and the first of
# each round rotating, after AB_WARM s (default 20) of warm-up each. Every request is Create OTA Job with the
# vendor page's sample, as in bench/run.sh. Prints the medians of req/s and p99 per variant, B/A, and each
# server's resident memory at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
[ $# -ge 2 ] || { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
A=$1; B=$2; shift 2
LOADS=${*:-1 16}
ROUNDS=${AB_ROUNDS:-4}; WINDOW=${AB_WINDOW:-5}; WARM=${AB_WARM:-20}
HOST=127.0.0.1; BASE=${BENCH_PORT_BASE:-18180}
URL_PATH="/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId"
export BENCH_BODY="$ROOT/spec/examples/vendor-request-sample.json"
OUT="$ROOT/target/bench"; mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is missing (Debian package wrk)" >&2; exit 1; }
# shellcheck source=.ci/jdk.sh
. "$ROOT/.ci/jdk.sh"   # pick_jdk: JAVA_HOME when it is a JDK 21 or newer, else the newest in /usr/lib/jvm
JDK=$(pick_jdk)
[ -n "$JDK" ] || { echo "needs a JDK 21 or newer: set JAVA_HOME to one (ls /usr/lib/jvm)" >&2; exit 1; }
JAVA="$JDK/bin/java"

declare -A PORT PID
PORT[A]=$((BASE + 21)); PORT[B]=$((BASE + 22))
cleanup() { for v in A B; do [ -n "${PID[$v]:-}" ] && kill "${PID[$v]}" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
start() { # variant spec
  local jar opts
  read -r jar opts <<<"$2"
  [ -f "$jar" ] || { echo "$1: no jar $jar" >&2; exit 1; }
  # shellcheck disable=SC2086  # the options are words
  "$JAVA" $opts -jar "$jar" mock --port "${PORT[$1]}" --bind-address "$HOST" >"$OUT/ab-$1.log" 2>&1 &
  PID[$1]=$!
}
ready() { # variant
  local i
  for ((i = 0; i < 600; i++)); do
    kill -0 "${PID[$1]}" 2>/dev/null || break
    curl -s -o /dev/null -X POST -H 'Content-Type: application/json' --data-binary "@$BENCH_BODY" \
      "http://$HOST:${PORT[$1]}$URL_PATH" && return 0
    sleep 0.1
  done
  echo "$1 did not start (see $OUT/ab-$1.log)" >&2; exit 1
}
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"   # kv, median, wrk_create
load() { # variant connections seconds → BENCH line
  wrk_create "${PORT[$1]}" "$2" "$3"
}

for v in A B; do
  if (exec 3<>"/dev/tcp/$HOST/${PORT[$v]}") 2>/dev/null; then
    echo "port ${PORT[$v]} is in use (another A/B running?); set BENCH_PORT_BASE" >&2; exit 1
  fi
done
start A "$A"; start B "$B"; ready A; ready B
echo "A = $A"
echo "B = $B"
echo "java: $("$JAVA" -version 2>&1 | head -1); $(date -u +%Y-%m-%dT%H:%M:%SZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| conns | A req/s | B req/s | B/A req/s | A p99 ms | B p99 ms | B/A p99 | errors+non-ok A, B |"
echo "|---:|---:|---:|---:|---:|---:|---:|---|"
for c in $LOADS; do
  load A "$c" "$WARM" >/dev/null; load B "$c" "$WARM" >/dev/null
  declare -A RPS=() P99=() BAD=()
  for ((r = 0; r < ROUNDS; r++)); do
    order="A B"; [ $((r % 2)) = 1 ] && order="B A"
    for v in $order; do
      line=$(load "$v" "$c" "$WINDOW")
      RPS[$v]+="$(kv "$line" rps) "; P99[$v]+="$(kv "$line" p99_ms) "
      BAD[$v]=$(( ${BAD[$v]:-0} + $(kv "$line" errors) + $(kv "$line" non_ok) ))
    done
  done
  # shellcheck disable=SC2086
  ra=$(median ${RPS[A]}); rb=$(median ${RPS[B]}); pa=$(median ${P99[A]}); pb=$(median ${P99[B]})
  printf '| %s | %.0f | %.0f | %.2f | %s | %s | %.2f | %s, %s |\n' "$c" "$ra" "$rb" \
    "$(awk "BEGIN { print $rb / $ra }")" "$pa" "$pb" "$(awk "BEGIN { print $pb / $pa }")" "${BAD[A]}" "${BAD[B]}"
done
echo
for v in A B; do echo "resident memory $v: $(( $(ps -o rss= -p "${PID[$v]}" | tr -d ' ') / 1024 )) MiB"; done
