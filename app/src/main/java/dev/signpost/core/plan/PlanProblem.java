package dev.signpost.core.plan;

import java.util.Objects;

/**
 * One thing wrong with (or worth knowing about) a {@link DelegationPlan}.
 *
 * @param field    the plan component it is about, one of the {@code FIELD_*} constants (the record component name)
 * @param message  a sentence in the user's language saying what is wrong and how to fix it
 * @param severity {@link Severity#ERROR} blocks generation; {@link Severity#WARNING} explains a trade-off
 */
public record PlanProblem(String field, String message, Severity severity) {

    /** How bad a problem is. */
    public enum Severity {
        /** The plan cannot work as given; nothing is generated until it is fixed. */
        ERROR,
        /** Legal, but the user should know the consequence. */
        WARNING
    }

    public static final String FIELD_SERVER_NAME = "serverName";
    public static final String FIELD_FEDERATION_MODE = "federationMode";
    public static final String FIELD_FEDERATION_HOST = "federationHost";
    public static final String FIELD_FEDERATION_PORT = "federationPort";
    public static final String FIELD_CLIENT_BASE_URL = "clientBaseUrl";
    public static final String FIELD_IDENTITY_SERVER_URL = "identityServerUrl";
    public static final String FIELD_SUPPORT_CONTACTS = "supportContacts";
    public static final String FIELD_SUPPORT_PAGE = "supportPage";
    public static final String FIELD_EXTRA_CLIENT_KEYS = "extraClientKeys";
    public static final String FIELD_WEB_SERVER = "webServer";
    public static final String FIELD_HOMESERVER = "homeserver";
    public static final String FIELD_HOMESERVER_UPSTREAM = "homeserverUpstream";
    public static final String FIELD_CALL_SERVICE_URL = "callServiceUrl";
    public static final String FIELD_AUTH_ISSUER_URL = "authIssuerUrl";

    public PlanProblem {
        Objects.requireNonNull(field);
        Objects.requireNonNull(message);
        Objects.requireNonNull(severity);
    }

    /** True when this problem blocks generation. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
