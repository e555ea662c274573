#!/usr/bin/env bash
# Runs every restcache benchmark and writes benchmarks/results/ and docs/performance.png.
#
#   benchmarks/run.sh           the full run (about 22 minutes on 2 cores)
#   benchmarks/run.sh --quick   one short repetition of everything, to check the script
#   benchmarks/run.sh --cluster-only [--quick]
#                               the cluster rows alone, into benchmarks/target/cluster-results
#
# Installs nginx, varnish and wrk from Debian's packages when they are missing (needs root).
# Every server listens on 127.0.0.1 only.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS=$ROOT/benchmarks/results
WORK=$(mktemp -d /tmp/restcache-bench.XXXXXX)
chmod 755 "$WORK" # varnishd reads its VCL as an unprivileged user

DURATION=10s REPS=5 WARMUP=5s TRIALS=300 ENTRIES=100000 JMH_ARGS=() CLUSTER_ONLY=false
for arg in "$@"; do
  case $arg in
    --quick)
      DURATION=2s REPS=1 WARMUP=2s TRIALS=30 ENTRIES=20000 JMH_ARGS=(-wi 1 -i 1 -r 500ms -w 500ms) ;;
    --cluster-only) CLUSTER_ONLY=true RESULTS=$ROOT/benchmarks/target/cluster-results ;;
    *) echo "unknown option $arg"; exit 2 ;;
  esac
done
THREADS=2 CONNECTIONS=32
APP=18080 NGINX=18081 VARNISH=18082 CLUSTER=18083 BASELINE=18084 FRONT=18085 REUSE=18086
MEMBERS=(18091 18092 18093) # Hazelcast's, the application's first

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f $WORK/nginx.pid ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [[ -f $WORK/varnish.pid ]] && kill "$(cat "$WORK/varnish.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

missing=()
for tool in nginx varnishd wrk; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if (( ${#missing[@]} )); then
  echo "installing nginx varnish wrk (missing: ${missing[*]})"
  apt-get update -q && apt-get install -y -q nginx varnish wrk
fi

echo "building"
./mvnw -q -B -Pbenchmarks -pl benchmarks -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
CP=$ROOT/benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
JAVA_OPTS=(-Xms512m -Xmx512m -Djdk.httpclient.allowRestrictedHeaders=host
  --add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.management/sun.management=ALL-UNNAMED
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED)
run_java() { java "${JAVA_OPTS[@]}" -cp "$CP" "$@"; }

start_server() { # name, class, args...
  local name=$1; shift
  java "${JAVA_OPTS[@]}" -cp "$CP" "$@" > "$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    grep -q READY "$WORK/$name.log" && return 0
    sleep 0.5
  done
  echo "$name did not start:"; cat "$WORK/$name.log"; exit 1
}

# scenario name -> URL; the same 1 KiB JSON for floor, hit, front, nginx, varnish and the clusters.
# front is a public entry served by the front, on the second port of the same process.
# The cluster scenarios run last, one cluster at a time: idle Hazelcast members use CPU of
# their own, which must not weigh on the other scenarios.
declare -A URLS=(
  [floor]=http://127.0.0.1:$APP/floor
  [hit]=http://127.0.0.1:$APP/hit
  [front]=http://127.0.0.1:$FRONT/front
  [expensive]=http://127.0.0.1:$APP/expensive
  [expensive-cached]=http://127.0.0.1:$APP/expensive-cached
  [backend]=http://127.0.0.1:$APP/backend
  [backend-cached]=http://127.0.0.1:$APP/backend-cached
  [nginx]=http://127.0.0.1:$NGINX/plain
  [varnish]=http://127.0.0.1:$VARNISH/plain
  [cluster-baseline]=http://127.0.0.1:$BASELINE/hit
  [cluster]=http://127.0.0.1:$CLUSTER/hit
  [near-baseline]=http://127.0.0.1:$BASELINE/hit
  [cluster-near]=http://127.0.0.1:$CLUSTER/hit
  [cluster-reuse]=http://127.0.0.1:$REUSE/hit
  [cluster-near-reuse]=http://127.0.0.1:$REUSE/hit
)
ORDER=(floor hit front expensive expensive-cached backend backend-cached nginx varnish)

to_ms() { # wrk latency such as 812.00us, 1.23ms, 1.01s
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); print v }
    else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000 }
    else print v }'
}

