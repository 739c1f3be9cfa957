#!/usr/bin/env bash
# Records the classes a short start of the packaged wizard loads, for a class-data sharing (CDS) archive.
#   record-classlist.sh <app image> <class list to write>
# With Xvfb and xwininfo (packages xvfb, x11-utils) it opens the wizard on a private virtual display and stops
# it a second after its window appears. Without them it records a `--version` run, which covers the JDK's
# start-up classes but not JavaFX's.
set -euo pipefail

image=$1
out=$2
launcher="$image/bin/Signpost"
wm_class=dev.signpost.ui.SignpostApp
rm -f "$out"

if command -v Xvfb >/dev/null && command -v xwininfo >/dev/null; then
    display=
    for n in $(seq 91 140); do
        if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
    done
    Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    trap 'kill "$xvfb" 2>/dev/null || true' EXIT
    for _ in $(seq 100); do
        xwininfo -display "$display" -root >/dev/null 2>&1 && break
        sleep 0.1
    done

    # The window appears before its pages are built (OpeningWindow): the start-up trace says when the start page
    # is laid out, so the list holds the classes of the whole first page.
    trace=$(mktemp)
    DISPLAY=$display JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$out -Dsignpost.startupTrace=true" "$launcher" \
        >/dev/null 2>"$trace" &
    app=$!
    shown=no
    for _ in $(seq 600); do
        if xwininfo -display "$display" -root -tree 2>/dev/null | grep -q "\"$wm_class\"" \
            && grep -q 'wizard page laid out' "$trace"; then
            shown=yes
            break
        fi
        kill -0 "$app" 2>/dev/null || break
        sleep 0.1
    done
    rm -f "$trace"
    # A moment more, so the classes that paint the first frame are in the list too.
    sleep 1
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    if [ "$shown" != yes ]; then
        echo "record-classlist: the wizard window did not appear; recording a --version run instead" >&2
        rm -f "$out"
    fi
fi

if [ ! -s "$out" ]; then
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$out" "$launcher" --version >/dev/null 2>&1
fi
echo "record-classlist: $(grep -vc '^#' "$out") classes recorded in $out"
