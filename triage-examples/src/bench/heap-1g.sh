#!/usr/bin/env bash
# Triage and plan of the generated 1 GB manifest (60k models) in a JVM capped at 1 GB of heap: finishing is the
# proof. Usage: heap-1g.sh JAR TARGET_DIR. Prints, per command, the exit code (0 or 1 is a finished triage or
# plan; 2 is the out-of-memory line), the wall seconds and the size of the JSON written.
set -uo pipefail
jar=$1
target=$2
if [ ! -f "$target/manifest.json" ]; then
  echo "heap-1g: no $target/manifest.json; make it with ../shared/tools/gen_manifest.py --models 60000 (docs/benchmarks.md)"
  exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for command in triage plan; do
  start=$(date +%s.%N)
  java -Xmx1g -jar "$jar" "$command" --no-log "$target" --format json > "$out" 2> "$out.err"
  code=$?
  end=$(date +%s.%N)
  printf '%s at -Xmx1g: exit %d, %.1f s, %d bytes of JSON%s\n' "$command" "$code" "$(echo "$end - $start" | bc)" \
    "$(stat -c %s "$out")" "$( [ "$code" -ge 2 ] && echo ": $(head -1 "$out.err")")"
  rm -f "$out.err"
done
