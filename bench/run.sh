#!/usr/bin/env bash
# Benchmark of the mock, warm and cold, against baselines measured in the same run, on loopback only.
#   bench/run.sh           full run (about 15 minutes on a quiet 2-core machine)
#   bench/run.sh --smoke   the same tables from seconds of load, under a minute in all (CI runs it after the
#                          tests); its figures prove the harness, they are not the benchmark's
# Servers: baseline = plain WireMock 3.13.2 standalone with a static stub (bench/baseline); ours = the mock as the
# README starts it (src/cli/target/enos-ota-kit mock: the launcher, with its collector settings and the build's
# start-up cache); ours-jar = the same jar on the JVM's defaults (java -jar src/cli/target/enos-ota-kit.jar mock);
# cold also ours-cds and ours-aot, ours-jar with the build's class-data sharing archive and, on JDK 25+, its
# ahead-of-time cache; prism = Stoplight Prism 5.14.2 mocking spec/ota-jobs.yaml; proxied (warm only) = the
# validating proxy (enos-ota-kit proxy --target ours) in front of the warm ours, so what the proxy adds is
# measured against ours in the same run.
# Every request is Create OTA Job with the vendor page's sample (spec/examples/vendor-request-sample.json).
#   cold       per server, in rotating order, COLD_REPS fresh processes: bench/ColdClient.java starts the process,
#              measures ms to the first answered create, then sends COLD_REQUESTS creates one after the other on
#              one keep-alive connection and reports their latency percentiles
#   warm       the three servers running; per load (1, 16, 64 connections), per server in rotating order: wrk
#              windows of WINDOW s until two consecutive ones agree within 10 % in req/s (at most WARM_CAP s),
#              then one measured cell of CELL s
#   in-process ours started with OtaMockServer.start in a JVM that has run a mock before (InProcessColdBench)
#   memory     heap per stored job and heap under a request stream (MemoryBench); resident memory of each warm
#              server right after the warm loads and again after IDLE s (30; smoke 2) with no load
# The report (markdown) goes to stdout and to target/bench/report.txt (also report-full.txt or report-smoke.txt);
# progress goes to stderr, the servers' output to target/bench/*.log. It installs what it needs: wrk (Debian
# package), Prism (npm, into bench/.tools), WireMock standalone (Maven), and builds the jar if it is missing or
# older than the sources. A baseline that cannot be installed is left out (said in the report); a server that
# is installed but does not answer, or a failing step, makes the script fail (status 1) after the report.
# Every java runs on JAVA_HOME when it is a JDK 21 or newer, else on the newest one in /usr/lib/jvm (.ci/jdk.sh).
# Ports: BENCH_PORT_BASE (default 18180) + 1..7 (warm) and + 11..17 (cold); they must be free.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TOOLS="$ROOT/bench/.tools"
OUT="$ROOT/target/bench"
mkdir -p "$TOOLS" "$OUT"

MODE=full
case "${1:-}" in
  "") ;;
  --smoke) MODE=smoke ;;
  -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: bench/run.sh [--smoke]" >&2; exit 2 ;;
esac
if [ "$MODE" = smoke ]; then
  LOADS="16"; WINDOW=1; WARM_CAP=2; CELL=1; COLD_REPS=1; COLD_REQUESTS=100; INPROC_REPS=2; JOBS=20000; STREAM=4000
  IDLE=2
  LIFE_ARGS="2 10 4 1"
else
  LOADS="1 16 64"; WINDOW=5; WARM_CAP=60; CELL=10; COLD_REPS=3; COLD_REQUESTS=1000; INPROC_REPS=5; JOBS=1000000
  IDLE=30
  LIFE_ARGS="100 1000 16 10"
  STREAM=200000
fi
STABLE_PCT=10   # two consecutive warm-up windows within this many % of req/s: warm

HOST=127.0.0.1
PORT_BASE=${BENCH_PORT_BASE:-18180}
URL_PATH="/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId"
export BENCH_BODY="$ROOT/spec/examples/vendor-request-sample.json"
JAR="$ROOT/src/cli/target/enos-ota-kit.jar"
LAUNCHER="$ROOT/src/cli/target/enos-ota-kit"
WIREMOCK_JAR="$TOOLS/wiremock-standalone-3.13.2.jar"
PRISM="$TOOLS/node_modules/.bin/prism"
RUN_START=$(date +%s)
unset JAVA_OPTS   # the launcher's own settings are what is measured, not a caller's additions
RUN_DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

say() { printf '%s\n' "$*" >&2; }
FAILURES=()
fail_later() { say "FAILED: $*"; FAILURES+=("$*"); }

