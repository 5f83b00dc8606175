#!/usr/bin/env bash
# Requests per second of Sésame's unary gRPC layer against a bare Kestrel h2c endpoint that echoes a framed message
# (bench/BareEcho: the transport's limit on this machine), measured with h2load in one run with identical parameters.
# Writes bench/grpc-report.md.
#   bench/grpc.sh   env: BENCH_REQUESTS (50000 per run), BENCH_CLIENTS (4), BENCH_STREAMS (32),
#                        BENCH_WARMUP_SECONDS (5 per target: Kestrel takes a few seconds of load to reach its pace),
#                        BENCH_ROUNDS (3: the targets are measured in turn, round after round; the median counts)
set -euo pipefail

# The cheap authenticated RPC: one tenant's sign-in rules, no account read.
CHEAP_PATH=/sesame.v1.Portal/DescribeTenant
CHEAP_BODY='\x00\x00\x00\x00\x0a\x0a\x08assu2000' # gRPC frame (uncompressed, 10 bytes) of field 1 (string) = "assu2000"
CHEAP_KEY=demo-assu2000-portal-key
CHEAP_HEADERS=(-H "authorization: Bearer $CHEAP_KEY")
# Each credential has a token bucket (default 1,000 calls/s, burst 2,000) and calls over it get RESOURCE_EXHAUSTED,
# which would measure the rejection path. So the bench configures the same key as its own portal credential, at the
# highest rate the settings allow; the bucket is still checked on every call. If Sésame refuses these settings, it is
# started without them and the cheap row will show how many replies were errors.
SESAME_BENCH_ARGS=(
    --Sesame:Portals:bench-assu2000:Tenant=assu2000
    "--Sesame:Portals:bench-assu2000:KeyHash=$(printf %s "$CHEAP_KEY" | sha256sum | cut -d' ' -f1)"
    --Sesame:Portals:bench-assu2000:RateLimit:PermitsPerSecond=1000000
    --Sesame:Portals:bench-assu2000:RateLimit:Burst=10000000
)

HEALTH_PATH=/grpc.health.v1.Health/Check
EMPTY_BODY='\x00\x00\x00\x00\x00' # gRPC frame of an empty message
BARE_PATH=/bench.Echo/Echo         # BareEcho answers any path

REQUESTS=${BENCH_REQUESTS:-50000}
CLIENTS=${BENCH_CLIENTS:-4}
STREAMS=${BENCH_STREAMS:-32}
WARMUP=${BENCH_WARMUP_SECONDS:-5}
ROUNDS=${BENCH_ROUNDS:-3}
START_TIMEOUT=${BENCH_START_TIMEOUT:-60}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPORT="$ROOT/bench/grpc-report.md"
SILO_DIR="$ROOT/Silo/bin/Release/net10.0"
BARE_DLL="$ROOT/bench/BareEcho/bin/Release/net10.0/Sesame.BareEcho.dll"
GRPC_HEADERS=(-H 'content-type: application/grpc' -H 'te: trailers')

WORK=$(mktemp -d)
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

log() { printf '[grpc.sh] %s\n' "$*" >&2; }

if ! command -v h2load >/dev/null; then
    log "h2load missing: installing nghttp2-client"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nghttp2-client >/dev/null
fi

log "building Silo and BareEcho (Release)"
dotnet build "$ROOT/Silo" -c Release -nologo -v q
dotnet build "$ROOT/bench/BareEcho" -c Release -nologo -v q

printf %b "$EMPTY_BODY" >"$WORK/empty.bin"
printf %b "$CHEAP_BODY" >"$WORK/cheap.bin"

# CPU busy on the machine over one second before the servers start (other work skews the numbers).
cpu_busy() {
    local a b
    read -ra a < <(grep '^cpu ' /proc/stat); sleep 1; read -ra b < <(grep '^cpu ' /proc/stat)
    awk -v u=$((b[1] + b[2] + b[3] + b[6] + b[7] + b[8] - a[1] - a[2] - a[3] - a[6] - a[7] - a[8])) \
        -v i=$((b[4] + b[5] - a[4] - a[5])) 'BEGIN { printf "%.0f%%", (u + i > 0 ? 100 * u / (u + i) : 0) }'
}
BUSY_BEFORE=$(cpu_busy)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
    local port
    for port in $(seq "$1" $(($1 + 200))); do
        if ! port_in_use "$port"; then echo "$port"; return; fi
    done
    log "no free port from $1"
    return 1
}

