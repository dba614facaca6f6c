# Sourced by the scripts: picks a JDK 21 or newer (JAVA_HOME, java on the PATH, or one under /usr/lib/jvm).
java_major() { "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'; }
JAVA=""
for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
    JAVA="$candidate"
    break
  fi
done
if [ -z "$JAVA" ]; then
  echo "A JDK 21 or newer is needed (set JAVA_HOME to it)." >&2
  exit 1
fi
export JAVA_HOME="$(cd "$(dirname "$JAVA")/.." && pwd)"
