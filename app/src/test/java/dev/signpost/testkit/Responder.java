package dev.signpost.testkit;

/** Produces the response to one request received by a {@link TestHttpsServer}. */
@FunctionalInterface
public interface Responder {

    /** The response to {@code request}; never null. */
    Response respond(RecordedRequest request);

    /** A responder that always gives the same response. */
    static Responder of(Response response) {
        return request -> response;
    }
}
