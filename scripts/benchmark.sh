#!/usr/bin/env bash
# The side-by-side benchmark of the README: builds Release, then for each mode starts a server on loopback and runs
# the load generator (bench/Scim.Benchmark) against it: the no-work server (bench/Scim.NoWork, the ceiling of the
# request path), the service in memory, and the service on PostgreSQL, where it also measures raw single-row INSERTs
# into an equivalent table with pgbench at the same client counts. PostgreSQL keeps its durable defaults (fsync and
# synchronous_commit on). The per-tenant rate limit is lifted so that capacity, not the limit, is measured. At the
# end it prints every goal with its figures and ratio (all from this run).
#
#   scripts/benchmark.sh [no-work|in-memory|postgres|all|telemetry] [extra load-generator options, e.g. --seconds 10]
#   (telemetry, not part of all: the in-memory service with OpenTelemetry off beside one with it on as docker-compose
#   runs it: OTLP export to a collector that keeps nothing, one request in ten traced (BENCHMARK_TRACE_SAMPLE_RATIO),
#   /metrics on; each measurement taken in turns between the two, --slice-seconds at a time; BENCHMARK_TELEMETRY_ON,
#   settings separated by spaces, replaces the "on" side's, BENCHMARK_TELEMETRY_OFF the "off" side's)
#   BENCHMARK_SHARED_BUFFERS=4GB scripts/benchmark.sh postgres ...   (PostgreSQL's shared_buffers; 1GB by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
modes=${1:-all}; shift || true
dotnet build Scim.sln -c Release -nologo -v q >/dev/null
dotnet build bench/Scim.Benchmark -c Release -nologo -v q >/dev/null
dotnet build bench/Scim.NoWork -c Release -nologo -v q >/dev/null
results=$(mktemp)
# The mail the service sends while measured (temporary passwords) goes to a throwaway pickup folder.
mail=$(mktemp -d)
trap 'service_stop_all; rm -rf "$mail"' EXIT
port=${BENCHMARK_PORT:-5100}
# Every process runs with the GC's gen0 budget the image sets (Dockerfile): on this kind of VM, whose caches the runtime
# cannot read, its default is about 5 MB. BENCHMARK_GC_GEN0_SIZE= (empty) leaves the runtime's default.
gen0=${BENCHMARK_GC_GEN0_SIZE-0x2000000}
if [ -n "$gen0" ]; then export DOTNET_GCgen0size=$gen0; fi
source "$root/scripts/service.sh"
service_init Release
key=$SERVICE_KEY

# serve [VAR=value...]: one silo co-hosting the API, quiet logging, the rate limit lifted, the Orleans dashboard off (it
# profiles every grain call; single-node mode turns it on for people trying the service); waits until it is ready.
serve() {
  service_start "server-$port" Scim.Silo "http://127.0.0.1:$port" Orleans__SiloPort=21300 Orleans__GatewayPort=22300 \
    Orleans__AdvertisedIPAddress=127.0.0.1 Logging__LogLevel__Default=Warning Telemetry__Dashboard=false \
    Scim__RateLimits__Default__PermitsPerSecond=1000000 Scim__RateLimits__Default__Burst=1000000 \
    Scim__Mail__PickupFolder="$mail" "$@"
  service_ready "server-$port" "http://127.0.0.1:$port"
}

# The service's pid (the last started) lets the load generator read its peak memory while it serves large groups.
load() { dotnet "$root/bench/Scim.Benchmark/bin/Release/net10.0/Scim.Benchmark.dll" --url "http://127.0.0.1:$port" --operator-key "$key" \
  --service-pid "${SERVICE_PIDS[-1]}" --results "$results" "$@"; }

if [ "$modes" = no-work ] || [ "$modes" = all ]; then
  echo "== no-work server"
  service_start no-work bench/Scim.NoWork "http://127.0.0.1:$port"
  service_ready no-work "http://127.0.0.1:$port"
  load --mode no-work "$@"
  service_stop_all
fi

if [ "$modes" = in-memory ] || [ "$modes" = all ]; then
  echo "== single node, in-memory"
  serve
  load --mode in-memory "$@"
  service_stop_all
fi

