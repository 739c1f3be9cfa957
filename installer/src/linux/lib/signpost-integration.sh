#!/bin/sh
# Links an installed Signpost into the system, or unlinks it. Run by the .deb and .rpm package scripts:
#   signpost-integration.sh install   after the files are in place
#   signpost-integration.sh remove    before the files go away
# Creates: /usr/bin/signpost, its manual page and bash/zsh completion, the desktop entry, the icons in the
# hicolor theme, the AppStream metadata, and
# the class-data archive that makes start-up faster (made here, from the class list recorded at packaging
# time, because an archive only works at the path where it was made).
# SIGNPOST_ROOT, when set, is prepended to every system path (a staging root, as the tests use).
set -e

app=$(cd "$(dirname "$0")/.." && pwd)
id=dev.signpost.Signpost
archive="$app/lib/runtime/lib/server/classes.jsa"
root=$SIGNPOST_ROOT
bin="$root/usr/bin/signpost"
share="$root/usr/share"
# Where each shell looks for completion, and the manual page; all made at packaging time from the program's model.
cli_links="
$app/lib/cli/signpost.1.gz $share/man/man1/signpost.1.gz
$app/lib/cli/signpost.bash $share/bash-completion/completions/signpost
$app/lib/cli/_signpost $share/zsh/vendor-completions/_signpost
"

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
    fi
}

link() { # target link
    mkdir -p "$(dirname "$2")"
    ln -sfn "$1" "$2"
}

unlink_ours() { # link: removed only when it is our symbolic link, never a file someone else put there
    if [ -L "$1" ] && [ "$(readlink "$1")" = "$2" ]; then
        rm -f "$1"
    fi
}

case "$1" in
    install)
        if [ -e "$bin" ] && [ ! -L "$bin" ]; then
            echo "signpost: $bin exists and is not ours; left alone. Run $app/bin/Signpost instead." >&2
        else
            link "$app/bin/Signpost" "$bin"
        fi
        echo "$cli_links" | while read -r target name; do
            if [ -n "$target" ] && [ -f "$target" ]; then
                link "$target" "$name"
            fi
        done
        link "$app/lib/desktop/applications/$id.desktop" "$share/applications/$id.desktop"
        link "$app/lib/desktop/metainfo/$id.metainfo.xml" "$share/metainfo/$id.metainfo.xml"
        for icon in "$app"/lib/desktop/icons/hicolor/*/apps/$id.png; do
            size=$(basename "$(dirname "$(dirname "$icon")")")
            link "$icon" "$share/icons/hicolor/$size/apps/$id.png"
        done
        if [ -f "$app/lib/signpost.classlist" ]; then
            rm -f "$archive"
            # With the application jar on the class path the archive holds Signpost's own classes and its
            # libraries' too (about 500 more), and the launcher, which runs the same jar, maps them.
            "$app/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/lib/signpost.classlist" \
                -XX:SharedArchiveFile="$archive" -cp "$app/lib/app/signpost.jar" >/dev/null 2>&1 \
                || echo "signpost: could not write the class-data archive; Signpost works, but starts slower." >&2
        fi
        refresh_caches
        ;;
    remove)
        unlink_ours "$bin" "$app/bin/Signpost"
        echo "$cli_links" | while read -r target name; do
            if [ -n "$target" ]; then
                unlink_ours "$name" "$target"
            fi
        done
        unlink_ours "$share/applications/$id.desktop" "$app/lib/desktop/applications/$id.desktop"
        unlink_ours "$share/metainfo/$id.metainfo.xml" "$app/lib/desktop/metainfo/$id.metainfo.xml"
        for icon in "$app"/lib/desktop/icons/hicolor/*/apps/$id.png; do
            size=$(basename "$(dirname "$(dirname "$icon")")")
            unlink_ours "$share/icons/hicolor/$size/apps/$id.png" "$icon"
        done
        rm -f "$archive"
        refresh_caches
        ;;
    *)
        echo "usage: $0 install|remove" >&2
        exit 2
        ;;
esac
