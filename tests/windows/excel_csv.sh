#!/usr/bin/env bash
# CSV files as Excel saves them on a Dutch Windows laptop: semicolons, a UTF-8 byte-order mark,
# CRLF line ends, and (with "CSV (gescheiden door lijstscheidingsteken)") Windows-1252 instead of
# UTF-8; and a file in neither encoding. Each is given to `zorgsim.exe run --registrations`
# under Wine and to the Linux build: both must behave the same, and either read the file (the
# manifest records the registered clients) or refuse it with a message that names the file.
# Usage:
#   excel_csv.sh ZORGSIM.EXE LINUX-ZORGSIM WORK-FOLDER
set -uo pipefail
exe=$1 linux=$2 work=$3
src=$(cd "$(dirname "$0")/../.." && pwd)
fixture=$src/tests/data/registrations/statline_84753NED_aalten.csv
fail=0
mkdir -p "$work/excel"
# Excel, "CSV UTF-8": BOM + semicolons + CRLF (the fixture has the last two already).
printf '\xEF\xBB\xBF' >"$work/excel/utf8-bom.csv" && cat "$fixture" >>"$work/excel/utf8-bom.csv"
# Excel, classic "CSV": Windows-1252 (cliënten: 0xEB), semicolons, CRLF, no BOM.
iconv -f UTF-8 -t WINDOWS-1252 "$fixture" >"$work/excel/cp1252.csv"
# Not Windows-1252 either (0x81 is undefined there): refused, naming file and line.
sed 's/\xEB/\x81/' "$work/excel/cp1252.csv" >"$work/excel/undefined.csv"
declare -A expect=([utf8-bom]=read [cp1252]=read [undefined]=refused)
for f in utf8-bom cp1252 undefined; do
  file="$work/excel/$f.csv"
  "$linux" run --registrations "$file" --region Achterhoek -q --out "$work/excel/linux-$f" \
    >"$work/excel/linux-$f.out" 2>&1
  ls_status=$?
  wine "$exe" run --registrations "$(winepath -w "$file")" --region Achterhoek -q \
    --out "$(winepath -w "$work/excel")\\win-$f" >"$work/excel/win-$f.out" 2>&1
  ws_status=$?
  msg=$(tr -d '\r' <"$work/excel/win-$f.out" | head -3)
  got=read
  [[ $ws_status == 0 ]] || got=refused
  if [[ $got != "${expect[$f]}" ]]; then
    echo "  $f: expected to be ${expect[$f]}, was $got (status $ws_status): $msg"
    fail=1
  elif [[ $ls_status != "$ws_status" ]]; then
    echo "  $f: Linux status $ls_status, Windows status $ws_status: $msg"
    fail=1
  elif [[ $ws_status == 0 ]]; then
    if grep -q '"registered_clients": 1110' "$work/excel/win-$f/manifest.json"; then
      echo "  $f: read (registered clients 1110 in the manifest, as on Linux)"
    else
      echo "  $f: read, but the manifest lacks the registered clients"
      fail=1
    fi
  elif grep -aq "$f.csv" <<<"$msg"; then
    echo "  $f: refused with status $ws_status, message names the file: $msg"
  else
    echo "  $f: refused without naming the file: $msg"
    fail=1
  fi
done
exit $fail
