#!/usr/bin/env bash
# Measures the sweep itself: runs a profile (default: the default one) and prints its wall time,
# number of points, share of points that met the precision target and the median relative CI
# half-width. With --vs-jmh it then runs plain JMH with its default settings (5 forks of 5 x 10 s
# warm-up and 5 x 10 s measurement) on counters at 1 thread for the given variants, and prints the
# time and precision of both for the same points.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/measure-sweep.sh [--jar PATH] [--out DIR] [--vs-jmh VARIANT,...] [-- RUN-OPTIONS...]

  --jar PATH        benchmarks.jar to use (default: ./benchmarks.jar)
  --out DIR         run folder (default: results/measure-sweep-<time>)
  --vs-jmh V1,V2    also run plain JMH defaults on Counters.increment, threads 1, cores all,
                    workInside=0, workOutside=0, for these variants (about 9 minutes each)
  RUN-OPTIONS       passed to 'run' (e.g. --quick, --cores 1,2)
USAGE
}

jar=benchmarks.jar
out="results/measure-sweep-$(date +%Y%m%d-%H%M%S)"
vs_jmh=""
run_opts=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --jar) jar="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --vs-jmh) vs_jmh="$2"; shift 2 ;;
    --) shift; run_opts=("$@"); break ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

start=$(date +%s)
java -jar "$jar" run "${run_opts[@]}" --out "$out" || true
end=$(date +%s)

points="$out/points.csv"
# points.csv: family,benchmark,variant,params,cores,threads,forks,mean,unit,rel_ci,target,stop,seconds
awk -F, -v wall=$((end - start)) 'NR > 1 {
    n++; if ($12 == "target_met") met++
    if ($10 != "") { ci[++k] = $10 }
  }
  END {
    asort(ci)
    median = k == 0 ? "n/a" : (k % 2 ? ci[(k + 1) / 2] : (ci[k / 2] + ci[k / 2 + 1]) / 2)
    printf "wall time: %d s\npoints: %d\nmet the precision target: %d of %d (%.0f%%)\n", wall, n, met, n, n ? 100 * met / n : 0
    if (median == "n/a") print "median relative CI half-width: n/a (one fork per point)"
    else printf "median relative CI half-width: %.2f%%\n", 100 * median
  }' "$points"

if [[ -n "$vs_jmh" ]]; then
  echo
  echo "Counters.increment, threads 1, workInside=0, workOutside=0: this sweep vs plain JMH defaults"
  IFS=, read -r -a variants <<< "$vs_jmh"
  for v in "${variants[@]}"; do
    awk -F, -v v="$v" 'NR > 1 && $1 == "counters" && $3 == v && $4 == "workInside=0;workOutside=0" && $6 == 1 {
        printf "  sweep  %-18s cores=%s forks=%s rel_ci=%s time=%s s\n", v, $5, $7, $10, $13 }' "$points"
    json="$out/plain-jmh-$v.json"
    t0=$(date +%s)
    java -jar "$jar" 'Counters.increment' -p variant="$v" -p workInside=0 -p workOutside=0 -t 1 \
      -rf json -rff "$json" > "$out/plain-jmh-$v.log" 2>&1
    t1=$(date +%s)
    # Relative half-width of the 95% Student t CI over JMH's 5 fork means, from its rawData.
    java -cp "$jar" corescale.cli.ForkMeansCi "$json" | sed "s/^/  jmh    $v time=$((t1 - t0)) s /"
  done
fi
