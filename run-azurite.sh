#!/usr/bin/env bash
# Runs Sésame on Azure Table storage without Docker: Azurite from npm (pinned by tests/azurite/package-lock.json) on
# 127.0.0.1:10002 with its data in .azurite/, then the Silo on it. Ctrl+C stops both; the data stays for the next run.
# Local keys only: the portal keys local-<tenant>-portal-key, the back-office key local-back-office-key, and a pepper,
# a grain key secret and an encryption key made once in .azurite/ (pepper, grain-key-secret, encryption-key). Arguments go to the Silo, e.g. ./run-azurite.sh --Sesame:Endpoint:Port=7071
set -euo pipefail
cd "$(dirname "$0")"

port=10002
azurite=tests/azurite/node_modules/azurite/dist/src/table/main.js
[ -f "$azurite" ] || npm ci --prefix tests/azurite --no-audit --no-fund --loglevel=error
mkdir -p .azurite
for secret in pepper grain-key-secret encryption-key; do
  [ -f ".azurite/$secret" ] || head -c 32 /dev/urandom | base64 > ".azurite/$secret"
done

node "$azurite" --tableHost 127.0.0.1 --tablePort "$port" --location .azurite --silent --disableTelemetry &
azurite_pid=$!
trap 'kill -INT "$azurite_pid" 2>/dev/null; wait "$azurite_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$azurite_pid" 2>/dev/null || { echo "run-azurite.sh: Azurite did not start (is port $port taken?)" >&2; exit 1; }
  sleep 0.1
done

key_hash() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
export Sesame__Storage__Provider=AzureTable
export Sesame__Storage__AzureTable__ConnectionString="UseDevelopmentStorage=true"
export Sesame__Hashing__Peppers__local="$(cat .azurite/pepper)"
export Sesame__Hashing__CurrentPepperId=local
export Sesame__Hashing__GrainKeySecret="$(cat .azurite/grain-key-secret)"
export Sesame__Encryption__Keys__local="$(cat .azurite/encryption-key)"
export Sesame__Encryption__CurrentKeyId=local
export Sesame__BackOffices__local__KeyHash="$(key_hash local-back-office-key)"
index=0
for tenant in assu2000 acs cpms mnt; do
  export "Sesame__Portals__${tenant}__Tenant=$tenant"
  export "Sesame__Portals__${tenant}__KeyHash=$(key_hash "local-$tenant-portal-key")"
  export "Sesame__BackOffices__local__Tenants__$index=$tenant"
  index=$((index + 1))
done

cat <<'TRY'
Sésame on Azurite (table sesamegrains, data in .azurite/). With `npm ci --prefix interop`, in another terminal:
  node interop/call.mjs 127.0.0.1:7070 sesame.v1.MemberAdmin/CreateMember \
    '{"tenant":"assu2000","identifier":"AS900001","secret":"482913"}' --metadata authorization='Bearer local-back-office-key'
  node interop/call.mjs 127.0.0.1:7070 sesame.v1.MemberAuth/Login \
    '{"tenant":"assu2000","identifier":"AS900001","secret":"482913"}' --metadata authorization='Bearer local-assu2000-portal-key'
TRY
dotnet run --project Silo -- "$@"
