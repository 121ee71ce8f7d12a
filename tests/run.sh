#!/usr/bin/env bash
# Runs the whole test suite with the PostgreSQL server the store tests need and the browser the console tests need:
# tests/postgres.sh installs and starts the local Debian cluster when MATCHENGINE_TEST_POSTGRES does not name another
# server; tests/chromium.sh installs Debian's headless Chromium when it is missing.
# The Postgres and browser tests fail, they do not skip, when the server or the browser is unavailable.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=tests/postgres.sh
source tests/postgres.sh
# shellcheck source=tests/chromium.sh
source tests/chromium.sh

# A test that hangs is stopped after 20 minutes and named in the output (the whole suite takes about 7), rather than
# holding the run until an outer time limit ends it without a name.
dotnet test MatchEngine.sln -c Release --blame-hang-timeout 20m --blame-hang-dump-type none
