package dev.signpost.core.deploy;

import dev.signpost.core.text.Texts;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why an SSH connection or login failed, as a reason and the values to name. The core says what happened
 * ({@code ssh.<code>} in its bundle); each front-end says what to do in its own words ("pass --identity FILE" on the
 * command line, "choose the key in the Private key field" in the wizard) from its own bundle, keyed by
 * {@link Reason#code()}. The library's own text never reaches the user.
 *
 * @param reason    what went wrong
 * @param arguments the values the sentences name, in the order documented on each {@link Reason}
 */
public record SshFailure(Reason reason, List<Object> arguments) {

    /** Each reason documents its arguments: {@code {0}}, {@code {1}}, … in every sentence about it. */
    public enum Reason {
        /** {0} key file. */
        KEY_FILE_MISSING,
        /** {0} key file, {1} the key's type or format as found in the file. */
        KEY_UNSUPPORTED,
        /** {0} user@host:port, {1} user, {2} host. */
        AUTH_REFUSED,
        /** {0} host, {1} port, {2} what could not be agreed (e.g. "key exchange"), {3} what the server offers. */
        NO_COMMON_ALGORITHM,
        /** {0} host as in known_hosts, {1} key type, {2} fingerprint, {3} known_hosts file, {4} line of the old key. */
        HOST_KEY_CHANGED,
        /** {0} host as in known_hosts, {1} key type, {2} fingerprint, {3} known_hosts file, {4} line of @revoked. */
        HOST_KEY_REVOKED,
        /** {0} host as in known_hosts, {1} key type, {2} fingerprint, {3} known_hosts file, {4} the server's key file. */
        HOST_KEY_NOT_TRUSTED,
        /** Like {@link #HOST_KEY_NOT_TRUSTED}, but known_hosts vouches for the host only through @cert-authority. */
        HOST_KEY_CERTIFIED_ONLY,
        /** {0} host name. */
        HOST_NOT_FOUND,
        /** {0} host, {1} port. */
        NETWORK_UNREACHABLE,
        /** {0} host, {1} port. */
        CONNECTION_REFUSED,
        /** {0} host, {1} port, {2} seconds waited. */
        TIMEOUT,
        /** {0} user@host:port. */
        CONNECTION_LOST,
        /** {0} user@host:port: the server broke off in a way none of the above explains. */
        PROTOCOL_ERROR;

        /** The bundle key suffix, e.g. {@code hostKeyChanged}. */
        public String code() {
            StringBuilder sb = new StringBuilder();
            boolean upper = false;
            for (char c : name().toLowerCase(Locale.ROOT).toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    sb.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return sb.toString();
        }
    }

    public SshFailure {
        Objects.requireNonNull(reason, "reason");
        arguments = List.copyOf(arguments);
    }

    static SshFailure of(Reason reason, Object... arguments) {
        return new SshFailure(reason, List.of(arguments));
    }

    /** What happened, in the core's words. */
    public String happened(Locale locale) {
        return new Texts(CORE_BUNDLE, locale).get("ssh." + reason.code(), arguments.toArray());
    }

    /**
     * The whole sentence for one front-end: what happened, then what to do from {@code fixes} under
     * {@code fixPrefix + code}, e.g. {@code cli.ssh.} or {@code wizard.deploy.ssh.fix.}.
     */
    public String sentence(Texts fixes, String fixPrefix) {
        return happened(fixes.locale()) + " " + fixes.get(fixPrefix + reason.code(), arguments.toArray());
    }

    static final String CORE_BUNDLE = "dev.signpost.core.deploy.messages";
}
