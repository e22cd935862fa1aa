#!/usr/bin/env bash
# Starts a throwaway PostgreSQL from Debian's packages on 127.0.0.1 for the test suite and prints
# the variables the tests read. Usage: eval "$(bash .ci/postgres.sh start DIR)"; bash .ci/postgres.sh stop DIR
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:-/tmp/openair-pg}
port=${OPENAIR_TEST_POSTGRES_PORT:-55432}

bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

case "$cmd" in
  start)
    if [[ -z "$(bin_dir)" ]]; then
      echo "installing PostgreSQL from Debian packages" >&2
      export DEBIAN_FRONTEND=noninteractive
      # Keep the package's own cluster from starting; the tests run their own.
      created_policy=0
      if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
        created_policy=1
      fi
      apt-get update -qq >&2
      apt-get install -y -qq --no-install-recommends postgresql >&2
      [[ $created_policy == 1 ]] && rm -f /usr/sbin/policy-rc.d
    fi
    bin=$(bin_dir)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    chown postgres:postgres "$dir"
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 >/dev/null
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >&2
    runuser -u postgres -- "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -q \
      -c "create user openair password 'openair'" -c "create database openair owner openair"
    echo "export OPENAIR_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$port/openair"
    echo "export OPENAIR_TEST_POSTGRES_USER=openair"
    echo "export OPENAIR_TEST_POSTGRES_PASSWORD=openair"
    ;;
  stop)
    bin=$(bin_dir)
    if [[ -n "$bin" && -f "$dir/data/postmaster.pid" ]]; then
      runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2
    fi
    ;;
  *)
    echo "usage: $0 start|stop [DIR]" >&2
    exit 2
    ;;
esac
