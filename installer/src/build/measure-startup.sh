#!/usr/bin/env bash
# Start-up of an app image on a private Xvfb display, with and without class-data sharing (CDS). Needs Xvfb and
# xwininfo. Works on a copy, so the image itself is left as it is.
#   measure-startup.sh <app image> [runs per variant, at least 5, default 5]
# Two moments per start: the window exists (it opens first, empty, with the wizard's title, size and background;
# see OpeningWindow), and the start page is laid out in it, the first moment a user can do anything. The launcher
# runs with -Dsignpost.startupTrace=true (through JAVA_TOOL_OPTIONS, which the launcher honours), which prints
# "wizard page laid out" with its epoch milliseconds on stderr; that time, not the moment this script notices it,
# is the start page's wall clock. For each moment the script reads the process's CPU time (user + system) as soon
# as it sees the moment, so the CPU figures include up to one polling interval (10 ms) of work after it; at the
# start page it also reads VmRSS. Prints every run, then the medians, and the load average before and after.
# Variants, taking turns run by run: no archive; the JDK's default archive (java -Xshare:dump); the archive from the
# recorded class list without the application jar (the runtime's classes only); the same with the application jar on
# the class path at dump time, so the archive holds its classes too (what the packages make at install time).
set -euo pipefail

image=$1
runs=${2:-5}
if [ "$runs" -lt 5 ]; then
    echo "measure-startup: at least 5 runs per variant, so the median is not one lucky or unlucky start" >&2
    exit 2
fi
work=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
tick=$(getconf CLK_TCK)
# How long one start may take before the run counts as failed (a loaded CI machine is slow, not this slow).
limit_polls=6000

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $(seq 201 260); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
until xwininfo -display "$display" -root >/dev/null 2>&1; do sleep 0.1; done

# The wizard's window: its title, a WM_CLASS, and at least 100x100 (GTK's leader window is 10x10). Matched on the
# whole output: with pipefail, grep -q closing the pipe early could fail the pipeline.
window_pattern='"Signpost": \("[^"]+" "[^"]+"\) +[0-9]{3,}x[0-9]{3,}'
window_up() {
    [[ "$(xwininfo -display "$display" -root -tree)" =~ $window_pattern ]]
}

cpu_ms() { # user + system CPU of a process so far
    local stat
    read -r -a stat < "/proc/$1/stat"
    echo $(( (stat[13] + stat[14]) * 1000 / tick ))
}

give_up() { # pid, what did not happen
    echo "measure-startup: $2; stderr of the launcher:" >&2
    cat "$work/err" >&2
    kill "$1" 2>/dev/null || true
    exit 1
}

measure() { # prints "window-wall window-cpu page-wall page-cpu page-rss" (ms, ms, ms, ms, MB) for one start
    local start end pid cpu page_epoch page_cpu page_rss polls=0
    start=$(date +%s%N)
    HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_CACHE_HOME="$work/home/cache" DISPLAY=$display \
        JAVA_TOOL_OPTIONS=-Dsignpost.startupTrace=true "$app/bin/Signpost" >/dev/null 2>"$work/err" &
    pid=$!
    until window_up; do
        polls=$((polls + 1))
        { [ "$polls" -lt "$limit_polls" ] && kill -0 "$pid" 2>/dev/null; } || give_up "$pid" "no window appeared"
        sleep 0.01
    done
    end=$(date +%s%N)
    cpu=$(cpu_ms "$pid")
    until grep -q 'wizard page laid out' "$work/err"; do
        polls=$((polls + 1))
        { [ "$polls" -lt "$limit_polls" ] && kill -0 "$pid" 2>/dev/null; } || give_up "$pid" "the start page was not laid out"
        sleep 0.01
    done
    page_cpu=$(cpu_ms "$pid")
    page_rss=$(awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$pid/status")
    page_epoch=$(grep 'wizard page laid out' "$work/err" | awk '{for (i = 1; i < NF; i++) if ($i == "epoch") print $(i + 1)}')
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "$(( (end - start) / 1000000 )) $cpu $(( page_epoch - start / 1000000 )) $page_cpu $page_rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

column() { # results, field number: the field of every run, space-separated
    echo "$1" | awk -v f="$2" '{printf "%s ", $f}'
}

report() { # name, results
    local results=$2
    echo "$1: window: wall ms: $(column "$results" 1)cpu ms: $(column "$results" 2)"
    echo "$1: start page: wall ms: $(column "$results" 3)cpu ms: $(column "$results" 4)VmRSS MB: $(column "$results" 5)"
    echo "$1: medians of $runs: window $(echo "$results" | awk '{print $1}' | median) ms wall," \
        "$(echo "$results" | awk '{print $2}' | median) ms cpu; start page $(echo "$results" | awk '{print $3}' | median) ms wall," \
        "$(echo "$results" | awk '{print $4}' | median) ms cpu, $(echo "$results" | awk '{print $5}' | median) MB VmRSS"
}

# One copy of the image per variant, each with its own archive (an archive only works where it was made), so the
# variants can take turns run by run and see the same load.
variants=(none default trained with-app)
names=("no CDS archive" "JDK default CDS archive" "trained CDS archive of the runtime's classes only"
    "trained CDS archive with the application's classes (what the packages install)")
for v in "${variants[@]}"; do
    cp -a "$image" "$work/$v"
    rm -f "$work/$v/lib/runtime/lib/server/classes.jsa"
done
"$work/default/lib/runtime/bin/java" -Xshare:dump >/dev/null 2>&1
"$work/trained/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$work/trained/lib/signpost.classlist" \
    -XX:SharedArchiveFile="$work/trained/lib/runtime/lib/server/classes.jsa" >/dev/null 2>&1
"$work/with-app/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$work/with-app/lib/signpost.classlist" \
    -XX:SharedArchiveFile="$work/with-app/lib/runtime/lib/server/classes.jsa" \
    -cp "$work/with-app/lib/app/signpost.jar" >/dev/null 2>&1

mkdir -p "$work/home"
declare -A results
for _ in $(seq "$runs"); do
    for v in "${variants[@]}"; do
        app="$work/$v"
        results[$v]+="$(measure)"$'\n'
    done
done
for i in "${!variants[@]}"; do
    report "${names[$i]}" "$(echo -n "${results[${variants[$i]}]}")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
