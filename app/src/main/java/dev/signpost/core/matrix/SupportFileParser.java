package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signpost.core.text.Texts;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks {@code /.well-known/matrix/support} (spec v1.10): {@code contacts} with a role ({@code m.role.admin},
 * {@code m.role.security}, or a namespaced one) and a {@code matrix_id} and/or {@code email_address};
 * {@code support_page} an http(s) URL; at least one of the two. Pure: no I/O, no exception escapes.
 */
public final class SupportFileParser {

    static final String DOCUMENT = "/.well-known/matrix/support";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private SupportFileParser() {
    }

    public static SupportInfo parse(byte[] body, Locale locale) {
        Texts texts = MatrixTexts.of(locale);
        try {
            return parse(body, locale, texts);
        } catch (RuntimeException e) {
            return new SupportInfo(List.of(texts.get("json.unexpected", DOCUMENT)), List.of(), 0, null);
        }
    }

    private static SupportInfo parse(byte[] body, Locale locale, Texts texts) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        JsonBody.Parsed parsed = JsonBody.readObject(body, DOCUMENT, locale);
        if (!parsed.ok()) {
            return new SupportInfo(List.of(parsed.error()), List.of(), 0, null);
        }
        ObjectNode root = parsed.object();
        int contacts = 0;
        JsonNode list = root.get("contacts");
        if (list != null && !list.isArray()) {
            problems.add(texts.get("support.contactsNotArray", JsonBody.kindOf(list, texts)));
        } else if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                if (contact(list.get(i), i + 1, texts, problems, warnings, locale)) {
                    contacts++;
                }
            }
        }
        String supportPage = null;
        JsonNode page = root.get("support_page");
        if (page != null && !page.isTextual()) {
            problems.add(texts.get("support.pageNotString", JsonBody.kindOf(page, texts)));
        } else if (page != null) {
            supportPage = page.textValue();
            checkSupportPage(supportPage, texts, problems, warnings);
        }
        boolean hasContacts = list != null && list.isArray() && !list.isEmpty();
        if (!hasContacts && page == null) {
            problems.add(texts.get("support.nothing"));
        }
        List<String> strayKeys = JsonBody.unnamespacedKeys(root);
        strayKeys.removeAll(List.of("contacts", "support_page"));
        if (!strayKeys.isEmpty()) {
            warnings.add(texts.get("support.unnamespacedKeys", String.join(", ", strayKeys)));
        }
        return new SupportInfo(problems, warnings, contacts, supportPage);
    }

    private static boolean contact(JsonNode contact, int number, Texts texts, List<String> problems,
                                   List<String> warnings, Locale locale) {
        if (!contact.isObject()) {
            problems.add(texts.get("support.contactNotObject", number, JsonBody.kindOf(contact, texts)));
            return false;
        }
        boolean valid = true;
        JsonNode role = contact.get("role");
        if (role == null || !role.isTextual()) {
            problems.add(texts.get("support.noRole", number));
            valid = false;
        } else {
            String value = role.textValue();
            boolean known = value.equals("m.role.admin") || value.equals("m.role.security");
            boolean namespaced = value.indexOf('.') > 0 && !value.startsWith("m.");
            if (!known && !namespaced) {
                problems.add(texts.get("support.badRole", number, value));
                valid = false;
            }
        }
        JsonNode matrixId = contact.get("matrix_id");
        JsonNode email = contact.get("email_address");
        if (matrixId == null && email == null) {
            problems.add(texts.get("support.noAddress", number));
            valid = false;
        }
        if (matrixId != null && !(matrixId.isTextual() && validUserId(matrixId.textValue(), locale))) {
            problems.add(texts.get("support.badMatrixId", number, matrixId.isTextual() ? matrixId.textValue()
                    : JsonBody.kindOf(matrixId, texts)));
            valid = false;
        }
        if (email != null && !(email.isTextual() && EMAIL.matcher(email.textValue()).matches())) {
            problems.add(texts.get("support.badEmail", number, email.isTextual() ? email.textValue()
                    : JsonBody.kindOf(email, texts)));
            valid = false;
        }
        return valid;
    }

    private static boolean validUserId(String id, Locale locale) {
        int colon = id.indexOf(':');
        if (!id.startsWith("@") || colon < 2 || id.length() > 255) {
            return false;
        }
        try {
            ServerName.parse(id.substring(colon + 1), locale);
            return true;
        } catch (InvalidServerNameException e) {
            return false;
        }
    }

    private static void checkSupportPage(String page, Texts texts, List<String> problems, List<String> warnings) {
        try {
            URI uri = new URI(page);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    || uri.getHost() == null) {
                problems.add(texts.get("support.badPage", page));
            } else if (scheme.equalsIgnoreCase("http")) {
                warnings.add(texts.get("support.httpPage", page));
            }
        } catch (java.net.URISyntaxException e) {
            problems.add(texts.get("support.badPage", page));
        }
    }
}
