#!/usr/bin/env bash
# Whole-process comparison, measured side by side in one run: the distribution's launcher
# `bin/dbt-triage inspect MANIFEST` and plain `java -jar lib/dbt-triage.jar inspect MANIFEST` (JVM start, detect
# kind, full load, print) against python3 + orjson parsing the same file into Python objects (python's json
# module when orjson is not installed; the output says which). Runs are interleaved (launcher, java -jar,
# python, launcher, ...) so a busy machine slows all three alike. Prints the median wall time and user+sys CPU
# of RUNS runs of each. Usage: compare-orjson.sh DIST_DIR MANIFEST... (RUNS env, default 5).
set -euo pipefail
dist="$1"; shift
runs="${RUNS:-5}"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
if python3 -c 'import orjson' 2>/dev/null; then
  py=orjson; pycode="import orjson,sys;orjson.loads(open(sys.argv[1],'rb').read())"
else
  py=json; pycode="import json,sys;json.loads(open(sys.argv[1],'rb').read())"
  echo "note: orjson is not installed (pip install orjson); comparing with python's json module instead"
fi
measure() { # prints "wall cpu" in seconds
  /usr/bin/time -o "$tmp" -f "%e %U %S" "$@" >/dev/null 2>&1
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$tmp"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for f in "$@"; do
  [ -f "$f" ] || { echo "skip: $f not found"; continue; }
  lw=(); lc=(); jw=(); jc=(); pw=(); pc=()
  for ((i = 0; i < runs; i++)); do
    read -r w c < <(measure "$dist/bin/dbt-triage" inspect "$f"); lw+=("$w"); lc+=("$c")
    read -r w c < <(measure java -jar "$dist/lib/dbt-triage.jar" inspect "$f"); jw+=("$w"); jc+=("$c")
    read -r w c < <(measure python3 -c "$pycode" "$f"); pw+=("$w"); pc+=("$c")
  done
  lwm=$(printf '%s\n' "${lw[@]}" | median); lcm=$(printf '%s\n' "${lc[@]}" | median)
  jwm=$(printf '%s\n' "${jw[@]}" | median); jcm=$(printf '%s\n' "${jc[@]}" | median)
  pwm=$(printf '%s\n' "${pw[@]}" | median); pcm=$(printf '%s\n' "${pc[@]}" | median)
  size=$(stat -c %s "$f")
  echo "$f ($((size / 1000000)) MB), median of $runs interleaved runs"
  echo "  bin/dbt-triage inspect      wall ${lwm} s  cpu ${lcm} s"
  echo "  java -jar dbt-triage inspect wall ${jwm} s  cpu ${jcm} s"
  echo "  python3 ${py}.loads         wall ${pwm} s  cpu ${pcm} s"
  awk -v l="$lwm" -v j="$jwm" -v p="$pwm" 'BEGIN {printf "  ratio to python (wall): launcher %.2f, java -jar %.2f (goal <= 0.50)\n", l / p, j / p}'
done
