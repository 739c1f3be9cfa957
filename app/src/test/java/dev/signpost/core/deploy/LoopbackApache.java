package dev.signpost.core.deploy;

import dev.signpost.testkit.TestCa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real Apache httpd of this machine with a ServerRoot of its own (no root needed, no {@code /etc/apache2}),
 * laid out as Debian does: {@code apache2.conf} including {@code sites-enabled/*}, snippets in
 * {@code snippets/}, the well-known files under the web root. Tested with {@code apache2 -t} and reloaded with a
 * graceful restart, which is what {@code apachectl configtest} and {@code systemctl reload apache2} do.
 */
final class LoopbackApache extends LoopbackWebServer {

    static final Path APACHE = Path.of("/usr/sbin/apache2");
    static final Path MODULES = Path.of("/usr/lib/apache2/modules");

    final Path config;

    /**
     * @param withHeaders whether mod_headers is enabled; without it the site runs, but the snippet's
     *                    {@code Header} lines make the configuration test fail, as on a server where nobody ran
     *                    {@code a2enmod headers}
     */
    LoopbackApache(Path prefix, TestCa ca, boolean withHeaders) throws Exception {
        this(prefix, ca, withHeaders, false);
    }

    /** @param withProxy whether mod_proxy and mod_proxy_http are enabled too, as on a site that proxies Matrix */
    LoopbackApache(Path prefix, TestCa ca, boolean withHeaders, boolean withProxy) throws Exception {
        super(APACHE, "apache2", prefix, ca);
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("snippets"));
        StringBuilder modules = new StringBuilder();
        List<String> enabled = new java.util.ArrayList<>(List.of("mpm_event", "authz_core", "alias", "ssl"));
        if (withHeaders) {
            enabled.add("headers");
        }
        if (withProxy) {
            enabled.addAll(List.of("proxy", "proxy_http"));
        }
        for (String module : enabled) {
            modules.append("LoadModule ").append(module).append("_module ")
                    .append(MODULES.resolve("mod_" + module + ".so")).append('\n');
        }
        config = Files.writeString(prefix.resolve("apache2.conf"), "ServerRoot " + prefix + "\n"
                + "PidFile " + prefix.resolve("apache2.pid") + "\n"
                + "DefaultRuntimeDir " + prefix + "\n"
                + "Mutex file:" + prefix + "\n"
                + "ErrorLog " + prefix.resolve("logs/error.log") + "\n"
                + "LogLevel notice\n"
                + (ROOT ? "User nobody\nGroup nogroup\n" : "")
                + modules
                + "Listen 127.0.0.1:" + port + "\n"
                + "ServerName localhost\n"
                + "IncludeOptional " + prefix.resolve("sites-enabled") + "/*.conf\n");
        start(prefix.resolve("sites-enabled/example.org.conf"), "<VirtualHost 127.0.0.1:" + port + ">\n"
                + "    ServerName example.org\n"
                + "    DocumentRoot " + www + "\n"
                + "    SSLEngine on\n"
                + "    SSLCertificateFile " + pem.fullchain() + "\n"
                + "    SSLCertificateKeyFile " + pem.key() + "\n"
                + "    <Directory " + www + ">\n"
                + "        Require all granted\n"
                + "    </Directory>\n"
                + "</VirtualHost>\n");
    }

    private String apache(String args) {
        return APACHE + " -f " + config + " " + args;
    }

    @Override
    String kind() {
        return "apache";
    }

    @Override
    String testCommand() {
        return apache("-t");
    }

    @Override
    String reloadCommand() {
        return apache("-k graceful");
    }

    @Override
    List<String> extraDeployArgs() {
        return List.of("--web-root", www.toString());
    }

    @Override
    Path snippet() {
        return prefix.resolve("snippets/signpost-wellknown.conf");
    }

    @Override
    void reset() throws Exception {
        super.reset();
        deleteTree(www.resolve(".well-known"));
    }

    @Override
    List<String> runCommand() {
        return List.of(APACHE.toString(), "-f", config.toString(), "-DFOREGROUND");
    }

    @Override
    public long reloads() throws IOException {
        return count(prefix.resolve("logs/error.log"), "Doing graceful restart");
    }

    @Override
    List<Path> logFiles() {
        return List.of(prefix.resolve("logs/error.log"));
    }
}
