#!/usr/bin/env bash
# Runs every test: unit tests, then integration tests (CLI in-process, SQLite and PostgreSQL stores, queue workers on
# RabbitMQ, demo acceptance). Tests that need ../shared/bench skip with a message when it is absent.
#
# The server tests need PostgreSQL and RabbitMQ. Unless CHORUS_TEST_POSTGRES and CHORUS_TEST_AMQP already name servers,
# this script starts its own (scripts/servers.sh: PostgreSQL 15 and a RabbitMQ node on loopback ports, installed with
# apt-get when it runs as root and they are missing) and stops them after; only then may the fault tests restart them.
# Where it cannot start them, those tests are skipped with the reason; with CI=true that is an error instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

started=()
stop_started() {
  local server
  for server in "${started[@]}"; do scripts/servers.sh stop "$server" || true; done
}
trap stop_started EXIT

need_server() { # name, variable, url
  local server="$1" variable="$2"
  if [[ -n "${!variable:-}" ]]; then
    return 0
  fi

  if scripts/servers.sh start "$server"; then
    started+=("$server")
    export "$variable=$(scripts/servers.sh url "$server" | sed 's|/chorus$|/postgres|')"
  elif [[ "${CI:-}" == "true" ]]; then
    echo "test.sh: CI needs $server for the server tests, and it could not be started (see above)" >&2
    exit 1
  else
    echo "test.sh: no $server; the tests that need it will be skipped" >&2
  fi
}

need_server postgres CHORUS_TEST_POSTGRES
need_server rabbitmq CHORUS_TEST_AMQP
if [[ ${#started[@]} -eq 2 ]]; then
  export CHORUS_TEST_SERVERS_OWNED=1
fi

dotnet test Chorus.slnx -c Release --nologo "$@"
