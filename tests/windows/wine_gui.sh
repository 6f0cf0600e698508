#!/usr/bin/env bash
# Runs a Windows window program under Wine on the X display of the caller (scripts/test-windows.sh
# calls it inside xvfb-run) and retries when Wine's desktop was not ready.
#
# Why: the first program that needs a window makes Wine start its desktop process
# (explorer.exe /desktop) and wait for it at most 10 s (WaitForInputIdle(..., 10000) in Wine's
# user32). On a loaded machine (a CI run with the cross build and other jobs) that wait can run
# out; the program then has no display driver, Wine prints "Application tried to create a
# window, but no driver could be loaded." / "The explorer process failed to start." and
# zorgsim-gui.exe exits 2 with "cannot initialise GLFW" (docs/windows.md, "The GUI under Wine":
# what was and was not reproduced). The desktop process goes on starting, so a second attempt on
# the same display and Wine server finds it. Only that Wine message is retried (at most 2 more
# times); any other failure is returned at once.
# Usage: wine_gui.sh STDOUT-FILE STDERR-FILE PROGRAM.exe [ARGS...]  (WINEDEBUG must keep
# err+winediag, which prints the message)
set -uo pipefail
out=$1 err=$2
shift 2
for attempt in 1 2 3; do
  wine "$@" >"$out" 2>"$err"
  status=$?
  if [[ $status != 0 ]] && grep -aq 'explorer process failed to start' "$err" && ((attempt < 3)); then
    echo "wine_gui: attempt $attempt: Wine's desktop (explorer.exe) was not ready (Wine: 'explorer process failed to start'); trying again" >&2
    sleep 3
    continue
  fi
  exit $status
done
