package dev.signpost.ui;

import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestHttpsServer;
import dev.signpost.testkit.TestWorld;

/**
 * The test kit's broken delegations, each with one thing wrong, for the tests and screenshots of the wizard's chain:
 * the real engine checks them like any server on the internet.
 */
final class BrokenWorlds {

    static final String DOMAIN = "example.org";
    private static final String SERVER_WELL_KNOWN = "{\"m.server\":\"matrix.example.org:8448\"}";
    private static final String CLIENT_WELL_KNOWN =
            "{\"m.homeserver\":{\"base_url\":\"https://matrix.example.org\"}}";

    private BrokenWorlds() {
    }

    /** matrix.example.org has an IPv4 and an IPv6 address; the IPv6 one shows a certificate for another name. */
    static TestWorld wrongCertificateOnOneAddress() {
        TestWorld w = new TestWorld();
        w.dns().a("matrix.example.org", "203.0.113.5").aaaa("matrix.example.org", "2001:db8::5");
        w.serve(DOMAIN, 443).serve("matrix.example.org", 443).serve("203.0.113.5", 8448, "matrix.example.org");
        TestHttpsServer wrongName = w.newHttpsServer("127.0.0.1", w.ca().wrongNameLeaf());
        w.resolve("2001:db8::5", 8448, wrongName.hostPort());
        w.https().route(DOMAIN, "/.well-known/matrix/server", Response.json(SERVER_WELL_KNOWN));
        w.https().route(DOMAIN, "/.well-known/matrix/client", Response.json(CLIENT_WELL_KNOWN).withCors());
        var homeserver = w.homeserver(DOMAIN);
        homeserver.installFederation(w.https(), "matrix.example.org");
        homeserver.installFederation(wrongName, "*");
        homeserver.installClient(w.https(), "matrix.example.org");
        return w;
    }

    /** A web server for the domain, but no well-known files, no SRV record and no homeserver. */
    static TestWorld noDelegation() {
        TestWorld w = new TestWorld();
        w.serve(DOMAIN, 443);
        return w;
    }

    /** Everything works, except that the client well-known is sent without CORS headers. */
    static TestWorld missingCors() {
        TestWorld w = healthy();
        w.https().route(DOMAIN, "/.well-known/matrix/client", Response.json(CLIENT_WELL_KNOWN));
        return w;
    }

    /** No well-known; an SRV record sends federation to a host that has no address. */
    static TestWorld srvPointingNowhere() {
        TestWorld w = new TestWorld();
        w.dns().srv("_matrix-fed._tcp." + DOMAIN, 10, 0, 8448, "nowhere.example.org");
        w.serve(DOMAIN, 443);
        w.https().route(DOMAIN, "/.well-known/matrix/client", Response.json(CLIENT_WELL_KNOWN).withCors());
        w.dns().a("matrix.example.org", "203.0.113.5");
        w.serve("matrix.example.org", 443);
        w.homeserver(DOMAIN).installClient(w.https(), "matrix.example.org");
        return w;
    }

    /** The delegation working on both addresses, with CORS. */
    static TestWorld healthy() {
        TestWorld w = new TestWorld();
        w.dns().a("matrix.example.org", "203.0.113.5").aaaa("matrix.example.org", "2001:db8::5");
        w.serve(DOMAIN, 443).serve("matrix.example.org", 443)
                .serve("203.0.113.5", 8448, "matrix.example.org").serve("2001:db8::5", 8448, "matrix.example.org");
        w.https().route(DOMAIN, "/.well-known/matrix/server", Response.json(SERVER_WELL_KNOWN));
        w.https().route(DOMAIN, "/.well-known/matrix/client", Response.json(CLIENT_WELL_KNOWN).withCors());
        var homeserver = w.homeserver(DOMAIN);
        homeserver.installFederation(w.https(), "matrix.example.org");
        homeserver.installClient(w.https(), "matrix.example.org");
        return w;
    }
}
