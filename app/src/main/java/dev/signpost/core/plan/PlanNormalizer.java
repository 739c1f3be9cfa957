package dev.signpost.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.core.io.JsonNumbers;
import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A validated plan in the form generators write: punycode hosts, normalised URLs, trimmed texts, compact JSON
 * values, the default upstream filled in. Normalising a normalised plan gives the same plan.
 */
final class PlanNormalizer {

    private static final ObjectMapper JSON = JsonNumbers.exactMapper();

    private PlanNormalizer() {
    }

    /** {@code plan}, which must have validated without errors, in the form generators write. */
    static DelegationPlan normalized(DelegationPlan plan, Locale locale) {
        try {
            String serverName = ServerName.parse(plan.serverName(), locale).authority();
            String federationHost = plan.federationMode() == FederationMode.DIRECT
                    ? null : ServerName.parse(PlanValidator.bracketBareIpv6(plan.federationHost()), locale).host();
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
}
