#!/usr/bin/env bash
# Launch-to-first-window of the jar (java -jar signpost.jar) beside a minimal JavaFX window started the same way
# (same JVM, JavaFX from the same jar's class path), alternating run by run so both see the same load. Needs Xvfb
# and xwininfo.
#   measure-jar-startup.sh [path to signpost.jar, default app/target/signpost.jar] [runs each, default 7]
# Prints each run's wall-clock and CPU milliseconds until the window existed, the medians and their ratio. The jar
# runs with -Dsignpost.startupTrace=true, so for it the script also waits for the wizard's start page to be laid out
# (the window appears first, empty, with the app's background; see OpeningWindow) and reports that time too.
# CPU is the whole process tree's: started with java -jar, the wizard runs in a second JVM (dev.signpost.launch).
set -euo pipefail

jar=$(realpath "${1:-app/target/signpost.jar}")
runs=${2:-7}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
tick=$(getconf CLK_TCK)

cat > "$work/MinimalWindow.java" <<'JAVA'
public class MinimalWindow extends javafx.application.Application {
    @Override
    public void start(javafx.stage.Stage stage) {
        stage.setTitle("Minimal");
        stage.setScene(new javafx.scene.Scene(new javafx.scene.control.Label("minimal"), 980, 720));
        stage.show();
    }

}
JAVA
# Started through a main class that is not an Application, like Signpost's: otherwise the java launcher refuses
# to run JavaFX from the class path.
cat > "$work/MinimalMain.java" <<'JAVA'
public class MinimalMain {
    public static void main(String[] args) {
        javafx.application.Application.launch(MinimalWindow.class, args);
    }
}
JAVA
"${java}c" -d "$work" -cp "$jar" "$work/MinimalWindow.java" "$work/MinimalMain.java"

for n in $(seq 261 320); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
until xwininfo -display "$display" -root >/dev/null 2>&1; do sleep 0.1; done

tree_cpu() { # CPU ms of a process and its children: the jar's wizard runs in a second JVM (dev.signpost.launch)
    local total=0 stat child
    for child in "$1" $(pgrep -P "$1" || true); do
        if read -r -a stat < "/proc/$child/stat" 2>/dev/null; then
            total=$(( total + (stat[13] + stat[14]) * 1000 / tick ))
        fi
    done
    echo "$total"
}

measure() { # title, command...: prints "wall cpu" in ms for one start; for the jar also "page-wall page-cpu"
    local title=$1 start end pid stat cpu page_wall="" page_cpu=""
    shift
    start=$(date +%s%N)
    HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_CACHE_HOME="$work/home/cache" DISPLAY=$display \
        "$@" >/dev/null 2>"$work/err" &
    pid=$!
    # Compared as a string: with pipefail, grep -q closing the pipe early would fail the pipeline.
    until [[ "$(xwininfo -display "$display" -root -tree)" == *"\"$title\""* ]]; do sleep 0.01; done
    end=$(date +%s%N)
    cpu=$(tree_cpu "$pid")
    if [ "$title" = Signpost ]; then
        for _ in $(seq 3000); do
            grep -q 'wizard page laid out' "$work/err" && break
            sleep 0.01
        done
        page_cpu=$(tree_cpu "$pid")
        page_wall=$(( $(grep 'wizard page laid out' "$work/err" | awk '{for (i = 1; i < NF; i++) if ($i == "epoch") print $(i + 1)}') \
            - start / 1000000 ))
    fi
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "$(( (end - start) / 1000000 )) $cpu $page_wall $page_cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

mkdir -p "$work/home"
jar_runs=""
minimal_runs=""
# The jar's first start has no class-data archive yet and writes one as it exits (dev.signpost.launch.ClassArchive):
# reported on its own; the runs after it are what every later start costs.
first=$(measure Signpost "$java" -Dsignpost.startupTrace=true -jar "$jar")
for _ in $(seq "$runs"); do
    jar_runs+="$(measure Signpost "$java" -Dsignpost.startupTrace=true -jar "$jar")"$'\n'
    minimal_runs+="$(measure Minimal "$java" -cp "$jar:$work" MinimalMain)"$'\n'
done
for name in jar minimal; do
    results=$([ "$name" = jar ] && echo -n "$jar_runs" || echo -n "$minimal_runs")
    echo "$name: wall ms: $(echo "$results" | awk '{print $1}' | tr '\n' ' ')cpu ms: $(echo "$results" | awk '{print $2}' | tr '\n' ' ')"
    echo "$name: median wall $(echo "$results" | awk '{print $1}' | median) ms, median cpu $(echo "$results" | awk '{print $2}' | median) ms"
done
echo "jar, first start (no archive yet): window $(echo "$first" | awk '{print $1 " ms wall, " $2 " ms cpu; start page " $3 " ms wall, " $4 " ms cpu"}')"
echo "jar, start page laid out: wall ms: $(echo "$jar_runs" | awk '{print $3}' | tr '\n' ' ')cpu ms: $(echo "$jar_runs" | awk '{print $4}' | tr '\n' ' ')"
echo "jar, start page laid out: median wall $(echo -n "$jar_runs" | awk '{print $3}' | median) ms, median cpu $(echo -n "$jar_runs" | awk '{print $4}' | median) ms"
jw=$(echo -n "$jar_runs" | awk '{print $1}' | median)
jp=$(echo -n "$jar_runs" | awk '{print $3}' | median)
mw=$(echo -n "$minimal_runs" | awk '{print $1}' | median)
echo "ratio of median wall times, jar window / minimal window: $(awk -v a="$jw" -v b="$mw" 'BEGIN {printf "%.2f", a / b}')"
echo "ratio of median wall times, jar start page / minimal window: $(awk -v a="$jp" -v b="$mw" 'BEGIN {printf "%.2f", a / b}')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
