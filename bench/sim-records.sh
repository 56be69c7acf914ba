#!/usr/bin/env bash
# sim-service records benchmark (docs/benchmarks.md): import rate of a 1,000,000-row CALL file from the sandbox's
# SFTP drop at two batch sizes, and usage p99 over a year of one line's records. Raw output to bench/results/.
# Usage: [BENCH_BATCHES="1000 5000"] bench/sim-records.sh [rows]   (about 15 minutes on 2 cores; run nothing else meanwhile)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
out="bench/results/sim-records-$(date -u +%F).txt"
{
  echo "# bench/sim-records.sh $rows, commit $(git rev-parse --short HEAD), $(nproc) cores, $(uname -r)"
  for batch in ${BENCH_BATCHES:-1000 5000}; do
    ./mvnw -o -q -pl sim-service verify -Pbench -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
      -Dbench.rows="$rows" -Dbench.batch="$batch" >"sim-service/target/bench-maven-$batch.log" 2>&1
    cat sim-service/target/sim-records-bench.txt
    echo
  done
} | tee "$out"
echo "written to $out"
