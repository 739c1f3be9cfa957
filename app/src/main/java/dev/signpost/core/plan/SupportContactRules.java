package dev.signpost.core.plan;

import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static dev.signpost.core.plan.PlanProblem.FIELD_SUPPORT_CONTACTS;

/**
 * The rules for the support file's contacts (MSC1929): a known or namespaced role, and at least one address, each
 * a Matrix ID or an e-mail address that a client can use as it is.
 */
final class SupportContactRules {

    private static final Pattern MATRIX_ID = Pattern.compile("@([^:]*):(.*)", Pattern.DOTALL);
    private static final Pattern LOCALPART = Pattern.compile("[a-z0-9._=/+-]+");
    private static final Pattern EMAIL = Pattern.compile("([^@]*)@(.*)", Pattern.DOTALL);
    private static final Pattern EMAIL_LOCAL = Pattern.compile("[A-Za-z0-9._+-]+");

    private final Locale locale;
    private final PlanSentences sentences;

    SupportContactRules(Locale locale, PlanSentences sentences) {
        this.locale = locale;
        this.sentences = sentences;
    }

    /** Adds a problem for every contact that breaks a rule; contacts are numbered from 1 as the user sees them. */
    void check(List<SupportContact> contacts, List<PlanProblem> problems) {
        for (int i = 0; i < contacts.size(); i++) {
            checkContact(i + 1, contacts.get(i), problems);
        }
    }

    private void checkContact(int number, SupportContact contact, List<PlanProblem> problems) {
        if (contact == null) {
            problems.add(sentences.error(FIELD_SUPPORT_CONTACTS, "contact.empty", number));
            return;
        }
        String role = contact.role() == null ? "" : contact.role().strip();
        boolean knownRole = role.equals(SupportContact.ROLE_ADMIN) || role.equals(SupportContact.ROLE_SECURITY);
        if (!knownRole && (role.startsWith("m.") || !ExtraClientKeyRules.NAMESPACED_KEY.matcher(role).matches())) {
            problems.add(sentences.error(FIELD_SUPPORT_CONTACTS, "contact.role", number, PlanSentences.printable(role)));
        }
        boolean hasId = contact.matrixId() != null && !contact.matrixId().isBlank();
        boolean hasEmail = contact.emailAddress() != null && !contact.emailAddress().isBlank();
        if (!hasId && !hasEmail) {
            problems.add(sentences.error(FIELD_SUPPORT_CONTACTS, "contact.noAddress", number));
        }
        if (hasId) {
            checkMatrixId(number, contact.matrixId().strip(), problems);
        }
        if (hasEmail) {
            checkEmail(number, contact.emailAddress().strip(), problems);
        }
    }

    private void checkMatrixId(int number, String id, List<PlanProblem> problems) {
        var m = MATRIX_ID.matcher(id);
        boolean ok = m.matches() && LOCALPART.matcher(m.group(1)).matches() && parsesAsServerName(m.group(2));
        if (!ok) {
            problems.add(sentences.error(FIELD_SUPPORT_CONTACTS, "contact.matrixId", number, PlanSentences.printable(id)));
        }
    }

    private void checkEmail(int number, String email, List<PlanProblem> problems) {
        var m = EMAIL.matcher(email);
        boolean ok = m.matches() && EMAIL_LOCAL.matcher(m.group(1)).matches() && parsesAsDnsName(m.group(2));
        if (!ok) {
            problems.add(sentences.error(FIELD_SUPPORT_CONTACTS, "contact.email", number, PlanSentences.printable(email)));
        }
    }

    private boolean parsesAsServerName(String text) {
        try {
            ServerName.parse(text, locale);
            return true;
        } catch (InvalidServerNameException e) {
            return false;
        }
    }

    private boolean parsesAsDnsName(String text) {
        try {
            ServerName name = ServerName.parse(text, locale);
            return !name.hasPort() && !name.isIpLiteral() && name.host().contains(".");
        } catch (InvalidServerNameException e) {
            return false;
        }
    }
}
