package dev.signpost.core.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/** known_hosts lines as OpenSSH reads them; the files are also written by OpenSSH's own ssh in the suites. */
class KnownHostsFileTest {

    private static final byte[] ED_A = blob("ssh-ed25519", 1);
    private static final byte[] ED_B = blob("ssh-ed25519", 2);
    private static final byte[] EC_A = blob("ecdsa-sha2-nistp256", 3);

    @TempDir
    Path dir;

    private KnownHostsFile file(String... lines) throws Exception {
        return KnownHostsFile.read(Files.writeString(dir.resolve("known_hosts"), String.join("\n", lines) + "\n"));
    }

    private static String line(String hosts, byte[] key) {
        return hosts + " " + Fingerprints.keyType(key) + " " + Base64.getEncoder().encodeToString(key);
    }

    @Test
    void aMissingFileKnowsNothing() throws Exception {
        KnownHostsFile f = KnownHostsFile.read(dir.resolve("absent"));
        assertThat(f.check("host", ED_A).status()).isEqualTo(KnownHostsFile.Status.UNKNOWN);
    }

    @Test
    void theLookupNameCarriesThePortUnless22() {
        assertThat(KnownHostsFile.lookupName("Srv.Example.ORG", 22)).isEqualTo("srv.example.org");
        assertThat(KnownHostsFile.lookupName("srv", 2222)).isEqualTo("[srv]:2222");
    }

    @Test
    void sameKeyIsKnownAnotherKeyOfTheSameTypeIsChangedAnotherTypeIsUnknown() throws Exception {
        KnownHostsFile f = file("# comment", "", line("srv,10.0.0.1", ED_A));
        assertThat(f.check("srv", ED_A)).isEqualTo(new KnownHostsFile.Lookup(KnownHostsFile.Status.KNOWN, 3, false));
        assertThat(f.check("srv", ED_B)).isEqualTo(new KnownHostsFile.Lookup(KnownHostsFile.Status.CHANGED, 3, false));
        assertThat(f.check("srv", EC_A).status()).isEqualTo(KnownHostsFile.Status.UNKNOWN);
        assertThat(f.knownTypes("srv")).containsExactly("ssh-ed25519");
    }

    @Test
    void aPortIsAHostOfItsOwnWithoutFallback() throws Exception {
        KnownHostsFile f = file(line("srv", ED_A), line("[srv]:2222", EC_A));
        assertThat(f.check("[srv]:2222", ED_B).status()).isEqualTo(KnownHostsFile.Status.UNKNOWN);
        assertThat(f.knownTypes("[srv]:2222")).containsExactly("ecdsa-sha2-nistp256");
        assertThat(f.check("[srv]:2222", EC_A).status()).isEqualTo(KnownHostsFile.Status.KNOWN);
    }

    @Test
    void hashedNamesMatchOnlyTheirHost() throws Exception {
        byte[] salt = new byte[20];
        salt[3] = 7;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        String hashed = "|1|" + Base64.getEncoder().encodeToString(salt) + "|"
                + Base64.getEncoder().encodeToString(mac.doFinal("[srv]:2222".getBytes()));
        KnownHostsFile f = file(line(hashed, ED_A));
        assertThat(f.check("[srv]:2222", ED_A).status()).isEqualTo(KnownHostsFile.Status.KNOWN);
        assertThat(f.check("srv", ED_A).status()).isEqualTo(KnownHostsFile.Status.UNKNOWN);
    }

    @Test
    void wildcardsAndNegationFollowOpenSsh() throws Exception {
        KnownHostsFile f = file(line("*.example.net,!bad.example.net", ED_A), line("web?", EC_A));
        assertThat(f.check("a.example.net", ED_A).status()).isEqualTo(KnownHostsFile.Status.KNOWN);
        assertThat(f.check("bad.example.net", ED_A).status()).isEqualTo(KnownHostsFile.Status.UNKNOWN);
        assertThat(f.check("web1", EC_A).status()).isEqualTo(KnownHostsFile.Status.KNOWN);
        assertThat(f.check("web12", EC_A).status()).isEqualTo(KnownHostsFile.Status.UNKNOWN);
    }

    @Test
    void revokedWinsOverAKnownLineAndNamesItsLine() throws Exception {
        KnownHostsFile f = file(line("srv", ED_A), "@revoked " + line("*", ED_A));
        assertThat(f.check("srv", ED_A)).isEqualTo(new KnownHostsFile.Lookup(KnownHostsFile.Status.REVOKED, 2, false));
        assertThat(f.check("srv", ED_B).status()).isEqualTo(KnownHostsFile.Status.CHANGED);
    }

    @Test
    void aCertificateAuthorityIsNeitherAKnownNorAChangedKey() throws Exception {
        KnownHostsFile f = file("@cert-authority " + line("*.example.net", ED_B));
        KnownHostsFile.Lookup l = f.check("srv.example.net", ED_A);
        assertThat(l).isEqualTo(new KnownHostsFile.Lookup(KnownHostsFile.Status.UNKNOWN, 0, true));
        assertThat(f.knownTypes("srv.example.net")).isEmpty();
    }

    @Test
    void brokenLinesAreSkippedNotFatal() throws Exception {
        KnownHostsFile f = file("srv", "srv ssh-ed25519 !!!notbase64", "@unknown-marker " + line("srv", ED_B),
                line("srv", ED_A));
        assertThat(f.check("srv", ED_A)).isEqualTo(new KnownHostsFile.Lookup(KnownHostsFile.Status.KNOWN, 4, false));
    }

    private static byte[] blob(String type, int seed) {
        byte[] name = type.getBytes();
        byte[] b = new byte[4 + name.length + 8];
        b[3] = (byte) name.length;
        System.arraycopy(name, 0, b, 4, name.length);
        b[b.length - 1] = (byte) seed;
        return b;
    }
}
