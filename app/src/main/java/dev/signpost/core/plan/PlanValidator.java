package dev.signpost.core.plan;

import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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


    private final Locale locale;
    private final PlanSentences sentences;
    private final SupportContactRules contacts;
    private final ExtraClientKeyRules extras;

    /** A validator speaking {@code locale}. */
    public PlanValidator(Locale locale) {
        this.locale = locale;
        this.sentences = new PlanSentences(locale);
        this.contacts = new SupportContactRules(locale, sentences);
        this.extras = new ExtraClientKeyRules(sentences);
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
        return PlanNormalizer.normalized(plan, locale);
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
        contacts.check(plan.supportContacts(), problems);
        if (!blank(plan.supportPage())) {
            checkUrl(FIELD_SUPPORT_PAGE, plan.supportPage(), false, problems);
        }
        extras.check(plan.extraClientKeys(), problems);
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
            problems.add(error(FIELD_FEDERATION_HOST, "federationHost.scheme", PlanSentences.printable(trimmed)));
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
    static String bracketBareIpv6(String host) {
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

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private PlanProblem error(String field, String key, Object... args) {
        return sentences.error(field, key, args);
    }

    private PlanProblem warning(String field, String key, Object... args) {
        return sentences.warning(field, key, args);
    }
}
