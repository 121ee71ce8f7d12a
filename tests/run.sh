#!/usr/bin/env bash
# Runs the whole test suite with the PostgreSQL server the store tests need: tests/postgres.sh installs and
# starts the local Debian cluster when MATCHENGINE_TEST_POSTGRES does not name another server.
# The Postgres tests fail, they do not skip, when the server is unreachable.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=tests/postgres.sh
source tests/postgres.sh

dotnet test MatchEngine.sln -c Release
