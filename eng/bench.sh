#!/usr/bin/env bash
# The benchmark command (README): starts the whole AppHost as the end-to-end tests do (its own servers, in a folder
# of the run), measures the idle system, the deadline surge, propagation to Review, the gateway and a projection
# rebuild, each beside a baseline measured in the same run, prints the figures and writes bench/results/latest.json.
# It never fails on time (it fails only when the system could not be measured at all).
# Sizes (defaults are the issue's minimums): SM_BENCH_APPLICANTS (64), SM_BENCH_SUBMISSIONS (20000),
# SM_BENCH_REPLAY_EVENTS (1000000), SM_BENCH_IDLE_SECONDS (60), SM_BENCH_READ_SECONDS (10).
set -euo pipefail
root=$(realpath "$(dirname "$0")/..")
cd "$root"
eng/prerequisites.sh
work="${TMPDIR:-/tmp}/servicemanufacturing-bench"
mkdir -p "$work" bench/results
export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true SM_BENCH=1
export SM_E2E_DATA="${SM_E2E_DATA:-$work/apphost}"
export SM_BENCH_RESULTS="${SM_BENCH_RESULTS:-$root/bench/results/latest.json}"
SM_BENCH_COMMIT="$(git rev-parse HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo '+changes')"
export SM_BENCH_COMMIT
dotnet build tests/EndToEnd.Tests -c Release -nologo -clp:ErrorsOnly
rm -f "$SM_BENCH_RESULTS.new"
set +e
SM_BENCH_RESULTS="$SM_BENCH_RESULTS.new" dotnet test tests/EndToEnd.Tests -c Release --no-build -nologo --filter "Category=Benchmark" \
  --logger "console;verbosity=detailed" >"$work/bench.log" 2>&1
status=$?
set -e
# The figures, then the outcome; the whole log (with the system's own) stays in $work/bench.log.
awk '/^ *Deadline surge:/ { on = 1 } on { if ($0 ~ /^ *(Standard Error|Stack Trace|Error Message)/ || $0 ~ /^\s*$/ && ++blank == 99) on = 0; else { sub(/^ /, ""); print } }
     /^(Test Run|Total tests|     (Passed|Failed):)/ { print }' "$work/bench.log"
if [[ -s "$SM_BENCH_RESULTS.new" ]]; then
  mv "$SM_BENCH_RESULTS.new" "$SM_BENCH_RESULTS"
  echo "Results: $SM_BENCH_RESULTS"
  exit 0
fi
echo "No results were written; see $work/bench.log" >&2
exit "$status"
