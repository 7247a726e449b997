# Helpers shared by bench/run.sh and bench/ab.sh (sourced, not run). The caller sets ROOT, HOST and URL_PATH and
# exports BENCH_BODY (the request body bench/create.lua posts).

# "key=value ..." line and key → the value, or nothing
kv() { local f; for f in $1; do [ "${f%%=*}" = "$2" ] && { echo "${f#*=}"; return; }; done; echo ""; }

# numbers as arguments → their median (nothing for none)
median() {
  printf '%s\n' "$@" | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# port connections seconds → one BENCH line of wrk posting Create OTA Job (bench/create.lua) with keep-alive
wrk_create() {
  local threads=2; [ "$2" -lt 2 ] && threads=1
  wrk -t"$threads" -c"$2" -d"$3"s --latency -s "$ROOT/bench/create.lua" "http://$HOST:$1$URL_PATH" 2>&1 \
    | grep '^BENCH' || echo "BENCH requests=0 errors=1 non_ok=0 rps=0 p50_ms=0 p99_ms=0 max_ms=0"
}
