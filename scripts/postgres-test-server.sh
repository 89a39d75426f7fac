#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL server for the store's tests: a cluster in a temporary folder,
# listening on 127.0.0.1 on a free port, trusting local connections. PostgreSQL refuses to run as root, so
# as root the cluster belongs to the postgres user.
#   eval "$(scripts/postgres-test-server.sh start)"   # exports STORYTRACE_TEST_POSTGRES and STORYTRACE_PG_DIR
#   scripts/postgres-test-server.sh stop "$STORYTRACE_PG_DIR"
set -euo pipefail
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -n "$bin" ] || { echo "postgres-test-server: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-}" in
  start)
    dir="$(mktemp -d /tmp/storytrace-pg.XXXXXX)"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale > "$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=200" start > /dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export STORYTRACE_PG_DIR='$dir'"
    echo "export STORYTRACE_TEST_POSTGRES='jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres'"
    ;;
  stop)
    dir="${2:?the folder that start printed}"
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
