package dev.signpost.core.deploy;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import com.jcraft.jsch.SftpProgressMonitor;
import dev.signpost.core.text.Texts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Vector;

/**
 * The remote file operations of one SFTP session, as OpenSSH's {@code sftp} users expect and no more: every
 * path is looked at with {@code lstat} first, so a symbolic link or any other non-regular file where a
 * well-known file, a backup or a directory below the web root goes is refused with a sentence, never followed
 * and never copied. Failures become {@link DeployException}s that name the path the user knows.
 */
final class RemoteFiles {

    static final String TEMP_MARK = ".signpost-tmp-";
    static final int MODE_FILE = 0644;
    static final int MODE_DIR = 0755;
    private static final int MAX_READ = 16 * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A regular file's bytes and permission bits. */
    record Current(byte[] content, int mode) {
    }

    /** Receives upload progress of one file. */
    interface Progress {
        void sent(long sent, long total);
    }

    private final ChannelSftp sftp;
    private final Texts texts;

    RemoteFiles(ChannelSftp sftp, Texts texts) {
        this.sftp = sftp;
        this.texts = texts;
    }

    ChannelSftp channel() {
        return sftp;
    }

    Texts texts() {
        return texts;
    }

    /** The web root without a trailing slash ({@code ""} for {@code /}); it must be an existing directory. */
    String checkWebRoot(String webRoot) throws DeployException {
        if (webRoot == null || webRoot.isBlank() || !webRoot.startsWith("/")) {
            throw new DeployException(texts.get("webroot.notAbsolute", webRoot == null ? "" : webRoot.strip()), true);
        }
        String root = webRoot.length() > 1 && webRoot.endsWith("/") ? webRoot.substring(0, webRoot.length() - 1)
                : webRoot;
        try {
            if (!sftp.stat(root).isDir()) {
                throw new DeployException(texts.get("webroot.notDirectory", root), true);
            }
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                throw new DeployException(texts.get("webroot.missing", root), true, e);
            }
            throw failure(e, root, true);
        }
        return root.equals("/") ? "" : root;
    }

    /** The attributes of {@code path} itself (a link is not followed), or empty when nothing is there. */
    Optional<SftpATTRS> lstat(String path) throws DeployException {
        try {
            return Optional.of(sftp.lstat(path));
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return Optional.empty();
            }
            throw failure(e, path, true);
        }
    }

    /**
     * The regular file's bytes and mode, or empty when it does not exist. A symbolic link, directory, device or
     * anything else that is not a regular file is refused.
     */
    Optional<Current> read(String path) throws DeployException {
        Optional<SftpATTRS> found = lstat(path);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SftpATTRS attrs = found.get();
        refuseNonRegular(path, attrs);
        if (attrs.getSize() > MAX_READ) {
            throw new DeployException(texts.get("file.tooLarge", path), true);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = sftp.get(path)) {
                in.transferTo(out);
            }
            return Optional.of(new Current(out.toByteArray(), attrs.getPermissions() & 07777));
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return Optional.empty();
            }
            throw failure(e, path, true);
        } catch (IOException e) {
            throw connectionLostOr(path, e, true);
        }
    }

    private void refuseNonRegular(String path, SftpATTRS attrs) throws DeployException {
        if (attrs.isLink()) {
            throw new DeployException(texts.get("file.symlink", path), true);
        }
        if (attrs.isDir()) {
            throw new DeployException(texts.get("file.isDirectory", path), true);
        }
        if (!attrs.isReg()) {
            throw new DeployException(texts.get("file.notRegular", path), true);
        }
    }

    /** Creates the missing directories from {@code root} down to {@code dir} (mode 0755); records what it made. */
    void ensureDirectories(String root, String dir, List<String> created) throws DeployException {
        String rel = dir.substring(root.length());
        String path = root;
        for (String part : rel.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            path = path + "/" + part;
            Optional<SftpATTRS> found = lstat(path);
            if (found.isPresent()) {
                if (found.get().isLink()) {
                    throw new DeployException(texts.get("dir.symlink", path), true);
                }
                if (!found.get().isDir()) {
                    throw new DeployException(texts.get("file.notDirectory", path), true);
                }
                continue;
            }
            try {
                sftp.mkdir(path);
                created.add(path);
                sftp.chmod(MODE_DIR, path);
            } catch (SftpException m) {
                throw failure(m, path, true);
            }
        }
    }

    /** Writes {@code content} to a fresh temporary name beside {@code target} with {@code mode}; returns it. */
    String upload(String target, byte[] content, int mode, DeployListener listener, Cancellation cancellation)
            throws DeployException {
        String temp = tempName(target);
        try {
            putExactly(temp, target, content, mode, (sent, total) -> listener.transferred(target, sent, total),
                    cancellation);
        } catch (DeployException e) {
            if (!removeQuietly(List.of(temp))) {
                throw new DeployException(e.getMessage() + " " + texts.get("cleanup.leftover"), e.remoteUnchanged(), e);
            }
            throw e;
        }
        return temp;
    }

    /** Writes {@code path}; failures name {@code shown}, the file the user knows (not the temporary name). */
    private void putExactly(String path, String shown, byte[] content, int mode, Progress progress,
                            Cancellation cancellation) throws DeployException {
        long total = content.length;
        SftpProgressMonitor monitor = new SftpProgressMonitor() {
            private long sent;

            @Override
            public void init(int op, String src, String dest, long max) {
            }

            @Override
            public boolean count(long count) {
                sent += count;
                if (progress != null) {
                    progress.sent(sent, total);
                }
                return !cancellation.isCancelled();
            }

            @Override
            public void end() {
            }
        };
        try {
            sftp.put(new ByteArrayInputStream(content), path, monitor, ChannelSftp.OVERWRITE);
            cancellation.throwIfCancelled(texts);
            sftp.chmod(mode, path);
            long size = sftp.lstat(path).getSize();
            if (size != total) {
                throw new DeployException(texts.get("file.incomplete", shown, size, total), true);
            }
        } catch (SftpException e) {
            cancellation.throwIfCancelled(texts);
            throw failure(e, shown, true);
        } catch (RuntimeException e) {
            cancellation.throwIfCancelled(texts);
            throw connectionLostOr(shown, e, true);
        }
    }

    /** Names in {@code dir}; empty when it cannot be listed. */
    List<String> list(String dir) {
        List<String> names = new ArrayList<>();
        try {
            Vector<ChannelSftp.LsEntry> entries = sftp.ls(dir);
            for (ChannelSftp.LsEntry e : entries) {
                names.add(e.getFilename());
            }
        } catch (SftpException | RuntimeException ignored) {
            // An unreadable directory has nothing we can clean up or restore from.
        }
        return names;
    }

    /** Removes leftover temporary copies of {@code target} from an earlier, interrupted run. */
    void removeStaleTemps(String target) {
        String prefix = "." + name(target) + TEMP_MARK;
        for (String entry : list(parent(target))) {
            if (entry.startsWith(prefix)) {
                removeQuietly(List.of(parent(target) + "/" + entry));
            }
        }
    }

    /** Removes directories this run created, deepest first; true when all are gone. */
    boolean removeDirectories(List<String> created) {
        boolean all = true;
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                sftp.rmdir(created.get(i));
            } catch (SftpException | RuntimeException e) {
                all = false;
            }
        }
        return all;
    }

    /** Removes files, ignoring failures; true when all are gone. */
    boolean removeQuietly(List<String> paths) {
        boolean all = true;
        for (String p : paths) {
            try {
                sftp.rm(p);
            } catch (SftpException e) {
                if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    all = false;
                }
            } catch (RuntimeException e) {
                all = false;
            }
        }
        return all;
    }

    String tempName(String target) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return parent(target) + "/." + name(target) + TEMP_MARK + HexFormat.of().formatHex(bytes);
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? (slash == 0 ? "" : ".") : path.substring(0, slash);
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Whether the SFTP channel (and so the SSH session under it) is gone. */
    boolean connectionLost() {
        return !sftp.isConnected() || sftp.isClosed();
    }

    /** How JSch words a connection that went away under it (it often reports that as a general failure). */
    private static final List<String> LOST_WORDS = List.of("inputstream is closed", "pipe closed", "broken pipe",
            "connection reset", "socket closed", "session is down", "end of io stream");

    /** Whether a network error (the socket, not the server) is behind {@code e}. */
    private static boolean networkCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** A lost connection gets its own sentence; anything else the generic one with the library's words. */
    DeployException connectionLostOr(String path, Exception e, boolean remoteUnchanged) {
        String lower = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (connectionLost() || networkCause(e) || LOST_WORDS.stream().anyMatch(lower::contains)) {
            return new DeployException(texts.get("sftp.connectionLost", path), remoteUnchanged, e);
        }
        return new DeployException(texts.get("sftp.failed", path, String.valueOf(e.getMessage())), remoteUnchanged, e);
    }

    /** A sentence naming the path and the cause, with the server's own words when it gave any. */
    DeployException failure(SftpException e, String path, boolean remoteUnchanged) {
        String server = e.getMessage() == null ? "" : e.getMessage();
        String lower = server.toLowerCase(Locale.ROOT);
        String key;
        if (e.id == ChannelSftp.SSH_FX_NO_CONNECTION || e.id == ChannelSftp.SSH_FX_CONNECTION_LOST
                || connectionLost() || networkCause(e) || LOST_WORDS.stream().anyMatch(lower::contains)) {
            return new DeployException(texts.get("sftp.connectionLost", path), remoteUnchanged, e);
        }
        if (e.id == ChannelSftp.SSH_FX_PERMISSION_DENIED || lower.contains("permission")
                || lower.contains("not permitted") || lower.contains("read-only")) {
            key = "sftp.permissionDenied";
        } else if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
            key = "sftp.noSuchFile";
        } else if (lower.contains("no space") || lower.contains("quota")) {
            key = "sftp.diskFull";
        } else {
            key = "sftp.failed";
        }
        return new DeployException(texts.get(key, path, server), remoteUnchanged, e);
    }
}
