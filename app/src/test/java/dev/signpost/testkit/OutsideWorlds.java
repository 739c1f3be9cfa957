package dev.signpost.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Worlds for the comparison with public resolvers ({@code dns.outside-view}). A run with its own DNS server never
 * compares, so these worlds resolve without one: every name is pinned with {@code --resolve} (what a hosts-file
 * entry does on a real computer) and the delegation uses an explicit port, so no SRV question is asked.
 */
public final class OutsideWorlds {

    /** The server name of {@link #delegation()}. */
    public static final String NAME = "example.test";

    /** The delegated host of {@link #delegation()}. */
    public static final String HOMESERVER = "matrix.example.test";

    private OutsideWorlds() {
    }

    /** {@value #NAME} delegates to {@value #HOMESERVER}:8448; both names are pinned to the world's HTTPS server. */
    public static TestWorld delegation() {
        TestWorld world = new TestWorld();
        world.serve(NAME, 443).serve(HOMESERVER, 8448).serve(HOMESERVER, 443);
        world.https().route(NAME, "/.well-known/matrix/server",
                Response.json("{\"m.server\": \"" + HOMESERVER + ":8448\"}"));
        world.https().route(NAME, "/.well-known/matrix/client",
                Response.json("{\"m.homeserver\": {\"base_url\": \"https://" + HOMESERVER + "\"}}").withCors());
        world.homeserver(NAME).installFederation(world.https(), HOMESERVER).installClient(world.https(), HOMESERVER);
        return world;
    }

    /** The address the world's names are pinned to, e.g. {@code 127.0.0.1}. */
    public static String pinnedAddress(TestWorld world) {
        return world.https().address().getAddress().getHostAddress();
    }

    /** {@code leading} followed by {@code --ca-file}, every {@code --resolve} entry and {@code --public-dns URL}. */
    public static String[] args(TestWorld world, TestDohServer doh, String... leading) {
        List<String> args = new ArrayList<>(List.of(leading));
        args.add("--ca-file");
        args.add(world.ca().rootPemFile().toString());
        for (Map.Entry<String, String> entry : world.resolveEntries().entrySet()) {
            args.add("--resolve");
            args.add(entry.getKey() + ":" + entry.getValue());
        }
        args.add("--public-dns");
        args.add(doh.url());
        return args.toArray(String[]::new);
    }
}
