#!/usr/bin/env bash
# Benchmark: GET /api/dashboard p50/p99 with warm caches, with order-service answering in 1 s, and with it slower
# than the source timeout, side by side in one run (billing-service's DashboardBench, -Pbench).
#   bench/dashboard.sh [seconds per phase]      (default 15)
# Needs a build (./mvnw -o -q install -DskipTests). Results go to stdout and are appended to
# bench/results/billing-dashboard-<date>.txt with the commit and the load average before and after.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_PER_PHASE=${1:-15}
OUT="$ROOT/bench/results/billing-dashboard-$(date -u +%Y-%m-%d).txt"
mkdir -p "$ROOT/bench/results"
cd "$ROOT"
source <(sed -n '/^java_feature()/,/^}/p; /^find_jdk()/,/^}/p' "$ROOT/portal")
MIN_JAVA=21
find_jdk
BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
"$ROOT/mvnw" -B -q -o -pl billing-service verify -Pbench -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.seconds="$SECONDS_PER_PHASE" >/dev/null
{
  echo "# billing-dashboard $(date -u +%Y-%m-%dT%H:%MZ) commit $(git rev-parse --short HEAD) load before $BEFORE after $(cut -d' ' -f1-3 /proc/loadavg)"
  cat "$ROOT/billing-service/target/bench/dashboard-bench.txt"
} | tee -a "$OUT"
