#!/usr/bin/env bash
# CI example: a quick run compared against a stored baseline; fails on a real regression.
# See docs/reports.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/ci-regression.sh --baseline DIR [options]

Runs  java -jar benchmarks.jar run --quick -f 3  into OUT/runs (the quick
profile's points with 3 forks each; refused if a run is there already), then
  java -jar benchmarks.jar compare BASELINE NEW --threshold T --fail-on-regression
and exits with compare's status. A point is a regression only when its change is
significant after adjusting for the number of points compared (false-discovery
rate 5%) and it is slower by more than the threshold, so noise alone does not fail
the build. A point needs 2 or more forks in both runs; one with fewer is listed as
'insufficient' and cannot fail the build, so make the baseline with the same
command (run --quick -f 3).

Options:
  --baseline DIR      results folder of the baseline run (required), e.g. one
                      committed under results/ from the same CI machine type
  --jar PATH          jar to run (default: ./benchmarks.jar)
  --java CMD          java command (default: java)
  --threshold T       change that matters, e.g. 5% or 0.05 (default: 5%)
  --out DIR           where the new run and the comparison go (default: ci-results)
  -h, --help          this text

Exit status: 0 no regression; 3 a regression (some point is 'slower');
1 the benchmark run failed; 2 bad usage or input.
Keep --out as a CI artifact: it holds compare.md, compare.html and the charts.
USAGE
}

baseline=""
jar=./benchmarks.jar
java_cmd=java
threshold=5%
out=ci-results

# The value of option $1 in $2, refused in one line with exit 2 (bad usage) when it is missing.
value() {
  if [[ -z ${2:-} ]]; then
    echo "ci-regression.sh: $1 needs a value (see --help)" >&2
    exit 2
  fi
  printf '%s' "$2"
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --baseline) baseline=$(value "$1" "${2:-}") || exit 2; shift 2 ;;
    --jar) jar=$(value "$1" "${2:-}") || exit 2; shift 2 ;;
    --java) java_cmd=$(value "$1" "${2:-}") || exit 2; shift 2 ;;
    --threshold) threshold=$(value "$1" "${2:-}") || exit 2; shift 2 ;;
    --out) out=$(value "$1" "${2:-}") || exit 2; shift 2 ;;
    *) echo "ci-regression.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [[ -z $baseline ]]; then
  echo "ci-regression.sh: --baseline DIR is required (see --help)" >&2
  exit 2
fi
if [[ ! -d $baseline ]]; then
  echo "ci-regression.sh: baseline folder not found: $baseline" >&2
  exit 2
fi
if [[ ! -f $jar ]]; then
  echo "ci-regression.sh: jar not found: $jar (build it with 'mvn package' or pass --jar)" >&2
  exit 2
fi

runs="$out/runs"
if [[ -f "$runs/results.csv" ]]; then
  echo "ci-regression.sh: $runs already holds a run: pass another --out or remove it" >&2
  exit 2
fi
mkdir -p "$runs"
echo "== quick run with 3 forks a point into $runs"
status=0
# 3 forks: compare gives no verdict from a side with fewer than 2, and 2 leave the t quantile at 12.7.
"$java_cmd" -jar "$jar" run --quick -f 3 --out "$runs" || status=$?
if [[ $status -eq 2 ]]; then
  echo "ci-regression.sh: the benchmark run refused its input (exit 2)" >&2
  exit 2
elif [[ $status -ne 0 ]]; then
  echo "ci-regression.sh: the benchmark run failed (exit $status)" >&2
  exit 1
fi

# The run folder is $runs itself or the newest folder under it holding results.csv.
if [[ -f "$runs/results.csv" ]]; then
  new=$runs
else
  new=$(find "$runs" -mindepth 2 -maxdepth 2 -name results.csv -printf '%T@ %h\n' | sort -n | tail -n 1 | cut -d' ' -f2-)
fi
if [[ -z $new ]]; then
  echo "ci-regression.sh: the run wrote no results.csv under $runs" >&2
  exit 1
fi

echo "== compare $baseline (base) with $new"
status=0
"$java_cmd" -jar "$jar" compare "$baseline" "$new" --out "$out" --threshold "$threshold" --fail-on-regression \
  || status=$?
case $status in
  0) echo "ci-regression.sh: no regression beyond $threshold; report: $out/compare.html" ;;
  3) echo "ci-regression.sh: REGRESSION: some points are slower than the baseline by more than $threshold; see $out/compare.md" >&2 ;;
  *) echo "ci-regression.sh: compare failed (exit $status)" >&2 ;;
esac
exit "$status"
