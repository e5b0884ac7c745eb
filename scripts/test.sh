#!/usr/bin/env bash
# npm test: the whole suite. Types, lint, formatting, content, unit and database tests (vitest), a
# production build, then the API and browser journeys (Playwright) against that build on a fresh
# database. It changes no tracked file: reports go to the git-ignored reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n== %s\n' "$*"; }

step "typecheck"
npx tsc --noEmit
step "lint"
npm run --silent lint
step "format:check"
npm run --silent format:check
step "content:check"
npm run --silent content:check
mkdir -p reports
step "vitest: unit and database tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
step "next build"
# Canary values in the secret variables at build time: a test then greps the browser bundle for them.
export BUILD_SECRET_CANARY="canary-secret-$RANDOM$RANDOM" BUILD_DATABASE_CANARY="file:./data/canary-$RANDOM.db"
NEXTAUTH_SECRET="$BUILD_SECRET_CANARY" DATABASE_URL="$BUILD_DATABASE_CANARY" npm run --silent build
step "playwright: API and browser journeys, then reliability"
PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json npx playwright test --reporter=list,json

step "reliability report"
npx tsx scripts/reliability-report.ts
