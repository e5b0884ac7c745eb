#!/usr/bin/env bash
# Serves the production build for Playwright on port $1, on a fresh database: E2E_DATABASE_URL when
# given (CI passes a throwaway PostgreSQL database), else a new SQLite file under data/.
# With --second it serves the same database without resetting or seeding it: a second instance.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-3210}"
second="${2:-}"
if [ -n "${E2E_DATABASE_URL:-}" ]; then
  export DATABASE_URL="$E2E_DATABASE_URL"
else
  export DATABASE_URL="file:./data/e2e.db"
  [ -z "$second" ] && rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm
fi
# Both instances must share one secret, as instances behind a load balancer do.
export NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-e2e-only-secret-not-for-production}"
export NEXTAUTH_URL="http://localhost:${port}"
# As behind one load balancer: the sign-in throttle reads the client address from X-Forwarded-For.
export TRUSTED_PROXY_HOPS=1
# Journeys move the clock for their own requests with a cookie (server/clock.ts).
export TEST_CLOCK=1
# The servers the organisation features talk to listen beside the main port (playwright.config.ts:
# OIDC_ISSUER, SMTP_PORT, LRS_PORT); the tests start them, so each is up only while it is needed.
base="${E2E_PORT:-3210}"
export OIDC_ISSUER="http://127.0.0.1:$((base + 10))"
export OIDC_CLIENT_ID=e2e-app
export OIDC_CLIENT_SECRET=e2e-only-client-secret
export OIDC_NAME="Example IdP"
export SMTP_URL="smtp://127.0.0.1:$((base + 11))"
export MAIL_FROM="Cloud Responsibility <no-reply@example.com>"
export XAPI_ENDPOINT="http://127.0.0.1:$((base + 12))/xapi/"
export XAPI_USERNAME=e2e-lrs
export XAPI_PASSWORD=e2e-lrs-password
if [ -z "$second" ]; then
  npm run --silent db:migrate
  npm run --silent db:seed
fi
PORT="$port" exec node --import tsx scripts/serve.ts
