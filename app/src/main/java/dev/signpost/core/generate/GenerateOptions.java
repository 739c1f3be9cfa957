package dev.signpost.core.generate;

import java.util.regex.Pattern;

/**
 * Where the generated configs listen and find their certificates. The defaults suit a production server
 * (all addresses, port 443, Let's Encrypt's certificate layout); tests point them at loopback, high ports and a
 * test CA's files. These values are chosen by Signpost or its caller, never typed into the plan.
 *
 * @param listenAddress          the address to bind, or null for all addresses (IPv4 and IPv6)
 * @param httpsPort              the port of the server name's HTTPS site
 * @param federationListenPort   the port the federation proxy listens on, or 0 for the plan's federation port
 * @param certificateFile        the certificate chain for every site, or null for
 *                               {@code /etc/letsencrypt/live/<host>/fullchain.pem} (Caddy: automatic HTTPS)
 * @param certificateKeyFile     its private key, or null for {@code /etc/letsencrypt/live/<host>/privkey.pem}
 * @param haproxyCertificateFile HAProxy's combined chain and key, or null for {@code /etc/haproxy/certs/<host>.pem}
 * @param webRoot                the directory Apache serves the well-known files from
 * @param trustedCaFile          the CA bundle the proxy verifies the sign-in service's certificate with, or null
 *                               for the system bundle ({@value #SYSTEM_CA_FILE}; HAProxy: {@code @system-ca};
 *                               Caddy: its own system trust)
 */
public record GenerateOptions(
        String listenAddress,
        int httpsPort,
        int federationListenPort,
        String certificateFile,
        String certificateKeyFile,
        String haproxyCertificateFile,
        String webRoot,
        String trustedCaFile) {

    /** Where the Apache config expects the {@code .well-known} directory by default. */
    public static final String DEFAULT_WEB_ROOT = "/var/www/signpost";

    /** Debian's and Ubuntu's CA bundle, which nginx and Apache need named to verify an https upstream. */
    public static final String SYSTEM_CA_FILE = "/etc/ssl/certs/ca-certificates.crt";

    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._/-]*");
    private static final Pattern SAFE_ADDRESS = Pattern.compile("[0-9.]+|\\[[0-9A-Fa-f:.]+\\]");

    public GenerateOptions {
        requirePort(httpsPort, "httpsPort");
        if (federationListenPort != 0) {
            requirePort(federationListenPort, "federationListenPort");
        }
        if (listenAddress != null && !SAFE_ADDRESS.matcher(listenAddress).matches()) {
            throw new IllegalArgumentException("listenAddress must be an IPv4 address or a bracketed IPv6 address");
        }
        requireSafePath(certificateFile, "certificateFile");
        requireSafePath(certificateKeyFile, "certificateKeyFile");
        requireSafePath(haproxyCertificateFile, "haproxyCertificateFile");
        requireSafePath(trustedCaFile, "trustedCaFile");
        webRoot = webRoot == null ? DEFAULT_WEB_ROOT : webRoot;
        requireSafePath(webRoot, "webRoot");
        if (webRoot.length() > 1 && webRoot.endsWith("/")) {
            webRoot = webRoot.substring(0, webRoot.length() - 1);
        }
    }

    /** Options that trust the system's CA bundle for the sign-in service. */
    public GenerateOptions(String listenAddress, int httpsPort, int federationListenPort, String certificateFile,
            String certificateKeyFile, String haproxyCertificateFile, String webRoot) {
        this(listenAddress, httpsPort, federationListenPort, certificateFile, certificateKeyFile,
                haproxyCertificateFile, webRoot, null);
    }

    /** Production defaults: all addresses, port 443, certificates where Let's Encrypt puts them. */
    public static GenerateOptions defaults() {
        return new GenerateOptions(null, 443, 0, null, null, null, DEFAULT_WEB_ROOT);
    }

    private static void requirePort(int port, String name) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 1 to 65535: " + port);
        }
    }

    // Paths go into configs unquoted in some formats: plain absolute paths only.
    private static void requireSafePath(String path, String name) {
        if (path != null && !SAFE_PATH.matcher(path).matches()) {
            throw new IllegalArgumentException(name + " must be an absolute path of letters, digits, . _ - and /");
        }
    }
}
