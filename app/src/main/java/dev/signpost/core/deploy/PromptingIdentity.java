package dev.signpost.core.deploy;

import com.jcraft.jsch.Identity;
import com.jcraft.jsch.JSchException;

/**
 * A private key file that asks for its passphrase only when it is actually needed (when the server would accept
 * the key, or when its public half cannot be read without decrypting), like OpenSSH does. The passphrase goes
 * from the prompt's {@code char[]} to bytes handed to JSch, and both are wiped at once.
 */
final class PromptingIdentity implements Identity {

    private static final int ATTEMPTS = 3;

    private final Identity key;
    private final String keyName;
    private final DeployPrompts prompts;
    private final Cancellation cancellation;
    private boolean gaveUp;

    PromptingIdentity(Identity key, String keyName, DeployPrompts prompts, Cancellation cancellation) {
        this.key = key;
        this.keyName = keyName;
        this.prompts = prompts;
        this.cancellation = cancellation;
    }

    /** Decrypts the key if needed; false when the user gave up or the passphrase stayed wrong. */
    private synchronized boolean unlock() {
        if (!key.isEncrypted()) {
            return true;
        }
        if (gaveUp) {
            return false;
        }
        for (int attempt = 0; attempt < ATTEMPTS && !cancellation.isCancelled(); attempt++) {
            char[] passphrase = prompts.passphrase(keyName, attempt > 0);
            if (passphrase == null) {
                break;
            }
            byte[] bytes = Secrets.utf8(passphrase);
            Secrets.wipe(passphrase);
            try {
                if (key.setPassphrase(bytes)) {
                    return true;
                }
            } catch (JSchException e) {
                // A wrong passphrase can surface as a decoding error: ask again.
            } finally {
                Secrets.wipe(bytes);
            }
        }
        gaveUp = true;
        return false;
    }

    @Override
    public boolean setPassphrase(byte[] passphrase) throws JSchException {
        return key.setPassphrase(passphrase);
    }

    @Override
    public byte[] getPublicKeyBlob() {
        byte[] blob = key.getPublicKeyBlob();
        if (blob == null && key.isEncrypted() && unlock()) {
            blob = key.getPublicKeyBlob();
        }
        return blob;
    }

    @Override
    public byte[] getSignature(byte[] data) {
        return unlock() ? key.getSignature(data) : null;
    }

    @Override
    public byte[] getSignature(byte[] data, String alg) {
        return unlock() ? key.getSignature(data, alg) : null;
    }

    @Override
    public String getAlgName() {
        return key.getAlgName();
    }

    @Override
    public String getName() {
        return key.getName();
    }

    /** Reported as not encrypted so that JSch never asks through its own String-based prompt. */
    @Override
    public boolean isEncrypted() {
        return false;
    }

    @Override
    public void clear() {
        key.clear();
    }
}
