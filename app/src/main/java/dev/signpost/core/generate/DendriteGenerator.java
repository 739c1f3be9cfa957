package dev.signpost.core.generate;

import dev.signpost.core.plan.FederationMode;

import java.util.List;

/**
 * Dendrite ({@code dendrite.yaml}, section {@code global}): the server name and the values Dendrite serves in its
 * own well-known answers, {@code well_known_server_name} and {@code well_known_client_name}.
 */
public final class DendriteGenerator implements FileGenerator {

    static final String PATH = "dendrite/signpost-dendrite.yaml";

    @Override
    public List<GeneratedFile> generate(GenerationContext c) {
        var plan = c.plan();
        StringBuilder out = new StringBuilder();
        out.append(FileHeaders.homeserver("Dendrite", c));
        out.append("# Merge these keys into the global section of dendrite.yaml, then restart Dendrite.\n");
        out.append(FileHeaders.SERVER_NAME_IS_FINAL);
        out.append("global:\n");
        out.append("  server_name: ").append(ConfigText.yamlQuoted(plan.serverName())).append('\n');
        if (plan.federationMode() == FederationMode.WELL_KNOWN) {
            out.append("  # What Dendrite answers on /.well-known/matrix/server (host:port).\n");
            out.append("  well_known_server_name: ").append(ConfigText.yamlQuoted(plan.federationAuthority()))
                    .append('\n');
        }
        out.append("  # What Dendrite answers as m.homeserver.base_url on /.well-known/matrix/client.\n");
        out.append("  well_known_client_name: ").append(ConfigText.yamlQuoted(plan.clientBaseUrl())).append('\n');
        return List.of(new GeneratedFile(PATH, c.text("purpose.dendrite", plan.serverName()), out.toString()));
    }
}
