#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what it needs (npm packages;
# Debian's postgresql and chromium), starts a PostgreSQL server on loopback for
# the server-backend tests, builds the web app for the browser tests, checks
# types, and runs every test. Nothing is skipped for want of a program.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '[room39 test] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else log "need root for: $*"; exit 1; fi; }

if [ ! -x node_modules/.bin/vitest ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log 'installing npm packages (npm ci)'
  npm ci --no-audit --no-fund
fi

missing=()
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main"' | grep -q .; then
    log "creating PostgreSQL $ver cluster"
    as_root pg_createcluster "$ver" main >/dev/null
  fi
  port=$(pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $3}')
  if ! pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $4}' | grep -q online; then
    log "starting PostgreSQL $ver on 127.0.0.1:$port"
    as_root pg_ctlcluster "$ver" main start
  fi
  if ! as_root su postgres -c "psql -p $port -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'room39_test'\"" | grep -q 1; then
    as_root su postgres -c "psql -p $port -qc \"CREATE ROLE room39_test LOGIN SUPERUSER PASSWORD 'room39_test'\"" >/dev/null
  fi
  export TEST_DATABASE_URL="postgres://room39_test:room39_test@127.0.0.1:$port/postgres"
fi
export ROOM39_REQUIRE_POSTGRES=1 ROOM39_REQUIRE_CHROMIUM=1

if [ -f web/vite.config.ts ]; then
  log 'building the web app'
  npm run build:web --silent >/dev/null
fi

log 'checking types'
npx tsc --noEmit -p .

mkdir -p test-artifacts
log 'running the test suite (PGlite and PostgreSQL backends, Chromium browser tests)'
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json "$@" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-artifacts/vitest.json", "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' || true
exit "$status"
