package dev.signpost.core.deploy;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * Checks server keys against known_hosts (plain and hashed entries, through JSch's parser). An unknown key is
 * put to the user; a changed key is refused without asking. Nothing is written to known_hosts unless the user
 * chose {@link HostKeyDecision#ACCEPT_AND_SAVE}, and then only one plain line is appended.
 */
final class VerifyingHostKeyRepository implements HostKeyRepository {

    /** What happened in {@link #check}, for the error sentence when the connection is refused. */
    enum Verdict { NOT_CHECKED, KNOWN, ACCEPTED, REJECTED, CHANGED }

    private final HostKeyRepository known;
    private final Path knownHostsFile;
    private final DeployPrompts prompts;
    private volatile Verdict verdict = Verdict.NOT_CHECKED;
    private volatile HostKeyInfo presented;
    private volatile IOException saveFailure;

    /**
     * @param known          known_hosts as parsed by JSch (empty when the file does not exist)
     * @param knownHostsFile where an accepted key is saved
     */
    VerifyingHostKeyRepository(HostKeyRepository known, Path knownHostsFile, DeployPrompts prompts) {
        this.known = known;
        this.knownHostsFile = knownHostsFile;
        this.prompts = prompts;
    }

    @Override
    public int check(String host, byte[] key) {
        HostKeyInfo info = new HostKeyInfo(host, Fingerprints.keyType(key), Fingerprints.sha256(key), knownHostsFile);
        presented = info;
        int result = known == null ? NOT_INCLUDED : known.check(host, key);
        if (result == OK) {
            verdict = Verdict.KNOWN;
            return OK;
        }
        if (result == CHANGED || knowsOtherKeyOfSameType(host, info.keyType())) {
            verdict = Verdict.CHANGED;
            return CHANGED;
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

    private boolean knowsOtherKeyOfSameType(String host, String type) {
        if (known == null) {
            return false;
        }
        HostKey[] keys = known.getHostKey(host, type);
        return keys != null && keys.length > 0;
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
        return known == null ? new HostKey[0] : known.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return known == null ? new HostKey[0] : known.getHostKey(host, type);
    }
}
