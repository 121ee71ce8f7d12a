#!/usr/bin/env bash
# Sourced by tests/run.sh: makes Debian's headless Chromium ready for the console's browser tests. Installs
# chromium and chromium-headless-shell from Debian's packages when the shell is missing. The browser tests fail,
# they do not skip, when no browser starts.

chromium_shell=/usr/lib/chromium/chromium-headless-shell
if [ ! -x "$chromium_shell" ]; then
  echo "chromium.sh: installing Chromium from Debian's packages" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo_cmd=(); else sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-headless-shell
fi
export MATCHENGINE_TEST_CHROMIUM="${MATCHENGINE_TEST_CHROMIUM:-$chromium_shell}"
