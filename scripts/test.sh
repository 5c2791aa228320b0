#!/usr/bin/env bash
# `npm test`: type check, production build, unit + integration tests (vitest, throw-away database), then the
# Playwright journeys against the production build. Uses DATABASE_URL's server when set, else embedded.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== type check"
npx tsc --noEmit
echo "== build"
node --import tsx scripts/start.ts --build-only
echo "== unit and integration tests (vitest)"
npx vitest run
echo "== end-to-end journeys (playwright)"
npx playwright test
