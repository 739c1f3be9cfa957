package dev.signpost.core.model;

import java.util.Locale;

/** Which row of the spec's server-name resolution decided where federation traffic goes. */
public enum FederationMethod {
    IP_LITERAL,
    EXPLICIT_PORT,
    WELL_KNOWN_IP_LITERAL,
    WELL_KNOWN_EXPLICIT_PORT,
    WELL_KNOWN_SRV_MATRIX_FED,
    WELL_KNOWN_SRV_MATRIX,
    WELL_KNOWN_DEFAULT_PORT,
    SRV_MATRIX_FED,
    SRV_MATRIX,
    DEFAULT_PORT;

    /** The value used in the JSON report, e.g. {@code well-known-srv-matrix-fed}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a {@link #jsonName()} back. */
    public static FederationMethod fromJsonName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
