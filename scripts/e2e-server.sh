#!/usr/bin/env bash
# Serves the production build for Playwright on port $1, on a fresh database: E2E_DATABASE_URL when
# given (CI passes a throwaway PostgreSQL database), else a new SQLite file under data/.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-3210}"
if [ -n "${E2E_DATABASE_URL:-}" ]; then
  export DATABASE_URL="$E2E_DATABASE_URL"
else
  rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm
  export DATABASE_URL="file:./data/e2e.db"
fi
export NEXTAUTH_SECRET="${NEXTAUTH_SECRET:-e2e-only-secret-not-for-production}"
export NEXTAUTH_URL="http://localhost:${port}"
npm run --silent db:migrate
npm run --silent db:seed
exec node node_modules/next/dist/bin/next start -p "$port"
