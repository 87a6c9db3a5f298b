#!/usr/bin/env bash
# Runs the shared conformance collections against the built service on loopback: Microsoft's on an empty tenant
# (Entra token), Okta's on a tenant holding one user (its precondition). Exits non-zero if any assertion fails.
#
#   scripts/conformance.sh single [path/to/shared]   one process, in-memory storage
#   scripts/conformance.sh cluster [path/to/shared]  a throwaway PostgreSQL, 2 silo processes and 1 API process;
#                                                    the collections talk to the API process only
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-single}
shared=${2:-$root/../shared}
bin=$root/src/%s/bin/${CONFIGURATION:-Debug}/net10.0
port=${CONFORMANCE_PORT:-5080}
base=http://127.0.0.1:$port
key=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
logs=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# start NAME PROJECT URL [VAR=value...]: runs a built project in the background with the given environment.
start() {
  local name=$1 project=$2 url=$3; shift 3
  local dir; dir=$(printf "$bin" "$project")
  (cd "$dir" && exec env Scim__OperatorKey="$key" Scim__DemoTenant=- ASPNETCORE_URLS="$url" "$@" dotnet "$project.dll" >"$logs/$name.log" 2>&1) &
  pids+=($!)
}

# wait_ready NAME URL: waits until the process answers /readyz (a silo and the database reached).
wait_ready() {
  for _ in $(seq 90); do curl -sf "$2/readyz" >/dev/null && return 0; sleep 1; done
  echo "$1 did not become ready"; cat "$logs/$1.log"; exit 1
}

if [ "$mode" = cluster ]; then
  source "$root/scripts/postgres.sh"
  postgres_start
  trap 'cleanup; postgres_stop' EXIT
  psql -q -h 127.0.0.1 -p "$PGPORT" -U scim -d postgres -c "CREATE DATABASE scim"
  db="Host=127.0.0.1;Port=$PGPORT;Username=scim;Database=scim"
  cluster=(ConnectionStrings__Scim="$db" Orleans__ClusterId=conformance Orleans__AdvertisedIPAddress=127.0.0.1)
  start silo1 Scim.Silo http://127.0.0.1:$((port + 1)) "${cluster[@]}" Orleans__SiloPort=21111 Orleans__GatewayPort=40000
  start silo2 Scim.Silo http://127.0.0.1:$((port + 2)) "${cluster[@]}" Orleans__SiloPort=21112 Orleans__GatewayPort=40001
  wait_ready silo1 http://127.0.0.1:$((port + 1))
  wait_ready silo2 http://127.0.0.1:$((port + 2))
  start api Scim.Api "$base" "${cluster[@]}"
  wait_ready api "$base"
else
  start service Scim.Silo "$base" Orleans__SiloPort=${CONFORMANCE_SILO_PORT:-21111} Orleans__GatewayPort=${CONFORMANCE_GATEWAY_PORT:-40000}
  wait_ready service "$base"
fi

admin() { curl -sf -X POST "$base$1" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d "$2"; }
token_of() { python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
run=$(date +%s)

admin /admin/v1/tenants "{\"id\":\"conformance-ms-$run\"}" >/dev/null
ms_token=$(admin "/admin/v1/tenants/conformance-ms-$run/tokens" '{"identityProvider":"entra"}' | token_of)
admin /admin/v1/tenants "{\"id\":\"conformance-okta-$run\"}" >/dev/null
okta_token=$(admin "/admin/v1/tenants/conformance-okta-$run/tokens" '{"identityProvider":"okta"}' | token_of)
curl -sf -X POST "$base/scim/v2/conformance-okta-$run/Users" -H "Authorization: Bearer $okta_token" -H 'Content-Type: application/scim+json' \
  -d '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"first.user@example.com","name":{"givenName":"First","familyName":"User"},"emails":[{"value":"first.user@example.com","type":"work","primary":true}],"active":true}' >/dev/null

echo "conformance ($mode mode)"
status=0
bash "$shared/conformance/run.sh" "$base/scim/v2/conformance-ms-$run" "$ms_token" microsoft || status=1
bash "$shared/conformance/run.sh" "$base/scim/v2/conformance-okta-$run" "$okta_token" okta || status=1
exit $status
