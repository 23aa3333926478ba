#!/usr/bin/env bash
# The benchmark command (README): starts the whole AppHost as the end-to-end tests do (its own servers, in a folder
# of the run) and measures the deadline surge through the gateway, printing figures. It never fails on time.
#   SM_BENCH_APPLICANTS (200), SM_BENCH_CONCURRENCY (32), SM_BENCH_READ_SECONDS (10)
set -euo pipefail
root=$(realpath "$(dirname "$0")/..")
cd "$root"
eng/prerequisites.sh
work="${TMPDIR:-/tmp}/servicemanufacturing-bench"
mkdir -p "$work"
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true SM_BENCH=1
export SM_E2E_DATA="$work/apphost"
dotnet build tests/EndToEnd.Tests -c Release -nologo -clp:ErrorsOnly
set +e
dotnet test tests/EndToEnd.Tests -c Release --no-build -nologo --filter "Category=Benchmark" \
  --logger "console;verbosity=detailed" >"$work/bench.log" 2>&1
status=$?
set -e
# The figures, then the outcome; the whole log (with the system's own) stays in $work/bench.log.
awk '/^ *Deadline surge/ { on = 1 } on { sub(/^ /, ""); print; if ($0 ~ /^ *$/ && ++blank == 2) on = 0 }
     /^(Test Run|Total tests|     (Passed|Failed):)/ { print }' "$work/bench.log"
exit "$status"
