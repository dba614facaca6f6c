# Sourced by the scripts: builds the project (./mvnw install -DskipTests) and trains the services' AOT caches
# (scripts/train-aot) unless nothing changed since the last build that these scripts ran. Expects $root and JAVA_HOME.
stamp="$root/.run/build.stamp"
needs_build() {
  [ -f "$stamp" ] || return 0
  [ -f "$root/local-runner/target/local-runner-1.0.0-SNAPSHOT.jar" ] || return 0
  for s in request-service consent-service deadline-service register-service staff-web; do
    [ -f "$root/$s/target/quarkus-app/quarkus-run.jar" ] || return 0
  done
  [ -n "$(cd "$root" && find . \( -path ./.run -o -path ./.git -o -name target \) -prune -o -type f -newer "$stamp" -print -quit)" ]
}
if needs_build; then
  echo "[local-stack] Building what changed (the first time a few minutes more, for the downloads) …"
  mkdir -p "$root/.run"
  touch "$stamp.next"
  (cd "$root" && ./mvnw -B -q install -DskipTests)
  echo "[local-stack] Training the services' AOT caches on this build, so they start in about two seconds (about two minutes) …"
  "$root/scripts/train-aot" || echo "[local-stack] The AOT training failed (logs: .run/aot-training/logs); the services start without caches." >&2
  mv "$stamp.next" "$stamp"
fi
