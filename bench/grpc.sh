#!/usr/bin/env bash
# Requests per second of Sésame's unary gRPC layer, measured in ONE run with identical h2load parameters on five
# targets, round after round:
#   - Health/Check and Portal/DescribeTenant on the working tree's Silo (the layer under test);
#   - the same two on a BASELINE Silo built from a git revision in a temporary worktree (by default the last commit
#     that still has the hand-made layer, Grpc/Server/GrpcDispatcher.cs), so both layers share the run's conditions;
#   - a bare Kestrel h2c endpoint that echoes a framed message (bench/BareEcho: the transport's limit on this machine).
# Ratios to the bare endpoint are computed per round, then their median and spread are reported.
# Writes bench/grpc-report.md.
#   bench/grpc.sh   env: BENCH_REQUESTS (150000 per run), BENCH_CLIENTS (4), BENCH_STREAMS (32),
#                        BENCH_WARMUP_SECONDS (5 per target: Kestrel takes a few seconds of load to reach its pace),
#                        BENCH_ROUNDS (5: the targets are measured in turn, round after round; the median counts),
#                        BENCH_BASELINE_REV (a git revision; default: the last commit with Grpc/Server/GrpcDispatcher.cs;
#                                            `none` measures no baseline),
#                        BENCH_START_TIMEOUT (60 seconds for a server to listen)
set -euo pipefail

# The cheap authenticated RPC: one tenant's sign-in rules, no account read.
CHEAP_PATH=/sesame.v1.Portal/DescribeTenant
CHEAP_BODY='\x00\x00\x00\x00\x0a\x0a\x08assu2000' # gRPC frame (uncompressed, 10 bytes) of field 1 (string) = "assu2000"
CHEAP_KEY=demo-assu2000-portal-key
CHEAP_HEADERS=(-H "authorization: Bearer $CHEAP_KEY")
# Each credential has a token bucket (default 1,000 calls/s, burst 2,000) and calls over it get RESOURCE_EXHAUSTED,
# which would measure the rejection path. So the bench configures the same key as its own portal credential, at the
# highest rate the settings allow; the bucket is still checked on every call. Both Silos get the same settings. If a
# Silo refuses them, it is started without them and its DescribeTenant row shows how many replies were errors.
SESAME_BENCH_ARGS=(
    --Sesame:Portals:bench-assu2000:Tenant=assu2000
    "--Sesame:Portals:bench-assu2000:KeyHash=$(printf %s "$CHEAP_KEY" | sha256sum | cut -d' ' -f1)"
    --Sesame:Portals:bench-assu2000:RateLimit:PermitsPerSecond=1000000
    --Sesame:Portals:bench-assu2000:RateLimit:Burst=10000000
)

HEALTH_PATH=/grpc.health.v1.Health/Check
EMPTY_BODY='\x00\x00\x00\x00\x00' # gRPC frame of an empty message
BARE_PATH=/bench.Echo/Echo         # BareEcho answers any path
# The hand-made layer's dispatcher: the default baseline is the last commit that still has it.
OLD_LAYER_FILE=Grpc/Server/GrpcDispatcher.cs

REQUESTS=${BENCH_REQUESTS:-150000}
CLIENTS=${BENCH_CLIENTS:-4}
STREAMS=${BENCH_STREAMS:-32}
WARMUP=${BENCH_WARMUP_SECONDS:-5}
ROUNDS=${BENCH_ROUNDS:-5}
START_TIMEOUT=${BENCH_START_TIMEOUT:-60}
BUSY_WARNING=25 # % of CPU busy by other work, before or after, over which the report says it is not a final measurement
BASELINE_REV_ARG=${BENCH_BASELINE_REV:-}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPORT="$ROOT/bench/grpc-report.md"
BARE_DLL="$ROOT/bench/BareEcho/bin/Release/net10.0/Sesame.BareEcho.dll"
GRPC_HEADERS=(-H 'content-type: application/grpc' -H 'te: trailers')