# wait_ready NAME PID PORT LOG [PATTERN]: until PATTERN appears in LOG (or, without one, PORT accepts connections).
wait_ready() {
    local name=$1 pid=$2 port=$3 logfile=$4 pattern=${5:-} waited=0
    while true; do
        if [[ -n $pattern ]] && grep -qF "$pattern" "$logfile"; then return; fi
        if [[ -z $pattern ]] && port_in_use "$port"; then return; fi
        if ! kill -0 "$pid" 2>/dev/null; then
            log "$name exited before it was ready:"; tail -n 30 "$logfile" >&2; return 1
        fi
        if ((waited >= START_TIMEOUT * 10)); then
            log "$name not ready after ${START_TIMEOUT}s:"; tail -n 30 "$logfile" >&2; return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
}

SESAME_PORT=$(free_port 7170)
# --contentRoot: the shipped appsettings.json (Microsoft.AspNetCore at Warning), as with `dotnet run --project Silo`.
# Run from the repo root without it, no appsettings.json is found and every request is logged twice at Information.
SESAME_CMD=(dotnet "$SILO_DIR/Sesame.Silo.dll" "--Sesame:Endpoint:Port=$SESAME_PORT" --contentRoot "$SILO_DIR")
start_sesame() {
    log "starting Sésame on 127.0.0.1:$SESAME_PORT"
    "${SESAME_CMD[@]}" "$@" >"$WORK/sesame.log" 2>&1 &
    PIDS+=($!)
    wait_ready Sésame "${PIDS[-1]}" "$SESAME_PORT" "$WORK/sesame.log" "Now listening on: http://127.0.0.1:$SESAME_PORT"
}
BENCH_ARGS_NOTE="the cheap RPC's key is configured as its own portal credential: $(printf '%s ' "${SESAME_BENCH_ARGS[@]}")"
if start_sesame "${SESAME_BENCH_ARGS[@]}"; then
    SESAME_CMD+=("${SESAME_BENCH_ARGS[@]}")
else
    log "Sésame refused the bench credential settings; starting it without them (demo credentials, default rate limit)"
    BENCH_ARGS_NOTE="Sésame refused the bench credential settings, so it ran with its demo credentials and default rate limit"
    kill "${PIDS[-1]}" 2>/dev/null || true
    start_sesame
fi

BARE_PORT=$(free_port $((SESAME_PORT + 10)))
log "starting BareEcho on 127.0.0.1:$BARE_PORT"
dotnet "$BARE_DLL" --port "$BARE_PORT" >"$WORK/bare.log" 2>&1 &
PIDS+=($!)
wait_ready BareEcho "${PIDS[-1]}" "$BARE_PORT" "$WORK/bare.log"

# check_call URL BODYFILE [HEADERS...]: one call; prints "ok BODYBYTES" when it answered HTTP 200 + grpc-status 0,
# otherwise "fail REASON". With curl, grpc-status is read from the response (trailers, or headers when trailers-only);
# without it, h2load -n 1 must succeed with a non-empty body (Sésame's error replies are trailers-only, no DATA).
check_call() {
    local url=$1 body=$2 out
    shift 2
    if command -v curl >/dev/null; then
        if ! out=$(curl -sS -v --http2-prior-knowledge --max-time 10 -o "$WORK/reply.bin" "${GRPC_HEADERS[@]}" "$@" \
            --data-binary "@$body" "$url" 2>&1); then
            echo "fail curl: $(grep -m1 '^curl:' <<<"$out" || echo 'call failed')"; return
        fi
        local http grpc message
        http=$(sed -n 's/^< HTTP\/2 \([0-9]*\).*/\1/p' <<<"$out" | tail -n 1)
        grpc=$(sed -n 's/^< grpc-status: *\([0-9]*\).*/\1/p' <<<"$out" | tail -n 1)
        message=$(sed -n 's/^< grpc-message: *//p' <<<"$out" | tail -n 1 | tr -d '\r')
        if [[ $http == 200 && $grpc == 0 ]]; then
            echo "ok $(stat -c %s "$WORK/reply.bin")"
        else
            echo "fail HTTP ${http:-none}, grpc-status ${grpc:-none}${message:+ ($message)}"
        fi
    else
        out=$(h2load -n 1 -c 1 -m 1 -d "$body" "${GRPC_HEADERS[@]}" "$@" "$url" 2>&1 || true)
        local ok bytes
        ok=$(sed -n 's/^requests: .* \([0-9]*\) succeeded,.*/\1/p' <<<"$out")
        bytes=$(sed -n 's/^traffic: .*, [^,]* (\([0-9]*\)) data$/\1/p' <<<"$out")
        if [[ $ok == 1 && ${bytes:-0} -gt 0 ]]; then echo "ok $bytes"; else echo "fail no 2xx reply with a message (h2load -n 1)"; fi
    fi
}