if [ "$modes" = postgres ] || [ "$modes" = all ]; then
  echo "== one silo on PostgreSQL (durable commits)"
  source "$root/scripts/postgres.sh"
  # BENCHMARK_SHARED_BUFFERS sizes PostgreSQL's cache: a tenant of a million users wants its working set to fit.
  postgres_start -c shared_buffers="${BENCHMARK_SHARED_BUFFERS:-1GB}"
  trap 'service_stop_all; postgres_stop; rm -rf "$mail"' EXIT
  psql -q -h 127.0.0.1 -p "$PGPORT" -U scim -d postgres -c "CREATE DATABASE scim"
  serve ConnectionStrings__Scim="Host=127.0.0.1;Port=$PGPORT;Username=scim;Database=scim"
  # An equivalent table for the raw baseline: same columns, indexes and unique indexes as scim_resources.
  psql -q -h 127.0.0.1 -p "$PGPORT" -U scim -d scim -c "CREATE TABLE raw_inserts (LIKE scim_resources INCLUDING ALL)"
  insert=$(mktemp)
  cat >"$insert" <<'SQL'
INSERT INTO raw_inserts (tenant, kind, id, version, user_name, external_id, display_name, active, created, last_modified, document)
VALUES ('raw', 0, gen_random_uuid()::text, 1, 'u' || gen_random_uuid(), 'x-' || gen_random_uuid(), 'Bench User', true, now(), now(),
  '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"userName":"bench","externalId":"x-bench","name":{"givenName":"Bench","familyName":"User"},"displayName":"Bench User","emails":[{"value":"bench@bench.example","type":"work","primary":true}],"active":true,"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"bench","department":"Engineering","costCenter":"CC-42"}}');
SQL
  for clients in 16 64; do
    tps=$("$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$PGPORT" -U scim -c "$clients" -j 2 -T 10 -f "$insert" scim 2>/dev/null | awk '/^tps/ {print $3; exit}')
    printf '%-44s %9.0f req/s   (pgbench, single-row INSERT into an equivalent table)\n' "raw INSERTs, $clients clients" "$tps"
    printf 'pgbench\tcreate/%s\t%s\n' "$clients" "$tps" >>"$results"
  done
  # The baseline's rows go, and a checkpoint writes out the pages pgbench dirtied, before the service is measured: else
  # autovacuum of those rows and the checkpoint run during the service's first measurements.
  psql -q -h 127.0.0.1 -p "$PGPORT" -U scim -d scim -c "DROP TABLE raw_inserts" -c "CHECKPOINT"
  load --mode postgres "$@"
fi

if [ "$modes" = telemetry ]; then
  sink=$((port + 1))
  on=(OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$sink" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf
    Telemetry__TraceSampleRatio="${BENCHMARK_TRACE_SAMPLE_RATIO:-0.1}" Telemetry__Prometheus__Enabled=true)
  # BENCHMARK_TELEMETRY_ON replaces the "on" side's settings, e.g. Telemetry__Enabled=false to see the method's own noise.
  if [ -n "${BENCHMARK_TELEMETRY_ON:-}" ]; then read -ra on <<< "$BENCHMARK_TELEMETRY_ON"; fi
  off=(Telemetry__Enabled=false)
  # BENCHMARK_TELEMETRY_OFF replaces the "off" side's: two settings of telemetry compared directly, e.g. with and without
  # one of its parts, tell that part's cost apart better than two runs against telemetry off.
  if [ -n "${BENCHMARK_TELEMETRY_OFF:-}" ]; then read -ra off <<< "$BENCHMARK_TELEMETRY_OFF"; fi
  # Both services run at once, and each measurement takes turns between them (--slice-seconds, 1 by default), so that
  # the machine's drift falls on both sides alike: measured one after the other, identical services differed by more
  # than the 5% compared here. Side by side, two identical services still differed by 3-7% on some operations, always
  # the same way within a run: so there are two runs, and in the second the two settings trade places (which starts
  # first, which ports). The report compares them slice by slice (see Goals).
  for round in 1 2; do
    # collector: the no-work server's OTLP endpoint, which reads each export and keeps nothing.
    service_start collector bench/Scim.NoWork "http://127.0.0.1:$sink"
    service_ready collector "http://127.0.0.1:$sink"
    if [ "$round" = 1 ]; then first=("${on[@]}") second=("${off[@]}") sides=(telemetry-on telemetry-off)
    else first=("${off[@]}") second=("${on[@]}") sides=(telemetry-off telemetry-on); fi
    echo "== single node, in-memory, telemetry on and off in turns (run $round of 2: ${sides[0]} started first)"
    port=$((port + 2)) serve Orleans__SiloPort=21302 Orleans__GatewayPort=22302 "${first[@]}"
    serve "${second[@]}"
    load --mode "${sides[1]}" --paired-url "http://127.0.0.1:$((port + 2))" --paired-pid "${SERVICE_PIDS[-2]}" \
      --paired-mode "${sides[0]}" --round "$round" "$@"
    service_stop_all
  done
fi

echo "== goals (figures of this run; results in $results)"
dotnet "$root/bench/Scim.Benchmark/bin/Release/net10.0/Scim.Benchmark.dll" report "$results"
