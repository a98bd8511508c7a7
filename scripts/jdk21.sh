# shellcheck shell=bash
# Sourced by the scripts that run a class of benchmarks.jar outside the jar's launcher, which
# therefore need a JDK 21+ themselves. Defines:
#   given_java       the java the user chose: JAVA, else JAVA_HOME/bin/java, else java on the PATH;
#                    says so on stderr and fails when it cannot be run
#   major JAVA       the Java feature version of JAVA (8 for 1.8)
#   jdk21 JAVA JAR   JAVA if it is a JDK 21+, else the JDK the jar's launcher relaunches on (it names
#                    it on stderr); prints its java, or nothing when neither is one
given_java() {
  local java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
  if ! command -v "$java" > /dev/null; then
    echo "no java: set JAVA or JAVA_HOME, or put java on the PATH" >&2
    return 1
  fi
  echo "$java"
}

major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F= '/java.specification.version/ { gsub(/ /, "", $2); sub(/^1\./, "", $2); print $2 }'
}

jdk21() {
  local java="$1" jar="$2" home
  if [[ "$(major "$java")" -ge 21 ]]; then
    echo "$java"
    return
  fi
  home=$("$java" -jar "$jar" --version 2>&1 >/dev/null | sed -n 's/^corescale: .* running on JDK [^ ]* from //p')
  if [[ -n "$home" && "$(major "$home/bin/java")" -ge 21 ]]; then
    echo "$home/bin/java"
  fi
}
