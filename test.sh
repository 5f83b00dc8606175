#!/usr/bin/env bash
# Runs Sésame's whole test suite on a fresh machine: installs what the tests need, builds, runs every test project.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null 2>&1; then
  echo "test.sh: installing Node.js from Debian's packages" >&2
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi

# The letters tests read the PDFs with poppler's pdftotext; the server draws them with DejaVu Sans.
if ! command -v pdftotext >/dev/null 2>&1 || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  echo "test.sh: installing poppler-utils and fonts-dejavu-core from Debian's packages" >&2
  apt-get update -qq && apt-get install -y -qq poppler-utils fonts-dejavu-core >/dev/null
fi

# The real gRPC client of the interop tests (@grpc/grpc-js), pinned by interop/package-lock.json.
npm ci --prefix interop --no-audit --no-fund --loglevel=error
# Azurite, the Azure Table storage emulator of the cluster tests (tests/Cluster.Tests), pinned by tests/azurite/package-lock.json.
npm ci --prefix tests/azurite --no-audit --no-fund --loglevel=error
# smtp4dev, the SMTP server the e-mail tests send to, pinned by .config/dotnet-tools.json.
dotnet tool restore

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Orleans.sln --nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line for the whole suite, summed over the test assemblies.
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", "");
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:") failed += $(i + 1);
         if ($i == "Passed:") passed += $(i + 1);
         if ($i == "Skipped:") skipped += $(i + 1);
       }
     }
     END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
exit "$status"
