#!/usr/bin/env bash
# Compares a hit before and after a change, both builds answering at the same time on
# 127.0.0.1 so that the shared machine's noise falls on both alike: the Jersey bench server
# (hit against the precomputed floor) and the Quarkus test application (hit against the same
# read never cached, blocking and Uni endpoints). Repetitions alternate between the builds; the
# first is a warm-up and is left out of the means.
#
#   benchmarks/side-by-side.sh BASE_REV [repetitions]     (default 5; about 1 minute each)
#
# BASE_REV is any commit; the other build is the working tree's HEAD. Nothing is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
base_rev=${1:?usage: benchmarks/side-by-side.sh BASE_REV [repetitions]}
reps=${2:-5}
work=$(mktemp -d /tmp/restcache-sbs.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
command -v wrk > /dev/null || { apt-get update -q && apt-get install -y -q wrk; } > /dev/null

for build in base head; do
  rev=$([[ $build == base ]] && echo "$base_rev" || echo HEAD)
  git clone -q . "$work/$build" && git -C "$work/$build" checkout -q "$rev"
  echo "building $build ($(git -C "$work/$build" log --oneline -1))"
  (cd "$work/$build" && ./mvnw -q -B -Pbenchmarks -pl benchmarks,integration-tests/quarkus-app -am \
    package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt \
    -Dmdep.includeScope=runtime)
done

start() { # name, port, command...
  local name=$1 port=$2; shift 2
  "$@" > "$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 90); do curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0; sleep 1; done
  echo "$name did not start:"; cat "$work/$name.log"; exit 1
}
declare -A jersey=([base]=18280 [head]=18281) quarkus=([base]=18290 [head]=18291)
for build in base head; do
  cp="$work/$build/benchmarks/target/classes:$(cat "$work/$build/benchmarks/target/classpath.txt")"
  start "jersey-$build" "${jersey[$build]}" java -Xms512m -Xmx512m -cp "$cp" \
    dev.restcache.bench.BenchServer "${jersey[$build]}"
  start "quarkus-$build" "${quarkus[$build]}" java -Dquarkus.http.port="${quarkus[$build]}" \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.log.level=WARN \
    -jar "$work/$build/integration-tests/quarkus-app/target/quarkus-app/quarkus-run.jar"
done

rps() { # url
  wrk -t2 -c32 -d6s -H "Host: bench.example" "$1" | awk '/Requests\/sec/ {print $2}'
}
declare -A sums
for rep in $(seq "$reps"); do
  for build in base head; do
    for path in hit floor; do
      value=$(rps "http://127.0.0.1:${jersey[$build]}/$path")
      echo "rep $rep $build jersey/$path $value"
      (( rep > 1 )) && sums[$build,jersey/$path]=$(echo "${sums[$build,jersey/$path]:-0} + $value" | bc)
    done
    for path in books/1 books/plain/1 reactive/1 reactive/plain/1; do
      value=$(rps "http://127.0.0.1:${quarkus[$build]}/$path")
      echo "rep $rep $build quarkus/$path $value"
      (( rep > 1 )) && sums[$build,quarkus/$path]=$(echo "${sums[$build,quarkus/$path]:-0} + $value" | bc)
    done
  done
done

ratio() { printf '%.2f' "$(echo "$1 / $2" | bc -l)"; }
echo
echo "means of repetitions 2-$reps, wrk -t2 -c32 -d6s; base $base_rev, head $(git log --oneline -1 | cut -c1-7)"
printf '%-34s %8s %8s\n' "" base head
for pair in "jersey hit / floor:jersey/hit:jersey/floor" \
    "quarkus blocking hit / uncached:quarkus/books/1:quarkus/books/plain/1" \
    "quarkus Uni hit / uncached:quarkus/reactive/1:quarkus/reactive/plain/1"; do
  IFS=: read -r label hit other <<< "$pair"
  printf '%-34s %8s %8s\n' "$label" "$(ratio "${sums[base,$hit]}" "${sums[base,$other]}")" \
    "$(ratio "${sums[head,$hit]}" "${sums[head,$other]}")"
done
for hit in jersey/hit quarkus/books/1 quarkus/reactive/1; do
  printf '%-34s %17s\n' "$hit head / base" "$(ratio "${sums[head,$hit]}" "${sums[base,$hit]}")"
done
