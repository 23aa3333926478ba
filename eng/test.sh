#!/usr/bin/env bash
# The test command (README): installs what is missing, starts the PostgreSQL and RabbitMQ the integration tests
# use, builds and runs every test (decider, integration, end-to-end with the whole AppHost), stops the servers.
# Idempotent; needs only Debian 12 with the .NET 10 SDK.
set -euo pipefail
root=$(realpath "$(dirname "$0")/..")
cd "$root"
eng/prerequisites.sh
npm ci --prefix eng/openapi --no-audit --no-fund --loglevel=error   # Redocly, for the OpenAPI lint tests
npm ci --prefix clients/typescript --no-audit --no-fund --loglevel=error   # the TypeScript client's generator, tsc, tsx

# Test servers live outside the work tree: PostgreSQL runs as the postgres user, which needs no access to it.
work="${TMPDIR:-/tmp}/servicemanufacturing-tests"
source eng/test-servers.sh "$work/servers"
trap stop_test_servers EXIT

# The AppHost under test has no dev certificate here and runs its own servers in a folder of the run.
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
export SM_E2E_DATA="$work/apphost"

dotnet build ServiceManufacturing.sln -c Release -nologo -clp:ErrorsOnly
set +e
dotnet test ServiceManufacturing.sln -c Release --no-build -nologo --filter "Category!=Benchmark" 2>&1 | tee "$work/test-output.txt"
status=${PIPESTATUS[0]}
set -e
# One closing line for all assemblies: "N passed, N failed, N skipped".
awk '/(Passed|Failed)! +- +Failed:/ { gsub(/,/, ""); f += $4; p += $6; s += $8 }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$work/test-output.txt"
exit "$status"
