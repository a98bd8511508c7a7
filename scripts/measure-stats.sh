#!/usr/bin/env bash
# Measures the statistics module on a large input: generates 1,000,000 rows of results.csv
# (2,000 points x 5 forks x 100 iterations), loads them, summarises them and writes summary.csv,
# and prints the wall time of the whole JVM, start-up included (target: 10 s or less).
set -euo pipefail

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  echo "Usage: JAVA=/path/to/jdk21+/bin/java scripts/measure-stats.sh [POINTS]   (default 2000 points)"
  exit 0
fi
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
major=$("$java" -XshowSettings:properties -version 2>&1 | awk -F= '/java.specification.version/ { gsub(/ /, "", $2); print $2 }')
if [[ -z "$major" || "$major" -lt 21 ]]; then
  echo "needs a JDK 21+: $java is ${major:-unknown}; set JAVA or JAVA_HOME" >&2
  exit 2
fi
start=$(date +%s%N)
"$java" -cp benchmarks.jar corescale.stats.bench.SummaryLoad "$@"
end=$(date +%s%N)
echo "wall time including JVM start: $(( (end - start) / 1000000 )) ms"
