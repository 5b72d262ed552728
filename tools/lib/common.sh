# Shared by the launchers in tools/: finds a JDK 25+ and Maven, and knows the project folder.
# Sourced, not run.

CRATEDIGGER_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MIN_JAVA=25

# The major version of the java binary $1, or nothing.
java_major() {
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  [ -n "$v" ] && echo "${v%%.*}"
}

# Prints the home of the first JDK 25+ found: JAVA_HOME, PATH, then the usual install folders.
find_jdk() {
  local candidates=() c
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    c=$(readlink -f "$(command -v java)") && candidates+=("${c%/bin/java}")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/jdk* /usr/java/* \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ]; then
      local major
      major=$(java_major "$c/bin/java")
      if [ -n "$major" ] && [ "$major" -ge "$MIN_JAVA" ] 2>/dev/null; then
        echo "$c"
        return 0
      fi
    fi
  done
  return 1
}

require_jdk() {
  local jdk
  if ! jdk=$(find_jdk); then
    echo "cratedigger: no JDK $MIN_JAVA or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks)." >&2
    echo "cratedigger: install JDK $MIN_JAVA (for example Eclipse Temurin 25) or set JAVA_HOME to one." >&2
    exit 1
  fi
  export JAVA_HOME="$jdk"
}

# Maven: the one on PATH when it is 3.8 or newer, otherwise the project's wrapper, which
# fetches Maven itself the first time.
maven_cmd() {
  if command -v mvn >/dev/null 2>&1; then
    local v
    v=$(mvn -v 2>/dev/null | awk '/Apache Maven/ {print $3; exit}' | sed 's/\x1b\[[0-9;]*m//g')
    case "$v" in
      3.[89]*|3.1[0-9]*|4.*) echo mvn; return ;;
    esac
  fi
  echo "$CRATEDIGGER_HOME/mvnw"
}
