#!/usr/bin/env bash
# Formats every C++ source of the project with clang-format and the repository's .clang-format.
#   bash scripts/format.sh          rewrite files in place
#   bash scripts/format.sh --check  list files that differ from the style and exit 1 (used in CI)
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' | grep -v '^tests/golden/')
if [[ "${1:-}" == "--check" ]]; then
  bad=0
  for f in "${files[@]}"; do
    if ! clang-format --style=file "$f" | cmp -s - "$f"; then echo "not formatted: $f"; bad=1; fi
  done
  exit $bad
fi
clang-format --style=file -i "${files[@]}"
