#!/usr/bin/env bash
# Runs a benchmark suite in Release: ./bench.sh SUITE [ARGS]. ./bench.sh alone lists the suites.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
dotnet run -c Release --project bench/Chorus.Bench -v quiet -- "$@"
