#!/usr/bin/env bash
# Sign-ins of Sésame on Azurite, on the working tree's grain runtime (Orleans) beside a BASELINE built from a git
# revision in a temporary worktree (by default the last commit with the stand-in runtime, Runtime/Grain.cs), both
# measured in ONE run, round after round, with the same load driver (bench/SignInLoad, the .NET client):
#   - sign-ins/s and p50/p99 latency (MemberAuth/Login with the right PIN, at the default PBKDF2 cost) at a fixed
#     concurrency, on one process and on two processes sharing one Azurite (two Orleans silos forming one cluster;
#     two stand-in replicas sharing the table);
#   - cold activation: the first sign-in of accounts nobody touched since the processes started (their state read from
#     Azurite), one at a time, beside a second sign-in of the same accounts (warm);
#   - memory per active account: a fresh single process, its VmRSS and its GC heap after a full GC (dotnet-gcdump)
#     before and after N accounts are created (creating an account activates it), on Azurite and on in-memory storage.
# Every target is started afresh for each round and stopped after it; the median over the rounds counts.
# Writes bench/cluster-report.md.
#   bench/cluster.sh   env: BENCH_LOAD_ACCOUNTS (200 accounts signed in over and over by the load phase),
#                           BENCH_COLD_ACCOUNTS (50 accounts signed in cold, then warm, one at a time, each round),
#                           BENCH_CONCURRENCY (16 sign-ins in flight), BENCH_DURATION_SECONDS (20 counted per round),
#                           BENCH_WARMUP_SECONDS (5 not counted, after a first pass over the load accounts),
#                           BENCH_ROUNDS (3: the targets are measured in turn, round after round),
#                           BENCH_MEMORY_AZURITE ("10000": account counts, rising, measured on Azurite),
#                           BENCH_MEMORY_INMEMORY ("10000 100000": the same on in-memory storage; see the report
#                                                  for why 100,000 is not on Azurite by default),
#                           BENCH_BASELINE_REV (a git revision; default: the last commit with Runtime/Grain.cs;
#                                               `none` measures no baseline),
#                           BENCH_START_TIMEOUT (120 seconds for a process to listen)
#   About 25 minutes with the defaults on an idle 2-core machine, builds included; a process or target that fails to
#   start is reported as failed, and the run goes on.
set -euo pipefail

TENANT=assu2000 # a PIN tenant whose members are created with their PIN (no activation, keypad or challenge)
PIN=482913
PORTAL_KEY=bench-portal-key
BACK_OFFICE_KEY=bench-back-office-key
key_hash() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
# Durable storage has no demo credentials: the bench configures a portal and a back office of its own, at the highest
# rate the settings allow (the token bucket is still checked on every call), so no call is refused for its rate.
CREDENTIAL_ARGS=(
    "--Sesame:Portals:bench:Tenant=$TENANT" "--Sesame:Portals:bench:KeyHash=$(key_hash "$PORTAL_KEY")"
    --Sesame:Portals:bench:RateLimit:PermitsPerSecond=1000000 --Sesame:Portals:bench:RateLimit:Burst=10000000
    "--Sesame:BackOffices:bench:Tenants:0=$TENANT" "--Sesame:BackOffices:bench:KeyHash=$(key_hash "$BACK_OFFICE_KEY")"
    --Sesame:BackOffices:bench:RateLimit:PermitsPerSecond=1000000 --Sesame:BackOffices:bench:RateLimit:Burst=10000000
)
# The stand-in runtime's grain base class: the default baseline is the last commit that still has it.
STAND_IN_FILE=Runtime/Grain.cs

