#!/usr/bin/env bash
# Benchmark of the mock against two baselines measured in the same run, on loopback only.
#   bench/run.sh           full run (about 3 minutes): loads 1, 16, 64 connections, 10 s each, plus memory checks
#   bench/run.sh --smoke   a few seconds: every server once at 16 connections for 1 s, memory checks on small counts
# Servers: baseline = plain WireMock 3.13.2 standalone with a static stub; ours = the mock (spec validation + state);
# prism = Stoplight Prism 5.14.2 mocking the same spec. It installs what it needs (wrk from Debian, Prism from npm
# into bench/.tools, WireMock standalone from Maven Central) and says so when a baseline cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TOOLS="$ROOT/bench/.tools"
OUT="$ROOT/target/bench"
mkdir -p "$TOOLS" "$OUT"

MODE=full
[ "${1:-}" = "--smoke" ] && MODE=smoke
if [ "$MODE" = smoke ]; then LOADS="16"; DURATION=1; WARMUP=1; JOBS=20000; STREAM=4000
else LOADS="1 16 64"; DURATION=10; WARMUP=5; JOBS=1000000; STREAM=200000; fi

HOST=127.0.0.1
PORT_BASELINE=18181; PORT_OURS=18182; PORT_PRISM=18183
URL_PATH="/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId"
export BENCH_BODY="$ROOT/spec/examples/vendor-request-sample.json"
PIDS=()
cleanup() { for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

say() { printf '%s\n' "$*" >&2; }

# --- tools -----------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  say "installing wrk (Debian package)"
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk) >"$OUT/apt.log" 2>&1 \
    || { say "cannot install wrk: see $OUT/apt.log"; exit 1; }
fi
[ -f "$ROOT/cli/target/enos-ota-kit.jar" ] && [ -d "$ROOT/mock/target/test-classes" ] \
  || mvn -B -ntp -q -DskipTests package >"$OUT/build.log" 2>&1
WIREMOCK_JAR="$TOOLS/wiremock-standalone-3.13.2.jar"
if [ ! -f "$WIREMOCK_JAR" ]; then
  mvn -B -ntp -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory="$TOOLS" \
    >"$OUT/wiremock-download.log" 2>&1 || say "baseline unavailable: cannot fetch wiremock-standalone (see $OUT/wiremock-download.log)"
fi
PRISM="$TOOLS/node_modules/.bin/prism"
if [ ! -x "$PRISM" ] && command -v npm >/dev/null 2>&1; then
  (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error @stoplight/prism-cli@5.14.2) >"$OUT/npm.log" 2>&1 \
    || say "prism unavailable: npm install failed (see $OUT/npm.log)"
fi

# --- servers ---------------------------------------------------------------------------------------------------
now_ms() { date +%s%3N; }
wait_for_create() { # port deadline_s → prints ms from the call to the first answered create, or fails
  local port=$1 deadline=$(( $(date +%s) + $2 ))
  until curl -sf -X POST "http://$HOST:$port$URL_PATH" -H 'Content-Type: application/json' \
        --data-binary @"$BENCH_BODY" -o /dev/null 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.02
  done
}
start_server() { # name → starts it, records pid and start-up ms in STARTUP_<name>
  local name=$1 started pid
  started=$(now_ms)
  case $name in
    baseline) [ -f "$WIREMOCK_JAR" ] || return 1
              java -jar "$WIREMOCK_JAR" --port $PORT_BASELINE --bind-address $HOST --root-dir "$ROOT/bench/baseline" \
                --no-request-journal --jetty-acceptor-threads 1 --container-threads 16 --disable-banner >"$OUT/baseline.log" 2>&1 &
              pid=$!; PORT=$PORT_BASELINE ;;
    ours)     java -jar "$ROOT/cli/target/enos-ota-kit.jar" mock --port $PORT_OURS --bind-address $HOST >"$OUT/ours.log" 2>&1 &
              pid=$!; PORT=$PORT_OURS ;;
    prism)    [ -x "$PRISM" ] || return 1
              "$PRISM" mock "$ROOT/spec/ota-jobs.yaml" --host $HOST --port $PORT_PRISM --errors false >"$OUT/prism.log" 2>&1 &
              pid=$!; PORT=$PORT_PRISM ;;
  esac
  PIDS+=("$pid")
  eval "PID_$name=$pid"
  if wait_for_create "$PORT" 60; then
    eval "STARTUP_$name=$(( $(now_ms) - started ))"
  else
    say "$name did not answer a create within 60 s (see $OUT/$name.log)"; kill "$pid" 2>/dev/null || true; return 1
  fi
}
port_of() { case $1 in baseline) echo $PORT_BASELINE;; ours) echo $PORT_OURS;; prism) echo $PORT_PRISM;; esac; }