cpu_ticks() { # user + system CPU ticks of a process so far
  awk '{print $14 + $15}' "/proc/$1/stat"
}

load() { # scenario, duration -> "rps,p50,p99,server_cpu_us_per_request"
  local before=0 out
  [[ -n $SERVER_PID ]] && before=$(cpu_ticks "$SERVER_PID")
  out=$(wrk -t$THREADS -c$CONNECTIONS -d"$2" --latency -H "Host: bench.example" "${URLS[$1]}")
  if grep -q "Non-2xx" <<<"$out"; then echo "$1 answered errors:"; echo "$out"; exit 1; fi
  local rps p50 p99 requests cpu=""
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  # The server's own CPU per request: unlike throughput, barely moved by what else runs.
  if [[ -n $SERVER_PID && $1 != nginx && $1 != varnish ]]; then
    cpu=$(awk -v t="$(( $(cpu_ticks "$SERVER_PID") - before ))" -v hz="$(getconf CLK_TCK)" \
      -v n="$requests" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }')
  fi
  echo "$rps,$p50,$p99,$cpu"
}

measure() { # scenarios...: warm each up twice, then run them interleaved, REPS times
  local scenarios=("$@") n=$#
  for _ in 1 2; do
    for scenario in "$@"; do load "$scenario" "$WARMUP" > /dev/null; done
  done
  for rep in $(seq 1 $REPS); do
    # Each repetition starts one scenario later, so that no scenario always follows the same one.
    for i in $(seq 0 $((n - 1))); do
      scenario=${scenarios[$(( (i + rep - 1) % n ))]}
      line="$scenario,$rep,$(load "$scenario" "$DURATION")"
      echo "  $line"
      echo "$line" >> "$RESULTS/load.csv"
    done
  done
}

# Profiled apart from the measured runs: starting a recording costs seconds of its own.
profile() { # pid, scenario -> $RESULTS/<scenario>-profile.txt
  jcmd "$1" JFR.start name="$2" filename="$WORK/$2.jfr" settings=profile > /dev/null
  sleep 2
  load "$2" "$DURATION" > /dev/null
  jcmd "$1" JFR.stop name="$2" > /dev/null
  run_java dev.restcache.bench.JfrTop "$WORK/$2.jfr" 20 > "$RESULTS/$2-profile.txt"
}

stop_servers() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}

# Three Hazelcast members, each in its own JVM on 127.0.0.1: two members alone, then the
# application's, which joins the running cluster as a new instance would. ClusterServer keys its
# entries so that everything a hit reads is owned by the other two processes.
cluster_rows() { # scenario, its in-memory baseline, near cache
  local name=restcache-bench-$RANDOM$RANDOM
  start_server "$1-member1" dev.restcache.bench.MemberProcess "$name" "$3" \
    "${MEMBERS[1]}" "${MEMBERS[0]}" "${MEMBERS[2]}"
  start_server "$1-member2" dev.restcache.bench.MemberProcess "$name" "$3" \
    "${MEMBERS[2]}" "${MEMBERS[0]}" "${MEMBERS[1]}"
  start_server "$1" dev.restcache.bench.ClusterServer $CLUSTER "$3" $BASELINE $REUSE "$name" \
    "${MEMBERS[@]}"
  SERVER_PID=${PIDS[-1]} # the CPU per request is the application's, not the other members'
  grep READY "$WORK/$1.log"
  measure "$2" "$1" "$1-reuse"
  profile "$SERVER_PID" "$1-reuse"
  stop_servers
}