WORK=$(mktemp -d)
PIDS=()
BENCH_NAME=grpc.sh
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    remove_baseline
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

BASE_REV=$(resolve_baseline "$OLD_LAYER_FILE" "the hand-made layer")
WT_REV=$(working_tree_rev)
if [[ -n $BASE_REV ]]; then
    BASE_DESC=$(git -C "$ROOT" log -1 --format='%h %s' "$BASE_REV")
    log "baseline: $BASE_DESC"
else
    log "baseline: none (BENCH_BASELINE_REV=none)"
fi
log "working tree: $WT_REV"

# ---- tools and builds ----

if ! command -v h2load >/dev/null; then
    log "h2load missing: installing nghttp2-client"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nghttp2-client >/dev/null
fi

log "building the working tree's Silo and BareEcho (Release)"
dotnet build "$ROOT/Silo" "${BUILD_ARGS[@]}"
dotnet build "$ROOT/bench/BareEcho" "${BUILD_ARGS[@]}"
if [[ -n $BASE_REV ]]; then build_baseline "$BASE_REV"; fi

printf %b "$EMPTY_BODY" >"$WORK/empty.bin"
printf %b "$CHEAP_BODY" >"$WORK/cheap.bin"

BUSY_BEFORE=$(cpu_busy)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- servers ----

free_port() {
    local port
    for port in $(seq "$1" $(($1 + 200))); do
        if ! port_in_use "$port"; then echo "$port"; return; fi
    done
    die "no free port from $1"
}

declare -A SILO_DIR SILO_PORT SILO_ARGS_OK
# silo_cmd KEY: the command line of Silo KEY, one word a line. --contentRoot: the shipped appsettings.json
# (Microsoft.AspNetCore at Warning), as with `dotnet run --project Silo`; without it, run from the repo root, no
# appsettings.json is found and every request is logged twice at Information.
silo_cmd() {
    local key=$1
    printf '%s\n' dotnet "${SILO_DIR[$key]}/Sesame.Silo.dll" "--Sesame:Endpoint:Port=${SILO_PORT[$key]}" \
        --contentRoot "${SILO_DIR[$key]}"
    if [[ ${SILO_ARGS_OK[$key]} == 1 ]]; then printf '%s\n' "${SESAME_BENCH_ARGS[@]}"; fi
}
# launch_silo KEY: one attempt to start Silo KEY as silo_cmd says; the process is left running (its pid in PIDS).
launch_silo() {
    local key=$1 cmd
    mapfile -t cmd < <(silo_cmd "$key")
    log "starting Silo $key (${SILO_DIR[$key]#"$ROOT/"}) on 127.0.0.1:${SILO_PORT[$key]}"
    "${cmd[@]}" >"$WORK/silo-$key.log" 2>&1 &
    PIDS+=($!)
    wait_ready "Silo $key" "${PIDS[-1]}" "${SILO_PORT[$key]}" "$WORK/silo-$key.log" \
        "Now listening on: http://127.0.0.1:${SILO_PORT[$key]}"
}
# start_silo KEY TREE FIRST_PORT: the Silo built in TREE on a free port from FIRST_PORT, with the bench credential
# settings if it takes them.
start_silo() {
    local key=$1
    SILO_DIR[$key]=$2/Silo/bin/Release/net10.0
    SILO_PORT[$key]=$(free_port "$3")
    SILO_ARGS_OK[$key]=1
    if ! launch_silo "$key"; then
        log "Silo $key refused the bench credential settings; starting it without them (demo credentials, default rate limit)"
        kill "${PIDS[-1]}" 2>/dev/null || true
        SILO_ARGS_OK[$key]=0
        launch_silo "$key" || die "Silo $key did not start"
    fi
}

start_silo New "$ROOT" 7170
NEXT_PORT=$((SILO_PORT[New] + 1))
if [[ -n $BASE_REV ]]; then
    start_silo Base "$BASE_TREE" "$NEXT_PORT"
    NEXT_PORT=$((SILO_PORT[Base] + 1))
