#!/usr/bin/env bash
# Launch-to-first-window of the jar (java -jar signpost.jar) beside a minimal JavaFX window started the same way
# (same JVM, JavaFX from the same jar's class path), alternating run by run so both see the same load. Needs Xvfb
# and xwininfo.
#   measure-jar-startup.sh [path to signpost.jar, default app/target/signpost.jar] [runs each, default 7]
# Prints each run's wall-clock and CPU milliseconds until the window existed, the medians and their ratio.
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

measure() { # title, command...: prints "wall cpu" in ms for one start
    local title=$1 start end pid stat cpu
    shift
    start=$(date +%s%N)
    HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" DISPLAY=$display "$@" >/dev/null 2>&1 &
    pid=$!
    # Compared as a string: with pipefail, grep -q closing the pipe early would fail the pipeline.
    until [[ "$(xwininfo -display "$display" -root -tree)" == *"\"$title\""* ]]; do sleep 0.01; done
    end=$(date +%s%N)
    read -r -a stat < "/proc/$pid/stat"
    cpu=$(( (stat[13] + stat[14]) * 1000 / tick ))
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "$(( (end - start) / 1000000 )) $cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

mkdir -p "$work/home"
jar_runs=""
minimal_runs=""
for _ in $(seq "$runs"); do
    jar_runs+="$(measure Signpost "$java" -jar "$jar")"$'\n'
    minimal_runs+="$(measure Minimal "$java" -cp "$jar:$work" MinimalMain)"$'\n'
done
for name in jar minimal; do
    results=$([ "$name" = jar ] && echo -n "$jar_runs" || echo -n "$minimal_runs")
    echo "$name: wall ms: $(echo "$results" | awk '{print $1}' | tr '\n' ' ')cpu ms: $(echo "$results" | awk '{print $2}' | tr '\n' ' ')"
    echo "$name: median wall $(echo "$results" | awk '{print $1}' | median) ms, median cpu $(echo "$results" | awk '{print $2}' | median) ms"
done
jw=$(echo -n "$jar_runs" | awk '{print $1}' | median)
mw=$(echo -n "$minimal_runs" | awk '{print $1}' | median)
echo "ratio of median wall times, jar / minimal: $(awk -v a="$jw" -v b="$mw" 'BEGIN {printf "%.2f", a / b}')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
