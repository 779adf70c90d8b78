#!/usr/bin/env bash
# The whole test suite (`npm test`): build, both type-checks, the bench's smoke run, vitest (core + renderer),
# Playwright end-to-end against the browser host, the Electron spec (which skips, saying why, where the
# Electron binary is absent), then one summary line: `tests: N passed, M failed[, K skipped]`.
set -u
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/vitest.json test-results/e2e.json test-results/electron.json test-results/checks.txt test-results/summary.txt

check() { # a named step that is not a test runner counts as one check
  local name=$1; shift
  if "$@"; then echo "$name ok" >> test-results/checks.txt; else echo "$name FAILED" >> test-results/checks.txt; fi
}

check build npm run -s build
check typecheck npm run -s typecheck
# The bench's code on a small station (about 40 s): a change that breaks `npm run bench` fails here, not on the next measurement.
check bench-smoke bash -c 'node scripts/bench.cjs --smoke > test-results/bench-smoke.log 2>&1 || { cat test-results/bench-smoke.log; false; }'
NO_COLOR=1 npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
npx playwright test -c tests/e2e/playwright.config.ts
npx playwright test -c tests/electron/playwright.config.ts
node scripts/test-summary.cjs
