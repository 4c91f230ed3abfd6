#!/usr/bin/env bash
# Runs every test: unit tests, then integration tests (CLI in-process, SQLite and PostgreSQL stores, demo acceptance).
# Tests that need ../shared/bench skip with a message when it is absent.
#
# The PostgreSQL tests need a server. Unless CHORUS_TEST_POSTGRES already names one, this script starts its own
# (scripts/servers.sh: PostgreSQL 15 on a loopback port, installed with apt-get when it runs as root and it is missing)
# and stops it after. Where it cannot, those tests are skipped with the reason; with CI=true that is an error instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ -z "${CHORUS_TEST_POSTGRES:-}" ]]; then
  if scripts/servers.sh start postgres; then
    trap 'scripts/servers.sh stop postgres' EXIT
    CHORUS_TEST_POSTGRES="$(scripts/servers.sh url postgres | sed 's|/chorus$|/postgres|')"
    export CHORUS_TEST_POSTGRES
  elif [[ "${CI:-}" == "true" ]]; then
    echo "test.sh: CI needs PostgreSQL for the store tests, and it could not be started (see above)" >&2
    exit 1
  else
    echo "test.sh: no PostgreSQL; the PostgreSQL store tests will be skipped" >&2
  fi
fi

dotnet test Chorus.slnx -c Release --nologo "$@"
