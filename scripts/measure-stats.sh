#!/usr/bin/env bash
# Measures `report` on a large input against a minimal CPython pass over the same file (issue 25).
# Generates results.csv once (1,000,000 rows: 2,000 points x 5 forks x 100 iterations, by
# corescale.stats.bench.SummaryLoad --generate), then times, side by side and in turn
# (A B C, B C A, C A B, ...), on that same file:
#   A  java -jar benchmarks.jar report DIR   the command a user runs: wall time including JVM start
#                                            and the jar's relaunch on a JDK 21+
#   B  python3 scripts/group-by-point.py     one pass with the standard csv module: rows grouped by
#                                            point, each point's mean of fork means
#   C  SummaryLoad --read DIR                only the part of A that does what B does: load and
#                                            summarise, in a JVM like the one report runs in (C1 alone)
# and prints each round's wall times (and CPU times, to tell a busy machine: the JVM side uses every
# processor, CPython one), the medians and the ratios A/B and C/B of the medians (target for A/B: 1.0 or less).
set -euo pipefail
export LC_NUMERIC=C # bash's time prints 1.234, not 1,234

usage() {
  cat <<'USAGE'
Usage: scripts/measure-stats.sh [--rounds N] [--points N] [--dir DIR]

  --rounds N   rounds of one A, one B and one C each, the order turning each round (default 3)
  --points N   points of the generated file, 500 rows each (default 2000: 1,000,000 rows, ~224 MB)
  --dir DIR    use DIR/results.csv if it is there, else generate it there; DIR is kept
               (default: a temporary folder, removed at the end)

Needs, in the clone (the script may be started from any folder):
  - benchmarks.jar, which 'mvn package' writes there;
  - a java: JAVA, else JAVA_HOME/bin/java, else java on the PATH. Any version runs the jar, which
    relaunches itself on a JDK 21+; generating the file needs a JDK 21+, the same one the jar picks;
  - python3 (standard library only);
  - about 250 MB free in the folder (TMPDIR by default) for 2,000 points.
USAGE
}

rounds=3
points=2000
dir=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --points) points="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/.."
jar=benchmarks.jar
if [[ ! -f "$jar" ]]; then
  echo "no $jar here: build it first with 'mvn -B package -DskipTests'" >&2
  exit 2
fi
if ! command -v python3 > /dev/null; then
  echo "needs python3 on the PATH" >&2
  exit 2
fi
source scripts/jdk21.sh
java=$(given_java) || exit 2

# The generator runs outside the jar's launcher, so it needs a JDK 21+ itself.
gen_java=$(jdk21 "$java" "$jar")
if [[ -z "$gen_java" ]]; then
  echo "needs a JDK 21+ to generate the file: $java is $(major "$java") and the jar found none; set JAVA or JAVA_HOME" >&2
  exit 2
fi

if [[ -z "$dir" ]]; then
  dir=$(mktemp -d "${TMPDIR:-/tmp}/corescale-measure-stats.XXXXXX")
  trap 'rm -rf "$dir"' EXIT
fi
csv="$dir/results.csv"
if [[ -f "$csv" ]]; then
  echo "using $csv ($(wc -c < "$csv") bytes)"
else
  mkdir -p "$dir"
  echo "generating $csv: $points points x 5 forks x 100 iterations"
  "$gen_java" -cp "$jar" corescale.stats.bench.SummaryLoad --generate "$dir" "$points"
  echo "  $(wc -c < "$csv") bytes"
fi

# Runs a command with its output in LOG and prints its wall time and CPU time (user + system, of
# the command and every process it waited for: the relaunched JVM, the compiler and GC threads), in ms.
measure() {
  local log=$1 times
  shift
  local TIMEFORMAT='%R %U %S'
  if ! times=$( { time "$@" > "$log" 2>&1; } 2>&1 ); then
    echo "failed: $*" >&2
    tail -5 "$log" >&2
    exit 1
  fi
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<< "$times"
}

median() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
echo "machine: $(nproc) CPUs${cpu:+, $cpu}; load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo "A: $java -jar $jar report $dir"
echo "B: python3 scripts/group-by-point.py $csv ($(python3 --version 2>&1))"
echo "C: $gen_java -XX:TieredStopAtLevel=1 -cp $jar corescale.stats.bench.SummaryLoad --read $dir"
a_times=()
b_times=()
c_times=()
# Times one contender; prints "NAME WALL_MS CPU_MS". A contender that fails stops the script.
contender() {
  local t
  case $1 in
    A) t=$(measure "$dir/report.log" "$java" -jar "$jar" report "$dir") || exit 1 ;;
    B) t=$(measure "$dir/python-means.csv" python3 scripts/group-by-point.py "$csv") || exit 1 ;;
    C) t=$(measure "$dir/summaryload.log" "$gen_java" -XX:TieredStopAtLevel=1 -cp "$jar" \
         corescale.stats.bench.SummaryLoad --read "$dir") || exit 1 ;;
  esac
  echo "$1 $t"
}
order=(A B C)
for (( r = 1; r <= rounds; r++ )); do
  line="round $r:"
  for (( k = 0; k < 3; k++ )); do
    timed=$(contender "${order[(r - 1 + k) % 3]}")
    read -r name wall cpu_ms <<< "$timed"
    line+=" $name $wall ms (cpu $cpu_ms ms),"
    case $name in
      A) a_times+=("$wall") ;;
      B) b_times+=("$wall") ;;
      C) c_times+=("$wall") ;;
    esac
  done
  echo "${line%,}"
done
a_median=$(median "${a_times[@]}")
b_median=$(median "${b_times[@]}")
c_median=$(median "${c_times[@]}")
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { printf "%.2f", x / y }'; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo "median A (report) $a_median ms, B (CPython) $b_median ms, C (load and summarise) $c_median ms;" \
  "ratio A/B $(ratio "$a_median" "$b_median"), C/B $(ratio "$c_median" "$b_median")"
