# Which JDK the scripts run on (sourced by .ci/run, bench/run.sh and bench/ab.sh, not run). The kit needs a JDK 21
# or newer: JAVA_HOME when it is one, else the newest such JDK in Debian's JVM folder, where these machines keep a
# second JDK beside the default 17.

# the feature release of the JDK at $1 (17, 21, 25, ...), or 0 when it is no JDK
java_feature() {
  [ -x "$1/bin/javac" ] || { echo 0; return; }
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -1
}

# → the folder of the JDK to use, or nothing when there is none
pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ "$(java_feature "$JAVA_HOME")" -ge 21 ]; then echo "$JAVA_HOME"; return; fi
  local best="" best_feature=0 dir feature
  for dir in /usr/lib/jvm/*/; do
    dir="${dir%/}"
    [ -L "$dir" ] && continue
    feature=$(java_feature "$dir")
    if [ "$feature" -ge 21 ] && [ "$feature" -gt "$best_feature" ]; then best="$dir"; best_feature=$feature; fi
  done
  echo "$best"
}