HEALTH_URL="http://127.0.0.1:$SESAME_PORT$HEALTH_PATH"
CHEAP_URL="http://127.0.0.1:$SESAME_PORT$CHEAP_PATH"
BARE_URL="http://127.0.0.1:$BARE_PORT$BARE_PATH"
declare -A URL=([Health]=$HEALTH_URL [CheapRpc]=$CHEAP_URL [Bare]=$BARE_URL)
declare -A BODY=([Health]=$WORK/empty.bin [CheapRpc]=$WORK/cheap.bin [Bare]=$WORK/empty.bin)
declare -A CHECK DETAIL
TARGETS=()
for name in Health CheapRpc Bare; do
    extra=()
    if [[ $name == CheapRpc ]]; then extra=("${CHEAP_HEADERS[@]}"); fi
    read -r "CHECK[$name]" "DETAIL[$name]" <<<"$(check_call "${URL[$name]}" "${BODY[$name]}" "${extra[@]}")"
    if [[ ${CHECK[$name]} == ok ]]; then
        TARGETS+=("$name")
    elif [[ $name == CheapRpc ]]; then
        log "$CHEAP_PATH is not available (${DETAIL[$name]}): measuring the two others only"
    else
        log "$name is not OK: ${DETAIL[$name]}"; exit 1
    fi
done

H2LOAD_ARGS=(-c "$CLIENTS" -m "$STREAMS" "${GRPC_HEADERS[@]}")
h2() { # h2 NAME -n COUNT | -D SECONDS: one h2load run against target NAME
    local extra=()
    if [[ $1 == CheapRpc ]]; then extra=("${CHEAP_HEADERS[@]}"); fi
    h2load "$2" "$3" "${H2LOAD_ARGS[@]}" -d "${BODY[$1]}" "${extra[@]}" "${URL[$1]}"
}

declare -A RPS OK FAILED BYTES
for name in "${TARGETS[@]}"; do
    log "$name: warm-up (${WARMUP}s)"
    h2 "$name" -D "$WARMUP" >/dev/null
    RPS[$name]=""; OK[$name]=0; FAILED[$name]=0; BYTES[$name]=0
