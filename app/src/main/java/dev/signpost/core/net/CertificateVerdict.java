package dev.signpost.core.net;

import dev.signpost.core.model.Evidence;

import java.time.Instant;
import java.util.List;

/**
 * What the certificate chain a server presented is worth, told apart precisely enough to give a fix.
 *
 * @param trust          whether the chain reaches a trusted root, and if not, why
 * @param trustDetail    technical detail (the missing issuer's name, the validator's message), or null
 * @param expectedName   the name or IP the certificate had to match
 * @param nameMatches    whether the leaf is valid for {@code expectedName}
 * @param presentedNames the leaf's subjectAltNames (DNS:… / IP:…)
 * @param validity       whether the leaf is in date now
 * @param notAfter       the leaf's expiry
 * @param daysLeft       whole days until expiry (negative once expired)
 * @param evidence       the chain as presented, for the report
 */
public record CertificateVerdict(
        Trust trust,
        String trustDetail,
        String expectedName,
        boolean nameMatches,
        List<String> presentedNames,
        Validity validity,
        Instant notAfter,
        long daysLeft,
        Evidence.Certificates evidence) {

    /** Fewer days than this until expiry earn a warning. */
    public static final int EXPIRY_WARNING_DAYS = 14;

    public CertificateVerdict {
        presentedNames = List.copyOf(presentedNames);
    }

    /** How the chain relates to the trusted roots. */
    public enum Trust {
        /** Chains to a trusted root. */
        TRUSTED,
        /** The leaf signed itself and is not trusted. */
        SELF_SIGNED,
        /** The leaf's issuer was neither sent nor trusted: usually cert.pem served instead of fullchain.pem. */
        MISSING_INTERMEDIATE,
        /** The chain is complete but ends at a root nobody here trusts. */
        UNTRUSTED_ROOT,
        /** The server sent no certificate. */
        NO_CERTIFICATE
    }

    /** The leaf's dates against now. */
    public enum Validity {
        VALID,
        EXPIRED,
        NOT_YET_VALID
    }

    /** Trusted, matching, and in date: what a Matrix server requires. */
    public boolean ok() {
        return trust == Trust.TRUSTED && nameMatches && validity == Validity.VALID;
    }

    /** In date but expiring within {@link #EXPIRY_WARNING_DAYS}. */
    public boolean expiresSoon() {
        return validity == Validity.VALID && daysLeft < EXPIRY_WARNING_DAYS;
    }
}
