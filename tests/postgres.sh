#!/usr/bin/env bash
# Sourced by tests/run.sh and benchmarks/load/replicas.sh: makes a PostgreSQL server ready and exports
# MATCHENGINE_TEST_POSTGRES, an Npgsql connection string of a user that may create databases.
#
# With MATCHENGINE_TEST_POSTGRES already set, that server is used as it is. Otherwise the local Debian cluster is
# made ready: PostgreSQL is installed from Debian's packages when missing, cluster 15/main (or the one there is) is
# started when down, and the superuser 'postgres' gets the password 'matchengine' for TCP on 127.0.0.1.

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if [ -z "${MATCHENGINE_TEST_POSTGRES:-}" ]; then
  if ! command -v pg_ctlcluster >/dev/null; then
    echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
  fi
  cluster=$(pg_lsclusters --no-header | awk '$1 == "15" && $2 == "main" { print $1, $2; exit }')
  [ -n "$cluster" ] || cluster=$(pg_lsclusters --no-header | awk 'NR == 1 { print $1, $2 }')
  if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    as_root pg_createcluster "$version" main
    cluster="$version main"
  fi
  read -r version name <<<"$cluster"
  port=$(pg_lsclusters --no-header | awk -v v="$version" -v n="$name" '$1 == v && $2 == n { print $3 }')
  status=$(pg_lsclusters --no-header | awk -v v="$version" -v n="$name" '$1 == v && $2 == n { print $4 }')
  if [ "$status" != "online" ]; then
    echo "postgres.sh: starting PostgreSQL cluster $version/$name on port $port" >&2
    as_root pg_ctlcluster "$version" "$name" start
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
  pg_isready -h 127.0.0.1 -p "$port" >&2
  as_postgres psql -q -p "$port" -c "ALTER USER postgres PASSWORD 'matchengine'"
  export MATCHENGINE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=matchengine"
fi
