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
  service_start silo1 Scim.Silo http://127.0.0.1:$((port + 1)) "${cluster[@]}" Orleans__SiloPort=21111 Orleans__GatewayPort=22000
  service_start silo2 Scim.Silo http://127.0.0.1:$((port + 2)) "${cluster[@]}" Orleans__SiloPort=21112 Orleans__GatewayPort=22001
  service_ready silo1 http://127.0.0.1:$((port + 1))
  service_ready silo2 http://127.0.0.1:$((port + 2))
  service_start api Scim.Api "$base" "${cluster[@]}"
  service_ready api "$base"
else
  service_start service Scim.Silo "$base" Orleans__SiloPort=${CONFORMANCE_SILO_PORT:-21111} Orleans__GatewayPort=${CONFORMANCE_GATEWAY_PORT:-22000}
  service_ready service "$base"
fi

# call METHOD PATH BEARER [JSON]; field NAME reads one field of the JSON answer.
call() { curl -sf -X "$1" "$base$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+-d "$4"}; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
# tenant ID IDP: sets a tenant up as a customer's is (operator: tenant, owner, connector; owner: activate, token); prints the
# token. The collections count the tenant's users, so the owner (a user of the tenant too) is deleted over SCIM afterwards.
tenant() {
  call POST /admin/v1/tenants "$key" "{\"id\":\"$1\"}" >/dev/null
  local group owner admin_key
  group=$(call GET "/admin/v1/tenants/$1" "$key" | field platformGroupId)
  owner=$(call POST "/admin/v1/tenants/$1/users" "$key" "{\"email\":\"owner@$1.example\",\"role\":\"owner\"}" | field id)
  call PUT "/admin/v1/tenants/$1/connector" "$key" "{\"platformGroupId\":\"$group\",\"connectorAdminEmail\":\"owner@$1.example\"}" >/dev/null
  admin_key=$(call POST "/admin/v1/tenants/$1/admin-keys" "$key" "{\"userId\":\"$owner\"}" | field key)
  call POST "/api/v1/tenants/$1/scim/activate" "$admin_key" >/dev/null
  local token
  token=$(call POST "/api/v1/tenants/$1/scim/tokens" "$admin_key" "{\"identityProvider\":\"$2\",\"name\":\"conformance\"}" | field token)
  call DELETE "/scim/v2/$1/Users/$owner" "$token" >/dev/null
  echo "$token"
}
run=$(date +%s)

ms_token=$(tenant "conformance-ms-$run" entra)
okta_token=$(tenant "conformance-okta-$run" okta)
curl -sf -X POST "$base/scim/v2/conformance-okta-$run/Users" -H "Authorization: Bearer $okta_token" -H 'Content-Type: application/scim+json' \
  -d '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"first.user@example.com","name":{"givenName":"First","familyName":"User"},"emails":[{"value":"first.user@example.com","type":"work","primary":true}],"active":true}' >/dev/null

echo "conformance ($mode mode)"
status=0
bash "$shared/conformance/run.sh" "$base/scim/v2/conformance-ms-$run" "$ms_token" microsoft || status=1
bash "$shared/conformance/run.sh" "$base/scim/v2/conformance-okta-$run" "$okta_token" okta || status=1
exit $status
