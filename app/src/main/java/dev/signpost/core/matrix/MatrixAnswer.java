package dev.signpost.core.matrix;

/**
 * What kind of body a Matrix route answered with, regardless of the status code: the homeserver's own JSON error,
 * some other JSON object, or something that is not Matrix at all (a proxy's HTML page, plain text, nothing).
 *
 * @param kind     which of the three it is
 * @param errcode  the Matrix {@code errcode} when {@code kind} is {@link Kind#MATRIX_ERROR}, else null
 * @param problem  a sentence saying why the body is not Matrix JSON when {@code kind} is {@link Kind#NOT_MATRIX},
 *                 else null
 */
public record MatrixAnswer(Kind kind, String errcode, String problem) {

    /** The three kinds of answer a Matrix route can give. */
    public enum Kind {
        /** A JSON object with a string {@code errcode}: the homeserver (or a Matrix-aware proxy) answered. */
        MATRIX_ERROR,
        /** A JSON object without {@code errcode}: a document such as the auth metadata. */
        JSON_OBJECT,
        /** Not a JSON object: HTML, text, an empty body; clients cannot tell what the server meant. */
        NOT_MATRIX
    }

    /** True for the answer "this endpoint is not known here": a JSON {@code M_UNRECOGNIZED} error. */
    public boolean unrecognized() {
        return kind == Kind.MATRIX_ERROR && "M_UNRECOGNIZED".equals(errcode);
    }
}
