# Sourced by the conformance and benchmark scripts: built service processes on loopback.
#   service_init CONFIGURATION   a fresh operator key (SERVICE_KEY), a log folder, and cleanup of started processes on exit
#   service_start NAME PROJECT URL [VAR=value...]   runs src/PROJECT's built program in the background (PROJECT may
#                                                   also be a folder under the root, such as bench/Scim.NoWork)
#   service_stop_all                                stops every process started so far
#   service_ready NAME URL                          waits until URL/readyz answers (a silo and its storage reached)
# Fixed ports the scripts give the services (HTTP, silo, gateway) stay below 32768: above it, Linux hands ports out to
# outgoing connections, and one of those took a gateway's port 40000 in a CI run.
service_init() {
  SERVICE_CONFIGURATION=$1
  SERVICE_KEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
  SERVICE_LOGS=$(mktemp -d)
  SERVICE_PIDS=()
  trap service_stop_all EXIT
}

service_start() {
  local name=$1 project=$2 url=$3; shift 3
  local folder=$root/src/$project
  [[ $project == */* ]] && folder=$root/$project
  # A server left on the port (an earlier run still stopping) would answer the readiness check in this one's place.
  if curl -s -o /dev/null "$url/readyz"; then echo "$name: $url already answers: another server holds the port"; exit 1; fi
  (cd "$folder/bin/$SERVICE_CONFIGURATION/net10.0" && exec env Scim__OperatorKey="$SERVICE_KEY" Scim__DemoTenant=- \
     ASPNETCORE_URLS="$url" "$@" dotnet "${project##*/}.dll" >"$SERVICE_LOGS/$name.log" 2>&1) &
  SERVICE_PIDS+=($!)
}

service_stop_all() {
  for pid in "${SERVICE_PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done
  SERVICE_PIDS=()
}

service_ready() {
  for _ in $(seq 90); do curl -sf "$2/readyz" >/dev/null && return 0; sleep 1; done
  echo "$1 did not become ready"; cat "$SERVICE_LOGS/$1.log"; exit 1
}
