#!/usr/bin/env bash
# Benchmark: change-to-browser latency of the running suite. Orders of a sandbox customer are approved in Salesforce
# at a fixed rate (default 50/s); each approval goes through the CDC bridge, the fulfillment saga, order-service's
# notification, the outbox, a notification instance and the gateway to the customer's event stream. Measured per
# order: Salesforce PATCH start to the first notification about it read by the client.
#   bench/notification-change-to-browser.sh [orders] [rate]     (defaults 100, 50; needs ./portal build first)
# Starts the local suite itself on ports shifted by PORTAL_E2E_PORT_OFFSET (default 34000) and stops it afterwards.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ORDERS=${1:-100}
RATE=${2:-50}
OUT="$ROOT/bench/results/notification-change-to-browser-$(date -u +%Y-%m-%d).txt"
cd "$ROOT"
PORTAL_E2E_PORT_OFFSET=${PORTAL_E2E_PORT_OFFSET:-34000} ./mvnw -o -q -pl e2e-tests verify -Pbench \
  -Dbench.orders="$ORDERS" -Dbench.rate="$RATE"
{
  echo "commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with local changes)'), $(nproc) cores," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
  cat e2e-tests/target/bench/change-to-browser.txt
} | tee "$OUT"