PIDS=()
cleanup() { # stops every process this script started (a ColdClient stops the server it launched) and waits
  local pid i
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] || continue
    for ((i = 0; i < 150; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  PIDS=()
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- tools and build -------------------------------------------------------------------------------------------
# shellcheck source=.ci/jdk.sh
. "$ROOT/.ci/jdk.sh"   # pick_jdk: the JDK every java here runs on, as in CI (the default java may be 17)
JDK=$(pick_jdk)
[ -n "$JDK" ] || { say "needs a JDK 21 or newer: set JAVA_HOME to one (ls /usr/lib/jvm)"; exit 1; }
export JAVA_HOME="$JDK" PATH="$JDK/bin:$PATH"
if ! command -v wrk >/dev/null 2>&1; then
  say "installing wrk (Debian package)"
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk) >"$OUT/apt.log" 2>&1 \
    || { say "cannot install wrk: see $OUT/apt.log"; exit 1; }
fi
if [ ! -f "$JAR" ] || [ ! -x "$LAUNCHER" ] || [ ! -f "$ROOT/src/mock/target/test-classes/io/enoskit/ota/bench/InProcessColdBench.class" ] \
   || [ -n "$(find src spec stubs pom.xml -name target -prune -o -type f -newer "$JAR" -print 2>/dev/null | head -1)" ]; then
  say "building the jar (mvn -DskipTests package; log in $OUT/build.log)"
  mvn -B -ntp -q -DskipTests package >"$OUT/build.log" 2>&1 || { say "build failed: see $OUT/build.log"; exit 1; }
fi
if [ ! -f "$WIREMOCK_JAR" ]; then
  say "fetching wiremock-standalone 3.13.2 (Maven)"
  mvn -B -ntp -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory="$TOOLS" \
    >"$OUT/wiremock-download.log" 2>&1 || say "baseline unavailable: cannot fetch wiremock-standalone (see $OUT/wiremock-download.log)"
fi
if [ ! -x "$PRISM" ] && command -v npm >/dev/null 2>&1; then
  say "installing Prism 5.14.2 (npm, into bench/.tools)"
  (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error @stoplight/prism-cli@5.14.2) >"$OUT/npm.log" 2>&1 \
    || say "prism unavailable: npm install failed (see $OUT/npm.log)"
fi

SERVERS=(); MISSING=()
[ -f "$WIREMOCK_JAR" ] && SERVERS+=(baseline) || MISSING+=("baseline (no wiremock-standalone jar)")
SERVERS+=(ours ours-jar)
[ -x "$PRISM" ] && SERVERS+=(prism) || MISSING+=("prism (not installed: npm missing or failed)")
# Cold only: ours-jar started with the class-data sharing archive the build writes beside the jar.
JSA="${JAR%.jar}.jsa"
COLD_SERVERS=("${SERVERS[@]}")
[ -f "$JSA" ] && COLD_SERVERS+=(ours-cds) || MISSING+=("ours-cds (no $JSA: built with -Dcds.skip?)")
# Cold only, on JDK 25 or newer: ours-jar started with the ahead-of-time cache the build writes there (JEP 483/514/515).
AOT="${JAR%.jar}.aot"
[ -f "$AOT" ] && COLD_SERVERS+=(ours-aot) || MISSING+=("ours-aot (no $AOT: the build writes it on JDK 25 or newer)")
# Warm only: the validating proxy in front of ours (its cold start is the jar's, as ours)
SERVERS+=(proxied)
PROXY_REPORT="$OUT/proxy-report"
rm -rf "$PROXY_REPORT"

warm_port() { case $1 in baseline) echo $((PORT_BASE + 1));; ours) echo $((PORT_BASE + 2));; prism) echo $((PORT_BASE + 3));; ours-cds) echo $((PORT_BASE + 4));; proxied) echo $((PORT_BASE + 5));; ours-aot) echo $((PORT_BASE + 6));; ours-jar) echo $((PORT_BASE + 7));; esac; }
cold_port() { echo $(( $(warm_port "$1") + 10 )); }
port_free() { ! (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
port_free "$(warm_port proxied)" || { say "port $(warm_port proxied) is in use (another benchmark running?); set BENCH_PORT_BASE"; exit 1; }
for s in "${COLD_SERVERS[@]}"; do
  for p in "$(warm_port "$s")" "$(cold_port "$s")"; do
    port_free "$p" || { say "port $p is in use (another benchmark running?); set BENCH_PORT_BASE"; exit 1; }
  done
done

server_cmd() { # name port → CMD (the server's command line) and EXPECT (what an answered create is)
  case $1 in
    baseline) CMD=(java -jar "$WIREMOCK_JAR" --port "$2" --bind-address "$HOST" --root-dir "$ROOT/bench/baseline"
                   --no-request-journal --jetty-acceptor-threads 1 --container-threads 16 --disable-banner)
              EXPECT=200 ;;
    ours)     CMD=("$LAUNCHER" mock --port "$2" --bind-address "$HOST"); EXPECT=code0 ;;
    ours-jar) CMD=(java -jar "$JAR" mock --port "$2" --bind-address "$HOST"); EXPECT=code0 ;;
    ours-cds) CMD=(java -XX:SharedArchiveFile="$JSA" -jar "$JAR" mock --port "$2" --bind-address "$HOST"); EXPECT=code0 ;;
    ours-aot) CMD=(java -XX:AOTCache="$AOT" -jar "$JAR" mock --port "$2" --bind-address "$HOST"); EXPECT=code0 ;;
    prism)    CMD=("$PRISM" mock "$ROOT/spec/ota-jobs.yaml" --host "$HOST" --port "$2" --errors false); EXPECT=code0 ;;
    proxied)  CMD=("$LAUNCHER" proxy --target "http://$HOST:$(warm_port ours)" --port "$2" --bind-address "$HOST"
                   --report-dir "$PROXY_REPORT"); EXPECT=code0 ;;
  esac
}
rotated() { # offset → the servers, rotated by offset, one per line
  local n=${#SERVERS[@]} i
  for ((i = 0; i < n; i++)); do echo "${SERVERS[$(( (i + $1) % n ))]}"; done
}
rotated_cold() { # offset → the cold servers, rotated by offset, one per line
  local n=${#COLD_SERVERS[@]} i
  for ((i = 0; i < n; i++)); do echo "${COLD_SERVERS[$(( (i + $1) % n ))]}"; done
}

# --- small helpers on "key=value ..." lines and numbers ---------------------------------------------------------
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"   # kv, median, wrk_create
calc() { awk "BEGIN { $1 }" </dev/null; }
ratio() { # a b → a/b with 2 decimals, or n/a
  if [ -z "${1:-}" ] || [ -z "${2:-}" ]; then echo "n/a"; return; fi
  calc "b = $2; if (b > 0) printf \"%.2f\", $1 / b; else printf \"n/a\""
}
pct_diff() { calc "a = $1; b = $2; if (a > 0) printf \"%+.1f\", (b - a) * 100 / a; else printf \"n/a\""; }
within() { calc "d = \"$1\" + 0; exit !(\"$1\" != \"n/a\" && d <= $2 && d >= -$2)"; }
int() { [ -n "${1:-}" ] && calc "printf \"%.0f\", $1" || echo "n/a"; }
or_na() { [ -n "${1:-}" ] && echo "$1" || echo "n/a"; }
launcher_settings() { # the JVM options the launcher gave the warm ours, as its process shows them
  local opts
  opts=$(tr ' ' '\n' <<<"${OURS_ARGS:-}" | grep '^-XX:' | sed "s|$ROOT/||" | paste -sd ' ' || true)
  echo "\`${opts:-?}\`"
}

# CPU used by other processes (not this script nor what it started) while a phase or a cell runs: the machine is
# shared. A mark is "busy ticks of the machine, steal ticks, CPU seconds of this script and what it started, ms":
# this shell and its reaped children (bash's times), plus the processes in PIDS that are not reaped yet.
HZ=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_mark() { # variable → sets it to a mark (call it directly, not in $(...))
  local ours pid live=0
  times >"$OUT/.times" # in this shell: a subshell would count its own
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] \
      && live="$live + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)"
  done
  ours=$(awk -v live="$(calc "print $live")" -v hz="$HZ" '{ for (i = 1; i <= NF; i++) { split($i, p, "m"); t += p[1] * 60 + p[2] } } END { printf "%.2f", t + live / hz }' "$OUT/.times")
  printf -v "$1" "%s" "$(awk -v ours="$ours" -v now="$(date +%s%3N)" '/^cpu / { print $2 + $3 + $4 + $7 + $8, $9, ours, now; exit }' /proc/stat)"
}
other_pct() { # mark-before mark-after → the % of the machine (all cores) used by other processes, a number
  other_cpu "$1" "$2" | awk '{ print ($1 == "n/a") ? 0 : $1 }'
}
other_cpu() { # mark-before mark-after → "N % of the machine (steal M %)"
  awk -v hz="$HZ" -v cpus="$(nproc)" -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " ")
    wall = (y[4] - x[4]) / 1000; if (wall <= 0) { print "n/a"; exit }
    other = (y[1] - x[1]) / hz - (y[3] - x[3]); if (other < 0) other = 0
    printf "%.0f %% of the machine (steal %.0f %%)", other * 100 / (wall * cpus), (y[2] - x[2]) / hz * 100 / (wall * cpus) }'
}

