package dev.signpost.core.discovery;

import dev.signpost.core.model.ReportListener;

/**
 * Finds and tests a homeserver exactly as Matrix servers and clients do. The one entry point front-ends use;
 * implemented by {@code DiscoveryEngine}.
 */
public interface Discovery {

    /**
     * Starts a check of {@code serverName} without blocking. Hops and checks are published to {@code listener}
     * as they complete, on the engine's threads. An invalid server name does not throw: the run completes
     * with a report whose {@code federation.server-name} check fails with the grammar's sentence.
     */
    CheckRun start(String serverName, ReportListener listener);
}
