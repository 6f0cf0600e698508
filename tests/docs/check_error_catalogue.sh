#!/usr/bin/env bash
# docs/errors.md stays true: every fixed message part it lists (the backticked texts on its
# "- Message:" and "- Also:" lines) must occur in the program's source, and a test must
# assert it (occur in a test file). A message that is reworded, removed or untested fails here.
# Usage: check_error_catalogue.sh SOURCE_DIR
set -u
src=$1
doc="$src/docs/errors.md"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# C++ string literals escape quotes; compare with the text the user sees.
find "$src"/{sim,models,run,cli,charts,report,gui} -name '*.cpp' -o -name '*.hpp' 2>/dev/null | sort | xargs cat | sed 's/\\"/"/g' >"$work/source"
find "$src/tests" -path "$src/tests/docs" -prune -o -path "$src/tests/fuzz/corpus" -prune -o -type f \
  \( -name '*.cpp' -o -name '*.sh' -o -name '*.script' \) -print | sort | xargs cat | sed 's/\\"/"/g' >"$work/tests"

failures=0
entries=0
fragments=0
while IFS= read -r line; do
  case $line in
    '### E'*) entries=$((entries + 1)); entry=${line#\#\#\# } ;;
    '- Message: '* | '- Also: '*)
      # Each backticked text on the line.
      rest=$line
      while [[ $rest == *'`'*'`'* ]]; do
        rest=${rest#*\`}
        fragment=${rest%%\`*}
        rest=${rest#*\`}
        fragments=$((fragments + 1))
        grep -qF -- "$fragment" "$work/source" || { echo "FAIL: $entry: '$fragment' is not in the source"; failures=$((failures + 1)); }
        grep -qF -- "$fragment" "$work/tests" || { echo "FAIL: $entry: no test asserts '$fragment'"; failures=$((failures + 1)); }
      done
      ;;
  esac
done <"$doc"
echo "$entries entries, $fragments message parts, $failures problems"
[[ $entries -gt 0 && $failures -eq 0 ]]