fi
BARE_PORT=$(free_port $((NEXT_PORT + 9)))
log "starting BareEcho on 127.0.0.1:$BARE_PORT"
dotnet "$BARE_DLL" --port "$BARE_PORT" >"$WORK/bare.log" 2>&1 &
PIDS+=($!)
wait_ready BareEcho "${PIDS[-1]}" "$BARE_PORT" "$WORK/bare.log" || die "BareEcho did not start"

# ---- targets ----

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

# Targets, in the order of the first round (each later round starts one further along, so no target always runs
# right after the same one). Keys: <Silo><RPC>, Silo New (working tree) or Base (baseline), RPC Health or Cheap.
ALL_TARGETS=(NewHealth NewCheap Bare)
if [[ -n $BASE_REV ]]; then ALL_TARGETS+=(BaseHealth BaseCheap); fi
declare -A URL BODY PATH_OF LABEL CHECK DETAIL
for silo in New Base; do
    [[ -n ${SILO_PORT[$silo]:-} ]] || continue
    URL[${silo}Health]="http://127.0.0.1:${SILO_PORT[$silo]}$HEALTH_PATH"
    URL[${silo}Cheap]="http://127.0.0.1:${SILO_PORT[$silo]}$CHEAP_PATH"
    BODY[${silo}Health]=$WORK/empty.bin; BODY[${silo}Cheap]=$WORK/cheap.bin
    PATH_OF[${silo}Health]=$HEALTH_PATH; PATH_OF[${silo}Cheap]=$CHEAP_PATH
done
URL[Bare]="http://127.0.0.1:$BARE_PORT$BARE_PATH"; BODY[Bare]=$WORK/empty.bin; PATH_OF[Bare]="(any path: BareEcho)"
LABEL=([NewHealth]="Health/Check, working tree" [NewCheap]="DescribeTenant, working tree"
    [BaseHealth]="Health/Check, baseline" [BaseCheap]="DescribeTenant, baseline" [Bare]="Bare echo")
extra_headers() { if [[ $1 == *Cheap ]]; then printf '%s\n' "${CHEAP_HEADERS[@]}"; fi; }

TARGETS=() # the targets that answered the checked call, hence measured
for name in "${ALL_TARGETS[@]}"; do
    mapfile -t extra < <(extra_headers "$name")
    read -r "CHECK[$name]" "DETAIL[$name]" <<<"$(check_call "${URL[$name]}" "${BODY[$name]}" "${extra[@]}")"
    if [[ ${CHECK[$name]} == ok ]]; then
        log "$name (${LABEL[$name]}): checked, grpc-status 0, reply ${DETAIL[$name]} bytes"
        TARGETS+=("$name")
    elif [[ $name == *Cheap ]]; then
        log "$name: $CHEAP_PATH is not available (${DETAIL[$name]}): not measured"
    else
        die "$name (${LABEL[$name]}) is not OK: ${DETAIL[$name]}"
    fi
done

# ---- measurement ----

H2LOAD_ARGS=(-c "$CLIENTS" -m "$STREAMS" "${GRPC_HEADERS[@]}")
h2() { # h2 NAME -n COUNT | -D SECONDS: one h2load run against target NAME
    local extra
    mapfile -t extra < <(extra_headers "$1")
    h2load "$2" "$3" "${H2LOAD_ARGS[@]}" -d "${BODY[$1]}" "${extra[@]}" "${URL[$1]}"
}

declare -A RPS OK FAILED BYTES
for name in "${TARGETS[@]}"; do
    log "$name: warm-up (${WARMUP}s)"
    h2 "$name" -D "$WARMUP" >/dev/null
    RPS[$name]=""; OK[$name]=0; FAILED[$name]=0; BYTES[$name]=0