DEFAULT_LOAD=200 DEFAULT_COLD=50 DEFAULT_DURATION=20 DEFAULT_ROUNDS=3
DEFAULT_MEMORY_AZURITE="10000" DEFAULT_MEMORY_INMEMORY="10000 100000"
LOAD_ACCOUNTS=${BENCH_LOAD_ACCOUNTS:-$DEFAULT_LOAD}
COLD_ACCOUNTS=${BENCH_COLD_ACCOUNTS:-$DEFAULT_COLD}
CONCURRENCY=${BENCH_CONCURRENCY:-16}
DURATION=${BENCH_DURATION_SECONDS:-$DEFAULT_DURATION}
WARMUP=${BENCH_WARMUP_SECONDS:-5}
ROUNDS=${BENCH_ROUNDS:-$DEFAULT_ROUNDS}
MEMORY_AZURITE=${BENCH_MEMORY_AZURITE-$DEFAULT_MEMORY_AZURITE}
MEMORY_INMEMORY=${BENCH_MEMORY_INMEMORY-$DEFAULT_MEMORY_INMEMORY}
START_TIMEOUT=${BENCH_START_TIMEOUT:-120}
STOP_TIMEOUT=30
BUSY_WARNING=25 # % of CPU busy by other work, before or after, over which the report says it is not a final measurement
BASELINE_REV_ARG=${BENCH_BASELINE_REV:-}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPORT="$ROOT/bench/cluster-report.md"
LOAD_DLL="$ROOT/bench/SignInLoad/bin/Release/net10.0/Sesame.SignInLoad.dll"
AZURITE_MAIN="$ROOT/tests/azurite/node_modules/azurite/dist/src/table/main.js"
RUN_STARTED=$SECONDS

WORK=$(mktemp -d)
PIDS=() # every process this script started and has not stopped yet
BENCH_NAME=cluster.sh
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"

