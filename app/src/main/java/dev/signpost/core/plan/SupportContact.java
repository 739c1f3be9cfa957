package dev.signpost.core.plan;

/**
 * One entry of {@code /.well-known/matrix/support}'s {@code contacts}.
 *
 * @param role         {@code m.role.admin} or {@code m.role.security}
 * @param matrixId     a Matrix user ID, or null
 * @param emailAddress an email address, or null (at least one of the two is needed)
 */
public record SupportContact(String role, String matrixId, String emailAddress) {

    /** The spec's role for whoever runs the server. */
    public static final String ROLE_ADMIN = "m.role.admin";

    /** The spec's role for security disclosures. */
    public static final String ROLE_SECURITY = "m.role.security";
}
