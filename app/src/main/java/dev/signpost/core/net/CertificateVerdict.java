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
 * @param chainFlaw      the first element of the chain that a homeserver refuses for a reason other than the
 *                       leaf's dates, trust or name (an intermediate out of date, a usage that excludes servers),
 *                       or null
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
        Evidence.Certificates evidence,
        ChainFlaw chainFlaw) {

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

    /** Where in the chain a flaw sits. */
    public enum Role {
        LEAF,
        INTERMEDIATE,
        ROOT
    }

    /** What is wrong with that element. */
    public enum FlawKind {
        EXPIRED,
        NOT_YET_VALID,
        /** Its extended key usage is present and does not include serverAuth. */
        NOT_FOR_SERVERS
    }

    /**
     * One refused element of the chain, named so a person can find it.
     *
     * @param role    leaf, intermediate or root
     * @param kind    what is wrong
     * @param subject the element's common name (or whole subject when it has none)
     * @param when    the date that was missed (expiry or start), or null for a usage flaw
     * @param usages  the usages the element does allow, for a usage flaw (empty otherwise)
     */
    public record ChainFlaw(Role role, FlawKind kind, String subject, Instant when, List<String> usages) {
        public ChainFlaw {
            usages = List.copyOf(usages);
        }
    }

    /** The leaf's dates against now. */
    public enum Validity {
        VALID,
        EXPIRED,
        NOT_YET_VALID
    }

    /** Trusted, matching, every element in date and fit for servers: what a Matrix server requires. */
    public boolean ok() {
        return trust == Trust.TRUSTED && nameMatches && validity == Validity.VALID && chainFlaw == null;
    }

    /** In date but expiring within {@link #EXPIRY_WARNING_DAYS}. */
    public boolean expiresSoon() {
        return validity == Validity.VALID && daysLeft < EXPIRY_WARNING_DAYS;
    }
}
