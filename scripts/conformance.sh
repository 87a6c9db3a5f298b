#!/usr/bin/env bash
# Starts the built service on loopback, creates fresh tenants and tokens through the operator API, and runs the
# shared conformance collections: Microsoft's on an empty tenant (Entra token), Okta's on a tenant holding one user
# (its precondition). Exits non-zero if any assertion fails.   Usage: scripts/conformance.sh [path/to/shared]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${1:-$root/../shared}
port=${CONFORMANCE_PORT:-5080}
base=http://127.0.0.1:$port
key=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
log=$(mktemp)

export Scim__OperatorKey=$key ASPNETCORE_URLS=$base Orleans__SiloPort=${CONFORMANCE_SILO_PORT:-21111} Orleans__GatewayPort=${CONFORMANCE_GATEWAY_PORT:-40000}
dotnet run --project "$root/src/Scim.Silo" -c "${CONFIGURATION:-Debug}" --no-build >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "$base/healthz" >/dev/null && break; sleep 1; done
curl -sf "$base/healthz" >/dev/null || { echo "service did not start"; cat "$log"; exit 1; }

admin() { curl -sf -X POST "$base$1" -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d "$2"; }
token_of() { python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
run=$(date +%s)

admin /admin/v1/tenants "{\"id\":\"conformance-ms-$run\"}" >/dev/null
ms_token=$(admin "/admin/v1/tenants/conformance-ms-$run/tokens" '{"identityProvider":"entra"}' | token_of)
admin /admin/v1/tenants "{\"id\":\"conformance-okta-$run\"}" >/dev/null
okta_token=$(admin "/admin/v1/tenants/conformance-okta-$run/tokens" '{"identityProvider":"okta"}' | token_of)
curl -sf -X POST "$base/scim/v2/conformance-okta-$run/Users" -H "Authorization: Bearer $okta_token" -H 'Content-Type: application/scim+json' \
  -d '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"first.user@example.com","name":{"givenName":"First","familyName":"User"},"emails":[{"value":"first.user@example.com","type":"work","primary":true}],"active":true}' >/dev/null

status=0
bash "$shared/conformance/run.sh" "$base/scim/v2/conformance-ms-$run" "$ms_token" microsoft || status=1
bash "$shared/conformance/run.sh" "$base/scim/v2/conformance-okta-$run" "$okta_token" okta || status=1
exit $status
