#!/usr/bin/env bash
# Benchmark: one notification-service instance with 10,000 open SSE streams: heap and RSS per idle stream, and the
# latency from a notification's Kafka send to its client's read, steady (200/s to random users) and in a burst (one
# to every stream at once), side by side in one run.
#   bench/notification-sse.sh [streams]      (default 10000; needs the repository installed: ./mvnw -o -q install -DskipTests)
# The service runs as its own JVM (the packaged jar, the local suite's JVM options with a 384 MiB heap cap); the
# Kafka broker, the JWKS, the publisher and the clients (one NIO selector, one user per stream) share the bench JVM.
# Needs about 2 x streams file descriptors (ulimit -n). The report goes to stdout and bench/results/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STREAMS=${1:-10000}
OUT="$ROOT/bench/results/notification-sse-$(date -u +%Y-%m-%d).txt"
cd "$ROOT"
./mvnw -o -q -pl notification-service verify -Pbench -Dbench.streams="$STREAMS" "${@:2}"
{
  echo "commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with local changes)'), $(nproc) cores," \
    "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1024/1024}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  cat notification-service/target/bench/notification-sse.txt
} | tee "$OUT"
