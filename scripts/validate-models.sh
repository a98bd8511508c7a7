#!/usr/bin/env bash
# Validates the execution models against their physical bounds: runs the cpu and io families at
# cores 1, 2, 4 ... N (the default core counts of `run`; with 2 or more CPUs they include 1 and 2),
# adding forks until each point's 95% CI is within the precision target (default ±5%), then prints
# one line per point: achieved, bound, achieved / bound, and for io the observed request latency over
# the service's delay. The bound of a cpu model is cores x the `sequential` variant's rate at the same
# core count; of an io model, requests in flight / delay (see docs/execution-models.md).
# Exit code 1 when a model is above 1.05 x its bound (a measurement error), 0 otherwise.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/validate-models.sh [--jar PATH] [--out DIR | --from DIR] [--precision PCT] [--max-forks N]
                                  [-- RUN-OPTIONS...]

  --jar PATH       benchmarks.jar to use (default: ./benchmarks.jar)
  --out DIR        run folder (default: results/validate-models-<time>)
  --from DIR       do not run: print the table of the finished run in DIR
  --precision PCT  CI half-width target per point (default: 5%)
  --max-forks N    most forks per point (default: 6)
  RUN-OPTIONS      passed to 'run' (e.g. --cores 1,2, --param io.delayMs=10)

The io family runs with k=200 requests per batch (as the default profile does). Takes about
10 minutes on a 2-core machine. Needs python3 to print the table.
USAGE
}

jar=benchmarks.jar
out="results/validate-models-$(date +%Y%m%d-%H%M%S)"
from=""
precision="5%"
max_forks=6
run_opts=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --jar) jar="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    --precision) precision="$2"; shift 2 ;;
    --max-forks) max_forks="$2"; shift 2 ;;
    --) shift; run_opts=("$@"); break ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || { echo "validate-models.sh: needs python3 to read summary.csv" >&2; exit 2; }

if [[ -z "$from" ]]; then
  [[ -f "$jar" ]] || { echo "validate-models.sh: no $jar (run 'mvn package' first, or give --jar)" >&2; exit 2; }
  echo "$(date -u '+%Y-%m-%d %H:%M:%S UTC') java -jar $jar run 'CpuBatch|IoBatch' --precision $precision --max-forks $max_forks --param io.k=200 --out $out ${run_opts[*]:-}"
  # a failed point is listed in failures.csv and makes run exit 1; the table still shows the rest
  java -jar "$jar" run 'CpuBatch|IoBatch' --precision "$precision" --max-forks "$max_forks" \
    --param io.k=200 --out "$out" "${run_opts[@]}" || echo "run exited with $? (see $out/failures.csv)"
  from="$out"
fi
[[ -f "$from/summary.csv" ]] || { echo "validate-models.sh: no $from/summary.csv" >&2; exit 2; }

python3 - "$from/summary.csv" <<'PY'
import csv, sys

rows = [r for r in csv.DictReader(open(sys.argv[1], newline=""))
        if r["benchmark"] in ("CpuBatch.batch", "IoBatch.batch")]
if not rows:
    sys.exit("no cpu or io points in " + sys.argv[1])
has_bounds = "of_bound" in rows[0]

def num(s):
    return float(s) if s not in ("", None) else float("nan")

print(f"{'family':6} {'variant':27} {'params':28} {'cores':>5} {'forks':>5} {'achieved/s':>11} {'±CI':>6} "
      f"{'bound/s':>11} {'of bound':>8} {'lat/delay':>9}  verdict")
above = 0
for r in sorted(rows, key=lambda r: (r["family"], r["params"], r["variant"], int(r["cores"]))):
    mean = num(r["mean"]) * 1e6  # canonical ops/us -> per second
    bound = num(r.get("bound")) * 1e6 if has_bounds else float("nan")
    of = num(r.get("of_bound")) if has_bounds else float("nan")
    lat = num(r.get("latency_vs_delay")) if has_bounds else float("nan")
    # shown above: the 95% interval's low end (older files without it: the mean)
    low = num(r["of_bound_low"]) if "of_bound_low" in r else of
    verdict = ""
    if low > 1.05:
        verdict, above = "ABOVE BOUND: measurement error", above + 1
    elif of > 1.05:
        verdict = "above the bound by the mean only (not shown)"
    elif lat > 1.5:
        verdict = "service-bound"
    fmt = lambda x, f: "–" if x != x else format(x, f)
    print(f"{r['family']:6} {r['variant']:27} {r['params']:28} {r['cores']:>5} {r['forks']:>5} {mean:11.0f} "
          f"{fmt(num(r['rel_ci']) * 100, '5.1f') + '%':>6} {fmt(bound, '11.0f'):>11} {fmt(of, '8.3f'):>8} "
          f"{fmt(lat, '9.3f'):>9}  {verdict}")
if not has_bounds:
    print("(this summary.csv has no bound columns: made by a build without bounds)")
sys.exit(1 if above else 0)
PY
