#!/usr/bin/env python3
"""The yardstick of scripts/measure-stats.sh: a minimal one-pass grouping of results.csv.

Reads every row once with the standard library's csv module, groups the rows by point (run_id,
config, family, benchmark, variant, params, cores, threads, mode), accumulates each fork's sum and
count, and prints each point's mean of fork means. Nothing more: no checks, no intervals, no report.

Usage: scripts/group-by-point.py RESULTS_CSV > means.csv
"""
import csv
import sys

POINT = ("run_id", "config", "family", "benchmark", "variant", "params", "cores", "threads", "mode")


def main(path):
    points = {}
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        header = next(rows)
        point_at = [header.index(c) for c in POINT]
        fork_at = header.index("fork")
        score_at = header.index("score")
        for r in rows:
            forks = points.setdefault(tuple(r[i] for i in point_at), {})
            fork = forks.get(r[fork_at])
            if fork is None:
                forks[r[fork_at]] = [float(r[score_at]), 1]
            else:
                fork[0] += float(r[score_at])
                fork[1] += 1
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(POINT + ("mean_of_fork_means",))
    for point, forks in points.items():
        means = [total / n for total, n in forks.values()]
        out.writerow(point + (repr(sum(means) / len(means)),))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: group-by-point.py RESULTS_CSV")
    main(sys.argv[1])
