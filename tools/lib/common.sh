# Shared by the launchers in tools/ and by the release's bin/cratedigger (which ships this file
# as bin/lib/common.sh): finds a JDK 25+ and Maven, knows the project folder, and runs the
# application with the JVM options every launcher gives it. Sourced, not run.

# Two levels up from here: the checkout (tools/lib/) or the unpacked release (bin/lib/).
CRATEDIGGER_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MIN_JAVA=25

# The major version of the java binary $1, or nothing.
java_major() {
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  [ -n "$v" ] && echo "${v%%.*}"
}

# Prints the home of the first JDK 25+ found: JAVA_HOME, PATH, then the usual install folders.
# With "runtime", a Java runtime without javac will do too (a release needs no compiler).
find_jdk() {
  local need="${1:-jdk}" candidates=() c
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
    if [ -x "$c/bin/java" ] && { [ "$need" = runtime ] || [ -x "$c/bin/javac" ]; }; then
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

# Exports JAVA_HOME as find_jdk's answer (same argument), or exits 1 saying what to install.
require_jdk() {
  local jdk what="JDK"
  [ "${1:-jdk}" = runtime ] && what="Java runtime (JRE or JDK)"
  if ! jdk=$(find_jdk "${1:-jdk}"); then
    echo "cratedigger: no $what $MIN_JAVA or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks)." >&2
    echo "cratedigger: install JDK $MIN_JAVA (for example Eclipse Temurin 25) or set JAVA_HOME to one." >&2
    exit 1
  fi
  export JAVA_HOME="$jdk"
}

# Runs Cratedigger on $JAVA_HOME's java: `exec_cratedigger WHERE... -- ARGS...`, WHERE being
# how java finds the application (`-jar JAR`, or `-cp PATH MAINCLASS`) and ARGS the command line.
# Heap: serving fits in 1 GB (product.md); a rebuild gets 3 GB for its indexing buffer, bench 4 GB;
# CRATEDIGGER_HEAP overrides them. The vector module gives Lucene its SIMD (Panama) code paths;
# cratedigger.home is where config/ and web/ are found; CRATEDIGGER_JAVA_OPTS adds options
# (split on spaces).
#
# The vector module is an incubator module, so the JVM warns about it on every start, and no
# option turns that off: stderr goes through a filter that drops exactly that line and passes
# every other one as it comes. java still replaces this shell (exec: its PID is the launcher's,
# for systemd and kill, and its exit code is the launcher's). The filter ignores INT, TERM and
# HUP, so Ctrl-C or a signal to the whole process group stops java alone and the filter passes
# what java says while stopping; it ends when java closes stderr. A caller that reads stderr to
# its end gets every line; one that only waits for the exit may see the last lines a moment
# later. Without a grep that can do it (`--line-buffered`), stderr is left as it is.
INCUBATOR_WARNING='WARNING: Using incubator modules: jdk.incubator.vector'
exec_cratedigger() {
  local where=()
  while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
    where+=("$1")
    shift
  done
  [ "$#" -gt 0 ] && shift
  local heap="${CRATEDIGGER_HEAP:-}"
  if [ -z "$heap" ]; then
    case "${1:-}" in index) heap=3g ;; bench) heap=4g ;; *) heap=1g ;; esac
  fi
  local java=(
    "$JAVA_HOME/bin/java"
    -Xmx"$heap"
    --add-modules jdk.incubator.vector
    --enable-native-access=ALL-UNNAMED
    -Dcratedigger.home="$CRATEDIGGER_HOME"
  )
  # shellcheck disable=SC2206 # several options in one variable, split on spaces
  java+=(${CRATEDIGGER_JAVA_OPTS:-})
  if stderr_filter_works; then
    # -a: a line that is not valid in the locale's encoding is passed too, not summed up as
    # "binary file matches"; grep's own exit code (1 when every line was the warning) is
    # nobody's: java's is the one
    exec "${java[@]}" "${where[@]}" "$@" 2> >(
      trap '' INT TERM HUP
      exec grep --line-buffered -a -v -x -F -e "$INCUBATOR_WARNING" >&2
    )
  fi
  exec "${java[@]}" "${where[@]}" "$@"
}

# True when grep takes the options the stderr filter needs (GNU and BSD grep do; a bare busybox
# may not). A filter that failed to start would swallow every error, not only the warning.
stderr_filter_works() {
  local rc=0
  grep --line-buffered -a -v -x -F -e "$INCUBATOR_WARNING" </dev/null >/dev/null 2>&1 || rc=$?
  [ "$rc" -le 1 ]
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
