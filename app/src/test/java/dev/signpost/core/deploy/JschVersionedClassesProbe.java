package dev.signpost.core.deploy;

/**
 * Run with {@code java -cp signpost.jar:<test classes>}: uses JSch's curve25519 and ed25519 classes, which exist
 * only in the jar's {@code META-INF/versions/}. In a jar that lost its multi-release flag the base versions load
 * and throw ("XDH requires Java11+"), and this exits with status 1.
 */
public final class JschVersionedClassesProbe {

    private JschVersionedClassesProbe() {
    }

    /** The SSH wire form verify() reads: string algorithm, string signature. */
    private static byte[] sshSignature(String algorithm, byte[] raw) {
        byte[] name = algorithm.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return java.nio.ByteBuffer.allocate(8 + name.length + raw.length)
                .putInt(name.length).put(name).putInt(raw.length).put(raw).array();
    }

    public static void main(String[] args) {
        try {
            com.jcraft.jsch.jce.XDH xdh = new com.jcraft.jsch.jce.XDH();
            xdh.init("X25519", 32);
            if (xdh.getQ().length != 32) {
                throw new IllegalStateException("X25519 public value is not 32 bytes");
            }
            com.jcraft.jsch.jce.KeyPairGenEdDSA gen = new com.jcraft.jsch.jce.KeyPairGenEdDSA();
            gen.init("Ed25519", 32);
            com.jcraft.jsch.jce.SignatureEd25519 sig = new com.jcraft.jsch.jce.SignatureEd25519();
            sig.init();
            sig.setPrvKey(gen.getPrv());
            sig.update(new byte[] {1, 2, 3});
            byte[] signature = sig.sign();
            sig.setPubKey(gen.getPub());
            sig.update(new byte[] {1, 2, 3});
            if (!sig.verify(sshSignature("ssh-ed25519", signature))) {
                throw new IllegalStateException("ed25519 signature did not verify");
            }
            System.out.println("curve25519 and ed25519: ok");
        } catch (Exception | Error e) {
            System.out.println("versioned JSch classes unusable: " + e);
            System.exit(1);
        }
    }
}
