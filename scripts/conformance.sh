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
port=${CONFORMANCE_PORT:-5080}
base=http://127.0.0.1:$port
source "$root/scripts/service.sh"
service_init "${CONFIGURATION:-Debug}"
key=$SERVICE_KEY

if [ "$mode" = cluster ]; then
  source "$root/scripts/postgres.sh"
  postgres_start
  trap 'service_stop_all; postgres_stop' EXIT
  psql -q -h 127.0.0.1 -p "$PGPORT" -U scim -d postgres -c "CREATE DATABASE scim"
  db="Host=127.0.0.1;Port=$PGPORT;Username=scim;Database=scim"
  cluster=(ConnectionStrings__Scim="$db" Orleans__ClusterId=conformance Orleans__AdvertisedIPAddress=127.0.0.1)
  service_start silo1 Scim.Silo http://127.0.0.1:$((port + 1)) "${cluster[@]}" Orleans__SiloPort=21111 Orleans__GatewayPort=40000
  service_start silo2 Scim.Silo http://127.0.0.1:$((port + 2)) "${cluster[@]}" Orleans__SiloPort=21112 Orleans__GatewayPort=40001
  service_ready silo1 http://127.0.0.1:$((port + 1))
  service_ready silo2 http://127.0.0.1:$((port + 2))
  service_start api Scim.Api "$base" "${cluster[@]}"
  service_ready api "$base"
else
  service_start service Scim.Silo "$base" Orleans__SiloPort=${CONFORMANCE_SILO_PORT:-21111} Orleans__GatewayPort=${CONFORMANCE_GATEWAY_PORT:-40000}
  service_ready service "$base"
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
