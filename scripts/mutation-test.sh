#!/usr/bin/env bash
# Mutation testing of the statistics module with PIT (the `pit` profile of stats/pom.xml): PIT
# changes the compiled code in small ways (a < for a <=, a + for a -, a condition negated, a return
# value replaced), runs the tests that cover each change, and lists the changes no test noticed:
# lines whose behaviour no test pins down. Not part of CI: a package takes one to ten minutes.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/mutation-test.sh [CLASSES]

  CLASSES   PIT's targetClasses, comma-separated globs (default: the packages whose claims a
            report prints: corescale.stats.summary.*, ranking.*, answers.*, compare.*)

Writes stats/target/pit-reports/index.html and mutations.csv (one row per change: class, mutator,
method, line, KILLED / SURVIVED / NO_COVERAGE). Needs a JDK 21+ for the tests, which PIT runs on
Maven's own JDK: JAVA_HOME if it is one, else the JDK benchmarks.jar relaunches on ('mvn package'
writes the jar). A SURVIVED row is a lead, not a verdict: some changes cannot be told apart from
the original (a < that only differs on a tie no input has).
USAGE
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac
classes="${1:-corescale.stats.summary.*,corescale.stats.ranking.*,corescale.stats.answers.*,corescale.stats.compare.*}"

cd "$(dirname "$0")/.."
source scripts/jdk21.sh
java=$(given_java) || exit 2
if [[ "$(major "$java")" -lt 21 && ! -f benchmarks.jar ]]; then
  echo "$java is older than 21 and there is no benchmarks.jar to find a JDK 21+ with: run 'mvn package' or set JAVA_HOME" >&2
  exit 2
fi
jdk=$(jdk21 "$java" benchmarks.jar)
if [[ -z "$jdk" ]]; then
  echo "needs a JDK 21+: $java is $(major "$java") and the jar found none; set JAVA_HOME" >&2
  exit 2
fi
home=$(cd "$(dirname "$jdk")/.." && pwd)
echo "PIT on $classes, tests on $home"
JAVA_HOME="$home" mvn -B -q -Ppit -pl stats test-compile org.pitest:pitest-maven:mutationCoverage \
  -DtargetClasses="$classes" -Dverbosity=QUIET_WITH_PROGRESS
csv=stats/target/pit-reports/mutations.csv
awk -F, '{ n[$6]++ } END { for (s in n) printf "%s %d\n", s, n[s] }' "$csv" | sort
echo "report: stats/target/pit-reports/index.html"
