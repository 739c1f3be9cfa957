package dev.signpost.core.deploy;

import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import dev.signpost.core.plan.WebServerKind;
import dev.signpost.core.text.Texts;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The site config files one deploy edits, found on the server and changed in memory: each drop-in's line goes
 * into the block that serves its host over TLS. The well-known snippet and the call and sign-in routes may land in
 * the same file, even the same block, so every edit builds on the ones before it. Reads only; writes nothing.
 */
final class SiteEdits {

    /** A site file: its real path (a Debian sites-enabled link is edited where it points), what is there, and its
     *  text with every line this run takes in. */
    record Edit(String path, RemoteFiles.Current current, String text) {
    }

    private final RemoteFiles files;
    private final ServerLayout layout;
    private final WebServerKind kind;
    private final Texts texts;
    private final Cancellation cancellation;
    private final Map<String, Edit> edits = new LinkedHashMap<>();

    SiteEdits(RemoteFiles files, ServerLayout layout, Texts texts, Cancellation cancellation) {
        this.files = files;
        this.layout = layout;
        this.kind = layout.kind();
        this.texts = texts;
        this.cancellation = cancellation;
    }

    /** The files edited so far, in the order they were first found. */
    Collection<Edit> edits() {
        return edits.values();
    }

    /**
     * Takes {@code takeIn} (a drop-in's remote path, or HAProxy's lines) into the site that serves {@code host}
     * over TLS: a file this run already edits when one of its blocks serves the host, else the one the layout
     * names or its search finds.
     */
    void takeIn(String host, String takeIn) throws DeployException {
        Edit site = edits.values().stream().filter(e -> servesHost(e.text(), host, takeIn)).findFirst()
                .orElse(null);
        if (site == null) {
            site = find(host, takeIn);
        }
        Optional<String> edited;
        try {
            edited = SiteConfigEdit.apply(kind, site.text(), host, takeIn);
        } catch (SiteConfigEdit.NoSiteBlock e) {
            throw new DeployException(texts.get("setup.noSite", kind.name().toLowerCase(Locale.ROOT), host,
                    site.path()), true, e);
        }
        edits.put(site.path(), new Edit(site.path(), site.current(), edited.orElse(site.text())));
    }

    private Edit find(String host, String takeIn) throws DeployException {
        if (layout.configPath() != null) {
            return read(layout.configPath()).orElseThrow(
                    () -> new DeployException(texts.get("setup.configMissing", layout.configPath()), true));
        }
        for (String path : layout.searchPaths()) {
            cancellation.throwIfCancelled(texts);
            Optional<SftpATTRS> attrs = files.lstat(path);
            if (attrs.isEmpty()) {
                continue;
            }
            List<String> candidates = attrs.get().isDir()
                    ? files.list(path).stream().filter(n -> !n.startsWith(".")).sorted().map(n -> path + "/" + n).toList()
                    : List.of(path);
            for (String candidate : candidates) {
                Optional<Edit> site;
                try {
                    site = read(candidate);
                } catch (DeployException e) {
                    continue;
                }
                if (site.isPresent() && servesHost(site.get().text(), host, takeIn)) {
                    return site.get();
                }
            }
        }
        throw new DeployException(texts.get("setup.noSiteFound", kind.name().toLowerCase(Locale.ROOT), host,
                String.join(", ", layout.searchPaths())), true);
    }

    private boolean servesHost(String config, String host, String takeIn) {
        try {
            SiteConfigEdit.apply(kind, config, host, takeIn);
            return true;
        } catch (SiteConfigEdit.NoSiteBlock e) {
            return false;
        }
    }

    /** The file at {@code path} as it is (what this run already edited in it when it did), or empty. */
    private Optional<Edit> read(String path) throws DeployException {
        Optional<SftpATTRS> attrs = files.lstat(path);
        if (attrs.isEmpty()) {
            return Optional.empty();
        }
        String real = path;
        if (attrs.get().isLink()) {
            try {
                real = files.channel().realpath(path);
            } catch (SftpException e) {
                throw files.failure(e, path, true);
            }
        }
        Edit known = edits.get(real);
        if (known != null) {
            return Optional.of(known);
        }
        String resolved = real;
        return files.read(resolved).map(c -> new Edit(resolved, c, new String(c.content(), StandardCharsets.UTF_8)));
    }
}
