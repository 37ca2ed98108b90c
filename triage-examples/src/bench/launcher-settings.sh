#!/usr/bin/env bash
# JVM settings for the launcher, measured side by side in one run: every setting runs once per round, in a
# rotating order, for ROUNDS rounds (default 7), so a busy machine slows all of them alike. Prints a Markdown
# table: median and fastest wall time, median CPU (user+sys), and the median wall time relative to python3
# parsing the same file with orjson (json when orjson is missing).
# Usage: launcher-settings.sh DIST_DIR MANIFEST
set -euo pipefail
dist="$1"; f="$2"
rounds="${ROUNDS:-7}"
jar="$dist/lib/dbt-triage.jar"; jsa="$dist/lib/dbt-triage.jsa"
cds="-XX:SharedArchiveFile=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
py=orjson; python3 -c 'import orjson' 2>/dev/null || py=json
names=(); cmds=()
add() { names+=("$1"); cmds+=("$2"); }
add "python3 $py.loads" "python3 -c \"import $py,sys; $py.loads(open(sys.argv[1],'rb').read())\" $f"
add "java -jar (JDK defaults: G1, C1+C2, JDK's CDS)" "java -jar $jar inspect $f"
add "-Xshare:off" "java -Xshare:off -jar $jar inspect $f"
add "AppCDS archive" "java $cds -jar $jar inspect $f"
add "-XX:TieredStopAtLevel=1 (C1 only)" "java -XX:TieredStopAtLevel=1 -jar $jar inspect $f"
add "-XX:+UseSerialGC" "java -XX:+UseSerialGC -jar $jar inspect $f"
add "C1 only + SerialGC" "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $jar inspect $f"
add "AppCDS + C1 only" "java $cds -XX:TieredStopAtLevel=1 -jar $jar inspect $f"
add "AppCDS + C1 only + SerialGC" "java $cds -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $jar inspect $f"
add "bin/dbt-triage (C1 only + SerialGC; AppCDS only for inputs up to 64 MB)" "$dist/bin/dbt-triage inspect $f"
n=${#names[@]}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for ((r = 0; r < rounds; r++)); do
  for ((k = 0; k < n; k++)); do
    i=$(((k + r) % n))
    /usr/bin/time -o "$tmp/t" -f "%e %U %S" bash -c "${cmds[$i]}" >/dev/null 2>"$tmp/err" || { echo "failed: ${names[$i]}"; cat "$tmp/err"; }
    awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$tmp/t" >> "$tmp/$i"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
pywall=$(cut -d' ' -f1 "$tmp/0" | median)
echo "$f ($(($(stat -c %s "$f") / 1000000)) MB), $rounds interleaved rounds, load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| setting | median wall | fastest wall | median CPU | wall / $py |"
echo "|---|---|---|---|---|"
for ((i = 0; i < n; i++)); do
  w=$(cut -d' ' -f1 "$tmp/$i" | median); m=$(cut -d' ' -f1 "$tmp/$i" | sort -n | head -1)
  c=$(cut -d' ' -f2 "$tmp/$i" | median)
  awk -v nm="${names[$i]}" -v w="$w" -v m="$m" -v c="$c" -v p="$pywall" \
    'BEGIN {printf "| %s | %.2f s | %.2f s | %.2f s | %.2f |\n", nm, w, m, c, w / p}'
done
