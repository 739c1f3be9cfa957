package dev.signpost.core.matrix;

import com.ibm.icu.text.IDNA;
import com.ibm.icu.text.SpoofChecker;

import java.net.IDN;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Converts internationalised host names to their ASCII (punycode) form the way registries, browsers and DNS
 * software do today: UTS #46 with nontransitional processing (IDNA2008). The JDK's {@link IDN} still implements
 * IDNA2003, which maps {@code ß} to {@code ss} and drops joiners, so {@code faß.de} would become {@code fass.de}:
 * a different domain that Signpost would then check and write files for.
 */
final class IdnaConversion {

    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO
            | IDNA.USE_STD3_RULES);

    /** Highly restrictive: one script per label, or the usual Han/Hiragana/Katakana/Latin mixes of CJK names. */
    private static final SpoofChecker SCRIPT_MIX = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.RESTRICTION_LEVEL)
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .build();

    private static final Set<IDNA.Error> LENGTH_ERRORS = EnumSet.of(IDNA.Error.EMPTY_LABEL,
            IDNA.Error.LABEL_TOO_LONG, IDNA.Error.DOMAIN_NAME_TOO_LONG);

    private IdnaConversion() {
    }

    /** Why a name could not be converted, as the message key of the sentence that explains it. */
    enum Failure {
        INVALID("serverName.badIdn"),
        BIDI("serverName.idnBidi"),
        JOINER("serverName.idnJoiner"),
        HYPHEN("serverName.idnHyphen");

        final String key;

        Failure(String key) {
            this.key = key;
        }
    }

    /** The ASCII form of {@code host}, or why there is none. */
    record Result(String ascii, Failure failure) {
        boolean ok() {
            return failure == null;
        }
    }

    static Result toAscii(String host) {
        IDNA.Info info = new IDNA.Info();
        StringBuilder out = new StringBuilder();
        UTS46.nameToASCII(host, out, info);
        var errors = EnumSet.noneOf(IDNA.Error.class);
        errors.addAll(info.getErrors());
        // Length rules are checked by the server-name grammar itself, with its own sentences.
        errors.removeAll(LENGTH_ERRORS);
        if (errors.isEmpty()) {
            return new Result(out.toString().toLowerCase(Locale.ROOT), null);
        }
        if (errors.contains(IDNA.Error.BIDI)) {
            return new Result(null, Failure.BIDI);
        }
        if (errors.contains(IDNA.Error.CONTEXTJ) || errors.contains(IDNA.Error.CONTEXTO_DIGITS)
                || errors.contains(IDNA.Error.CONTEXTO_PUNCTUATION)) {
            return new Result(null, Failure.JOINER);
        }
        if (errors.contains(IDNA.Error.LEADING_HYPHEN) || errors.contains(IDNA.Error.TRAILING_HYPHEN)
                || errors.contains(IDNA.Error.HYPHEN_3_4)) {
            return new Result(null, Failure.HYPHEN);
        }
        return new Result(null, Failure.INVALID);
    }

    /**
     * True when one label of {@code host} mixes scripts in a way that lets it pass for another name, such as a
     * Cyrillic {@code а} among Latin letters: browsers then show the punycode form, and people misread it.
     */
    static boolean mixesScripts(String host) {
        for (String label : host.split("[.\u3002\uFF0E\uFF61]")) {
            if (!label.isEmpty() && SCRIPT_MIX.failsChecks(label)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The IDNA2003 form of {@code host} when older software (the JDK, some libraries and registrars' old tools)
     * would turn it into a different ASCII name than {@code ascii}; empty when both agree.
     */
    static Optional<String> legacyAscii(String host, String ascii) {
        try {
            String legacy = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            return legacy.equals(ascii) ? Optional.empty() : Optional.of(legacy);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
