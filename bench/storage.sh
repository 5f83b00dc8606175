#!/usr/bin/env bash
# Cold activation latency and sign-ins per second of Sésame with Azure Table storage (a real Azurite, from the npm
# package pinned by tests/azurite/package-lock.json) against the in-memory store, in one run on this machine.
# Writes bench/storage-report.md.
#   bench/storage.sh [accounts 300] [sign-ins 200] [locked accounts 20] [refusals 3000] [concurrency 16]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPORT="$ROOT/bench/storage-report.md"
AZURITE="$ROOT/tests/azurite/node_modules/azurite/dist/src/table/main.js"
KEY=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw== # Azurite's well-known development key

log() { printf '[storage.sh] %s\n' "$*" >&2; }

[ -f "$AZURITE" ] || npm ci --prefix "$ROOT/tests/azurite" --no-audit --no-fund --loglevel=error
log "building (Release)"
dotnet build "$ROOT/bench/StorageBench" -c Release --nologo -v quiet >&2

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
node "$AZURITE" --tableHost 127.0.0.1 --tablePort "$PORT" --location "$WORK" --silent --disableTelemetry >"$WORK/azurite.log" 2>&1 &
AZURITE_PID=$!
cleanup() {
    kill -INT "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
    grep -q "successfully started" "$WORK/azurite.log" && break
    kill -0 "$AZURITE_PID" 2>/dev/null || { cat "$WORK/azurite.log" >&2; exit 1; }
    sleep 0.1
done

CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$KEY;TableEndpoint=http://127.0.0.1:$PORT/devstoreaccount1"
log "measuring in-memory, then Azure Table on Azurite 127.0.0.1:$PORT"
RESULTS=$(dotnet "$ROOT/bench/StorageBench/bin/Release/net10.0/Sesame.StorageBench.dll" "$CONNECTION" "$@")

{
    echo "# Storage benchmark: Azure Table (Azurite) against in-memory"
    echo
    echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
    echo "Azurite $(node -p "require('$ROOT/tests/azurite/node_modules/azurite/package.json').version") (npm, on disk), .NET $(dotnet --version), Release build."
    echo
    echo "Command: \`bench/storage.sh${*:+ $*}\`"
    echo
    echo "$RESULTS"
    echo
    cat <<'NOTES'
## What each column is

- **cold activation**: a back-office `GetAuditTrail` on an account the host has never held, one call at a time: the
  account grain activates and reads its state from the store. The accounts were created by another host (for the
  in-memory store, one that shared its memory), so nothing is cached. gRPC over loopback h2c is included.
- **warm call**: the same call again on the now active grain: no storage.
- **sign-ins/s**: `Login` with the right PIN by concurrent callers over the accounts: PBKDF2 (100,000 iterations),
  the account's decision written with its ETag, a session grain inserted. The hash dominates.
- **refusals/s**: wrong PINs on locked accounts: no hashing, but each refusal is audited and written (ETag) before
  it is told, so this is the store's cost on the decision path.
- **accounts created/s**: `CreateMember` (PBKDF2 and one insert) by concurrent callers, from the first host.

Client, Sésame and Azurite share this machine's cores; Azurite is Node.js on a local disk, not Azure (whose
latency is a network round trip, a few ms within a region). Numbers from one run; rerun to see the spread.
NOTES
} >"$REPORT"
log "wrote $REPORT"
cat "$REPORT"