# --- cold: fresh processes, time to first answered create, then sequential requests ----------------------------
declare -A COLD COLD_ORDER COLD_OTHER
COLD_START=$(date +%s)
cpu_mark MARK_COLD
run=0
for ((r = 0; r < COLD_REPS; r++)); do
  for s in $(rotated_cold "$r"); do
    run=$((run + 1))
    server_cmd "$s" "$(cold_port "$s")"
    say "cold $run/$((COLD_REPS * ${#COLD_SERVERS[@]})): fresh $s, then $COLD_REQUESTS sequential creates"
    cpu_mark M0
    java "$ROOT/bench/ColdClient.java" --url "http://$HOST:$(cold_port "$s")$URL_PATH" --body "$BENCH_BODY" \
      --requests "$COLD_REQUESTS" --expect "$EXPECT" --log "$OUT/cold-$s-$((r + 1)).log" -- "${CMD[@]}" \
      >"$OUT/cold-client.out" 2>>"$OUT/cold-client.log" &
    PIDS+=("$!")
    rc=0; wait "$!" || rc=$?
    PIDS=()
    cpu_mark M1
    line=$(grep '^COLD' "$OUT/cold-client.out" || true)
    if [ "$rc" -ne 0 ] || [ -z "$line" ]; then
      fail_later "cold: $s (process $((r + 1))) gave no answered create (see $OUT/cold-$s-$((r + 1)).log, $OUT/cold-client.log)"
    else
      COLD[$s,$r]=$line; COLD_ORDER[$s,$r]=$run; COLD_OTHER[$s,$r]=$(other_pct "$M0" "$M1")
      say "  $line"
    fi
  done
done
COLD_SECONDS=$(( $(date +%s) - COLD_START ))
cpu_mark MARK_WARM

