package dev.signpost.core.deploy;

import dev.signpost.core.plan.WebServerKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeployDefaultsTest {

    @Test
    void everyKindHasAnAnswer() {
        for (WebServerKind kind : WebServerKind.values()) {
            DeployDefaults.webRoot(kind).ifPresent(root -> assertThat(root).startsWith("/"));
            assertThat(DeployDefaults.afterCommands(kind)).allSatisfy(c -> assertThat(c).startsWith("sudo "));
        }
        assertThat(DeployDefaults.webRoot(WebServerKind.NGINX)).contains("/var/www/html");
        assertThat(DeployDefaults.webRoot(WebServerKind.HAPROXY)).isEmpty();
        assertThat(DeployDefaults.afterCommands(WebServerKind.CADDY)).containsExactly("sudo systemctl reload caddy");
    }
}
