#!/usr/bin/env bash
# Measures launch-to-first-window of an app image on a private Xvfb display, with and without class-data
# sharing (CDS). Needs Xvfb and xwininfo. Works on a copy, so the image itself is left as it is.
#   measure-startup.sh <app image> [runs per variant, default 5]
# Prints, per variant, each run's wall-clock milliseconds and the process's CPU milliseconds until the window
# existed, then the medians. Variants: no archive; the JDK's default archive (java -Xshare:dump); the archive
# from the recorded class list (what the packages make at install time).
set -euo pipefail

image=$1
runs=${2:-5}
work=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -a "$image" "$work/app"
app="$work/app"
archive="$app/lib/runtime/lib/server/classes.jsa"
tick=$(getconf CLK_TCK)

for n in $(seq 201 260); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
until xwininfo -display "$display" -root >/dev/null 2>&1; do sleep 0.1; done

window_up() {
    xwininfo -display "$display" -root -tree | grep -Eq '\("[^"]+" "[^"]+"\) +[0-9]{3,}x[0-9]{3,}'
}

measure() { # prints "wall cpu" in ms for one start
    local start end pid stat cpu
    start=$(date +%s%N)
    HOME="$work/home" DISPLAY=$display "$app/bin/Signpost" >/dev/null 2>&1 &
    pid=$!
    until window_up; do sleep 0.01; done
    end=$(date +%s%N)
    read -r -a stat < "/proc/$pid/stat"
    cpu=$(( (stat[13] + stat[14]) * 1000 / tick ))
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "$(( (end - start) / 1000000 )) $cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

variant() { # name
    local results
    results=$(for _ in $(seq "$runs"); do measure; done)
    echo "$1: wall ms: $(echo "$results" | awk '{print $1}' | tr '\n' ' ')cpu ms: $(echo "$results" | awk '{print $2}' | tr '\n' ' ')"
    echo "$1: median wall $(echo "$results" | awk '{print $1}' | median) ms, median cpu $(echo "$results" | awk '{print $2}' | median) ms"
}

mkdir -p "$work/home"
rm -f "$archive"
variant "no CDS archive"
"$app/lib/runtime/bin/java" -Xshare:dump >/dev/null 2>&1
variant "JDK default CDS archive"
rm -f "$archive"
"$app/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/lib/signpost.classlist" \
    -XX:SharedArchiveFile="$archive" >/dev/null 2>&1
variant "trained CDS archive"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
