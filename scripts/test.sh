#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what it needs (npm packages;
# Debian's postgresql and chromium), starts a PostgreSQL server on loopback for
# the server-backend tests, builds the web app for the browser tests, checks
# types, and runs every test. Nothing is skipped for want of a program. At exit
# (also on failure or Ctrl-C) it drops the PostgreSQL role it made (a random
# password, never written down), stops PostgreSQL if it started it, and removes
# the run's temporary directory (the store template, copied stores, fixtures).
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

# PostgreSQL for the server-backend tests: started here only if it is not running, and stopped again at exit;
# a role made for this run with a random password, dropped at exit (with any database a crashed test left).
pg_role='' pg_port='' pg_ver='' pg_marker=''
psql_as_postgres() { as_root su postgres -c "psql -X -p $pg_port -v ON_ERROR_STOP=1 -qtA"; }
drop_role() {
  local role=$1
  for db in $(echo "SELECT datname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba WHERE r.rolname = '$role'" | psql_as_postgres); do
    echo "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" | psql_as_postgres >/dev/null
  done
  echo "DROP ROLE IF EXISTS \"$role\"" | psql_as_postgres >/dev/null
}
run_tmp='' template_pid=''
cleanup() {
  local status=$?
  if [ -n "$template_pid" ]; then kill "$template_pid" 2>/dev/null || true; wait "$template_pid" 2>/dev/null || true; fi
  if [ -n "$run_tmp" ]; then rm -rf -- "$run_tmp"; fi
  if [ -n "$pg_role" ]; then drop_role "$pg_role" || log "could not drop the role $pg_role"; fi
  # Stopped by the last test run out, if a test run started it (runs in other work trees may share it).
  if [ -n "$pg_ver" ] && [ -f "$pg_marker" ]; then
    if echo "SELECT 1 FROM pg_roles WHERE rolname LIKE 'room39\_test\_%'" | psql_as_postgres | grep -q 1; then
      log "leaving PostgreSQL $pg_ver running: another test run is using it"
    else
      log "stopping PostgreSQL $pg_ver"
      as_root pg_ctlcluster "$pg_ver" main stop || true
      rm -f "$pg_marker"
    fi
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  pg_ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk -v v="$pg_ver" '$1==v && $2=="main"' | grep -q .; then
    log "creating PostgreSQL $pg_ver cluster"
    as_root pg_createcluster "$pg_ver" main >/dev/null
  fi
  pg_marker="${TMPDIR:-/tmp}/room39-test-started-postgresql-$pg_ver"
  pg_port=$(pg_lsclusters -h | awk -v v="$pg_ver" '$1==v && $2=="main" {print $3}')
  if ! pg_lsclusters -h | awk -v v="$pg_ver" '$1==v && $2=="main" {print $4}' | grep -q online; then
    log "starting PostgreSQL $pg_ver on 127.0.0.1:$pg_port (stopped again at exit)"
    as_root pg_ctlcluster "$pg_ver" main start
    touch "$pg_marker"
  fi
  # Earlier versions of this script left a role whose password was its name: remove it (unless a run of such a
  # version is connected with it right now, in another work tree on this machine).
  if echo "SELECT 1 FROM pg_roles WHERE rolname = 'room39_test'" | psql_as_postgres | grep -q 1; then
    if echo "SELECT 1 FROM pg_stat_activity WHERE usename = 'room39_test'" | psql_as_postgres | grep -q 1; then
      log "the old role room39_test (known password) is in use by another run: not removed now"
    else
      drop_role room39_test
    fi
  fi
  # Roles of earlier runs that were killed before their cleanup (SIGKILL, a machine stopped): each role names the
  # process of its run, so a role whose process is gone is dropped here; otherwise this run would think another
  # run is still using PostgreSQL and leave it running. Roles of the older unnamed form go when not connected.
  for stale in $(echo "SELECT rolname FROM pg_roles WHERE rolname LIKE 'room39\_test\_%'" | psql_as_postgres); do
    if [[ "$stale" =~ ^room39_test_p([0-9]+)_ ]]; then
      kill -0 "${BASH_REMATCH[1]}" 2>/dev/null && continue
    elif echo "SELECT 1 FROM pg_stat_activity WHERE usename = '$stale'" | psql_as_postgres | grep -q 1; then
      continue
    fi
    log "dropping the role $stale of a test run that is gone"
    drop_role "$stale" || log "could not drop the role $stale"
  done
  pg_role="room39_test_p$$_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
  pg_password=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
  # Through stdin, so the password is on no command line.
  echo "CREATE ROLE $pg_role LOGIN SUPERUSER PASSWORD '$pg_password'" | psql_as_postgres >/dev/null
  export TEST_DATABASE_URL="postgres://$pg_role:$pg_password@127.0.0.1:$pg_port/postgres"
fi
export ROOM39_REQUIRE_POSTGRES=1 ROOM39_REQUIRE_CHROMIUM=1

mkdir -p test-artifacts
# Every temporary file of the run (the loaded store template, each test's copy of it, edited list files,
# browser profiles) goes under one directory, removed at exit.
run_tmp=$(mktemp -d "${TMPDIR:-/tmp}/room39-test-run.XXXXXX")
export TMPDIR="$run_tmp"

# The loaded store template every test copies (test/support/services.ts) is built in the background while the web
# app is built and the types are checked: it is one process on one core, and the test files would otherwise wait for it.
# Only for a whole-suite run (options only, no file filter): a run of a few test files builds it when one of them needs it.
whole_suite=1
for arg in "$@"; do case $arg in -*) ;; *) whole_suite=0 ;; esac; done
if [ "$whole_suite" = 1 ]; then
  log 'building the loaded store template (in the background)'
  node --import tsx test/support/prepare-template.ts 2>"$run_tmp/template.log" &
  template_pid=$!
fi

if [ -f web/vite.config.ts ]; then
  log 'building the web app'
  npm run build:web --silent >/dev/null
fi

# Every `room39` command and server a test starts runs the compiled build (bin/room39.js checks it is current):
# about a second of CPU less per process than compiling TypeScript as it loads. test/cli/compiled-build.test.ts
# compares the two ways.
log 'compiling the command line (dist/)'
npm run build:cli --silent

log 'checking types'
npx tsc --noEmit -p .

if [ -n "$template_pid" ]; then
  # A failure here is reported, and the tests then build the template themselves (and fail with the same error).
  if wait "$template_pid"; then cat "$run_tmp/template.log" >&2; else log "building the store template failed:"; cat "$run_tmp/template.log" >&2; fi
  template_pid=''
fi
log 'running the test suite (PGlite and PostgreSQL backends, Chromium browser tests)'
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json --reporter=./test/support/timeline-reporter.ts "$@" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-artifacts/vitest.json", "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' || true
exit "$status"  # the EXIT trap cleans up