# --- warm: the servers running, wrk until two windows agree, then the measured cell -----------------------------
WARM_START=$(date +%s)
wait_for_create() { # port deadline_s → succeeds once a create is answered
  local deadline=$(( $(date +%s) + $2 ))
  until curl -sf -X POST "http://$HOST:$1$URL_PATH" -H 'Content-Type: application/json' -H 'apim-accesstoken: bench' \
        --data-binary @"$BENCH_BODY" -o /dev/null 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.05
  done
}
declare -A PID_OF
WARM_SERVERS=()
for s in "${SERVERS[@]}"; do   # all at once: their start-up is not measured here
  server_cmd "$s" "$(warm_port "$s")"
  "${CMD[@]}" >"$OUT/warm-$s.log" 2>&1 &
  PID_OF[$s]=$!; PIDS+=("$!")
done
for s in "${SERVERS[@]}"; do
  if wait_for_create "$(warm_port "$s")" 60; then WARM_SERVERS+=("$s")
  else fail_later "warm: $s did not answer a create within 60 s (see $OUT/warm-$s.log)"; fi
done
OURS_ARGS=$(ps -o args= -p "${PID_OF[ours]}" 2>/dev/null || true)   # the launcher exec's java: its options

run_wrk() { # server connections seconds → one BENCH line
  wrk_create "$(warm_port "$1")" "$2" "$3"
}
declare -A WARM WARMUP
offset=0
for c in $LOADS; do
  position=0
  for s in $(rotated "$offset"); do
    position=$((position + 1))
    if [[ " ${WARM_SERVERS[*]} " != *" $s "* ]]; then continue; fi
    before=""; last=""; elapsed=0; stable=no; diff=n/a; windows=0
    while :; do
      before=$last; last=$(run_wrk "$s" "$c" "$WINDOW"); elapsed=$((elapsed + WINDOW)); windows=$((windows + 1))
      if [ -n "$before" ]; then diff=$(pct_diff "$(kv "$before" rps)" "$(kv "$last" rps)"); fi
      say "warm $c conns $s: window $windows ($elapsed s) $(int "$(kv "$last" rps)") req/s${before:+ ($diff % on the one before)}"
      if [ -n "$before" ] && within "$diff" "$STABLE_PCT"; then stable=yes; break; fi
      [ "$elapsed" -lt "$WARM_CAP" ] || break
    done
    cpu_mark M0
    cell=$(run_wrk "$s" "$c" "$CELL")
    cpu_mark M1
    WARM[$s,$c]=$cell
    WARMUP[$s,$c]="position=$position seconds=$elapsed windows=$windows before=$(kv "$before" rps) last=$(kv "$last" rps) diff=$diff stable=$stable drift=$(pct_diff "$(kv "$last" rps)" "$(kv "$cell" rps)") other=$(other_pct "$M0" "$M1")"
    say "warm $c conns $s: measured $(int "$(kv "$cell" rps)") req/s, p99 $(kv "$cell" p99_ms) ms (stable: $stable)"
    if [ "$(kv "$cell" requests)" = 0 ]; then fail_later "warm: $s answered nothing at $c connections"; fi
  done
  offset=$((offset + 1))
done
declare -A RSS RSS_IDLE
for s in "${WARM_SERVERS[@]}"; do RSS[$s]=$(ps -o rss= -p "${PID_OF[$s]}" 2>/dev/null | tr -d ' ' || true); done
say "resident memory: again after $IDLE s without load"
sleep "$IDLE"
for s in "${WARM_SERVERS[@]}"; do RSS_IDLE[$s]=$(ps -o rss= -p "${PID_OF[$s]}" 2>/dev/null | tr -d ' ' || true); done
JOBS_STORED=""
if [[ " ${WARM_SERVERS[*]} " == *" ours "* ]]; then
  JOBS_STORED=$(curl -s "http://$HOST:$(warm_port ours)/__admin/ota/state" | grep -o '"jobs":[0-9]*' | cut -d: -f2 || true)
fi
cleanup
WARM_SECONDS=$(( $(date +%s) - WARM_START ))
PROXY_SUMMARY=""
if [ -f "$PROXY_REPORT/drift-report.json" ]; then
  PROXY_SUMMARY=$(tr -d ' \n' <"$PROXY_REPORT/drift-report.json" | grep -o '"summary":{"exchanges":[0-9]*,"findings":[0-9]*,"observations":[0-9]*' | sed 's/"summary":{//; s/"//g; s/:/=/g; s/,/ /g' || true)
  DROPPED=$(tr -d ' \n' <"$PROXY_REPORT/drift-report.json" | grep -o '"dropped":[0-9]*' | head -1 | cut -d: -f2 || true)
  PROXY_SUMMARY="$PROXY_SUMMARY dropped=${DROPPED:-?}"
elif [[ " ${WARM_SERVERS[*]} " == *" proxied "* ]]; then
  fail_later "proxied: no drift report in $PROXY_REPORT after SIGTERM"
fi
cpu_mark MARK_JAVA

