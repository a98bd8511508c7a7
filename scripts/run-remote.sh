#!/usr/bin/env bash
# Runs the corescale benchmarks on remote hosts over ssh and fetches their results folders.
# See docs/reports.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/run-remote.sh [options] HOST... [-- RUN-OPTIONS...]

Copies benchmarks.jar to each HOST over ssh, runs
  java -jar benchmarks.jar run RUN-OPTIONS...
there in a fresh temporary folder, and fetches the results folders it wrote
(results/<host>-<yyyymmdd-hhmmss>/) back into the local results folder.
HOST is anything ssh accepts (user@host, an alias from ~/.ssh/config).

Options:
  --jar PATH          jar to copy (default: ./benchmarks.jar)
  --java CMD          java command on the hosts (default: java; the jar finds a
                      JDK 21+ itself when this one is older)
  --results DIR       local folder to fetch into (default: ./results)
  --parallel          run all hosts at once (default: one after another, so
                      hosts sharing hardware do not disturb each other)
  --keep              leave the remote folder in place (default: removed)
  --ssh-opt OPT       extra option for ssh/scp, repeatable (e.g. --ssh-opt -p2222)
  -h, --help          this text

Everything after -- goes to 'run', e.g.  -- --quick
Exit status: 0 when every host succeeded, 1 otherwise (each failure is named).

Example:
  scripts/run-remote.sh --parallel alice@big-server cloud-vm -- --quick
USAGE
}

jar=./benchmarks.jar
java_cmd=java
results=./results
parallel=false
keep=false
ssh_opts=(-o BatchMode=yes)
hosts=()
run_opts=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --jar) jar=${2:?--jar needs a path}; shift 2 ;;
    --java) java_cmd=${2:?--java needs a command}; shift 2 ;;
    --results) results=${2:?--results needs a folder}; shift 2 ;;
    --parallel) parallel=true; shift ;;
    --keep) keep=true; shift ;;
    --ssh-opt) ssh_opts+=("${2:?--ssh-opt needs an option}"); shift 2 ;;
    --) shift; run_opts=("$@"); break ;;
    -*) echo "run-remote.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) hosts+=("$1"); shift ;;
  esac
done

if [[ ${#hosts[@]} -eq 0 ]]; then
  echo "run-remote.sh: no HOST given (see --help)" >&2
  exit 2
fi
if [[ ! -f "$jar" ]]; then
  echo "run-remote.sh: jar not found: $jar (build it with 'mvn package' or pass --jar)" >&2
  exit 2
fi
mkdir -p "$results"

# Quotes each word for the remote shell, so options with spaces or quotes survive ssh.
remote_words() {
  local out="" w
  for w in "$@"; do
    out+=" $(printf '%q' "$w")"
  done
  printf '%s' "$out"
}

run_host() {
  local host=$1 dir
  echo "[$host] preparing"
  dir=$(ssh "${ssh_opts[@]}" "$host" 'mktemp -d "${TMPDIR:-/tmp}/corescale.XXXXXX"') || {
    echo "[$host] cannot reach the host or create a folder there" >&2; return 1; }
  scp -q "${ssh_opts[@]}" "$jar" "$host:$dir/benchmarks.jar" || {
    echo "[$host] cannot copy the jar" >&2; return 1; }
  echo "[$host] running in $dir"
  local status=0
  # shellcheck disable=SC2029  # expanded here on purpose: the quoted command is built locally
  ssh "${ssh_opts[@]}" "$host" "cd $(printf '%q' "$dir") && $(remote_words "$java_cmd") -jar benchmarks.jar run$(remote_words "${run_opts[@]}")" \
    || status=$?
  # Fetch whatever was written, also after a failure: a stopped run keeps its finished points.
  # shellcheck disable=SC2029
  if ssh "${ssh_opts[@]}" "$host" "test -d $(printf '%q' "$dir/results")"; then
    # shellcheck disable=SC2029
    ssh "${ssh_opts[@]}" "$host" "cd $(printf '%q' "$dir") && tar cf - results" | tar xf - -C "$results" --strip-components=1 \
      && echo "[$host] fetched into $results/"
  else
    echo "[$host] wrote no results folder" >&2
    if [[ $status -eq 0 ]]; then status=1; fi
  fi
  if [[ $keep == false ]]; then
    # shellcheck disable=SC2029
    ssh "${ssh_opts[@]}" "$host" "rm -rf $(printf '%q' "$dir")" || true
  else
    echo "[$host] kept $dir"
  fi
  if [[ $status -ne 0 ]]; then
    echo "[$host] run failed (exit $status)" >&2
  fi
  return "$status"
}

failed=()
if [[ $parallel == true ]]; then
  pids=()
  for h in "${hosts[@]}"; do
    run_host "$h" & pids+=("$!")
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || failed+=("${hosts[$i]}")
  done
else
  for h in "${hosts[@]}"; do
    run_host "$h" || failed+=("$h")
  done
fi

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "run-remote.sh: failed on: ${failed[*]}" >&2
  exit 1
fi
echo "run-remote.sh: done; compare with: java -jar $jar compare $results/<base> $results/<other>..."
