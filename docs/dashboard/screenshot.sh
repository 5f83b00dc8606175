#!/usr/bin/env bash
# Takes docs/dashboard/dashboard.png, the README's picture of the Orleans dashboard under load: starts the Silo as
# `dotnet run --project Silo` does (Development, in memory, demo keys) with the dashboard on 127.0.0.1, seeds members
# with the load tool, plays its default mix for 60 s at 10 members/s, reading the dashboard meanwhile as an open page
# would, and near the end of the run takes a screenshot with headless Chromium (installed with apt-get if missing).
# Everything it started is stopped on exit.
# SESAME_PORT (gRPC, default 7070) and DASHBOARD_PORT (default 7090) move the two listeners.
set -euo pipefail
cd "$(dirname "$0")/../.."

grpc_port=${SESAME_PORT:-7070}
dashboard_port=${DASHBOARD_PORT:-7090}
out=docs/dashboard/dashboard.png
work=$(mktemp -d)

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium
  browser=$(command -v chromium)
fi

dotnet build Silo --nologo -v quiet -clp:NoSummary
dotnet build LoadTest --nologo -v quiet -clp:NoSummary

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap stop_all EXIT

(cd Silo && DOTNET_ENVIRONMENT=Development exec dotnet bin/Debug/net10.0/Sesame.Silo.dll \
  --Sesame:Endpoint:Port="$grpc_port" --Sesame:Dashboard:Port="$dashboard_port") >"$work/silo.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do
  (exec 3<>"/dev/tcp/127.0.0.1/$dashboard_port") 2>/dev/null && break
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$work/silo.log" >&2; echo "screenshot.sh: the Silo did not start" >&2; exit 1; }
  sleep 0.1
done

tool=(dotnet LoadTest/bin/Debug/net10.0/Sesame.LoadTest.dll)
target=(--address "http://127.0.0.1:$grpc_port" --members "$work/members.json")
"${tool[@]}" seed --count 100 "${target[@]}"
# The dashboard profiles grain calls only while it is being read (up to a minute after the last read), as an open page does.
read_dashboard() { curl -fsS -o /dev/null "http://127.0.0.1:$dashboard_port/DashboardCounters"; }
read_dashboard
"${tool[@]}" run --rate 10 --step-duration 60 --drain 10 --think-scale 0.25 --out "$work/report" "${target[@]}" >"$work/load.log" 2>&1 &
pids+=($!)
for _ in 1 2 3 4 5; do sleep 10; read_dashboard; done
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1440,1200 \
  --virtual-time-budget=10000 --screenshot="$out" "http://127.0.0.1:$dashboard_port/" 2>"$work/chromium.log"
wait "${pids[1]}" || { tail -n 40 "$work/load.log" >&2; echo "screenshot.sh: the load run failed" >&2; exit 1; }
grep -m1 -A12 '^## ' "$work/report/report.md" || true
echo "screenshot.sh: wrote $out"
