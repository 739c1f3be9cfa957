package dev.signpost.core.discovery;

import dev.signpost.core.matrix.AppWellKnown;
import dev.signpost.core.matrix.ServerName;

import java.net.URI;

/**
 * What every judge of the apps lane works from: the run it reports to, the probe that asks the servers, the server
 * name, the homeserver's base URL and the extras the client well-known announced.
 */
abstract class AppsJudge {

    final RunContext ctx;
    final AppsProbe probe;
    final ServerName name;
    final URI base;
    final AppWellKnown extras;

    AppsJudge(RunContext ctx, AppsProbe probe, ServerName name, URI base, AppWellKnown extras) {
        this.ctx = ctx;
        this.probe = probe;
        this.name = name;
        this.base = base;
        this.extras = extras;
    }
}
