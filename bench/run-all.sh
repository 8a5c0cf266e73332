#!/usr/bin/env bash
# Runs every benchmark and prints its results. Each folder's README.md holds its last recorded result.
set -euo pipefail
cd "$(dirname "$0")/.."
for script in bench/*/bench-*.ts; do
  echo "== $script"
  npx tsx "$script"
done
