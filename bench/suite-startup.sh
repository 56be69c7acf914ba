#!/usr/bin/env bash
# Benchmark: how long the local suite takes from a cold start until every process is ready, and what it costs
# in memory, with and without the JDK 25 AOT cache, measured side by side in one run.
#   bench/suite-startup.sh [runs-per-variant]      (default 3; needs a built suite: ./portal build)
# Each run starts PostgreSQL, Kafka and the 12 services from nothing running, waits for the ready table,
# then stops everything with SIGTERM (a background job cannot get SIGINT). Results go to stdout and
# bench/results/suite-startup-<date>.txt; copy the summary into docs/benchmarks.md.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${1:-3}
OFFSET=30000
MIN_JAVA=21
source <(sed -n '/^java_feature()/,/^}/p; /^find_jdk()/,/^}/p' "$ROOT/portal")
find_jdk
JAVA="$JAVA_HOME/bin/java"
CP="$ROOT/deploy/local/target/classes:$(cat "$ROOT/deploy/local/target/classpath.txt")"
WORK=$(mktemp -d /tmp/portal-bench.XXXXXX)
OUT="$ROOT/bench/results/suite-startup-$(date -u +%Y-%m-%d).txt"
mkdir -p "$ROOT/bench/results"
cleanup() { # never delete a run directory under a running suite
  local pid
  pid=$(cat "$WORK/launcher.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# one run: prints "<total s> <services s> <rss MiB> <pss MiB>"
run_once() { # $1 = AOT setting, $2 = run dir
  local log="$WORK/run.log" pid line
  PORTAL_AOT=$1 PORTAL_RUN_DIR=$2 PORTAL_PORT_OFFSET=$OFFSET setsid "$JAVA" -Xmx256m -XX:+UseSerialGC \
    -Dportal.root="$ROOT" -cp "$CP" dev.portal.local.LocalSuite up > "$log" 2>&1 &
  pid=$!
  echo "$pid" > "$WORK/launcher.pid"
  for _ in $(seq 1 600); do
    grep -q 'Ctrl-C stops everything' "$log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "suite stopped before it was ready" >&2; exit 1; }
    sleep 0.5
  done
  line=$(grep '^all .* processes ready' "$log")
  kill -TERM "$pid"
  wait "$pid" || true
  rm -f "$WORK/launcher.pid"
  grep -q 'nothing left running' "$log" || { cat "$log" >&2; echo "processes were left running" >&2; exit 1; }
  # "all 14 processes ready 39.3 s after start (services alone: 23.2 s); memory: RSS 3695 MiB in total, PSS 2279 MiB ..."
  echo "$line" | sed -E 's/^all [0-9]+ processes ready ([0-9.]+) s after start \(services alone: ([0-9.]+) s\); memory: RSS ([0-9]+) MiB in total, PSS ([0-9]+) MiB.*/\1 \2 \3 \4/'
}

summarise() { # stdin: rows of "<total> <services> <rss> <pss>"; prints median and max of each column
  sort -n -k1 | awk '{ t[NR]=$1; s[NR]=$2; r[NR]=$3; p[NR]=$4 }
    function med(a, n,   b, i, j, x) { for (i=1;i<=n;i++) b[i]=a[i]; for (i=1;i<=n;i++) for (j=i+1;j<=n;j++) if (b[j]<b[i]) { x=b[i]; b[i]=b[j]; b[j]=x }
                                    return (n%2) ? b[(n+1)/2] : (b[n/2]+b[n/2+1])/2 }
    function max(a, n,   m, i) { m=a[1]; for (i=2;i<=n;i++) if (a[i]>m) m=a[i]; return m }
    END { printf "%.1f %.1f %.1f %.1f %d %d %d %d\n", med(t,NR), max(t,NR), med(s,NR), max(s,NR), med(r,NR), max(r,NR), med(p,NR), max(p,NR) }'
}

{
  echo "# suite start-up benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "# machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
  echo "# JDK: $("$JAVA" -version 2>&1 | head -1); runs per variant: $RUNS; commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
} | tee "$OUT"

# One unmeasured start per variant first: it creates the database and Kafka data, extracts the jars and, for
# the AOT variant, trains the caches (once per build). Measured runs then start from nothing running, as
# every `./portal up` after the first does.
for variant in on off; do
  first=$(run_once "$variant" "$WORK/$variant")
  echo "# first start after a build, AOT=$variant (not in the table): total ${first%% *} s" | tee -a "$OUT"
done

for variant in on off; do
  : > "$WORK/$variant.rows"
  for i in $(seq 1 "$RUNS"); do
    row=$(run_once "$variant" "$WORK/$variant")
    echo "AOT=$variant run $i: total ${row%% *} s; services/RSS/PSS: ${row#* }" | tee -a "$OUT"
    echo "$row" >> "$WORK/$variant.rows"
  done
done

read -r t_on tmax_on s_on smax_on r_on rmax_on p_on pmax_on < <(summarise < "$WORK/on.rows")
read -r t_off tmax_off s_off smax_off r_off rmax_off p_off pmax_off < <(summarise < "$WORK/off.rows")
{
  echo
  echo "| variant | all ready, median (max) | services only, median (max) | RSS sum, median | PSS sum, median |"
  echo "|---|---|---|---|---|"
  echo "| AOT cache | $t_on s ($tmax_on s) | $s_on s ($smax_on s) | $r_on MiB | $p_on MiB |"
  echo "| no cache  | $t_off s ($tmax_off s) | $s_off s ($smax_off s) | $r_off MiB | $p_off MiB |"
  awk -v a="$t_on" -v b="$t_off" -v c="$s_on" -v d="$s_off" 'BEGIN { printf "\nratio no-cache / cache: all ready %.2fx, services %.2fx\n", b/a, d/c }'
} | tee -a "$OUT"
