package dev.signpost.core.generate;

/** The CORS headers the spec recommends on the well-known files, so browser clients such as Element can read them. */
final class Cors {

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    static final String ORIGIN_VALUE = "*";
    static final String METHODS_VALUE = "GET, POST, PUT, DELETE, OPTIONS";
    static final String HEADERS_VALUE = "X-Requested-With, Content-Type, Authorization";

    private Cors() {
    }
}
