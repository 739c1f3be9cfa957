package dev.signpost.core.deploy;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Client key pairs made by the real {@code ssh-keygen}, in OpenSSH's own private key format. */
public final class ClientKeys {

    public static final String PASSPHRASE = "Tr0ub4dor&3-passphrase";

    public final Path dir;
    public final Path ed25519;
    public final Path ecdsa;
    public final Path rsa;
    /** An ecdsa key encrypted with {@link #PASSPHRASE}. */
    public final Path encrypted;
    /** An ed25519 key encrypted with {@link #PASSPHRASE} (bcrypt KDF, as ssh-keygen makes it by default). */
    public final Path encryptedEd25519;
    /** A key no server knows. */
    public final Path stranger;
    /** An encrypted key no server knows (its .pub file lies beside it). */
    public final Path encryptedStranger;

    private ClientKeys(Path dir) {
        this.dir = dir;
        this.ed25519 = dir.resolve("id_ed25519");
        this.ecdsa = dir.resolve("id_ecdsa");
        this.rsa = dir.resolve("id_rsa");
        this.encrypted = dir.resolve("id_encrypted");
        this.encryptedEd25519 = dir.resolve("id_encrypted_ed25519");
        this.stranger = dir.resolve("id_stranger");
        this.encryptedStranger = dir.resolve("id_encrypted_stranger");
    }

    public static ClientKeys create(Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")),
                "ssh-keygen is not installed (package openssh-client): SSH deployment tests skipped");
        Files.createDirectories(dir);
        ClientKeys keys = new ClientKeys(dir);
        keygen(keys.ed25519, "ed25519", "", null);
        keygen(keys.ecdsa, "ecdsa", "", null);
        keygen(keys.rsa, "rsa", "", "2048");
        keygen(keys.encrypted, "ecdsa", PASSPHRASE, null);
        keygen(keys.encryptedEd25519, "ed25519", PASSPHRASE, null);
        keygen(keys.stranger, "ecdsa", "", null);
        keygen(keys.encryptedStranger, "ecdsa", PASSPHRASE, null);
        return keys;
    }

    public static void keygen(Path file, String type, String passphrase, String bits) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/ssh-keygen", "-q", "-t", type, "-N", passphrase,
                "-C", "signpost-test", "-f", file.toString()));
        if (bits != null) {
            cmd.addAll(List.of("-b", bits));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ssh-keygen failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }

    /** authorized_keys lines for every key except the stranger (and ed25519 if the server cannot read it). */
    public String authorizedKeys(boolean withEd25519) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path key : withEd25519 ? List.of(ed25519, ecdsa, rsa, encrypted, encryptedEd25519)
                : List.of(ecdsa, rsa, encrypted)) {
            sb.append(Files.readString(Path.of(key + ".pub")).strip()).append('\n');
        }
        return sb.toString();
    }
}