# stop_pids PID...: SIGTERM, then SIGKILL for any still running after STOP_TIMEOUT seconds.
stop_pids() {
    local pid waited=0 alive
    for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
    while true; do
        alive=0
        for pid in "$@"; do if kill -0 "$pid" 2>/dev/null; then alive=1; fi; done
        if ((alive == 0 || waited >= STOP_TIMEOUT * 10)); then break; fi
        sleep 0.1
        waited=$((waited + 1))
    done
    for pid in "$@"; do
        if kill -0 "$pid" 2>/dev/null; then log "process $pid still running after ${STOP_TIMEOUT}s: SIGKILL"; kill -9 "$pid" 2>/dev/null || true; fi
        wait "$pid" 2>/dev/null || true
    done
    local kept=() p
    for p in "${PIDS[@]}"; do [[ " $* " == *" $p "* ]] || kept+=("$p"); done
    PIDS=("${kept[@]}")
}
cleanup() {
    if ((${#PIDS[@]} > 0)); then stop_pids "${PIDS[@]}"; fi
    remove_baseline
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- revisions ----

# runtime_of TREE_OR_REV: which grain runtime a tree (a directory) or a commit holds.
runtime_of() {
    if [[ -d $1 ]]; then
        if [[ -f $1/$STAND_IN_FILE ]]; then echo "stand-in runtime"; else echo "Orleans"; fi
    elif git -C "$ROOT" cat-file -e "$1:$STAND_IN_FILE" 2>/dev/null; then echo "stand-in runtime"; else echo "Orleans"; fi
}

BASE_REV=$(resolve_baseline "$STAND_IN_FILE" "the stand-in runtime")
WT_REV=$(working_tree_rev)
SIDES=(New)
declare -A SIDE_TREE=([New]=$ROOT) SIDE_NAME
SIDE_NAME[New]="$(runtime_of "$ROOT"), working tree ($WT_REV)"
if [[ -n $BASE_REV ]]; then
    SIDES+=(Base)
    SIDE_NAME[Base]="$(runtime_of "$BASE_REV"), baseline ($(git -C "$ROOT" rev-parse --short "$BASE_REV"))"
    log "baseline: $(git -C "$ROOT" log -1 --format='%h %s' "$BASE_REV")"
else
    log "baseline: none (BENCH_BASELINE_REV=none)"
fi
log "working tree: $WT_REV"

# ---- tools and builds ----

command -v node >/dev/null || die "node is missing: ./test.sh installs it (Debian's nodejs and npm)"
if [[ ! -f $AZURITE_MAIN ]]; then
    log "installing Azurite (npm ci --prefix tests/azurite)"
    npm ci --prefix "$ROOT/tests/azurite" --no-audit --no-fund --loglevel=error
fi
(cd "$ROOT" && dotnet tool restore >/dev/null) # dotnet-gcdump, pinned by .config/dotnet-tools.json

log "building the working tree's Silo and bench/SignInLoad (Release)"
dotnet build "$ROOT/Silo" "${BUILD_ARGS[@]}"
dotnet build "$ROOT/bench/SignInLoad" "${BUILD_ARGS[@]}"
if [[ -n $BASE_REV ]]; then
    build_baseline "$BASE_REV"
    SIDE_TREE[Base]=$BASE_TREE
fi

BUSY_BEFORE=$(cpu_busy)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
if ((${BUSY_BEFORE%\%} > BUSY_WARNING)); then
    log "WARNING: the machine is busy ($BUSY_BEFORE of the CPU used by other work, load $LOAD_BEFORE): the figures will not be a measurement"
fi

# ---- processes ----

NEXT_PORT=7400
# next_port: a free port above every port handed out before, so no process of the run reuses another's.
next_port() {
    while port_in_use "$NEXT_PORT"; do NEXT_PORT=$((NEXT_PORT + 1)); done
    PORT=$NEXT_PORT
    NEXT_PORT=$((NEXT_PORT + 1))
}

next_port
AZURITE_PORT=$PORT
log "starting Azurite (in-memory persistence) on 127.0.0.1:$AZURITE_PORT"
node "$AZURITE_MAIN" --tableHost 127.0.0.1 --tablePort "$AZURITE_PORT" --inMemoryPersistence --silent --disableTelemetry \
    >"$WORK/azurite.log" 2>&1 &
PIDS+=($!)
AZURITE_PID=$!
wait_ready Azurite "$AZURITE_PID" "$AZURITE_PORT" "$WORK/azurite.log" || die "Azurite did not start"
CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1"
# Keys made for this run, the same for every process (replicas and silos must share them).
SECRET_ARGS=(
    "--Sesame:Hashing:Peppers:bench=$(head -c 32 /dev/urandom | base64)" --Sesame:Hashing:CurrentPepperId=bench
    "--Sesame:Hashing:GrainKeySecret=$(head -c 32 /dev/urandom | base64)"
    "--Sesame:Encryption:Keys:bench=$(head -c 32 /dev/urandom | base64)" --Sesame:Encryption:CurrentKeyId=bench
    "--Sesame:Telemetry:LogRedaction:HmacKey=$(head -c 32 /dev/urandom | base64)"
)

LAUNCHES=0
# launch SIDE STORAGE TABLE CLUSTER NAME [ARG...]: starts one Silo of SIDE on STORAGE (azurite or memory), with its
# grain state in TABLE and its Orleans ClusterId CLUSTER (settings the stand-in runtime ignores), then waits until it
# listens. Sets LAUNCHED_PID and LAUNCHED_ENDPOINT; its log is $WORK/NAME.log.
launch() {
    local side=$1 storage=$2 table=$3 cluster=$4 name=$5 dir port silo_port gateway_port
    shift 5
    dir=${SIDE_TREE[$side]}/Silo/bin/Release/net10.0
    next_port; port=$PORT
    next_port; silo_port=$PORT
    next_port; gateway_port=$PORT
    local args=(dotnet "$dir/Sesame.Silo.dll" --contentRoot "$dir" "--Sesame:Endpoint:Port=$port"
        "--Sesame:Cluster:SiloPort=$silo_port" "--Sesame:Cluster:GatewayPort=$gateway_port" "--Sesame:Cluster:ClusterId=$cluster"
        "${CREDENTIAL_ARGS[@]}" "${SECRET_ARGS[@]}" "$@")
    if [[ $storage == azurite ]]; then
        args+=(--Sesame:Storage:Provider=AzureTable "--Sesame:Storage:AzureTable:ConnectionString=$CONNECTION_STRING"
            "--Sesame:Storage:AzureTable:TableName=$table")
    fi
    LAUNCHES=$((LAUNCHES + 1))
    log "starting $name: ${SIDE_NAME[$side]}, $storage, 127.0.0.1:$port"
    "${args[@]}" >"$WORK/$name.log" 2>&1 &
    PIDS+=($!)
    LAUNCHED_PID=$!
    LAUNCHED_ENDPOINT="http://127.0.0.1:$port"
    wait_ready "$name" "$LAUNCHED_PID" "$port" "$WORK/$name.log" "Now listening on: http://127.0.0.1:$port"
}

# Targets: <side><processes>. Processes of one target share the side's table; Orleans silos of one start share a
# ClusterId of their own (a fresh cluster each time, so no silo waits for a stopped one to be declared dead).
TARGETS=()
declare -A TARGET_SIDE TARGET_SIZE LABEL
for side in "${SIDES[@]}"; do
    for size in 1 2; do
        TARGETS+=("$side$size"); TARGET_SIDE[$side$size]=$side; TARGET_SIZE[$side$size]=$size
        if [[ ${SIDE_NAME[$side]} == Orleans* ]]; then unit=silo; else unit=replica; fi
        if ((size > 1)); then unit+=s; fi
        LABEL[$side$size]="${SIDE_NAME[$side]}, $size $unit"
    done
done

TARGET_PIDS=() TARGET_ENDPOINTS=""
# start_target TARGET ROUND: its processes; on failure stops those it started and returns 1.
start_target() {
    local target=$1 round=$2 side=${TARGET_SIDE[$1]} i cluster="bench$LAUNCHES"
    TARGET_PIDS=() TARGET_ENDPOINTS=""
    for i in $(seq "${TARGET_SIZE[$target]}"); do
        if ! launch "$side" azurite "bench$side" "$cluster" "$target-r$round-p$i"; then
            stop_pids "${TARGET_PIDS[@]}" "$LAUNCHED_PID"
            return 1
        fi
        TARGET_PIDS+=("$LAUNCHED_PID")
        TARGET_ENDPOINTS+="${TARGET_ENDPOINTS:+,}$LAUNCHED_ENDPOINT"
    done
}

# drive NAME COMMAND ARG...: one run of the load driver; its RESULT line's fields go to RESULT[...] (empty on failure).
declare -A RESULT
drive() {
    local name=$1 out kv
    shift
    RESULT=()
    if ! out=$(dotnet "$LOAD_DLL" "$@" 2>"$WORK/driver.err"); then
        log "$name: the driver failed: $(tail -n 3 "$WORK/driver.err")"; return 1
    fi
    out=$(grep '^RESULT ' <<<"$out" | tail -n 1)
    for kv in ${out#RESULT }; do RESULT[${kv%%=*}]=${kv#*=}; done
    log "$name: ${out#RESULT }"
}

# ---- seeding ----

SEED_NOTE=()
declare -A SIDE_READY
for side in "${SIDES[@]}"; do
    SIDE_READY[$side]=0
    if ! launch "$side" azurite "bench$side" "bench$LAUNCHES" "seed-$side"; then
        SEED_NOTE+=("${SIDE_NAME[$side]}: did not start on Azurite (see its targets)")
        stop_pids "$LAUNCHED_PID"; continue
    fi
    if drive "seed $side load accounts" import --endpoints "$LAUNCHED_ENDPOINT" --key "$BACK_OFFICE_KEY" --tenant "$TENANT" \
        --prefix L --count "$LOAD_ACCOUNTS" --pin "$PIN" --concurrency 8 --batch 10 && [[ ${RESULT[failed]} == 0 ]] &&
        drive "seed $side cold accounts" import --endpoints "$LAUNCHED_ENDPOINT" --key "$BACK_OFFICE_KEY" --tenant "$TENANT" \
            --prefix C --count "$COLD_ACCOUNTS" --pin "$PIN" --concurrency 8 --batch 10 && [[ ${RESULT[failed]} == 0 ]]; then
        SIDE_READY[$side]=1
    else
        SEED_NOTE+=("${SIDE_NAME[$side]}: its members could not all be created (${RESULT[errors]:-driver failed})")
    fi
    stop_pids "$LAUNCHED_PID"
done

# ---- sign-ins, round after round ----

declare -A RATE P50 P99 COLD50 COLD99 WARM50 WARM99 ERRORS FAILED_ROUNDS FAILURE
for target in "${TARGETS[@]}"; do FAILED_ROUNDS[$target]=0; ERRORS[$target]=""; done
add_errors() { [[ -z ${RESULT[errors]:-} ]] || ERRORS[$1]+="${ERRORS[$1]:+,}$2 ${RESULT[errors]}"; }
for round in $(seq "$ROUNDS"); do
    shift_by=$(((round - 1) % ${#TARGETS[@]}))
    order=("${TARGETS[@]:shift_by}" "${TARGETS[@]:0:shift_by}")
    for target in "${order[@]}"; do
        if [[ ${SIDE_READY[${TARGET_SIDE[$target]}]} != 1 ]]; then
            FAILURE[$target]="not seeded"; FAILED_ROUNDS[$target]=$((FAILED_ROUNDS[$target] + 1)); continue
        fi
        if ! start_target "$target" "$round"; then
            FAILURE[$target]="did not start (round $round): $(grep -h -m1 -E 'fail:|Unhandled|Exception' "$WORK/$target-r$round-p"*.log 2>/dev/null | tail -n 1 | cut -c1-200 || true)"
            FAILED_ROUNDS[$target]=$((FAILED_ROUNDS[$target] + 1)); continue
        fi
        common=(--endpoints "$TARGET_ENDPOINTS" --key "$PORTAL_KEY" --tenant "$TENANT" --pin "$PIN")
        ok=1
        # Cold: the first sign-in of each cold account since the start, one at a time; then warm: the same again.
        if drive "round $round $target cold" signin "${common[@]}" --prefix C --count "$COLD_ACCOUNTS" --passes 1 --concurrency 1; then
            COLD50[$target]+=" ${RESULT[p50_ms]}"; COLD99[$target]+=" ${RESULT[p99_ms]}"; add_errors "$target" "cold:"
        else ok=0; fi
        if ((ok)) && drive "round $round $target warm" signin "${common[@]}" --prefix C --count "$COLD_ACCOUNTS" --passes 1 --concurrency 1; then
            WARM50[$target]+=" ${RESULT[p50_ms]}"; WARM99[$target]+=" ${RESULT[p99_ms]}"; add_errors "$target" "warm:"
        else ok=0; fi
        # Load: a first pass activates every load account, a warm-up follows, then the counted seconds.
        if ((ok)) && drive "round $round $target first pass" signin "${common[@]}" --prefix L --count "$LOAD_ACCOUNTS" --passes 1 --concurrency "$CONCURRENCY" &&
            drive "round $round $target load" signin "${common[@]}" --prefix L --count "$LOAD_ACCOUNTS" --concurrency "$CONCURRENCY" \
                --duration "$DURATION" --warmup "$WARMUP"; then
            RATE[$target]+=" ${RESULT[rate]}"; P50[$target]+=" ${RESULT[p50_ms]}"; P99[$target]+=" ${RESULT[p99_ms]}"; add_errors "$target" "load:"
        else ok=0; fi
        if ((ok == 0)); then FAILURE[$target]="the driver failed in round $round"; FAILED_ROUNDS[$target]=$((FAILED_ROUNDS[$target] + 1)); fi
        stop_pids "${TARGET_PIDS[@]}"
    done
done

# ---- memory per active account ----

# memory_of PID NAME: prints "RSS_KB HEAP_BYTES": dotnet-gcdump forces a full blocking GC and walks the heap (its
# total is the live managed heap), then VmRSS is read.
memory_of() {
    local pid=$1 name=$2 heap rss
    heap=$( (cd "$ROOT" && dotnet tool run dotnet-gcdump collect -p "$pid" -o "$WORK/$name.gcdump" >/dev/null 2>&1 &&
        dotnet tool run dotnet-gcdump report "$WORK/$name.gcdump" 2>/dev/null) | sed -n 's/^ *\([0-9,]*\) *GC Heap bytes.*/\1/p' | tr -d ,)
    rm -f "$WORK/$name.gcdump"
    rss=$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$pid/status")
    echo "$rss ${heap:--}"
}

# MEMORY[<storage>,<side>,<count>] = "RSS_KB HEAP_BYTES CREATED SECONDS": CREATED accounts (those since the count
# before) took SECONDS; count 0 is the process before any.
declare -A MEMORY MEMORY_FAILURE
memory_phase() {
    local storage=$1 sizes=$2 side done_count=0 size name
    [[ -n $sizes ]] || return 0
    for side in "${SIDES[@]}"; do
        name="memory-$storage-$side"
        # Nothing is deactivated while the accounts are created: a collection age past the phase's length.
        if ! launch "$side" "$storage" "mem$side" "bench$LAUNCHES" "$name" --Sesame:Grains:CollectionAge=02:00:00; then
            MEMORY_FAILURE[$storage,$side]="did not start"; stop_pids "$LAUNCHED_PID"; continue
        fi
        sleep 5 # the start's own work (JIT, timers, table creation) settles
        MEMORY[$storage,$side,0]="$(memory_of "$LAUNCHED_PID" "$name-0") 0 0"
        done_count=0
        for size in $sizes; do
            if ((size <= done_count)); then continue; fi
            if ! drive "memory $storage $side $size" import --endpoints "$LAUNCHED_ENDPOINT" --key "$BACK_OFFICE_KEY" \
                --tenant "$TENANT" --prefix M --from "$done_count" --count $((size - done_count)) --concurrency 8 --batch 100 ||
                [[ ${RESULT[failed]} != 0 ]]; then
                MEMORY_FAILURE[$storage,$side]="creating $size accounts failed (${RESULT[errors]:-driver failed})"; break
            fi
            sleep 5
            MEMORY[$storage,$side,$size]="$(memory_of "$LAUNCHED_PID" "$name-$size") $((size - done_count)) ${RESULT[seconds]}"
            log "memory $storage $side $size: ${MEMORY[$storage,$side,$size]} (VmRSS kB, GC heap bytes, created, seconds)"
            done_count=$size
        done
        stop_pids "$LAUNCHED_PID"
    done
}
memory_phase azurite "$MEMORY_AZURITE"
memory_phase memory "$MEMORY_INMEMORY"

stop_pids "$AZURITE_PID"
BUSY_AFTER=$(cpu_busy)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
RUN_MINUTES=$(((SECONDS - RUN_STARTED + 59) / 60))

# ---- report ----

# cell "V1 V2 ..." DECIMALS: the median in bold, then every round's value.
cell() {
    local med min max
    read -r med min max <<<"$(stats "$1")"
    [[ $med != - ]] || { echo "-"; return; }
    printf '**%.*f** (%s)' "$2" "$med" "$(xargs -n 1 <<<"$1" | awk -v d="$2" '{ printf "%s%.*f", (NR > 1 ? " · " : ""), d, $1 }')"
}
median() { local med _; read -r med _ <<<"$(stats "$1")"; echo "$med"; }

BUSY=0
if ((${BUSY_BEFORE%\%} > BUSY_WARNING || ${BUSY_AFTER%\%} > BUSY_WARNING)); then BUSY=1; fi
SMOKE=0
if ((LOAD_ACCOUNTS < DEFAULT_LOAD || COLD_ACCOUNTS < DEFAULT_COLD || DURATION < DEFAULT_DURATION || ROUNDS < DEFAULT_ROUNDS)) ||
    [[ $MEMORY_AZURITE != "$DEFAULT_MEMORY_AZURITE" || $MEMORY_INMEMORY != "$DEFAULT_MEMORY_INMEMORY" ]]; then SMOKE=1; fi
ENV_LINE="BENCH_LOAD_ACCOUNTS=$LOAD_ACCOUNTS BENCH_COLD_ACCOUNTS=$COLD_ACCOUNTS BENCH_CONCURRENCY=$CONCURRENCY"
ENV_LINE+=" BENCH_DURATION_SECONDS=$DURATION BENCH_WARMUP_SECONDS=$WARMUP BENCH_ROUNDS=$ROUNDS"
ENV_LINE+=" BENCH_MEMORY_AZURITE=$(printf %q "$MEMORY_AZURITE") BENCH_MEMORY_INMEMORY=$(printf %q "$MEMORY_INMEMORY")"
if [[ -n $BASELINE_REV_ARG ]]; then ENV_LINE+=" BENCH_BASELINE_REV=$(printf %q "$BASELINE_REV_ARG")"; fi
BASE_HOW=$(baseline_how "$BASE_REV" "$STAND_IN_FILE")
CPU_MODEL=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)

signin_row() {
    local t=$1 status="${ROUNDS} of ${ROUNDS}"
    if ((FAILED_ROUNDS[$t] > 0)); then status="**$((ROUNDS - FAILED_ROUNDS[$t])) of $ROUNDS** (${FAILURE[$t]})"; fi
    printf '| %s | %s | %s | %s | %s | %s |\n' "${LABEL[$t]}" "$(cell "${RATE[$t]:-}" 1)" "$(cell "${P50[$t]:-}" 0)" \
        "$(cell "${P99[$t]:-}" 0)" "$status" "${ERRORS[$t]:-none}"
}
cold_row() {
    local t=$1 extra="-" c w
    c=$(median "${COLD50[$t]:-}"); w=$(median "${WARM50[$t]:-}")
    if [[ $c != - && $w != - ]]; then extra=$(awk -v c="$c" -v w="$w" 'BEGIN { printf "%+.0f", c - w }'); fi
    printf '| %s | %s | %s | %s | %s | %s |\n' "${LABEL[$t]}" "$(cell "${COLD50[$t]:-}" 0)" "$(cell "${COLD99[$t]:-}" 0)" \
        "$(cell "${WARM50[$t]:-}" 0)" "$(cell "${WARM99[$t]:-}" 0)" "$extra"
}
memory_rows() {
    local storage=$1 sizes=$2 side size rss0 heap0 rss heap created secs
    for side in "${SIDES[@]}"; do
        if [[ -z ${MEMORY[$storage,$side,0]:-} ]]; then
            echo "| ${SIDE_NAME[$side]} | - | ${MEMORY_FAILURE[$storage,$side]:-not measured} | - | - | - | - |"; continue
        fi
        read -r rss0 heap0 _ <<<"${MEMORY[$storage,$side,0]}"
        for size in $sizes; do
            if [[ -z ${MEMORY[$storage,$side,$size]:-} ]]; then
                echo "| ${SIDE_NAME[$side]} | $size | ${MEMORY_FAILURE[$storage,$side]:-not measured} | - | - | - | - |"; continue
            fi
            read -r rss heap created secs <<<"${MEMORY[$storage,$side,$size]}"
            awk -v side="${SIDE_NAME[$side]}" -v n="$size" -v r0="$rss0" -v r="$rss" -v h0="$heap0" -v h="$heap" -v c="$created" -v s="$secs" 'BEGIN {
                hp = (h == "-" || h0 == "-") ? "-" : sprintf("**%.0f**", (h - h0) / n)
                hm = (h == "-" || h0 == "-") ? "-" : sprintf("%.0f → %.0f", h0 / 1048576, h / 1048576)
                printf "| %s | %d | %.0f → %.0f | **%.0f** | %s | %s | %.0f |\n", side, n, r0 / 1024, r / 1024, (r - r0) * 1024 / n, hm, hp, c / s }'
        done
    done
}

{
    echo "# Sésame sign-ins on Azurite: the working tree's grain runtime beside a baseline"
    echo
    if ((SMOKE && BUSY)); then
        echo "> **Smoke run, machine busy, not the measurement.** Sizes below the defaults and other work on the machine"
        echo "> ($BUSY_BEFORE of the CPU busy before, $BUSY_AFTER after): these figures show that the bench runs, nothing more."
    elif ((SMOKE)); then
        echo "> **Smoke run, not the measurement:** sizes below the defaults."
    elif ((BUSY)); then
        echo "> **Machine busy, not the measurement:** other work used $BUSY_BEFORE of the CPU before the run and $BUSY_AFTER after."
    fi
    echo
    echo "Written by \`bench/cluster.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') in $RUN_MINUTES minutes: $(nproc) cores ($CPU_MODEL), load"
    echo "$LOAD_BEFORE before and $LOAD_AFTER after; CPU busy by other work $BUSY_BEFORE before, $BUSY_AFTER after."
    echo
    echo "- Working tree: ${SIDE_NAME[New]}."
    if [[ -n $BASE_REV ]]; then
        echo "- Baseline: ${SIDE_NAME[Base]}, \"$(git -C "$ROOT" log -1 --format='%s' "$BASE_REV" | cut -c1-80)…\" ($BASE_HOW),"
        echo "  built in a temporary worktree."
    else
        echo "- Baseline: $BASE_HOW."
    fi
    echo "- \`$ENV_LINE\`"
    echo "- Storage: one Azurite (tests/azurite, in-memory persistence) for the whole run; each side has a table of its own."
    echo "  Two processes of a side share its table: two Orleans silos form one cluster (Azure Table membership, a"
    echo "  ClusterId per start); two stand-in replicas share the state with ETag checks. Account *i* always goes to"
    echo "  endpoint *i* mod 2, so replicas never race on one account."
    echo "- Every target is started afresh each round (targets in turn, each round starting one further along) and"
    echo "  stopped after it; the **median** over the rounds is in bold, each round's value after it."
    echo "- Members of tenant \`$TENANT\` (PIN tenant), created through \`MemberAdmin/ImportMembers\`; sign-ins are"
    echo "  \`MemberAuth/Login\` with the right PIN through \`Sesame.Client\` (bench/SignInLoad), h2c on loopback."
    echo "- Hashing cost: **every sign-in figure is at the default cost, PBKDF2-SHA256 100,000 iterations** (one"
    echo "  verification per sign-in). The settings allow no lower cost (\`Sesame:Hashing:Iterations\` is 100,000 to"
    echo "  10,000,000 on both sides), so no figure at a low cost is shown; the members of the memory phase are created"
    echo "  without a PIN, so that phase hashes nothing."
    for note in "${SEED_NOTE[@]}"; do echo "- **$note**"; done
    echo
    echo "## Sign-ins per second and latency"
    echo
    echo "$CONCURRENCY sign-ins in flight over $LOAD_ACCOUNTS accounts, for ${DURATION} s per round after a first pass over"
    echo "the accounts and ${WARMUP} s of warm-up. Latency: every successful call's, from the client's send to its reply"
    echo "(all samples kept and sorted, nearest rank). Sign-ins/s: successful sign-ins over the counted seconds."
    echo
    echo "| target | sign-ins/s | p50 ms | p99 ms | rounds measured | errors |"
    echo "|---|---|---|---|---|---|"
    for t in "${TARGETS[@]}"; do signin_row "$t"; done
    echo
    echo "## Cold activation"
    echo
    echo "$COLD_ACCOUNTS accounts nobody touched since the processes started, signed in one at a time (cold: each"
    echo "account's state is read from Azurite, and its grain activated, within the call), then the same accounts again"
    echo "(warm). The same PBKDF2 verification is in both, so *cold − warm* (of the p50) is what activation adds."
    echo
    echo "| target | cold p50 ms | cold p99 ms | warm p50 ms | warm p99 ms | cold − warm p50 ms |"
    echo "|---|---|---|---|---|---|"
    for t in "${TARGETS[@]}"; do cold_row "$t"; done
    echo
    echo "## Memory per active account"
    echo
    echo "One fresh process per side, no load but the bench's. Measured first 5 s after it listens, then 5 s after each"
    echo "count of accounts was created (creating an account activates it; nothing is deactivated within the phase:"
    echo "\`Sesame:Grains:CollectionAge=02:00:00\`). At each point \`dotnet-gcdump\` forces a full blocking GC and"
    echo "walks the heap (GC heap: the live managed objects), then VmRSS is read from \`/proc/<pid>/status\`. Per account:"
    echo "(value at N − value before any) / N. No PIN was hashed. VmRSS moves in steps of the GC's regions and holds"
    echo "the runtime's own start-up, so at a few thousand accounts its per-account figure is mostly noise; the GC heap is"
    echo "the finer one. Created/s: the accounts created since the row before, per second (\`ImportMembers\`, 8 batches"
    echo "of 100 in flight)."
    echo
    if [[ -n $MEMORY_AZURITE ]]; then
        echo "### On Azurite"
        echo
        echo "The process holds only the activations: the state lives in Azurite."
        echo
        echo "| side | accounts | VmRSS MiB | VmRSS per account, bytes | GC heap MiB | GC heap per account, bytes | created/s |"
        echo "|---|---|---|---|---|---|---|"
        memory_rows azurite "$MEMORY_AZURITE"
        echo
    fi
    if [[ -n $MEMORY_INMEMORY ]]; then
        echo "### On in-memory storage"
        echo
        echo "The figures include the storage's own copy of each account, in the same process: Orleans'"
        echo "\`MemoryGrainStorage\` keeps the state objects (in storage grains), the stand-in's kept serialized bytes. The"
        echo "process on Azurite holds instead its Table client's buffers and connections, so the two tables differ by more"
        echo "than that copy."
        echo
        echo "| side | accounts | VmRSS MiB | VmRSS per account, bytes | GC heap MiB | GC heap per account, bytes | created/s |"
        echo "|---|---|---|---|---|---|---|"
        memory_rows memory "$MEMORY_INMEMORY"
        echo
    fi
    echo "Why 100,000 accounts are not on Azurite by default: Azurite's point reads and writes look an entity up by"
    echo "RowKey first, and every account's entity has the same RowKey (the state's name) on both sides, so each"
    echo "operation scans every account in the table. Creating an account costs Azurite about 0.8 µs per account already"
    echo "there (measured on this machine: ~28 ms of Azurite CPU per creation at ~35,000 entities), so 100,000 accounts"
    echo "take over an hour per side. Azure Table storage looks entities up by key. \`BENCH_MEMORY_AZURITE=\"10000 100000\"\`"
    echo "measures it anyway. The same effect slows the sign-in figures a little as sessions accumulate in a table (one"
    echo "entity per sign-in), the same way on both sides."
    echo
    echo "## Reproduce"
    echo
    echo '```sh'
    echo "$ENV_LINE bench/cluster.sh"
    echo '```'
} >"$REPORT"

log "report: ${REPORT#"$ROOT/"}"
for t in "${TARGETS[@]}"; do
    log "${LABEL[$t]}: sign-ins/s $(median "${RATE[$t]:-}"), p50 $(median "${P50[$t]:-}") ms, p99 $(median "${P99[$t]:-}") ms, cold p50 $(median "${COLD50[$t]:-}") ms, warm p50 $(median "${WARM50[$t]:-}") ms"
done
if ((BUSY)); then
    log "WARNING: the machine was busy ($BUSY_BEFORE before, $BUSY_AFTER after): not a measurement"
fi
