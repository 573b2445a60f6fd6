#!/usr/bin/env bash
# Runs the browser journeys with the clock of the instance, the browser and
# the journeys moved (Debian's faketime) to dates where a calendar-month SLO
# is in different states: the first hour of a month, the middle of a month and
# its last day. The journeys must hold on every one of them.
#
#   scripts/e2e-dates.sh                          # the three dates below
#   scripts/e2e-dates.sh 2027-02-28T23:30:00Z     # any instants (UTC)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v faketime > /dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime > /dev/null
  else
    echo "faketime is needed (Debian: apt-get install faketime)" >&2
    exit 1
  fi
fi
if curl -s -o /dev/null http://localhost:3000; then
  echo "An instance already answers on :3000; stop it first, its clock cannot be moved." >&2
  exit 1
fi

# The example calendar SLO counts months in Europe/Berlin: 23:20 UTC on the
# last day of December is 00:20 on the 1st of January there.
dates=("$@")
[ ${#dates[@]} -gt 0 ] || dates=(2026-12-31T23:20:00Z 2027-01-15T12:00:00Z 2027-01-31T12:00:00Z)

results=()
status=0
for at in "${dates[@]}"; do
  offset=$(($(date -d "$at" +%s) - $(date +%s)))
  echo "=== Journeys at $at (clock moved by ${offset} s)"
  # A relative offset keeps every process (backend, dev server, Chromium,
  # journeys) on one clock; monotonic timers stay real.
  sign=+
  [ "$offset" -lt 0 ] && sign=
  if FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "${sign}${offset}s" bash scripts/e2e.sh; then
    results+=("passed  $at")
  else
    results+=("FAILED  $at")
    status=1
  fi
done
printf '\n=== Journeys by date\n'
printf '%s\n' "${results[@]}"
exit $status
