#!/usr/bin/env bash
# Whole-process comparison: `dbt-triage inspect MANIFEST` (JVM start, detect kind, full load, print) against
# python3 + orjson parsing the same file into Python objects. Prints the median wall time and user+sys CPU
# of RUNS runs of each, side by side. Usage: compare-orjson.sh JAR MANIFEST... (RUNS env, default 5).
set -euo pipefail
jar="$1"; shift
runs="${RUNS:-5}"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
measure() { # prints "wall cpu" in seconds
  /usr/bin/time -o "$tmp" -f "%e %U %S" "$@" >/dev/null 2>&1
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$tmp"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for f in "$@"; do
  [ -f "$f" ] || { echo "skip: $f not found"; continue; }
  jw=(); jc=(); pw=(); pc=()
  for ((i = 0; i < runs; i++)); do
    read -r w c < <(measure java -jar "$jar" inspect "$f"); jw+=("$w"); jc+=("$c")
    read -r w c < <(measure python3 -c "import orjson,sys;orjson.loads(open(sys.argv[1],'rb').read())" "$f")
    pw+=("$w"); pc+=("$c")
  done
  jwm=$(printf '%s\n' "${jw[@]}" | median); jcm=$(printf '%s\n' "${jc[@]}" | median)
  pwm=$(printf '%s\n' "${pw[@]}" | median); pcm=$(printf '%s\n' "${pc[@]}" | median)
  size=$(stat -c %s "$f")
  echo "$f ($((size / 1000000)) MB), median of $runs runs"
  echo "  dbt-triage inspect   wall ${jwm} s  cpu ${jcm} s"
  echo "  python3 orjson.loads wall ${pwm} s  cpu ${pcm} s"
  awk -v j="$jwm" -v p="$pwm" 'BEGIN {printf "  ratio (java/orjson wall) %.2f (target <= 0.50)\n", j / p}'
done
