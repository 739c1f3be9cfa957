package dev.signpost.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.core.io.JsonNumbers;
import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.text.Texts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.signpost.core.plan.PlanProblem.FIELD_AUTH_ISSUER_URL;
import static dev.signpost.core.plan.PlanProblem.FIELD_CALL_SERVICE_URL;
import static dev.signpost.core.plan.PlanProblem.FIELD_CLIENT_BASE_URL;
import static dev.signpost.core.plan.PlanProblem.FIELD_EXTRA_CLIENT_KEYS;
import static dev.signpost.core.plan.PlanProblem.FIELD_FEDERATION_HOST;
import static dev.signpost.core.plan.PlanProblem.FIELD_FEDERATION_MODE;
import static dev.signpost.core.plan.PlanProblem.FIELD_FEDERATION_PORT;
import static dev.signpost.core.plan.PlanProblem.FIELD_HOMESERVER;
import static dev.signpost.core.plan.PlanProblem.FIELD_HOMESERVER_UPSTREAM;
import static dev.signpost.core.plan.PlanProblem.FIELD_IDENTITY_SERVER_URL;
import static dev.signpost.core.plan.PlanProblem.FIELD_SERVER_NAME;
import static dev.signpost.core.plan.PlanProblem.FIELD_SUPPORT_CONTACTS;
import static dev.signpost.core.plan.PlanProblem.FIELD_SUPPORT_PAGE;
import static dev.signpost.core.plan.PlanProblem.FIELD_WEB_SERVER;

/**
 * Checks a {@link DelegationPlan} as a whole and explains every problem in a sentence.
 *
 * <p>Beyond grammar (server names, ports, URLs, namespaced keys) it knows the delegation pitfalls of the spec and
 * of the guides users copy from: a scheme in {@code m.server}, delegating to where servers look anyway, federation
 * on 443, SRV instead of well-known, a homeserver that cannot serve the delegation it is asked to serve.
 *
 * <p>Validation is also the injection barrier: every text that can reach a config file is restricted to
 * characters no supported format interprets, so generators can write values as they are.
 */
public final class PlanValidator {

    /** Largest total size of extra client values; keeps the client file well under the 50 KiB clients accept. */
    public static final int MAX_EXTRA_VALUES_LENGTH = 40_000;

