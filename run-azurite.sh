#!/usr/bin/env bash
# Runs Sésame on Azure Table storage without Docker: Azurite from npm (pinned by tests/azurite/package-lock.json) on
# 127.0.0.1:10002 with its data in .azurite/, smtp4dev (the dotnet tool pinned by .config/dotnet-tools.json) as the
# local inbox every e-mail goes to (SMTP on 127.0.0.1:2525, web inbox on http://127.0.0.1:5080; SMTP4DEV_SMTP_PORT and
# SMTP4DEV_WEB_PORT change them), then one Silo, or with --silos N a cluster of N Silo processes on them (gRPC on 7070,
# 7071, …; silo-to-silo on 11111, 11112, …; gateways on 30000, 30001, …; one Orleans cluster through Azure Table
# membership). Ctrl+C stops them all and exits 0; the table data stays for the next run, the inbox does not.
# Local keys only: the portal keys local-<tenant>-portal-key (all five tenants), the back-office key
# local-back-office-key, and a pepper, a grain key secret, an encryption key and a log hashing key made once in .azurite/ (pepper,
# grain-key-secret, encryption-key, log-hmac-key). Other arguments go to every Silo, e.g. ./run-azurite.sh --silos 2 --Sesame:Demo:Enabled=false
set -euo pipefail
cd "$(dirname "$0")"

silos=1
silo_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos=${2:?--silos takes a number}; shift 2 ;;
    --silos=*) silos=${1#--silos=}; shift ;;
    *) silo_args+=("$1"); shift ;;
  esac
done
case "$silos" in
  '' | *[!0-9]* | 0) echo "run-azurite.sh: --silos takes a number from 1, not '$silos'" >&2; exit 2 ;;
esac

port=10002
smtp_port=${SMTP4DEV_SMTP_PORT:-2525}
inbox_port=${SMTP4DEV_WEB_PORT:-5080}
azurite=tests/azurite/node_modules/azurite/dist/src/table/main.js
[ -f "$azurite" ] || npm ci --prefix tests/azurite --no-audit --no-fund --loglevel=error
dotnet tool restore >/dev/null
mkdir -p .azurite/smtp4dev
for secret in pepper grain-key-secret encryption-key log-hmac-key; do
  [ -f ".azurite/$secret" ] || head -c 32 /dev/urandom | base64 > ".azurite/$secret"
done

node "$azurite" --tableHost 127.0.0.1 --tablePort "$port" --location .azurite --silent --disableTelemetry &
azurite_pid=$!
# Messages in memory (--db=), settings of its own (not the user's), nothing listening beyond loopback.
dotnet tool run smtp4dev -- --smtpport="$smtp_port" --imapport=0 --pop3port=0 --bindaddress=127.0.0.1 \
  --urls="http://127.0.0.1:$inbox_port" --db= --nousersettings --baseappdatapath=.azurite/smtp4dev >.azurite/smtp4dev.log 2>&1 &
smtp4dev_pid=$!
silo_pids=()
stop_all() {
  # Silos first (SIGTERM: each leaves the cluster and stops within its shutdown timeout), then what they stand on.
  for pid in "${silo_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${silo_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  kill -INT "$azurite_pid" 2>/dev/null || true
  kill -TERM "$smtp4dev_pid" 2>/dev/null || true
  wait "$azurite_pid" "$smtp4dev_pid" 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 0' INT TERM

# wait_for NAME PID PORT TENTHS: until PORT accepts connections, or fail if PID ends or TENTHS of a second pass.
wait_for() {
  for _ in $(seq 1 "$4"); do
    (exec 3<>"/dev/tcp/127.0.0.1/$3") 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || break
    sleep 0.1
  done
  echo "run-azurite.sh: $1 did not start (is port $3 taken?)" >&2
  exit 1
}
wait_for Azurite "$azurite_pid" "$port" 300
wait_for "smtp4dev (log: .azurite/smtp4dev.log)" "$smtp4dev_pid" "$smtp_port" 1200

key_hash() { printf %s "$1" | sha256sum | cut -d' ' -f1; }
export Sesame__Storage__Provider=AzureTable
export Sesame__Storage__AzureTable__ConnectionString="UseDevelopmentStorage=true"
export Sesame__Hashing__Peppers__local="$(cat .azurite/pepper)"
export Sesame__Hashing__CurrentPepperId=local
export Sesame__Notifications__Smtp__Host=127.0.0.1
export Sesame__Notifications__Smtp__Port="$smtp_port"
export Sesame__Notifications__Smtp__Security=None
export Sesame__Hashing__GrainKeySecret="$(cat .azurite/grain-key-secret)"
export Sesame__Encryption__Keys__local="$(cat .azurite/encryption-key)"
export Sesame__Encryption__CurrentKeyId=local
export Sesame__Telemetry__LogRedaction__HmacKey="$(cat .azurite/log-hmac-key)"
export Sesame__BackOffices__local__KeyHash="$(key_hash local-back-office-key)"
index=0
for tenant in assu2000 acs cpms mnt mes; do
  export "Sesame__Portals__${tenant}__Tenant=$tenant"
  export "Sesame__Portals__${tenant}__KeyHash=$(key_hash "local-$tenant-portal-key")"
  export "Sesame__BackOffices__local__Tenants__$index=$tenant"
  index=$((index + 1))
done

echo "E-mails go to smtp4dev: the inbox is http://127.0.0.1:$inbox_port (SMTP on 127.0.0.1:$smtp_port)."
cat <<'TRY'
Sésame on Azurite (tables sesamegrains, OrleansSiloInstances and OrleansReminders; data in .azurite/). With
`npm ci --prefix interop`, in another terminal (any silo's port takes any call):
  node interop/call.mjs 127.0.0.1:7070 sesame.v1.MemberAdmin/CreateMember \
    '{"tenant":"assu2000","identifier":"AS900001","secret":"482913"}' --metadata authorization='Bearer local-back-office-key'
  node interop/call.mjs 127.0.0.1:7070 sesame.v1.MemberAuth/Login \
    '{"tenant":"assu2000","identifier":"AS900001","secret":"482913"}' --metadata authorization='Bearer local-assu2000-portal-key'
TRY
dotnet build Silo --nologo -v quiet -clp:NoSummary
export DOTNET_ENVIRONMENT=${DOTNET_ENVIRONMENT:-Development}
for index in $(seq 0 $((silos - 1))); do
  # Each line of a silo's output says which silo wrote it when there are several.
  prefix=""
  [ "$silos" -gt 1 ] && prefix="[silo $index] "
  (cd Silo && exec dotnet bin/Debug/net10.0/Sesame.Silo.dll \
    --Sesame:Endpoint:Port=$((7070 + index)) \
    --Sesame:Cluster:SiloPort=$((11111 + index)) \
    --Sesame:Cluster:GatewayPort=$((30000 + index)) \
    "${silo_args[@]}") > >(sed -u "s/^/$prefix/") 2>&1 &
  silo_pids+=($!)
done
wait -n "${silo_pids[@]}" || status=$?
echo "run-azurite.sh: a silo ended (status ${status:-0}); stopping the others." >&2
exit "${status:-0}"