done
for round in $(seq "$ROUNDS"); do
    shift_by=$(((round - 1) % ${#TARGETS[@]}))
    order=("${TARGETS[@]:shift_by}" "${TARGETS[@]:0:shift_by}")
    for name in "${order[@]}"; do
        out=$(h2 "$name" -n "$REQUESTS")
        rps=$(sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' <<<"$out")
        read -r ok failed < <(sed -n 's/^requests: .* \([0-9]*\) succeeded, \([0-9]*\) failed.*/\1 \2/p' <<<"$out") || true
        bytes=$(sed -n 's/^traffic: .*, [^,]* (\([0-9]*\)) data$/\1/p' <<<"$out")
        if [[ -z $rps || -z ${ok:-} || -z $bytes ]]; then
            log "$name: cannot parse h2load output:"; printf '%s\n' "$out" >&2; exit 1
        fi
        RPS[$name]+="${RPS[$name]:+ }$rps"
        OK[$name]=$((OK[$name] + ok)); FAILED[$name]=$((FAILED[$name] + failed)); BYTES[$name]=$((BYTES[$name] + bytes))
        log "round $round/$ROUNDS $name: $rps req/s, $ok succeeded, $failed failed"
    done
done
BUSY_AFTER=$(cpu_busy)

# ---- report ----

measured() { [[ ${CHECK[$1]:-} == ok ]]; }
# per_round "A1 A2 ..." "B1 B2 ...": prints the round-by-round percentages 100 * Ai / Bi.
per_round() {
    awk -v a="$1" -v b="$2" 'BEGIN { n = split(a, x, " "); split(b, y, " ")
        for (i = 1; i <= n; i++) printf "%s%.1f", (i > 1 ? " " : ""), 100 * x[i] / y[i] }'
}
# Replies that carried the message: DATA bytes / the checked call's reply size (each target's own). A gRPC error is
# HTTP 200 too, so h2load counts it as succeeded, but it is trailers-only and has no DATA.
with_message() { awk -v b="${BYTES[$1]}" -v s="${DETAIL[$1]}" 'BEGIN { printf "%d", b / s }'; }
valid() { [[ $(with_message "$1") == "${OK[$1]}" && ${FAILED[$1]} == 0 ]]; }

row() { # row NAME: one line of the results table
    local name=$1 med min max msg
    if ! measured "$name"; then
        echo "| ${LABEL[$name]} | \`${PATH_OF[$name]}\` | not available | - | - | - | - | ${DETAIL[$name]} |"; return
    fi
    read -r med min max <<<"$(stats "${RPS[$name]}")"
    msg="$(with_message "$name") of ${OK[$name]} (${DETAIL[$name]} B each)"
    valid "$name" || msg="**$msg**"
    printf '| %s | `%s` | %.0f | %s | %.0f–%.0f (%.1f%%) | %s | %s | %s |\n' "${LABEL[$name]}" "${PATH_OF[$name]}" \
        "$med" "$(awk -v l="${RPS[$name]}" 'BEGIN { n = split(l, v, " "); for (i = 1; i <= n; i++) printf "%s%.0f", (i > 1 ? " · " : ""), v[i] }')" \
        "$min" "$max" "$(awk -v a="$min" -v b="$max" -v m="$med" 'BEGIN { printf "%.1f", 100 * (b - a) / m }')" \
        "${OK[$name]}" "${FAILED[$name]}" "$msg"
}
RATIO_LINES=() # plain-text copies for the log
ratio_row() { # ratio_row NAME OVER LABEL [judge]: per-round NAME/OVER, its median, spread and (with judge) the verdict
    local name=$1 over=$2 label=$3 judge=${4:-} list med min max verdict="-"
    if ! measured "$name" || ! measured "$over"; then
        echo "| $label | not available | - | - | - |"; RATIO_LINES+=("$label: not available"); return
    fi
    list=$(per_round "${RPS[$name]}" "${RPS[$over]}")
    read -r med min max <<<"$(stats "$list")"
    if [[ -n $judge ]]; then
        if ! valid "$name" || ! valid "$over"; then verdict="not valid: not every reply carried the message"
        elif awk -v p="$med" 'BEGIN { exit !(p >= 80) }'; then verdict="aim met (≥ 80%)"
        elif awk -v p="$med" 'BEGIN { exit !(p >= 50) }'; then verdict="floor met (≥ 50%), aim (80%) not met"
        else verdict="below the 50% floor"; fi
    fi
    printf '| %s | **%.1f%%** | %.1f–%.1f%% | %s | %s |\n' "$label" "$med" "$min" "$max" "${list// /% · }%" "$verdict"
    RATIO_LINES+=("$(printf '%s: median %.1f%% (rounds %.1f–%.1f%%: %s) %s' "$label" "$med" "$min" "$max" "${list// /% · }%" \
        "${judge:+-> $verdict}")")
}
quote() { local out="" a; for a in "$@"; do out+="${out:+ }$(printf '%q' "$a")"; done; echo "$out"; }
relative() { # paths in the report: the repo's relative to it, the baseline worktree's as <baseline worktree>
    local s=$1
    if [[ -n $BASE_TREE ]]; then s=${s//"$BASE_TREE"/<baseline worktree>}; fi
    echo "${s//"$ROOT/"/}"
}
H2_COMMON="h2load -n $REQUESTS -c $CLIENTS -m $STREAMS $(quote "${GRPC_HEADERS[@]}")"
CPU_MODEL=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
BASE_HOW=$(baseline_how "$BASE_REV" "$OLD_LAYER_FILE" "so both Silos run the same layer")
ENV_LINE="BENCH_REQUESTS=$REQUESTS BENCH_CLIENTS=$CLIENTS BENCH_STREAMS=$STREAMS BENCH_WARMUP_SECONDS=$WARMUP BENCH_ROUNDS=$ROUNDS"
if [[ -n $BASELINE_REV_ARG ]]; then ENV_LINE+=" BENCH_BASELINE_REV=$(printf %q "$BASELINE_REV_ARG")"; fi

{
    echo "# Sésame unary gRPC: the working tree's layer and a baseline beside a bare Kestrel h2c echo"
    echo
    echo "Written by \`bench/grpc.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC')."
    echo
    echo "**Target: aim ≥ 80% of bare, floor 50%** — Health/Check and DescribeTenant on the working tree's Silo, each"
    echo "divided by the bare endpoint's figure of the same round; the median of those per-round ratios counts."
    if [[ -n $BASE_REV ]]; then
        echo "The baseline Silo is measured in the same run, with the same parameters, for comparison."
    else
        echo "No baseline Silo was measured in this run."
    fi
    echo
    if ((${BUSY_BEFORE%\%} >= BUSY_WARNING || ${BUSY_AFTER%\%} >= BUSY_WARNING)); then
        echo "**Not a final measurement: the machine was busy (CPU $BUSY_BEFORE before, $BUSY_AFTER after; see Machine).**"
        echo
    fi
    echo "## Revisions"
    echo
    echo "- Working tree (the layer under test): \`$WT_REV\`"
    if [[ -n $BASE_REV ]]; then
        echo "- Baseline: \`${BASE_DESC%% *}\` ${BASE_DESC#* } — built in a temporary \`git worktree add --detach\`, removed after the run"
    else
        echo "- Baseline: none"
    fi
    echo "- Baseline chosen by: $BASE_HOW"
    echo
    echo "## Machine"
    echo
    echo "- nproc: $(nproc)"
    echo "- CPU: ${CPU_MODEL:-unknown}"
    echo "- dotnet: $(dotnet --version)"
    echo "- h2load: $(h2load --version | head -n 1)"
    echo "- h2load, the Silos and BareEcho share these cores and all traffic is on 127.0.0.1: the bare figure is this"
    echo "  machine's limit with its load generator, not Kestrel's alone. All servers run during the whole run; only"
    echo "  the measured one is under load."
    echo "- Other load: CPU $BUSY_BEFORE busy in the second before the servers started, $BUSY_AFTER in the second after"
    echo "  the last run; load average $LOAD_BEFORE before. Anything well above 0% skews the numbers."
    echo
    echo "## Command"
    echo
    echo '```sh'
    echo "$ENV_LINE bench/grpc.sh"
    echo "# servers"
    for silo in New Base; do
        [[ -n ${SILO_PORT[$silo]:-} ]] || continue
        mapfile -t cmd < <(silo_cmd "$silo")
        relative "$(quote "${cmd[@]}")"
    done
    echo "dotnet bench/BareEcho/bin/Release/net10.0/Sesame.BareEcho.dll --port $BARE_PORT"
    echo "# per target: one warm-up run, the same with -D $WARMUP instead of -n; then $ROUNDS rounds, each running these"
    echo "# in turn (round r starts at the r-th line, wrapping around):"
    for name in "${TARGETS[@]}"; do
        mapfile -t extra < <(extra_headers "$name")
        echo "$H2_COMMON -d $(basename "${BODY[$name]}")${extra[*]:+ $(quote "${extra[@]}")} ${URL[$name]}"
    done
    echo '```'
    echo
    echo "Bodies: empty.bin = \`$(od -An -tx1 "$WORK/empty.bin" | xargs)\` (an empty message); cheap.bin = \`$(od -An -tx1 "$WORK/cheap.bin" | xargs)\`."
    for silo in New Base; do
        [[ -n ${SILO_PORT[$silo]:-} ]] || continue
        if [[ $silo == New ]]; then silo_label="working tree's Silo"; else silo_label="baseline Silo"; fi
        if [[ ${SILO_ARGS_OK[$silo]} == 1 ]]; then
            echo "The $silo_label: the DescribeTenant key is configured as its own portal credential (the \`--Sesame:Portals:bench-assu2000:*\` settings above)."
        else
            echo "The $silo_label: **refused the bench credential settings**, so it ran with its demo credentials and default rate limit."
        fi
    done
    echo
    echo "## Results"
    echo
    echo "| target | path | req/s (median) | req/s per round | spread: min–max (% of median) | succeeded | failed | replies with the message |"
    echo "|---|---|---|---|---|---|---|---|"
    for name in "${ALL_TARGETS[@]}"; do row "$name"; done
    echo
    echo "Per round figures are in round order. succeeded, failed and replies are summed over the $ROUNDS rounds (of"
    echo "$REQUESTS requests each)."
    echo
    echo "## Ratios (computed per round, then the median and the min–max across rounds; aim ≥ 80% of bare, floor 50%)"
    echo
    echo "| ratio | median | min–max | per round | verdict |"
    echo "|---|---|---|---|---|"
    ratio_row NewHealth Bare "Health/Bare, working tree" judge
    ratio_row NewCheap Bare "DescribeTenant/Bare, working tree" judge
    if [[ -n $BASE_REV ]]; then
        ratio_row BaseHealth Bare "Health/Bare, baseline" judge
        ratio_row BaseCheap Bare "DescribeTenant/Bare, baseline" judge
        ratio_row NewHealth BaseHealth "Health, working tree/baseline"
        ratio_row NewCheap BaseCheap "DescribeTenant, working tree/baseline"
    fi
    echo
    echo "## How the replies were checked"
    echo
    echo "h2load counts every HTTP 2xx reply as succeeded, and a gRPC error is HTTP 200 too (its grpc-status comes in a"
    echo "trailers-only reply, without a message). So before a target is measured, one call is made to it with"
    if command -v curl >/dev/null; then
        echo "\`curl --http2-prior-knowledge\` and its grpc-status read (from the trailers, or the headers if trailers-only):"
    else
        echo "\`h2load -n 1\` (curl is missing), which must get a 2xx reply with a message:"
    fi
    echo "a target that does not answer HTTP 200 + grpc-status 0 is not measured. For the measured runs, the DATA bytes"
    echo "h2load received from a target, divided by that target's own checked reply size (the two Silos may answer the"
    echo "same RPC with replies of different sizes), count the replies that carried the message; a row is valid only if"
    echo "that equals the succeeded count and none failed. The grpc-status of each loaded reply is not read one by one."
} >"$REPORT"

log "report written to $REPORT"
for line in "${RATIO_LINES[@]}"; do log "$line"; done