SERVERS=()
for s in baseline ours prism; do
  if start_server $s; then SERVERS+=("$s"); else say "NOTE: $s could not be run; its column is missing"; fi
done

run_wrk() { # server connections seconds → one BENCH line
  local threads=2; [ "$2" -lt 2 ] && threads=1
  wrk -t"$threads" -c"$2" -d"$3"s --latency -s "$ROOT/bench/create.lua" "http://$HOST:$(port_of "$1")$URL_PATH" 2>&1 \
    | grep '^BENCH' || echo "BENCH requests=0 errors=1 non_ok=0 rps=0 p50_ms=0 p99_ms=0 max_ms=0"
}
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

for s in "${SERVERS[@]}"; do run_wrk "$s" 16 "$WARMUP" >/dev/null; done   # warm-up (JIT, connection pools)

declare -A RESULT
offset=0
for c in $LOADS; do
  n=${#SERVERS[@]}
  for ((i = 0; i < n; i++)); do               # rotate the order per load, so drift hits every server
    s=${SERVERS[$(( (i + offset) % n ))]}
    RESULT[$s,$c]=$(run_wrk "$s" "$c" "$DURATION")
  done
  offset=$((offset + 1))
done

rss_kib() { ps -o rss= -p "$1" 2>/dev/null | tr -d ' '; }
RSS_OURS=$(rss_kib "$PID_ours")

# --- report ----------------------------------------------------------------------------------------------------
{
echo "EnOS OTA mock benchmark ($MODE) $(date -u +%Y-%m-%dT%H:%M:%SZ) commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
echo "machine: $(nproc) cores; wrk -t2 (-t1 at 1 connection) on the same cores; ${DURATION}s per cell after ${WARMUP}s warm-up per server"
echo "ours stores every job it creates: the load leaves it with tens of thousands of jobs"
[ "$MODE" = smoke ] && echo "smoke mode: 1 s of cold JIT per cell proves the harness, its figures are not the benchmark's"
printf '%-9s %5s %10s %9s %9s %9s %7s %7s\n' server conns "req/s" "p50 ms" "p99 ms" "max ms" errors non_ok
for c in $LOADS; do
  for s in "${SERVERS[@]}"; do
    r=${RESULT[$s,$c]}
    printf '%-9s %5s %10s %9s %9s %9s %7s %7s\n' "$s" "$c" "$(field "$r" rps)" "$(field "$r" p50_ms)" \
      "$(field "$r" p99_ms)" "$(field "$r" max_ms)" "$(field "$r" errors)" "$(field "$r" non_ok)"
  done
done
echo
for c in $LOADS; do
  ours=$(field "${RESULT[ours,$c]}" rps)
  line="ratios at $c conns: "
  [ -n "${RESULT[baseline,$c]:-}" ] && line+="ours/baseline=$(awk -v a="$ours" -v b="$(field "${RESULT[baseline,$c]}" rps)" 'BEGIN{printf "%.2f", (b>0?a/b:0)}')  "
  [ -n "${RESULT[prism,$c]:-}" ] && line+="ours/prism=$(awk -v a="$ours" -v b="$(field "${RESULT[prism,$c]}" rps)" 'BEGIN{printf "%.2f", (b>0?a/b:0)}')"
  echo "$line"
done
for s in "${SERVERS[@]}"; do eval "echo \"start-up $s: \$STARTUP_$s ms (process start to first answered create)\""; done
echo "resident memory of ours after the load: $((RSS_OURS / 1024)) MiB"
} | tee "$OUT/result-$MODE.txt"

cleanup; PIDS=()
java -Xmx4g -cp "$ROOT/mock/target/test-classes:$ROOT/cli/target/enos-ota-kit.jar" io.enoskit.ota.bench.MemoryBench "$JOBS" "$STREAM" \
  | tee -a "$OUT/result-$MODE.txt"
