# Sourced by the test, conformance and benchmark scripts: a throwaway PostgreSQL on loopback.
#   postgres_start [extra server options...]  installs the Debian package when missing, starts a fresh instance on a
#                                            free port and exports SCIM_POSTGRES (an admin connection string) and PGPORT.
#   postgres_stop                            stops it and deletes its data (also run on exit).
postgres_start() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ -z "$bin" ]; then
        echo "PostgreSQL is not installed: installing the Debian package" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    PG_DATA=$(mktemp -d /tmp/scim-pg.XXXXXX)
    PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    local run=()
    if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DATA"; run=(runuser -u postgres --); fi
    PG_RUN=("${run[@]}")
    PG_BIN=$bin
    "${run[@]}" "$bin/initdb" -D "$PG_DATA/data" -U scim --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    "${run[@]}" "$bin/pg_ctl" -D "$PG_DATA/data" -l "$PG_DATA/server.log" -w -o \
        "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PG_DATA -c max_connections=400 $*" start >/dev/null
    export PGPORT
    export SCIM_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=scim;Database=postgres"
    trap postgres_stop EXIT
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT" >&2
}

postgres_stop() {
    [ -n "${PG_DATA:-}" ] || return 0
    "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DATA"
    PG_DATA=
}
