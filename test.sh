#!/usr/bin/env bash
# Runs every test: unit tests, then integration tests (CLI in-process, SQLite store, demo acceptance).
# Tests that need ../shared/bench skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
dotnet test Chorus.slnx -c Release --nologo "$@"
