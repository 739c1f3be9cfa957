package dev.signpost.core.deploy;

import dev.signpost.core.text.Texts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Every SSH failure has its sentence and a fix in each front-end's words, in English and German. */
class SshFailureTest {

    private static final Locale[] LOCALES = {Locale.ENGLISH, Locale.GERMAN};
    /** The command line's own sentences, with its fixes under {@code ssh.}. */
    private static final String CLI_BUNDLE = "dev.signpost.cli.deploy";

    @Test
    void everyReasonHasWhatHappenedAndAFixForEveryFrontEndFilledCompletely() {
        for (Locale locale : LOCALES) {
            Texts core = new Texts(SshFailure.CORE_BUNDLE, locale);
            Texts ui = new Texts("dev.signpost.ui.messages", locale);
            Texts cli = new Texts(CLI_BUNDLE, locale);
            for (SshFailure.Reason reason : SshFailure.Reason.values()) {
                SshFailure f = new SshFailure(reason, sampleArguments());
                for (String sentence : List.of(f.sentence(core, "ssh.fix."), f.sentence(cli, "ssh."),
                        f.sentence(ui, "wizard.deploy.ssh.fix."))) {
                    assertThat(sentence).as(reason + " " + locale)
                            .doesNotContain("{").doesNotContain("''").doesNotContain("example.")
                            .doesNotContainIgnoringCase("jsch").endsWith(".");
                }
                if (reason != SshFailure.Reason.HOST_KEY_REVOKED) {
                    // A revoked key needs the administrator, whatever the front-end; everything else names a field
                    // or an option, or how to try again.
                    assertThat(f.sentence(cli, "ssh.")).as(reason + " cli")
                            .isNotEqualTo(f.sentence(ui, "wizard.deploy.ssh.fix."));
                }
            }
        }
    }

    @Test
    void theCommandLineAndTheWizardSayWhatToDoInTheirOwnTerms() {
        SshFailure f = SshFailure.of(SshFailure.Reason.AUTH_REFUSED, "deploy@host.test:22", "deploy", "host.test", 1,
                "/home/u/.ssh/id_ed25519");
        assertThat(f.sentence(new Texts(CLI_BUNDLE, Locale.ENGLISH), "ssh.")).isEqualTo("deploy@host.test:22 refused the login as deploy (offered:"
                + " /home/u/.ssh/id_ed25519). Pass the key that is in ~/.ssh/authorized_keys of deploy on host.test"
                + " with --identity FILE (or load it with ssh-add), or check --user.");
        assertThat(f.sentence(new Texts("dev.signpost.ui.messages", Locale.ENGLISH), "wizard.deploy.ssh.fix."))
                .contains("in the Private key field").doesNotContain("--identity");
        assertThat(f.sentence(new Texts("dev.signpost.ui.messages", Locale.GERMAN), "wizard.deploy.ssh.fix."))
                .startsWith("deploy@host.test:22 hat die Anmeldung als deploy abgelehnt").contains("Privater Schlüssel");
    }

    @Test
    void codesAreTheBundleKeySuffixes() {
        assertThat(SshFailure.Reason.HOST_KEY_CHANGED.code()).isEqualTo("hostKeyChanged");
        assertThat(SshFailure.Reason.TIMEOUT.code()).isEqualTo("timeout");
    }

    @Test
    void theServersAlgorithmListIsShownOnlyAsAlgorithmNames() {
        assertThat(SshFailures.offer("diffie-hellman-group1-sha1,evil\u001b[31m<b>"))
                .isEqualTo("diffie-hellman-group1-sha1, evil31mb");
        assertThat(SshFailures.offer("a".repeat(1000))).hasSize(301);
    }

    @Test
    void networkFailuresAreToldApartByWhatTheSocketReported() {
        Texts core = new Texts(SshFailure.CORE_BUNDLE, Locale.ENGLISH);
        // No route cannot be produced on loopback; the JDK's exceptions as JSch wraps them stand in for it.
        assertThat(classify(new java.net.NoRouteToHostException("No route to host"), core).reason())
                .isEqualTo(SshFailure.Reason.NETWORK_UNREACHABLE);
        assertThat(classify(new java.net.ConnectException("Network is unreachable"), core).reason())
                .isEqualTo(SshFailure.Reason.NETWORK_UNREACHABLE);
        assertThat(classify(new java.net.UnknownHostException("vps.invalid"), core).reason())
                .isEqualTo(SshFailure.Reason.HOST_NOT_FOUND);
        assertThat(classify(new java.net.SocketTimeoutException("connect timed out"), core))
                .isEqualTo(SshFailure.of(SshFailure.Reason.TIMEOUT, "vps.test", 22, 15L));
        assertThat(classify(new java.net.SocketException("Connection reset"), core).reason())
                .isEqualTo(SshFailure.Reason.CONNECTION_LOST);
        assertThat(SshFailures.classify(new com.jcraft.jsch.JSchException("Packet corrupt"), "vps.test", 22,
                "me@vps.test:22", 15, core).reason()).isEqualTo(SshFailure.Reason.PROTOCOL_ERROR);
    }

    private static SshFailure classify(Exception cause, Texts core) {
        return SshFailures.classify(new com.jcraft.jsch.JSchException(cause.toString(), cause), "vps.test", 22,
                "me@vps.test:22", 15, core);
    }

    private static List<Object> sampleArguments() {
        List<Object> args = new ArrayList<>();
        args.add("deploy@host.test:2222");
        args.add(2222);
        args.add(30);
        args.add(2);
        args.add(5);
        return args;
    }
}
