#!/usr/bin/env bash
# Measures the sweep itself: runs a profile (default: the default one), or reads a finished run,
# and prints the number of points, the share of the points' time spent inside measured iterations,
# the share of points that met the precision target (all, and the 1-thread counters), why the
# others stopped, and the median relative CI half-width (and the wall time when it ran the profile). With --vs-jmh it then
# runs plain JMH with its default settings (5 forks of 5 x 10 s warm-up and 5 x 10 s measurement)
# on the same counters points at 1 thread and prints, for both, the time taken and the precision
# reached (95% Student t CI over fork means, from `report`).
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/measure-sweep.sh [--jar PATH] [--out DIR | --from DIR] [--vs-jmh V1,V2] [-- RUN-OPTIONS...]

  --jar PATH      benchmarks.jar to use (default: ./benchmarks.jar)
  --out DIR       run folder for the profile (default: results/measure-sweep-<time>)
  --from DIR      do not run: measure the finished run in DIR
  --vs-jmh V1,V2  also run plain JMH defaults on Counters.increment, 1 thread, at the sweep's
                  1-thread core count, workInside=0 workOutside=0, for these variants
                  (about 9 minutes each)
  RUN-OPTIONS     passed to 'run' (e.g. --quick, --cores 1,2)
USAGE
}

jar=benchmarks.jar
out="results/measure-sweep-$(date +%Y%m%d-%H%M%S)"
from=""
vs_jmh=""
run_opts=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --jar) jar="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    --vs-jmh) vs_jmh="$2"; shift 2 ;;
    --) shift; run_opts=("$@"); break ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

if [[ -n "$from" ]]; then
  out="$from"
  wall=""
else
  start=$(date +%s)
  java -jar "$jar" run "${run_opts[@]}" --out "$out" || true
  wall=$(( $(date +%s) - start ))
fi

# points.csv, by column name: forks, rel_ci, stop, seconds and (since class sharing came)
# measure_seconds, the time inside measured iterations the report keeps.
points="$out/points.csv"
awk -F, -v wall="$wall" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
  {
    n++; if ($col["stop"] == "target_met") met++
    forks += $col["forks"]; secs += $col["seconds"]
    if ("measure_seconds" in col) measured += $col["measure_seconds"]
    if ($col["family"] == "counters" && $col["threads"] == 1) { n1++; if ($col["stop"] == "target_met") met1++ }
    stops[$col["stop"]]++
    if ($col["rel_ci"] != "") print $col["rel_ci"] > "/dev/stderr"
  }
  END {
    if (wall != "") printf "wall time: %d s\n", wall
    printf "points: %d, forks: %d, time in points: %.0f s\n", n, forks, secs
    if ("measure_seconds" in col) printf "time measuring (measured iterations kept): %.0f s, %.0f%% of the time in points\n", measured, secs ? 100 * measured / secs : 0
    else print "time measuring: not recorded (points.csv has no measure_seconds)"
    printf "met the precision target: %d of %d (%.0f%%)\n", met, n, n ? 100 * met / n : 0
    if (n1) printf "1-thread counters points at the target: %d of %d (%.0f%%)\n", met1, n1, 100 * met1 / n1
    line = "stopped by:"
    for (s in stops) line = line " " s " " stops[s]
    print line
  }' "$points" 2> "$out/.rel_ci"
# Median of the relative CI half-widths (points with one fork have none).
sort -g "$out/.rel_ci" | awk '{ v[NR] = $1 }
  END {
    if (NR == 0) print "median relative CI half-width: n/a (one fork per point)"
    else printf "median relative CI half-width: %.2f%%\n", 100 * (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)
  }'
rm -f "$out/.rel_ci"

if [[ -n "$vs_jmh" ]]; then
  # The sweep measures 1 thread at its fewest cores; plain JMH gets the same CPUs.
  cores=$(awk -F, 'NR > 1 && $1 == "counters" && $6 == 1 { print $5; exit }' "$points")
  pin=()
  if command -v taskset > /dev/null; then
    pin=(taskset -c "$(seq -s, 0 $((cores - 1)))")
  fi
  echo
  echo "Counters.increment, 1 thread, $cores core(s), workInside=0 workOutside=0: this sweep vs plain JMH defaults"
  IFS=, read -r -a variants <<< "$vs_jmh"
  for v in "${variants[@]}"; do
    awk -F, -v v="$v" -v c="$cores" 'NR > 1 && $1 == "counters" && $3 == v && $4 == "workInside=0;workOutside=0" && $5 == c && $6 == 1 {
        printf "  sweep      %-14s %3d s, %s forks, 95%% CI +-%.1f%%\n", v, $13, $7, 100 * $10 }' "$points"
    jmh_dir="$out/plain-jmh/$v"
    mkdir -p "$jmh_dir"
    t0=$(date +%s)
    # Plain JMH, as a user of any JMH jar would run it: JMH's own defaults for forks and iterations.
    "${pin[@]}" java -jar "$jar" 'Counters.increment' -p variant="$v" -p workInside=0 -p workOutside=0 -t 1 \
      -jvmArgsAppend "-XX:ActiveProcessorCount=$cores" -rf json -rff "$jmh_dir/jmh.json" > "$jmh_dir/jmh.log" 2>&1
    t1=$(date +%s)
    java -jar "$jar" report "$jmh_dir/jmh.json" --out "$jmh_dir" > /dev/null 2>&1
    awk -F, -v v="$v" -v t=$((t1 - t0)) 'NR == 2 { printf "  plain JMH  %-14s %3d s, %s forks, 95%% CI +-%.1f%%\n", v, t, $8, 100 * $13 }' \
      "$jmh_dir/summary.csv"
  done
fi
