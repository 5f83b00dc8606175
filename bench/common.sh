# Sourced by the bench scripts (bench/grpc.sh, bench/cluster.sh), not run: logging, the revisions they compare, the
# baseline's temporary worktree, how busy the machine is, ports, medians. The script sets BENCH_NAME, ROOT, WORK,
# REPORT and BASELINE_REV_ARG (BENCH_BASELINE_REV) before it sources this file.

BASE_TREE="" # the baseline's temporary git worktree, once added
# No MSBuild node or compiler server is left running after a build: the scripts leave no process behind.
BUILD_ARGS=(-c Release -nologo -v q -nodeReuse:false -p:UseSharedCompilation=false)

log() { printf '[%s %(%H:%M:%S)T] %s\n' "$BENCH_NAME" -1 "$*" >&2; }
die() { log "$*"; exit 1; }

# ---- revisions ----

# The working tree's revision: short hash, plus a note when it has uncommitted changes (the report excepted).
working_tree_rev() {
    local rev
    rev=$(git -C "$ROOT" rev-parse --short HEAD)
    if [[ -n $(git -C "$ROOT" status --porcelain -- . ":(exclude)${REPORT#"$ROOT/"}") ]]; then
        rev+=" + uncommitted changes"
    fi
    echo "$rev"
}

# resolve_baseline FILE WHAT: the baseline's commit: BENCH_BASELINE_REV, or HEAD if it still has FILE (the code WHAT
# names), or else the parent of the commit that deleted it. Prints nothing for `none`.
resolve_baseline() {
    local file=$1 what=$2 rev deleter
    if [[ $BASELINE_REV_ARG == none ]]; then return; fi
    if [[ -n $BASELINE_REV_ARG ]]; then
        rev=$(git -C "$ROOT" rev-parse --verify --quiet "$BASELINE_REV_ARG^{commit}") ||
            die "BENCH_BASELINE_REV=$BASELINE_REV_ARG is not a commit"
    elif git -C "$ROOT" cat-file -e "HEAD:$file" 2>/dev/null; then
        rev=$(git -C "$ROOT" rev-parse HEAD)
    else
        deleter=$(git -C "$ROOT" rev-list -1 HEAD -- "$file")
        [[ -n $deleter ]] || die "no commit in HEAD's history has $file: set BENCH_BASELINE_REV (or none)"
        rev=$(git -C "$ROOT" rev-parse "$deleter^")
    fi
    if ! git -C "$ROOT" cat-file -e "$rev:$file" 2>/dev/null; then
        [[ -n $BASELINE_REV_ARG ]] || die "the default baseline $rev lacks $file: set BENCH_BASELINE_REV (or none)"
        log "note: baseline $rev has no $file (not $what)"
    fi
    echo "$rev"
}

# baseline_how REV FILE [NOTE]: how the baseline was chosen, for the report; NOTE follows when it is HEAD.
baseline_how() {
    local rev=$1 file=$2 note=${3:-}
    if [[ -z $rev ]]; then
        echo "none: \`BENCH_BASELINE_REV=none\`"
    elif [[ -n $BASELINE_REV_ARG ]]; then
        echo "\`BENCH_BASELINE_REV=$BASELINE_REV_ARG\`"
    elif [[ $rev == "$(git -C "$ROOT" rev-parse HEAD)" ]]; then
        echo "default: HEAD still has \`$file\`${note:+ ($note)}"
    else
        echo "default: the parent of $(git -C "$ROOT" rev-list -1 --abbrev-commit HEAD -- "$file"), which deleted \`$file\`"
    fi
}

# build_baseline REV: the baseline's Silo, built in a temporary worktree ($BASE_TREE) that remove_baseline deletes.
build_baseline() {
    BASE_TREE="$WORK/baseline"
    log "adding a temporary worktree for the baseline at $BASE_TREE"
    git -C "$ROOT" worktree add --detach --quiet "$BASE_TREE" "$1"
    log "building the baseline's Silo (Release)"
    dotnet build "$BASE_TREE/Silo" "${BUILD_ARGS[@]}"
}

remove_baseline() {
    if [[ -n $BASE_TREE ]]; then
        git -C "$ROOT" worktree remove --force "$BASE_TREE" 2>/dev/null || { rm -rf "$BASE_TREE"; git -C "$ROOT" worktree prune; }
    fi
}

# ---- the machine ----

# CPU busy on the machine over one second (other work skews the numbers).
cpu_busy() {
    local a b
    read -ra a < <(grep '^cpu ' /proc/stat); sleep 1; read -ra b < <(grep '^cpu ' /proc/stat)
    awk -v u=$((b[1] + b[2] + b[3] + b[6] + b[7] + b[8] - a[1] - a[2] - a[3] - a[6] - a[7] - a[8])) \
        -v i=$((b[4] + b[5] - a[4] - a[5])) 'BEGIN { printf "%.0f%%", (u + i > 0 ? 100 * u / (u + i) : 0) }'
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_ready NAME PID PORT LOG [PATTERN]: until PATTERN appears in LOG (or, without one, PORT accepts connections);
# fails if the process ends first or BENCH_START_TIMEOUT ($START_TIMEOUT) seconds pass.
wait_ready() {
    local name=$1 pid=$2 port=$3 logfile=$4 pattern=${5:-} waited=0
    while true; do
        if [[ -n $pattern ]] && grep -qsF "$pattern" "$logfile"; then return; fi
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

# ---- figures ----

# stats "V1 V2 ...": prints "MEDIAN MIN MAX", or "- - -" for no value.
stats() {
    local values
    values=$(xargs -n 1 <<<"$1" | sort -g)
    [[ -n $values ]] || { echo "- - -"; return; }
    awk '{ v[NR] = $1 } END { printf "%.6f %.6f %.6f\n", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR] }' <<<"$values"
}