done
for round in $(seq "$ROUNDS"); do
    for name in "${TARGETS[@]}"; do
        out=$(h2 "$name" -n "$REQUESTS")
        rps=$(sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' <<<"$out")
        read -r ok failed < <(sed -n 's/^requests: .* \([0-9]*\) succeeded, \([0-9]*\) failed.*/\1 \2/p' <<<"$out") || true
        bytes=$(sed -n 's/^traffic: .*, [^,]* (\([0-9]*\)) data$/\1/p' <<<"$out")
        if [[ -z $rps || -z $ok || -z $bytes ]]; then
            log "$name: cannot parse h2load output:"; printf '%s\n' "$out" >&2; exit 1
        fi
        RPS[$name]+="${RPS[$name]:+ }$rps"
        OK[$name]=$((OK[$name] + ok)); FAILED[$name]=$((FAILED[$name] + failed)); BYTES[$name]=$((BYTES[$name] + bytes))
        log "round $round/$ROUNDS $name: $rps req/s, $ok succeeded, $failed failed"
    done
done
BUSY_AFTER=$(cpu_busy)

# ---- report ----
median() { tr ' ' '\n' <<<"$1" | sort -g | awk '{ v[NR] = $1 } END { printf "%.0f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
# Replies that carried the message: DATA bytes / the checked call's reply size. A gRPC error is HTTP 200 too, so
# h2load counts it as succeeded, but it is trailers-only and has no DATA.
with_message() { awk -v b="${BYTES[$1]}" -v s="${DETAIL[$1]}" 'BEGIN { printf "%d", b / s }'; }
valid() { [[ $(with_message "$1") == "${OK[$1]}" && ${FAILED[$1]} == 0 ]]; }
percent() { awk -v a="$1" -v b="$(median "${RPS[Bare]}")" 'BEGIN { printf "%.1f", 100 * a / b }'; }
ratio_line() { # ratio_line NAME LABEL
    if [[ ${CHECK[$1]} != ok ]]; then echo "- $2: not available ($CHEAP_PATH answered: ${DETAIL[$1]})"; return; fi
    local pct verdict
    pct=$(percent "$(median "${RPS[$1]}")")
    if ! valid "$1"; then verdict="not valid: not every reply carried the message"
    elif awk -v p="$pct" 'BEGIN { exit !(p >= 50) }'; then verdict="target met"
    else verdict="target NOT met"; fi
    echo "- $2: **$pct%** ($verdict)"
}
row() { # row NAME PATH
    if [[ ${CHECK[$1]} != ok ]]; then echo "| $1 | \`$2\` | not available | - | - | - | ${DETAIL[$1]} |"; return; fi
    local msg
    msg="$(with_message "$1") of ${OK[$1]} (${DETAIL[$1]} B each)"
    valid "$1" || msg="**$msg**"
    echo "| $1 | \`$2\` | $(median "${RPS[$1]}") | ${RPS[$1]// / · } | ${OK[$1]} | ${FAILED[$1]} | $msg |"
}
quote() { local out="" a; for a in "$@"; do out+="${out:+ }$(printf '%q' "$a")"; done; echo "$out"; }
H2_COMMON="h2load -n $REQUESTS -c $CLIENTS -m $STREAMS $(quote "${GRPC_HEADERS[@]}")"
CPU_MODEL=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)

{
    echo "# Sésame unary gRPC vs bare Kestrel h2c echo"
    echo
    echo "Written by \`bench/grpc.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC')."
    echo
    echo "**Target: Sésame's unary gRPC layer at least 50% of the bare endpoint's requests per second** (Health/Bare and"
    echo "CheapRpc/Bare, on the median of the rounds)."
    echo
    echo "## Machine"
    echo
    echo "- nproc: $(nproc)"
    echo "- CPU: ${CPU_MODEL:-unknown}"
    echo "- dotnet: $(dotnet --version)"
    echo "- h2load: $(h2load --version | head -n 1)"
    echo "- h2load, Sésame and BareEcho share these cores and all traffic is on 127.0.0.1: the bare figure is this"
    echo "  machine's limit with its load generator, not Kestrel's alone."
    echo "- Other load: CPU $BUSY_BEFORE busy in the second before the servers started, $BUSY_AFTER in the second after"
    echo "  the last run; load average $LOAD_BEFORE before. Anything well above 0% skews the numbers."
    echo
    echo "## Command"
    echo
    echo '```sh'
    echo "BENCH_REQUESTS=$REQUESTS BENCH_CLIENTS=$CLIENTS BENCH_STREAMS=$STREAMS BENCH_WARMUP_SECONDS=$WARMUP BENCH_ROUNDS=$ROUNDS bench/grpc.sh"
    echo "# servers"
    quote "${SESAME_CMD[@]}" | sed "s|$ROOT/||g"
    echo "dotnet bench/BareEcho/bin/Release/net10.0/Sesame.BareEcho.dll --port $BARE_PORT"
    echo "# per target: one warm-up run, the same with -D $WARMUP instead of -n; then $ROUNDS rounds, each running these in turn:"
    echo "$H2_COMMON -d empty.bin $HEALTH_URL"
    echo "$H2_COMMON -d cheap.bin $(quote "${CHEAP_HEADERS[@]}") $CHEAP_URL"
    echo "$H2_COMMON -d empty.bin $BARE_URL"
    echo '```'
    echo
    echo "Bodies: empty.bin = \`$(od -An -tx1 "$WORK/empty.bin" | xargs)\` (an empty message); cheap.bin = \`$(od -An -tx1 "$WORK/cheap.bin" | xargs)\`."
    echo "Sésame: $BENCH_ARGS_NOTE."
    echo
    echo "## Results"
    echo
    echo "| target | path | req/s (median) | req/s per round | succeeded | failed | replies with the message |"
    echo "|---|---|---|---|---|---|---|"
    row Health "$HEALTH_PATH"
    row CheapRpc "$CHEAP_PATH"
    row Bare "(any path: BareEcho)"
    echo
    echo "succeeded, failed and replies are summed over the $ROUNDS rounds (of $REQUESTS requests each)."
    echo
    echo "## Ratios (target: at least 50% of the bare endpoint)"
    echo
    ratio_line Health Health/Bare
    ratio_line CheapRpc CheapRpc/Bare
    echo
    echo "## How the replies were checked"
    echo
    echo "h2load counts every HTTP 2xx reply as succeeded, and a gRPC error is HTTP 200 too (its grpc-status comes in a"
    echo "trailers-only reply, without a message). So before a target is measured, one call is made with"
    if command -v curl >/dev/null; then
        echo "\`curl --http2-prior-knowledge\` and its grpc-status read (from the trailers, or the headers if trailers-only):"
    else
        echo "\`h2load -n 1\` (curl is missing), which must get a 2xx reply with a message:"
    fi
    echo "a target that does not answer HTTP 200 + grpc-status 0 is not measured. For the measured runs, the DATA bytes"
    echo "h2load received, divided by that call's reply size, count the replies that carried the message; a row is valid"
    echo "only if that equals the succeeded count. The grpc-status of each loaded reply is not read one by one."
} >"$REPORT"

log "report written to $REPORT"
cat "$REPORT"
