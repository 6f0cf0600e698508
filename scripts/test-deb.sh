#!/usr/bin/env bash
# CI (as root): installs the package built by scripts/build-deb.sh with apt-get, checks what it
# put where, runs the installed `zorgsim run` in an empty folder and compares its results.csv
# byte for byte with the one of the developer build REFERENCE-ZORGSIM; then removes the package.
# Usage: scripts/test-deb.sh DEB REFERENCE-ZORGSIM
set -euo pipefail
deb=$(realpath "$1")
reference=$(realpath "$2")
pass=0 fail=0
ok() { echo "ok: $1"; pass=$((pass + 1)); }
bad() { echo "FAIL: $1"; fail=$((fail + 1)); }
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "$deb" >/dev/null
for f in /usr/bin/zorgsim /usr/bin/zorgsim-gui /usr/share/zorgsim/data/gelderland/dataset.toml \
  /usr/share/zorgsim/data/nederland/dataset.toml /usr/share/zorgsim/scenarios/baseline.toml \
  /usr/share/applications/zorgsim.desktop /usr/share/icons/hicolor/scalable/apps/zorgsim.svg \
  /usr/share/man/man1/zorgsim.1.gz /usr/share/man/man1/zorgsim-gui.1.gz; do
  [[ -e $f ]] && ok "installed $f" || bad "missing $f"
done
zcat /usr/share/man/man1/zorgsim.1.gz | grep -q '^\.SH DESCRIPTION\|^\.SH SYNOPSIS\|run' && ok "man page has text" || bad "man page empty"
version=$(zorgsim --version)
repo=$(cd "$(dirname "$0")/.." && pwd)
expected="$(sed -n 's/^project(zorgsim VERSION \([0-9.]*\).*/\1/p' "$repo/CMakeLists.txt") ($(git -C "$repo" rev-parse --short=12 HEAD))"
[[ $version == "$expected" ]] && ok "--version: $version" || bad "--version: $version, expected $expected"
work=$(mktemp -d)
# An empty folder far from the source tree: the data must come from /usr/share/zorgsim.
(cd "$work" && env -u ZORGSIM_DATA -u ZORGSIM_SCENARIOS zorgsim run --quiet --out installed) &&
  ok "installed zorgsim run" || bad "installed zorgsim run failed"
(cd "$work" && "$reference" run --quiet --out reference >/dev/null) || bad "reference run failed"
if cmp -s "$work/installed/baseline/results.csv" "$work/reference/baseline/results.csv" ||
  cmp -s "$work/installed/results.csv" "$work/reference/results.csv"; then
  ok "results.csv identical to the developer build"
else
  bad "results.csv differs from the developer build: $(ls -R "$work/installed" | head -5)"
fi
grep -q '"commit"' "$(find "$work/installed" -name manifest.json | head -1)" && ok "manifest names the commit" || bad "manifest without commit"
apt-get remove -y -qq zorgsim >/dev/null && ok "apt-get remove" || bad "apt-get remove failed"
rm -rf "$work"
echo "deb: $pass passed, $fail failed"
((fail == 0))
