#!/usr/bin/env bash
# Load run of the Quarkus test application (integration-tests/quarkus-app) on 127.0.0.1: a
# cached read answered from the in-memory cache against the same read never cached, for a
# blocking endpoint (worker thread) and a Uni endpoint (event loop). Scenarios are interleaved
# over several repetitions so that the shared machine's noise spreads over all of them; the
# figures to read are the ratios within one run.
#
#   benchmarks/quarkus-load.sh [repetitions]      (default 5; about 1 minute per repetition)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5}
port=18089
duration=8s
out=benchmarks/results/quarkus-load.txt

command -v wrk > /dev/null || { apt-get update -q && apt-get install -y -q wrk; } > /dev/null
./mvnw -q -B package -DskipTests -pl integration-tests/quarkus-app -am
java -Dquarkus.http.port=$port -Dquarkus.http.host=127.0.0.1 -Dquarkus.log.level=WARN \
  -jar integration-tests/quarkus-app/target/quarkus-app/quarkus-run.jar &
app=$!
trap 'kill $app 2> /dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && break; sleep 1; done

scenarios=("books/1" "books/plain/1" "reactive/1" "reactive/plain/1")
for path in "${scenarios[@]}"; do  # warm-up, and the first miss that fills the cache
  wrk -t2 -c32 -d10s "http://127.0.0.1:$port/$path" > /dev/null
done
declare -A sums
for rep in $(seq "$reps"); do
  # Rotate the order each repetition.
  for i in "${!scenarios[@]}"; do
    path=${scenarios[$(( (i + rep) % ${#scenarios[@]} ))]}
    rps=$(wrk -t2 -c32 -d$duration "http://127.0.0.1:$port/$path" | awk '/Requests\/sec/ {print $2}')
    sums[$path]=$(echo "${sums[$path]:-0} + $rps" | bc)
    echo "rep $rep $path $rps"
  done
done
{
  echo "Quarkus test application, wrk -t2 -c32 -d$duration, $reps repetitions, $(date -u +%F)"
  for path in "${scenarios[@]}"; do
    printf '%-18s %10.0f req/s (mean)\n' "$path" "$(echo "${sums[$path]} / $reps" | bc -l)"
  done
  printf 'hit/uncached, blocking endpoint: %.2f\n' "$(echo "${sums[books/1]} / ${sums[books/plain/1]}" | bc -l)"
  printf 'hit/uncached, Uni endpoint:      %.2f\n' "$(echo "${sums[reactive/1]} / ${sums[reactive/plain/1]}" | bc -l)"
} | tee "$out"
