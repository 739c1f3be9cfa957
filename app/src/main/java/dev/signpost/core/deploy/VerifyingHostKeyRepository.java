package dev.signpost.core.deploy;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Checks server keys against known_hosts as OpenSSH does ({@link KnownHostsFile}). An unknown key is put to the
 * user; a changed or revoked key is refused without asking. Nothing is written to known_hosts unless the user
 * chose {@link HostKeyDecision#ACCEPT_AND_SAVE}, and then only one plain line is appended.
 *
 * <p>JSch asks {@link #getHostKey(String, String)} for the key types it should request first: the plain lines for
 * that host, so a host known by its ed25519 key is asked for that key, as OpenSSH orders its proposal.
 */
final class VerifyingHostKeyRepository implements HostKeyRepository {

    /** What happened in {@link #check}, for the error sentence when the connection is refused. */
    enum Verdict { NOT_CHECKED, KNOWN, ACCEPTED, REJECTED, CHANGED, REVOKED }

    private final KnownHostsFile known;
    private final Path knownHostsFile;
    private final DeployPrompts prompts;
    private volatile Verdict verdict = Verdict.NOT_CHECKED;
    private volatile HostKeyInfo presented;
    private volatile KnownHostsFile.Lookup lookup;
    private volatile IOException saveFailure;

    /**
     * @param known          known_hosts as read (empty when the file does not exist)
     * @param knownHostsFile where an accepted key is saved
     */
    VerifyingHostKeyRepository(KnownHostsFile known, Path knownHostsFile, DeployPrompts prompts) {
        this.known = known;
        this.knownHostsFile = knownHostsFile;
        this.prompts = prompts;
    }

    @Override
    public int check(String host, byte[] key) {
        KnownHostsFile.Lookup found = known.check(host, key);
        lookup = found;
        HostKeyInfo info = new HostKeyInfo(host, Fingerprints.keyType(key), Fingerprints.sha256(key), knownHostsFile,
                found.hasAuthority());
        presented = info;
        switch (found.status()) {
            case KNOWN -> {
                verdict = Verdict.KNOWN;
                return OK;
            }
            case REVOKED -> {
                verdict = Verdict.REVOKED;
                return NOT_INCLUDED;
            }
            case CHANGED -> {
                verdict = Verdict.CHANGED;
                return CHANGED;
            }
            default -> {
                // Unknown: asked below.
            }
        }
        HostKeyDecision decision = prompts.unknownHostKey(info);
        if (decision == null || decision == HostKeyDecision.REJECT) {
            verdict = Verdict.REJECTED;
            return NOT_INCLUDED;
        }
        if (decision == HostKeyDecision.ACCEPT_AND_SAVE) {
            try {
                append(host, info.keyType(), key);
            } catch (IOException e) {
                saveFailure = e;
            }
        }
        verdict = Verdict.ACCEPTED;
        return OK;
    }

    private void append(String host, String type, byte[] key) throws IOException {
        Path parent = knownHostsFile.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
            try {
                // OpenSSH expects ~/.ssh to be private to its owner.
                Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user profile is already private.
            }
        }
        String line = host + " " + type + " " + Base64.getEncoder().encodeToString(key) + "\n";
        boolean needsNewline = Files.exists(knownHostsFile) && Files.size(knownHostsFile) > 0
                && !new String(Files.readAllBytes(knownHostsFile), StandardCharsets.UTF_8).endsWith("\n");
        Files.writeString(knownHostsFile, (needsNewline ? "\n" : "") + line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    Verdict verdict() {
        return verdict;
    }

    /** The key the server showed, or null before the key exchange. */
    HostKeyInfo presented() {
        return presented;
    }

    /** The known_hosts line that decided the verdict (the old key's, the @revoked one), or 0. */
    int decidingLine() {
        KnownHostsFile.Lookup l = lookup;
        return l == null ? 0 : l.line();
    }

    /** Why saving to known_hosts failed, or null. */
    IOException saveFailure() {
        return saveFailure;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // Saving is decided in check(); JSch's own add would rewrite the whole file.
    }

    @Override
    public void remove(String host, String type) {
    }

    @Override
    public void remove(String host, String type, byte[] key) {
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHostsFile.toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return new HostKey[0];
    }

    /** The host's plain known_hosts keys ({@code type} null for all): JSch orders its proposal by their types. */
    @Override
    public HostKey[] getHostKey(String host, String type) {
        List<HostKey> keys = new ArrayList<>();
        for (KnownHostsFile.Entry e : known.entriesFor(host)) {
            if (e.marker() == KnownHostsFile.Marker.NONE && (type == null || type.equals(e.keyType()))) {
                try {
                    keys.add(new HostKey(host, e.key()));
                } catch (JSchException unsupported) {
                    // A key type JSch cannot use cannot be asked for either.
                }
            }
        }
        return keys.toArray(new HostKey[0]);
    }
}
