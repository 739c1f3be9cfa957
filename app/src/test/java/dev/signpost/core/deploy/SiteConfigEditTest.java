package dev.signpost.core.deploy;

import dev.signpost.core.plan.WebServerKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteConfigEditTest {

    static final String NGINX = """
            server {
                listen 80;
                server_name example.org;
                return 301 https://$host$request_uri;
            }
            server {
                listen 443 ssl; # the site
                server_name www.example.org example.org;
                root /var/www/html;
                location / {
                    try_files $uri $uri/ =404;
                }
            }
            """;

    @Test
    void nginxGetsTheIncludeInTheHttpsBlockOnlyAndOnlyOnce() throws Exception {
        String edited = SiteConfigEdit.apply(WebServerKind.NGINX, NGINX, "example.org",
                "/etc/nginx/snippets/signpost-wellknown.conf").orElseThrow();
        assertThat(edited).isEqualTo(NGINX.replace("server_name www.example.org example.org;\n",
                "server_name www.example.org example.org;\n    include /etc/nginx/snippets/signpost-wellknown.conf;\n"));
        assertThat(SiteConfigEdit.apply(WebServerKind.NGINX, edited, "example.org",
                "/etc/nginx/snippets/signpost-wellknown.conf")).isEmpty();
    }

    @Test
    void aSiteWithoutTheHostOrWithoutHttpsIsReportedNotGuessed() {
        assertThatThrownBy(() -> SiteConfigEdit.apply(WebServerKind.NGINX, NGINX, "other.org", "/s.conf"))
                .isInstanceOf(SiteConfigEdit.NoSiteBlock.class);
        assertThatThrownBy(() -> SiteConfigEdit.apply(WebServerKind.NGINX,
                "server {\n    listen 80;\n    server_name example.org;\n}\n", "example.org", "/s.conf"))
                .isInstanceOf(SiteConfigEdit.NoSiteBlock.class);
    }

    @Test
    void apacheGetsTheIncludeAfterServerNameOfThe443VirtualHost() throws Exception {
        String config = """
                <VirtualHost *:80>
                    ServerName example.org
                </VirtualHost>
                <VirtualHost *:443>
                    ServerName example.org
                    SSLEngine on
                </VirtualHost>
                """;
        String edited = SiteConfigEdit.apply(WebServerKind.APACHE, config, "example.org", "/etc/apache2/s.conf")
                .orElseThrow();
        assertThat(edited).contains("<VirtualHost *:443>\n    ServerName example.org\n    Include /etc/apache2/s.conf\n")
                .startsWith("<VirtualHost *:80>\n    ServerName example.org\n</VirtualHost>");
        assertThat(SiteConfigEdit.apply(WebServerKind.APACHE, edited, "example.org", "/etc/apache2/s.conf")).isEmpty();
    }

    @Test
    void caddyImportsTheSnippetInTheSiteBlock() throws Exception {
        String config = "{\n\tadmin off\n}\nexample.org:8443, www.example.org {\n\troot * /srv\n\tfile_server\n}\n";
        String edited = SiteConfigEdit.apply(WebServerKind.CADDY, config, "example.org", "/etc/caddy/s.caddy")
                .orElseThrow();
        assertThat(edited).contains("example.org:8443, www.example.org {\n\timport /etc/caddy/s.caddy\n\troot * /srv");
        assertThat(SiteConfigEdit.apply(WebServerKind.CADDY, edited, "example.org", "/etc/caddy/s.caddy")).isEmpty();
    }

    @Test
    void haproxyTakesTheLinesBetweenMarkersAndReplacesThemNextTime() throws Exception {
        String config = "global\n    log stdout local0\nfrontend https\n    bind :443 ssl crt /c.pem\n"
                + "    default_backend app\nbackend app\n    server a 127.0.0.1:8080\n";
        String edited = SiteConfigEdit.apply(WebServerKind.HAPROXY, config, "example.org",
                "# comment\n    http-request return status 200 if a\n").orElseThrow();
        assertThat(edited).contains("    bind :443 ssl crt /c.pem\n    " + SiteConfigEdit.BEGIN
                + "\n    http-request return status 200 if a\n    " + SiteConfigEdit.END + "\n    default_backend app");
        assertThat(SiteConfigEdit.apply(WebServerKind.HAPROXY, edited, "example.org",
                "    http-request return status 200 if a\n")).isEmpty();
        String changed = SiteConfigEdit.apply(WebServerKind.HAPROXY, edited, "example.org",
                "    http-request return status 200 if b\n").orElseThrow();
        assertThat(changed).contains("if b").doesNotContain("if a");
    }
}