    private static final String BUNDLE = "dev.signpost.core.plan.messages";
    private static final Pattern NAMESPACED_KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9_-]+)+");
    private static final Pattern MATRIX_ID = Pattern.compile("@([^:]*):(.*)", Pattern.DOTALL);
    private static final Pattern LOCALPART = Pattern.compile("[a-z0-9._=/+-]+");
    private static final Pattern EMAIL = Pattern.compile("([^@]*)@(.*)", Pattern.DOTALL);
    private static final Pattern EMAIL_LOCAL = Pattern.compile("[A-Za-z0-9._+-]+");
    private static final ObjectMapper JSON = JsonNumbers.exactMapper();

    private final Locale locale;
    private final Texts texts;

    /** A validator speaking {@code locale}. */
    public PlanValidator(Locale locale) {
        this.locale = locale;
        this.texts = new Texts(BUNDLE, locale);
    }

    /** Validates {@code plan} and returns every problem, errors and warnings, in field order. */
    public static List<PlanProblem> validate(DelegationPlan plan, Locale locale) {
        return new PlanValidator(locale).check(plan);
    }

    /**
     * Validates {@code plan} and returns it in the form generators write: punycode hosts, normalised URLs,
     * trimmed texts, the default upstream filled in.
     *
     * @throws InvalidPlanException when any problem is an error
     */
    public static DelegationPlan normalize(DelegationPlan plan, Locale locale) throws InvalidPlanException {
        PlanValidator validator = new PlanValidator(locale);
        List<PlanProblem> problems = validator.check(plan);
        if (problems.stream().anyMatch(PlanProblem::isError)) {
            throw new InvalidPlanException(problems);
        }
        return validator.normalized(plan);
    }

    /** Validates {@code plan}; see {@link #validate(DelegationPlan, Locale)}. */
    public List<PlanProblem> check(DelegationPlan plan) {
        List<PlanProblem> problems = new ArrayList<>();
        if (plan == null) {
            problems.add(error(FIELD_SERVER_NAME, "plan.missing"));
            return problems;
        }
        ServerName serverName = checkServerName(plan, problems);
        checkFederation(plan, serverName, problems);
        checkUrl(FIELD_CLIENT_BASE_URL, plan.clientBaseUrl(), true, problems);
        checkClientBaseUrlPath(plan.clientBaseUrl(), problems);
        if (plan.identityServerUrl() != null && !plan.identityServerUrl().isBlank()) {
            checkUrl(FIELD_IDENTITY_SERVER_URL, plan.identityServerUrl(), false, problems);
        }
        checkSupport(plan, problems);
        checkExtraKeys(plan, problems);
        checkSoftware(plan, serverName, problems);
        checkCallsAndSignIn(plan, problems);
        return List.copyOf(problems);
    }

    /**
     * The call service and the sign-in service are public https URLs clients are given (rust-sdk refuses http
     * sign-in metadata); the consequences of planning them without the pieces that carry them are warnings.
     */
    private void checkCallsAndSignIn(DelegationPlan plan, List<PlanProblem> problems) {
        WebUrl call = checkUrl(FIELD_CALL_SERVICE_URL, plan.callServiceUrl(), false, problems);
        WebUrl issuer = checkUrl(FIELD_AUTH_ISSUER_URL, plan.authIssuerUrl(), false, problems);
        if (call != null && plan.extraClientKeys().containsKey(DelegationPlan.RTC_FOCI_KEY)) {
            problems.add(error(FIELD_EXTRA_CLIENT_KEYS, "callService.duplicateKey", DelegationPlan.RTC_FOCI_KEY));
        }
        if (issuer != null && !plan.federationProxy()) {
            problems.add(warning(FIELD_AUTH_ISSUER_URL, "authIssuer.noProxy", issuer.toString()));
        }
        if ((call != null || issuer != null) && plan.homeserver() != null
                && plan.homeserver() != HomeserverKind.SYNAPSE) {
            problems.add(warning(call != null ? FIELD_CALL_SERVICE_URL : FIELD_AUTH_ISSUER_URL,
                    "callsAndSignIn.notSynapse"));
        }
    }

    private ServerName checkServerName(DelegationPlan plan, List<PlanProblem> problems) {
        ServerName name;
        try {
            name = ServerName.parse(plan.serverName(), locale);
        } catch (InvalidServerNameException e) {
            problems.add(new PlanProblem(FIELD_SERVER_NAME, e.getMessage(), PlanProblem.Severity.ERROR));
            return null;
        }
        FederationMode mode = plan.federationMode();
        boolean delegating = mode == FederationMode.WELL_KNOWN || mode == FederationMode.SRV;
        if (name.hasPort()) {
            problems.add(delegating
                    ? error(FIELD_SERVER_NAME, "serverName.portWithDelegation", name.original())
                    : warning(FIELD_SERVER_NAME, "serverName.port", name.original()));
        }
        if (name.isIpLiteral()) {
            problems.add(delegating
                    ? error(FIELD_SERVER_NAME, "serverName.ipWithDelegation", name.original())
                    : warning(FIELD_SERVER_NAME, "serverName.ip", name.original()));
        }
        if (name.isInternationalised()) {
            problems.add(warning(FIELD_SERVER_NAME, "serverName.idn", name.original(), name.host()));
            name.legacyIdnaHost().ifPresent(legacy -> problems.add(
                    warning(FIELD_SERVER_NAME, "serverName.idnLegacy", name.original(), name.host(), legacy)));
            if (name.mixesScripts()) {
                problems.add(warning(FIELD_SERVER_NAME, "serverName.mixedScripts", name.original(), name.host()));
            }
        }
        return name;
    }

    private void checkFederation(DelegationPlan plan, ServerName serverName, List<PlanProblem> problems) {
        FederationMode mode = plan.federationMode();
        if (mode == null) {
            problems.add(error(FIELD_FEDERATION_MODE, "federationMode.missing"));
            return;
        }
        if (mode == FederationMode.DIRECT) {
            return;
        }
        ServerName host = checkFederationHost(plan.federationHost(), mode, problems);
        int port = plan.federationPort();
        boolean portOk = port >= 1 && port <= 65535;
        if (!portOk) {
            problems.add(error(FIELD_FEDERATION_PORT, "federationPort.range", Integer.toString(port)));
        }
        if (mode == FederationMode.SRV) {
            problems.add(warning(FIELD_FEDERATION_MODE, "federationMode.srv",
                    serverName == null ? "" : serverName.host()));
        }
        if (host == null || !portOk) {
            return;
        }
        boolean toItself = serverName != null && host.host().equalsIgnoreCase(serverName.host());
        if (mode == FederationMode.WELL_KNOWN && toItself && port == DelegationPlan.DEFAULT_FEDERATION_PORT) {
            problems.add(warning(FIELD_FEDERATION_HOST, "federationHost.itself", host.host()));
        }
        if (port == 443) {
            problems.add(warning(FIELD_FEDERATION_PORT, "federationPort.443"));
        }
        if (mode == FederationMode.WELL_KNOWN && host.isIpLiteral()) {
            problems.add(warning(FIELD_FEDERATION_HOST, "federationHost.ip", host.host()));
        }
    }

    private ServerName checkFederationHost(String text, FederationMode mode, List<PlanProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(error(FIELD_FEDERATION_HOST, "federationHost.empty"));
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.contains("://")) {
            problems.add(error(FIELD_FEDERATION_HOST, "federationHost.scheme", printable(trimmed)));
            return null;
        }
        ServerName host;
        try {
            host = ServerName.parse(bracketBareIpv6(trimmed), locale);
        } catch (InvalidServerNameException e) {
            problems.add(new PlanProblem(FIELD_FEDERATION_HOST, e.getMessage(), PlanProblem.Severity.ERROR));
            return null;
        }
        if (host.hasPort()) {
            problems.add(error(FIELD_FEDERATION_HOST, "federationHost.port", trimmed,
                    host.hostForUrl(), Integer.toString(host.port())));
            return null;
        }
        if (mode == FederationMode.SRV && host.isIpLiteral()) {
            problems.add(error(FIELD_FEDERATION_HOST, "federationHost.srvIp", trimmed));
            return null;
        }
        return host;
    }

    /**
     * The delegated host is a host without a port, so a bare IPv6 address is unambiguous there; it is also the
     * form a normalised plan keeps, so accepting it makes normalising twice give the same plan.
     */
    private static String bracketBareIpv6(String host) {
        String trimmed = host.strip();
        return trimmed.indexOf(':') != trimmed.lastIndexOf(':') && !trimmed.startsWith("[")
                ? "[" + trimmed + "]" : trimmed;
    }

    private WebUrl checkUrl(String field, String text, boolean required, List<PlanProblem> problems) {
        if (!required && (text == null || text.isBlank())) {
            return null;
        }
        try {
            return WebUrl.parse(text, false, locale);
        } catch (PlanValueException e) {
            problems.add(new PlanProblem(field, e.getMessage(), PlanProblem.Severity.ERROR));
            return null;
        }
    }

    private void checkClientBaseUrlPath(String text, List<PlanProblem> problems) {
        if (text != null && text.contains("/_matrix")) {
            problems.add(error(FIELD_CLIENT_BASE_URL, "clientBaseUrl.matrixPath", text.strip()));
        }
    }

    private void checkSupport(DelegationPlan plan, List<PlanProblem> problems) {
        List<SupportContact> contacts = plan.supportContacts();
        for (int i = 0; i < contacts.size(); i++) {
            checkContact(i + 1, contacts.get(i), problems);
        }
        if (plan.supportPage() != null && !plan.supportPage().isBlank()) {
            checkUrl(FIELD_SUPPORT_PAGE, plan.supportPage(), false, problems);
        }
    }

    private void checkContact(int number, SupportContact contact, List<PlanProblem> problems) {
        if (contact == null) {
            problems.add(error(FIELD_SUPPORT_CONTACTS, "contact.empty", number));
            return;
        }
        String role = contact.role() == null ? "" : contact.role().strip();
        boolean knownRole = role.equals(SupportContact.ROLE_ADMIN) || role.equals(SupportContact.ROLE_SECURITY);
        if (!knownRole && (role.startsWith("m.") || !NAMESPACED_KEY.matcher(role).matches())) {
            problems.add(error(FIELD_SUPPORT_CONTACTS, "contact.role", number, printable(role)));
        }
        boolean hasId = contact.matrixId() != null && !contact.matrixId().isBlank();
        boolean hasEmail = contact.emailAddress() != null && !contact.emailAddress().isBlank();
        if (!hasId && !hasEmail) {
            problems.add(error(FIELD_SUPPORT_CONTACTS, "contact.noAddress", number));
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
            problems.add(error(FIELD_SUPPORT_CONTACTS, "contact.matrixId", number, printable(id)));
        }
    }

    private void checkEmail(int number, String email, List<PlanProblem> problems) {
        var m = EMAIL.matcher(email);
        boolean ok = m.matches() && EMAIL_LOCAL.matcher(m.group(1)).matches() && parsesAsDnsName(m.group(2));
        if (!ok) {
            problems.add(error(FIELD_SUPPORT_CONTACTS, "contact.email", number, printable(email)));
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

    private void checkExtraKeys(DelegationPlan plan, List<PlanProblem> problems) {
        int total = 0;
        for (Map.Entry<String, String> entry : plan.extraClientKeys().entrySet()) {
            String key = entry.getKey() == null ? "" : entry.getKey();
            if (key.equals("m.homeserver") || key.equals("m.identity_server")) {
                problems.add(error(FIELD_EXTRA_CLIENT_KEYS, "extra.reserved", key));
                continue;
            }
            if (!NAMESPACED_KEY.matcher(key).matches()) {
                problems.add(error(FIELD_EXTRA_CLIENT_KEYS, "extra.key", printable(key)));
                continue;
            }
            if (key.startsWith("m.")) {
                problems.add(warning(FIELD_EXTRA_CLIENT_KEYS, "extra.specKey", key));
            }
            String value = entry.getValue();
            total += value == null ? 0 : value.length();
            checkExtraValue(key, value, problems);
        }
        if (total > MAX_EXTRA_VALUES_LENGTH) {
            problems.add(error(FIELD_EXTRA_CLIENT_KEYS, "extra.tooLarge", MAX_EXTRA_VALUES_LENGTH));
        }
    }

    private void checkExtraValue(String key, String value, List<PlanProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(error(FIELD_EXTRA_CLIENT_KEYS, "extra.emptyValue", key));
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            problems.add(error(FIELD_EXTRA_CLIENT_KEYS, "extra.json", key, printable(e.getOriginalMessage())));
            return;
        }
        if (!ConfigSafeText.isSafe(node)) {
            problems.add(error(FIELD_EXTRA_CLIENT_KEYS, "extra.unsafe", key));
        }
        String absurd = JsonNumbers.absurd(node);
        if (absurd != null) {
            problems.add(error(FIELD_EXTRA_CLIENT_KEYS, "extra.number", key, absurd));
        }
    }

    private void checkSoftware(DelegationPlan plan, ServerName serverName, List<PlanProblem> problems) {
        if (plan.webServer() == null) {
            problems.add(error(FIELD_WEB_SERVER, "webServer.missing"));
        }
        if (plan.homeserver() == null) {
            problems.add(error(FIELD_HOMESERVER, "homeserver.missing"));
        }
        // A given upstream is checked even without the proxy: the plan keeps it, so it must be a real URL.
        if (plan.federationProxy() || !blank(plan.homeserverUpstream())) {
            String upstream = plan.homeserverUpstream() == null || plan.homeserverUpstream().isBlank()
                    ? DelegationPlan.DEFAULT_UPSTREAM : plan.homeserverUpstream();
            try {
                WebUrl url = WebUrl.parse(upstream, true, locale);
                if (!url.scheme().equals("http") || !(url.path().isEmpty() || url.path().equals("/"))) {
                    problems.add(error(FIELD_HOMESERVER_UPSTREAM, "upstream.shape", upstream.strip()));
                }
            } catch (PlanValueException e) {
                problems.add(new PlanProblem(FIELD_HOMESERVER_UPSTREAM, e.getMessage(), PlanProblem.Severity.ERROR));
            }
            if (plan.federationProxy()
                    && (plan.webServer() == WebServerKind.STATIC || plan.webServer() == WebServerKind.HOMESERVER)) {
                problems.add(error(FIELD_WEB_SERVER, "webServer.noProxy"));
            }
        }
        if (plan.webServer() == WebServerKind.HOMESERVER && plan.homeserver() != null) {
            checkHomeserverServes(plan, serverName, problems);
        }
    }

    private void checkHomeserverServes(DelegationPlan plan, ServerName serverName, List<PlanProblem> problems) {
        if (plan.homeserver() == HomeserverKind.SYNAPSE && plan.federationMode() == FederationMode.WELL_KNOWN
                && serverName != null && plan.federationHost() != null) {
            // Synapse's own server file always names <server_name>:443; anything else needs a web server.
            boolean matches = plan.federationHost().strip().equalsIgnoreCase(serverName.original())
                    || plan.federationHost().strip().equalsIgnoreCase(serverName.host());
            if (!matches || plan.federationPort() != 443) {
                problems.add(error(FIELD_WEB_SERVER, "webServer.synapseServes", serverName.host()));
            }
        }
        if (!plan.supportContacts().isEmpty() || (plan.supportPage() != null && !plan.supportPage().isBlank())) {
            problems.add(warning(FIELD_WEB_SERVER, "webServer.homeserverNoSupport"));
        }
        if (plan.homeserver() != HomeserverKind.SYNAPSE && (!plan.extraClientKeys().isEmpty()
                || (plan.identityServerUrl() != null && !plan.identityServerUrl().isBlank()))) {
            problems.add(warning(FIELD_WEB_SERVER, "webServer.homeserverNoExtras"));
        }
        problems.add(warning(FIELD_WEB_SERVER, "webServer.homeserverReach",
                serverName == null ? "" : serverName.host()));
    }

    private DelegationPlan normalized(DelegationPlan plan) {
        try {
            String serverName = ServerName.parse(plan.serverName(), locale).authority();
            String federationHost = plan.federationMode() == FederationMode.DIRECT
                    ? null : ServerName.parse(bracketBareIpv6(plan.federationHost()), locale).host();
            int federationPort = plan.federationMode() == FederationMode.DIRECT
                    ? DelegationPlan.DEFAULT_FEDERATION_PORT : plan.federationPort();
            String base = WebUrl.parse(plan.clientBaseUrl(), false, locale).toString();
            String identity = blank(plan.identityServerUrl())
                    ? null : WebUrl.parse(plan.identityServerUrl(), false, locale).toString();
            String page = blank(plan.supportPage()) ? null : WebUrl.parse(plan.supportPage(), false, locale).toString();
            List<SupportContact> contacts = plan.supportContacts().stream()
                    .map(c -> new SupportContact(c.role().strip(), trimOrNull(c.matrixId()),
                            trimOrNull(c.emailAddress())))
                    .toList();
            Map<String, String> extras = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : plan.extraClientKeys().entrySet()) {
                extras.put(e.getKey(), JSON.writeValueAsString(JSON.readTree(e.getValue())));
            }
            String upstream = blank(plan.homeserverUpstream())
                    ? DelegationPlan.DEFAULT_UPSTREAM : WebUrl.parse(plan.homeserverUpstream(), true, locale).toString();
            if (upstream.endsWith("/")) {
                upstream = upstream.substring(0, upstream.length() - 1);
            }
            String call = blank(plan.callServiceUrl())
                    ? null : WebUrl.parse(plan.callServiceUrl(), false, locale).toString();
            String issuer = blank(plan.authIssuerUrl())
                    ? null : WebUrl.parse(plan.authIssuerUrl(), false, locale).toString();
            return new DelegationPlan(serverName, plan.federationMode(), federationHost, federationPort, base,
                    identity, contacts, page, extras, plan.webServer(), plan.homeserver(), plan.federationProxy(),
                    upstream, call, issuer);
        } catch (InvalidServerNameException | PlanValueException | JsonProcessingException e) {
            throw new IllegalStateException("A plan that validated did not normalise: " + e.getMessage(), e);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String trimOrNull(String text) {
        return blank(text) ? null : text.strip();
    }

    private static String printable(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }

    private PlanProblem error(String field, String key, Object... args) {
        return new PlanProblem(field, texts.get(key, args), PlanProblem.Severity.ERROR);
    }

    private PlanProblem warning(String field, String key, Object... args) {
        return new PlanProblem(field, texts.get(key, args), PlanProblem.Severity.WARNING);
    }
}