# --- in-process cold and memory (Java programs in the mock module's test classes) ------------------------------
CP="$ROOT/src/mock/target/test-classes:$JAR"
say "in-process cold: $INPROC_REPS starts in a warm JVM"
INPROC=$(java -cp "$CP" io.enoskit.ota.bench.InProcessColdBench "$INPROC_REPS" 2>"$OUT/inprocess.log" | tee "$OUT/inprocess.txt" || true)
INPROC_LINE=$(grep '^INPROC' <<<"$INPROC" || true)
[ -n "$INPROC_LINE" ] || fail_later "in-process cold benchmark failed (see $OUT/inprocess.log)"
say "memory: $JOBS jobs, $STREAM requests"
say "lifecycle: creates per second with and without $LIFE_ARGS running (jobs devices clients seconds)"
LIFECYCLE=$(java -cp "$CP" io.enoskit.ota.bench.LifecycleBench $LIFE_ARGS 2>"$OUT/lifecycle.log" | tee "$OUT/lifecycle.txt" || true)
grep -q 'ratio busy/idle' <<<"$LIFECYCLE" || fail_later "lifecycle benchmark failed (see $OUT/lifecycle.log)"
MEMORY=$(java -Xmx4g -cp "$CP" io.enoskit.ota.bench.MemoryBench "$JOBS" "$STREAM" 2>"$OUT/memory.log" | tee "$OUT/memory.txt" || true)
HEAP_LINE=$(grep '^heap per stored job' <<<"$MEMORY" || true)
STREAM_LINE=$(grep '^used heap' <<<"$MEMORY" || true)
[ -n "$HEAP_LINE" ] && [ -n "$STREAM_LINE" ] || fail_later "memory benchmark failed (see $OUT/memory.log)"
RUN_SECONDS=$(( $(date +%s) - RUN_START ))
cpu_mark MARK_END

