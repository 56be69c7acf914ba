#!/usr/bin/env bash
# Benchmark: weight and time to interactive of the portal's main page (home, logged in) in headless Chromium,
# cold and warm cache, locally and on an emulated slow phone network (PageWeightIT, repeated).
#   bench/web-page-weight.sh [repeats]      (default 7)
# Needs a running suite on PORTAL_E2E_PORT_OFFSET (default 30000), e.g.
#   PORTAL_PORT_OFFSET=30000 ./portal up
# and Debian's chromium and chromium-driver. Results go to stdout and are appended to bench/results/web-page-weight-<date>.txt.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPEAT=${1:-7}
OUT="$ROOT/bench/results/web-page-weight-$(date -u +%Y-%m-%d).txt"
mkdir -p "$ROOT/bench/results"
cd "$ROOT"
source <(sed -n '/^java_feature()/,/^}/p; /^find_jdk()/,/^}/p' "$ROOT/portal")
MIN_JAVA=21
find_jdk
{
  echo "# web-page-weight $(date -u +%Y-%m-%dT%H:%MZ) commit $(git rev-parse --short HEAD) repeats $REPEAT load $(cut -d' ' -f1-3 /proc/loadavg)"
  PORTAL_E2E_ATTACH=true PORTAL_E2E_PORT_OFFSET=${PORTAL_E2E_PORT_OFFSET:-30000} "$ROOT/mvnw" -B -q -pl e2e-tests verify \
    -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=PageWeightIT -Dportal.bench.repeat="$REPEAT" \
    -Dfailsafe.redirectTestOutputToFile=false 2>&1 | grep 'page weight'
} | tee -a "$OUT"
