package dev.signpost.core.discovery;

import dev.signpost.core.model.ClientState;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import static dev.signpost.core.discovery.EngineTestSupport.check;
import static dev.signpost.core.discovery.EngineTestSupport.describe;
import static dev.signpost.core.discovery.EngineTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

/** A body cut short of its framing is a failed fetch, even when the part that came parses as a good file. */
class CutResponsesTest {

    @Test
    void aWellKnownShortOfItsContentLengthFails() {
        try (TestWorld w = new TestWorld()) {
            w.serve("example.com", 443);
            // The part that arrives is a complete, valid delegation: only the framing shows it was cut.
            w.https().route("example.com", "/.well-known/matrix/server",
                    Response.json("{\"m.server\":\"matrix.example.com:443\"}").withHeader("Content-Length", "400"));
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.well-known")).as(describe(r)).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.well-known").summary()).contains("incomplete")
                    .contains("of the 400 bytes");
            assertThat(r.federation().wellKnown().mServer()).isNull();
        }
    }

    @Test
    void aClientWellKnownCutInsideAChunkFails() {
        try (TestWorld w = new TestWorld()) {
            w.serve("example.com", 443).serve("matrix.example.com", 443);
            w.homeserver("example.com").installClient(w.https(), "matrix.example.com");
            String good = "{\"m.homeserver\":{\"base_url\":\"https://matrix.example.com\"}}";
            w.https().route("example.com", "/.well-known/matrix/client", Response.json(
                    Integer.toHexString(good.length() + 10) + "\r\n" + good).withCors()
                    .withHeader("Transfer-Encoding", "chunked"));
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).as(describe(r)).isEqualTo(ClientState.FAIL_PROMPT);
            assertThat(check(r, "client.well-known").summary()).contains("inside a chunk");
        }
    }
}