# --- report ----------------------------------------------------------------------------------------------------
times() { # ratio or n/a → "R ×" or n/a
  if [ "$1" = n/a ]; then echo n/a; else echo "$1 ×"; fi
}
mib() { # KiB or nothing → "N MiB" or n/a
  if [ -n "$1" ]; then echo "$(($1 / 1024)) MiB"; else echo n/a; fi
}
verdict() { # condition-as-awk-expression → pass / miss / not measured
  if [[ "$1" == *n/a* ]]; then echo "not measured"; return; fi
  calc "exit !($1)" && echo "pass" || echo "miss"
}
cold_median() { # server key → median over the processes
  local r vals=()
  for ((r = 0; r < COLD_REPS; r++)); do [ -n "${COLD[$1,$r]:-}" ] && vals+=("$(kv "${COLD[$1,$r]}" "$2")"); done
  median "${vals[@]:-}"
}
cold_sum() { # server key → sum over the processes
  local r t=0
  for ((r = 0; r < COLD_REPS; r++)); do [ -n "${COLD[$1,$r]:-}" ] && t=$((t + $(kv "${COLD[$1,$r]}" "$2"))); done
  echo "$t"
}
report() {
  local s c r w u
  echo "# EnOS OTA mock benchmark: $MODE run"
  echo
  [ "$MODE" = smoke ] && { echo "**Smoke mode**: a few seconds of load on cold JITs, 1 s windows, $COLD_REQUESTS cold requests, small"; \
    echo "memory counts. It proves the harness; its figures are not the benchmark's."; echo; }
  echo "| | |"
  echo "|---|---|"
  echo "| date | $RUN_DATE (start) |"
  echo "| commit | $(git rev-parse --short HEAD 2>/dev/null || echo '?')$( [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] && echo ' (with uncommitted changes)') |"
  echo "| machine | $(nproc) cores (nproc), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr) |"
  echo "| load average before the run | $LOAD_BEFORE (1, 5, 15 min) |"
  echo "| load average after the run | $(cut -d' ' -f1-3 /proc/loadavg) |"
  echo "| java | $(java -version 2>&1 | paste -sd ';' | sed 's/;/; /g') |"
  echo "| tools | $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); Prism $([ -x "$PRISM" ] && "$PRISM" --version 2>/dev/null || echo 'not installed') on node $(node --version 2>/dev/null || echo '?'); WireMock standalone 3.13.2 |"
  echo "| servers | baseline = WireMock standalone, static stub (bench/baseline); ours = \`src/cli/target/enos-ota-kit mock\` (the launcher: $(launcher_settings)); ours-jar = \`java -jar src/cli/target/enos-ota-kit.jar mock\` (the JVM's defaults); prism = Prism mocking spec/ota-jobs.yaml |"
  [ ${#MISSING[@]} -gt 0 ] && echo "| left out | ${MISSING[*]} |"
  echo "| run time | $((RUN_SECONDS / 60)) min $((RUN_SECONDS % 60)) s (cold ${COLD_SECONDS} s, warm ${WARM_SECONDS} s) |"
  echo "| CPU used by other processes | cold: $(other_cpu "$MARK_COLD" "$MARK_WARM"); warm: $(other_cpu "$MARK_WARM" "$MARK_JAVA"); in-process and memory: $(other_cpu "$MARK_JAVA" "$MARK_END") |"
  echo
  local busiest
  busiest=$(printf '%s\n' "$(other_pct "$MARK_COLD" "$MARK_WARM")" "$(other_pct "$MARK_WARM" "$MARK_JAVA")" \
    "$(other_pct "$MARK_JAVA" "$MARK_END")" | sort -g | tail -1)
  if calc "exit !($busiest > 10)"; then
    echo "**Noisy run**: other processes used up to $busiest % of the machine during a phase; the ratios (servers"
    echo "measured in rotating order) are sturdier than the absolute figures, but compare with a quiet run."
    echo
  fi
  echo "Every request is Create OTA Job with the vendor page's sample. Ratios are to figures measured in this run;"
  echo "for req/s above 1 is better, for times and latencies below 1 is better."
  echo
  echo "## Warm"
  echo
  echo "wrk (2 threads, 1 at one connection, on the same cores), keep-alive. Per load, per server in rotating order:"
  echo "${WINDOW} s windows until two consecutive ones agree within ${STABLE_PCT} % in req/s (at most ${WARM_CAP} s), then"
  echo "one measured cell of ${CELL} s. ours stores every job it creates (${JOBS_STORED:-?} at the end of the warm loads)."
  echo
  echo "| conns | server | req/s | req/s ratio to baseline | p50 ms | p99 ms | p99 ratio to baseline | max ms | errors | not code 0 |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for c in $LOADS; do
    for s in "${SERVERS[@]}"; do
      w=${WARM[$s,$c]:-}; u=${WARM[baseline,$c]:-}
      if [ -z "$w" ]; then echo "| $c | $s | failed | | | | | | | |"; continue; fi
      echo "| $c | $s | $(int "$(kv "$w" rps)") | $(ratio "$(kv "$w" rps)" "$(kv "$u" rps)") | $(kv "$w" p50_ms) | $(kv "$w" p99_ms) | $(ratio "$(kv "$w" p99_ms)" "$(kv "$u" p99_ms)") | $(kv "$w" max_ms) | $(kv "$w" errors) | $(kv "$w" non_ok) |"
    done
  done
  echo
  echo "| conns | ours/baseline req/s | ours/prism req/s | ours p99 / baseline p99 |"
  echo "|---:|---:|---:|---:|"
  for c in $LOADS; do
    w=${WARM[ours,$c]:-}
    echo "| $c | $(ratio "$(kv "$w" rps)" "$(kv "${WARM[baseline,$c]:-}" rps)") | $(ratio "$(kv "$w" rps)" "$(kv "${WARM[prism,$c]:-}" rps)") | $(ratio "$(kv "$w" p99_ms)" "$(kv "${WARM[baseline,$c]:-}" p99_ms)") |"
  done
  echo
  echo "Warm-up, the stability evidence: the last two windows before the measured cell and their difference (on the"
  echo "earlier one); \"cell vs last window\" is the measured cell's req/s against the last window's."
  echo
  echo "| conns | server | order | warm-up | last two windows, req/s | difference | stable (≤ ${STABLE_PCT} %) | cell vs last window | other processes' CPU during the cell |"
  echo "|---:|---|---:|---:|---:|---:|---|---:|---:|"
  for c in $LOADS; do
    for s in "${SERVERS[@]}"; do
      w=${WARMUP[$s,$c]:-}
      [ -n "$w" ] || { echo "| $c | $s | | failed | | | | | |"; continue; }
      echo "| $c | $s | $(kv "$w" position) | $(kv "$w" seconds) s ($(kv "$w" windows) × ${WINDOW} s) | $(int "$(kv "$w" before)") → $(int "$(kv "$w" last)") | $(kv "$w" diff) % | $( [ "$(kv "$w" stable)" = yes ] && echo yes || echo "NO: cap of ${WARM_CAP} s reached") | $(kv "$w" drift) % | $(kv "$w" other) % |"
    done
  done
  echo
  echo "## What the validating proxy adds"
  echo
  echo "proxied = \`src/cli/target/enos-ota-kit proxy --target <ours>\` in front of the warm ours, both"
  echo "on this machine (three JVMs and wrk on the same cores: the proxy's forwarding and its checking thread take"
  echo "CPU from the mock it forwards to). Same loads, same rotation, measured in this run."
  echo
  echo "| conns | ours req/s | proxied req/s | proxied / ours req/s | ours p50 ms | proxied p50 ms | p50 added ms | ours p99 ms | proxied p99 ms | p99 added ms |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for c in $LOADS; do
    w=${WARM[ours,$c]:-}; u=${WARM[proxied,$c]:-}
    [ -n "$w" ] && [ -n "$u" ] || { echo "| $c | | | failed | | | | | | |"; continue; }
    echo "| $c | $(int "$(kv "$w" rps)") | $(int "$(kv "$u" rps)") | $(ratio "$(kv "$u" rps)" "$(kv "$w" rps)") | $(kv "$w" p50_ms) | $(kv "$u" p50_ms) | $(calc "printf \"%.2f\", $(kv "$u" p50_ms) - $(kv "$w" p50_ms)") | $(kv "$w" p99_ms) | $(kv "$u" p99_ms) | $(calc "printf \"%.2f\", $(kv "$u" p99_ms) - $(kv "$w" p99_ms)") |"
  done
  echo
  echo "The proxy's drift report of those loads (written on SIGTERM): $(or_na "$PROXY_SUMMARY") (dropped ="
  echo "exchanges forwarded but left unchecked because the checks fell behind; findings should be 0 on ours)."
  echo
  echo "## Cold"
  echo
  echo "Per server, in rotating order, $COLD_REPS fresh process(es): bench/ColdClient.java (its HTTP client warmed on a"
  echo "stub of its own first) starts the process, measures ms from just before the start to the first answered"
  echo "create (HTTP 200 with code 0; for the baseline any 200), then sends $COLD_REQUESTS creates one after the other"
  echo "on one keep-alive HTTP/1.1 connection, as a test suite does. ours is the launcher ($(launcher_settings));"
  echo "ours-jar the jar on the JVM's defaults; ours-cds the jar with the class-data sharing archive the build writes"
  echo "(\`-XX:SharedArchiveFile=src/cli/target/enos-ota-kit.jsa\`), ours-aot with the ahead-of-time cache it writes on"
  echo "JDK 25 or newer (\`-XX:AOTCache=src/cli/target/enos-ota-kit.aot\`), both on the JVM's other defaults. Medians over"
  echo "the processes:"
  echo
  echo "| server | first answered create ms | ratio to baseline | p50 ms | p90 ms | p99 ms | p99 ratio to baseline | max ms | errors | not answered |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for s in "${COLD_SERVERS[@]}"; do
    echo "| $s | $(or_na "$(cold_median "$s" ready_ms)") | $(ratio "$(cold_median "$s" ready_ms)" "$(cold_median baseline ready_ms)") | $(or_na "$(cold_median "$s" p50_ms)") | $(or_na "$(cold_median "$s" p90_ms)") | $(or_na "$(cold_median "$s" p99_ms)") | $(ratio "$(cold_median "$s" p99_ms)" "$(cold_median baseline p99_ms)") | $(or_na "$(cold_median "$s" max_ms)") | $(cold_sum "$s" errors) | $(cold_sum "$s" non_ok) |"
  done
  echo
  echo "Every process, in the order run:"
  echo
  echo "| # | server | first answered create ms | attempts | p50 ms | p90 ms | p99 ms | max ms | errors | not answered | other processes' CPU |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for ((r = 0; r < COLD_REPS; r++)); do
    for s in $(rotated_cold "$r"); do
      w=${COLD[$s,$r]:-}
      [ -n "$w" ] || { echo "| | $s | failed | | | | | | | | |"; continue; }
      echo "| ${COLD_ORDER[$s,$r]} | $s | $(kv "$w" ready_ms) | $(kv "$w" attempts) | $(kv "$w" p50_ms) | $(kv "$w" p90_ms) | $(kv "$w" p99_ms) | $(kv "$w" max_ms) | $(kv "$w" errors) | $(kv "$w" non_ok) | ${COLD_OTHER[$s,$r]} % |"
    done
  done
  echo
  echo "## The API while jobs run (LifecycleBench, in-process, java.net.http clients)"
  echo
  echo '```'
  echo "$LIFECYCLE"
  echo '```'
  echo
  echo "## In-process cold (ours in a warm JVM)"
  echo
  echo "InProcessColdBench: one JVM starts a mock, sends it 100 creates and stops it, then $INPROC_REPS times measures"
  echo "from \`OtaMockServer.start(MockOptions.mockOptions().dynamicPort())\` to the first create answered with code 0."
  echo
  echo "| figure | ms |"
  echo "|---|---:|"
  echo "| first answered create, median of $INPROC_REPS starts in the warm JVM | $(or_na "$(kv "$INPROC_LINE" first_create_median_ms)") |"
  echo "| each start | $(or_na "$(kv "$INPROC_LINE" first_create_ms | sed 's/,/, /g')") |"
  echo "| of which \`start()\` returning, median | $(or_na "$(kv "$INPROC_LINE" start_median_ms)") |"
  echo "| for comparison: the first start in the (then cold) JVM, to its first answered create | $(or_na "$(kv "$INPROC_LINE" cold_jvm_first_create_ms)") |"
  echo
  echo "## Memory"
  echo
  echo "| figure | value |"
  echo "|---|---|"
  echo "| heap per stored job (MemoryBench: $JOBS jobs, used heap after GC) | $(or_na "$(sed -n 's/^heap per stored job: //p' <<<"$HEAP_LINE")") |"
  echo "| used heap after GC under $STREAM requests that store nothing (MiB, five points) | $(or_na "$(sed -n 's/^.*nothing: //p' <<<"$STREAM_LINE")") |"
  for s in "${SERVERS[@]}"; do
    echo "| resident memory of $s right after the warm loads / after $IDLE s without load | $(mib "${RSS[$s]:-}") / $(mib "${RSS_IDLE[$s]:-}") |"
  done
  echo
  echo "## Targets"
  echo
  local w16=${WARM[ours,16]:-} b16=${WARM[baseline,16]:-} p16=${WARM[prism,16]:-}
  local w1=${WARM[ours,1]:-} b1=${WARM[baseline,1]:-}
  local rb rp p99r16 p99r1 cached cold_ratio cold_cached cold_plain inproc cp99r heap flat rss_now rss_idle stable_cells=0 cells=0 bad=0
  rb=$(ratio "$(kv "$w16" rps)" "$(kv "$b16" rps)"); rp=$(ratio "$(kv "$w16" rps)" "$(kv "$p16" rps)")
  p99r16=$(ratio "$(kv "$w16" p99_ms)" "$(kv "$b16" p99_ms)"); p99r1=$(ratio "$(kv "$w1" p99_ms)" "$(kv "$b1" p99_ms)")
  # the README's command (the launcher, which starts the jar with the cache the build wrote), and the jar with it
  cached=ours-cds; [[ " ${COLD_SERVERS[*]} " == *" ours-aot "* ]] && cached=ours-aot
  cold_ratio=$(ratio "$(cold_median ours ready_ms)" "$(cold_median baseline ready_ms)")
  cold_cached=$(ratio "$(cold_median "$cached" ready_ms)" "$(cold_median baseline ready_ms)")
  cold_plain=$(ratio "$(cold_median ours-jar ready_ms)" "$(cold_median baseline ready_ms)")
  cp99r=$(ratio "$(cold_median ours p99_ms)" "$(cold_median baseline p99_ms)")
  inproc=$(or_na "$(kv "$INPROC_LINE" first_create_median_ms)")
  rss_now=$(ratio "${RSS[ours]:-}" "${RSS[baseline]:-}"); rss_idle=$(ratio "${RSS_IDLE[ours]:-}" "${RSS_IDLE[baseline]:-}")
  heap=$(or_na "$(sed -n 's/^heap per stored job: \([0-9]*\) bytes.*/\1/p' <<<"$HEAP_LINE")")
  flat=$(sed -n 's/^.*nothing: //p' <<<"$STREAM_LINE" | tr -d '→' | awk '{ mn = $1; mx = $1; for (i = 2; i <= NF; i++) { if ($i < mn) mn = $i; if ($i > mx) mx = $i } if (NF > 0 && mn > 0) printf "%.1f", (mx - mn) * 100 / mn; else printf "n/a" }')
  for c in $LOADS; do
    for s in "${SERVERS[@]}"; do
      [ -n "${WARMUP[$s,$c]:-}" ] || continue
      cells=$((cells + 1)); [ "$(kv "${WARMUP[$s,$c]}" stable)" = yes ] && stable_cells=$((stable_cells + 1))
    done
    w=${WARM[ours,$c]:-}; [ -n "$w" ] && bad=$((bad + $(kv "$w" errors) + $(kv "$w" non_ok)))
  done
  bad=$((bad + $(cold_sum ours errors) + $(cold_sum ours non_ok)))
  echo "Ratios of ours to the baseline (or Prism) measured in this run, as the performance issue states them."
  echo
  echo "| target (issue) | measured | result |"
  echo "|---|---:|---|"
  echo "| warm, 16 conns: ours ≥ 0.6 × baseline req/s | $(times "$rb") | $(verdict "$rb >= 0.6") |"
  echo "| warm, 16 conns: ours ≥ 4 × Prism req/s | $(times "$rp") | $(verdict "$rp >= 4") |"
  echo "| warm, 16 conns: ours p99 ≤ 2 × baseline's | $(times "$p99r16") | $(verdict "$p99r16 <= 2") |"
  echo "| warm, 1 conn: ours p99 ≤ 3 × baseline's | $(times "$p99r1") | $(verdict "$p99r1 <= 3") |"
  echo "| cold: first answered create ≤ 1.1 × baseline's, with the cache the build writes (ours, the launcher; $cached: $(times "$cold_cached"); ours-jar: $(times "$cold_plain")) | $(times "$cold_ratio") | $(verdict "$cold_ratio <= 1.1") |"
  echo "| cold: p99 of the first $COLD_REQUESTS sequential creates ≤ 1.5 × baseline's (ours, the launcher) | $(times "$cp99r") | $(verdict "$cp99r <= 1.5") |"
  echo "| resident memory ≤ 1.5 × baseline's, right after the warm loads | $(times "$rss_now") | $(verdict "$rss_now <= 1.5") |"
  echo "| resident memory ≤ 1.5 × baseline's, after $IDLE s without load | $(times "$rss_idle") | $(verdict "$rss_idle <= 1.5") |"
  echo "| memory per stored job ≤ 1 KiB (1024 bytes) | $heap bytes | $(verdict "$heap <= 1024") |"
  echo "| (earlier issue) cold, in-process in a warm JVM: first answered create ≤ 0.5 s (median of $INPROC_REPS) | $inproc ms | $(verdict "$inproc <= 500") |"
  echo "| (earlier issue) zero errors, every answer code 0: ours, warm cells and cold requests | $bad | $(verdict "$bad == 0") |"
  echo "| (earlier issue) heap flat under a request stream: spread of the five points | $flat % | $(verdict "$flat <= 10") |"
  echo "| (method) warm-up stable: last two windows within ${STABLE_PCT} % | $stable_cells of $cells cells | $(verdict "$stable_cells == $cells") |"
  if [ "$MODE" = smoke ]; then echo; echo "Smoke mode: the results above are of seconds of load on cold JITs, not the benchmark's."; fi
  if [ ${#FAILURES[@]} -gt 0 ]; then
    echo; echo "## Failures"; echo
    for w in "${FAILURES[@]}"; do echo "- $w"; done
  fi
}
report | tee "$OUT/report.txt"
cp "$OUT/report.txt" "$OUT/report-$MODE.txt"
say "report: $OUT/report.txt (and report-$MODE.txt), $RUN_SECONDS s"
[ ${#FAILURES[@]} -eq 0 ] || exit 1
