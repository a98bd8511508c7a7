#!/usr/bin/env bash
# Checks that each counters variant costs what its bare primitive costs (issue 31): runs
# corescale.benchmarks.selftest.CounterOverhead from benchmarks.jar, which times Counters.increment
# and its twin in selftest.BareCounters at 1 thread, workInside=0, workOutside=0, in alternating
# rounds of one JMH fork each (counter, bare; bare, counter; ...) on C2, prints one line per variant
# (cost ratio of the medians, and every round) and exits 1 when an atomic variant costs more than
# 1.10x its bare twin (the locks are for reference). A timing: run it on a quiet machine, not in CI.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/check-counter-overhead.sh [--jar PATH] [CounterOverhead options...]

  --jar PATH            benchmarks.jar to use (default: the clone's benchmarks.jar)
  --rounds N            rounds, at least 4 (default 4)
  --limit R             largest cost ratio an atomic variant may have (default 1.10)
  --jvm-args "OPTIONS"  added to every fork's JVM options (e.g. to compare on C1)
  VARIANT ...           variants to time (default: atomicLong atomicLongCas longAdder synchronized
                        reentrantLock stampedLock semaphore)

Exit codes: 0 within the limit, 1 an atomic variant above it, 2 bad arguments or a failed run.
About 30 s a variant at 4 rounds. The class runs outside the jar's launcher, so it needs a JDK 21+:
JAVA, else JAVA_HOME/bin/java, else java on the PATH if it is one, else the JDK the jar itself
relaunches on. Another JMH run on the machine holds JMH's lock: pass JAVA_OPTS=-Djmh.ignoreLock=true
only if you accept its noise.
USAGE
}

jar="$(cd "$(dirname "$0")/.." && pwd)/benchmarks.jar"
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --jar) jar="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
if [[ ! -f "$jar" ]]; then
  echo "no $jar: build it first with 'mvn -B package -DskipTests'" >&2
  exit 2
fi
# shellcheck source=scripts/jdk21.sh
source "$(dirname "$0")/jdk21.sh"
java=$(given_java) || exit 2

# This java if it is a JDK 21+, else the one the jar's launcher relaunches on.
java=$(jdk21 "$java" "$jar")
if [[ -z "$java" ]]; then
  echo "needs a JDK 21+: set JAVA or JAVA_HOME" >&2
  exit 2
fi

# From JDK 24 on the JVM warns when JMH's runner uses sun.misc.Unsafe (JEP 498): allowed, as the jar's launcher does.
opts=()
if [[ "$(major "$java")" -ge 24 ]]; then
  opts+=(--sun-misc-unsafe-memory-access=allow)
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec "$java" "${opts[@]}" ${JAVA_OPTS:-} -cp "$jar" corescale.benchmarks.selftest.CounterOverhead "${args[@]}"