measure_clusters() {
  echo "cluster of three processes, no near cache"
  cluster_rows cluster cluster-baseline false
  echo "cluster of three processes, near cache"
  cluster_rows cluster-near near-baseline true
}

mkdir -p "$RESULTS"
echo "scenario,rep,requests_per_s,p50_ms,p99_ms,server_cpu_us_per_request" \
  > "$RESULTS/load.csv"
if $CLUSTER_ONLY; then
  measure_clusters
  run_java dev.restcache.bench.Report "$RESULTS" "$RESULTS/performance.png"
  exit 0
fi

echo "starting the application, nginx and varnish"
SERVER_PID=""
start_server app dev.restcache.bench.BenchServer $APP $FRONT
APP_PID=${PIDS[0]}
SERVER_PID=$APP_PID

mkdir -p "$WORK/nginx-cache" "$WORK/nginx-logs"
cat > "$WORK/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  proxy_cache_path $WORK/nginx-cache keys_zone=bench:10m;
  upstream app { server 127.0.0.1:$APP; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_cache bench;
      proxy_cache_valid 200 1h;
      proxy_cache_lock on;
    }
  }
}
EOF
nginx -p "$WORK" -c "$WORK/nginx.conf"

cat > "$WORK/bench.vcl" <<EOF
vcl 4.1;
backend default { .host = "127.0.0.1"; .port = "$APP"; }
sub vcl_backend_response { set beresp.ttl = 1h; }
EOF
varnishd -a 127.0.0.1:$VARNISH -f "$WORK/bench.vcl" -n "$WORK/varnish" -s malloc,64m \
  -P "$WORK/varnish.pid"

echo "single instance, nginx and varnish"
measure "${ORDER[@]}"

echo "profiling hits and the floor"
for scenario in hit floor front; do profile "$APP_PID" "$scenario"; done
stop_servers

measure_clusters

echo "invalidation across members ($TRIALS trials each)"
echo "level,near_cache,trials,p50_ms,p99_ms,max_ms,stale_first_reads" > "$RESULTS/invalidation.csv"
run_java dev.restcache.bench.InvalidationBench false $TRIALS >> "$RESULTS/invalidation.csv"
run_java dev.restcache.bench.InvalidationBench true $TRIALS >> "$RESULTS/invalidation.csv"

echo "collapsing"
echo "setup,key,requests,resource_runs" > "$RESULTS/collapsing.csv"
run_java dev.restcache.bench.CollapseBench 10 >> "$RESULTS/collapsing.csv"

echo "memory per entry ($ENTRIES entries, 3 runs)"
echo "entries,body_bytes,header_bytes,payload_bytes,heap_bytes_per_entry,overhead_per_entry" \
  > "$RESULTS/memory.csv"
for _ in 1 2 3; do
  java -Xms2g -Xmx2g -cp "$CP" dev.restcache.bench.MemoryBench "$ENTRIES" 1024 \
    >> "$RESULTS/memory.csv"
done

echo "Hazelcast round trips per store and bytes per entry"
echo "label,quantity,value" > "$RESULTS/hazelcast-cost.csv"
run_java dev.restcache.bench.HazelcastCost "$(git rev-parse --short HEAD)" $((ENTRIES / 10)) 3 \
  >> "$RESULTS/hazelcast-cost.csv"

echo "JMH hot paths"
java -cp "$CP" org.openjdk.jmh.Main HotPathsBenchmark "${JMH_ARGS[@]}" -rf csv \
  -rff "$RESULTS/jmh.csv" > "$WORK/jmh.log"
tail -n 12 "$WORK/jmh.log"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cores: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "nginx: $(nginx -v 2>&1)"
  echo "varnish: $(varnishd -V 2>&1 | head -1)"
  echo "wrk: -t$THREADS -c$CONNECTIONS -d$DURATION, $REPS repetitions, scenarios interleaved"
} > "$RESULTS/machine.txt"

run_java dev.restcache.bench.Report "$RESULTS" "$ROOT/docs/performance.png"
echo "results in $RESULTS, chart in docs/performance.png"
