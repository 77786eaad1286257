#!/usr/bin/env bash
# Runs every test module on its own: one pytest run per module, which builds its fixtures for
# itself and orders its tests at random (pytest-randomly). A module that passes only after
# another module has run (a shared build, a file left behind, a cache) fails here.
# `make test-each-module`; pass pytest options after it, e.g. `-p randomly --randomly-seed=1`.
# The output of each run is in test-artifacts/modules/; the last line counts the modules.
set -uo pipefail
cd "$(dirname "$0")/.."

logs=test-artifacts/modules
mkdir -p "$logs"
passed=0
failed=()
for module in tests/test_*.py tests/browser/test_*.py; do
  name=$(echo "${module#tests/}" | tr / -)
  started=$SECONDS
  if .venv/bin/python -m pytest -n 2 --dist loadgroup -p no:cacheprovider "$@" "$module" \
    >"$logs/${name%.py}.log" 2>&1; then
    passed=$((passed + 1))
    result=ok
  else
    failed+=("$module")
    result=FAILED
  fi
  summary=$(tail -n 1 "$logs/${name%.py}.log")
  echo "$result $module ($((SECONDS - started)) s): $summary"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed alone: ${failed[*]} (logs in $logs/)"
fi
echo "modules alone: $passed passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
