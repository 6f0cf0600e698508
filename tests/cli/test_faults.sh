#!/usr/bin/env bash
# Output faults: a full disk, a file-size limit, a read-only file system and a folder without
# permission each give a clear error and exit status 3, leave earlier results byte-identical
# and leave no temporary files. The full-disk and read-only cases need to mount a small tmpfs
# (root with CAP_SYS_ADMIN, as in CI); where that is not allowed they say SKIP.
# Usage: test_faults.sh ZORGSIM_BINARY
set -u
bin=$1
work=$(mktemp -d)
mounted=()
cleanup() {
  for m in "${mounted[@]}"; do umount "$m" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
passes=0
pass() { passes=$((passes + 1)); }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect_fault NAME FRAGMENT FOLDER COMMAND...: exit 3, FRAGMENT in stderr, FOLDER unchanged
# (content of every file) and without temporary names.
expect_fault() {
  local name=$1 fragment=$2 folder=$3
  shift 3
  local before
  before=$(cd "$folder" 2>/dev/null && find . -type f | sort | xargs -r md5sum)
  "$@" >"$work/out" 2>"$work/err"
  local code=$?
  [[ $code -eq 3 ]] && pass || fail "$name: exit $code, expected 3: $(cat "$work/err")"
  grep -qF -- "$fragment" "$work/err" && pass || fail "$name: message lacks '$fragment': $(cat "$work/err")"
  [[ $(cd "$folder" 2>/dev/null && find . -type f | sort | xargs -r md5sum) == "$before" ]] && pass || fail "$name: earlier results changed"
  [[ -z $(find "$folder" -name '.*' ! -name . ! -name .zorgsim-output 2>/dev/null) ]] && pass || fail "$name: temporary files left: $(find "$folder" -name '.*')"
}

# Earlier results that must survive every fault below.
"$bin" run --region Aalten --out "$work/earlier" -q 2>"$work/err" || fail "first run: $(cat "$work/err")"

# 1. A file-size limit (RLIMIT_FSIZE; SIGXFSZ ignored so write() fails with EFBIG): the same
#    error path as a full disk, on any machine.
expect_fault "file size limit" "File too large" "$work/earlier" \
  bash -c 'trap "" XFSZ; ulimit -f 64; exec "$0" run --out "$1" -q' "$bin" "$work/earlier"
grep -q "zorgsim: cannot write results: cannot write " "$work/err" && pass || fail "file size limit: message names the file: $(cat "$work/err")"

# 2. A full disk (a 2 MiB tmpfs holding earlier results and a file that fills the rest), for
#    run and batch.
mkdir -p "$work/full"
if mount -t tmpfs -o size=2m tmpfs "$work/full" 2>/dev/null; then
  mounted+=("$work/full")
  cp -r "$work/earlier" "$work/full/res" || fail "earlier results do not fit the 2 MiB tmpfs"
  # The tmpfs is an earlier batch folder (zorgsim's marker; else it is refused before writing).
  cp "$work/earlier/.zorgsim-output" "$work/full/" || fail "earlier results lack the ownership marker"
  dd if=/dev/zero of="$work/full/filler" bs=4k 2>/dev/null
  expect_fault "full disk (run)" "No space left on device" "$work/full/res" "$bin" run --out "$work/full/res" -q
  expect_fault "full disk (batch)" "No space left on device" "$work/full" "$bin" batch "$(dirname "$0")/../../scenarios/baseline.toml" --out "$work/full"
  grep -q "no results written" "$work/out" && pass || fail "full disk (batch) claims results: $(cat "$work/out")"
else
  echo "SKIP: full disk (cannot mount a tmpfs here)"
fi

# 3. A read-only file system: an error before any work.
mkdir -p "$work/ro"
if mount -t tmpfs -o size=64k,ro tmpfs "$work/ro" 2>/dev/null; then
  mounted+=("$work/ro")
  expect_fault "read-only file system" "Read-only file system" "$work/ro" "$bin" run --out "$work/ro/res" -q
else
  echo "SKIP: read-only file system (cannot mount a tmpfs here)"
fi

# 4. A folder without write permission (as an unprivileged user; root ignores permissions).
if [[ $(id -u) -eq 0 ]] && command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null \
   && setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$bin"; then
  chmod 755 "$work" "$work/earlier"
  expect_fault "no permission" "Permission denied" "$work/earlier" \
    setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" run --out "$work/earlier" -q
elif [[ $(id -u) -ne 0 ]]; then
  chmod 555 "$work/earlier"
  expect_fault "no permission" "Permission denied" "$work/earlier" "$bin" run --out "$work/earlier" -q
  chmod 755 "$work/earlier"
else
  echo "SKIP: no permission (cannot run the binary as an unprivileged user here)"
fi

echo "$passes passed, $failures failed"
[[ $failures -eq 0 ]]
