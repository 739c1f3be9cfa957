package dev.signpost.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What was seen on the wire, attached to hops and checks so users can see the raw facts behind a verdict.
 * Every variant is an immutable record; front-ends render them, they never re-fetch.
 */
public sealed interface Evidence {

    /** One HTTP exchange: what was asked of which address, and what came back. */
    record Http(
            String method,
            String url,
            String connectedAddress,
            int port,
            String sniHost,
            String hostHeader,
            Integer statusCode,
            String statusLine,
            List<Header> responseHeaders,
            String bodyExcerpt,
            boolean bodyTruncated,
            Duration elapsed,
            String error) implements Evidence {
        public Http {
            responseHeaders = List.copyOf(responseHeaders);
        }
    }

    /** A response header as received (name case preserved). */
    record Header(String name, String value) {
    }

    /** One DNS question and its answer. {@code rcode} is e.g. NOERROR, NXDOMAIN, SERVFAIL, or TIMEOUT. */
    record Dns(
            String name,
            String type,
            String rcode,
            String server,
            List<DnsRecord> records,
            Duration elapsed) implements Evidence {
        public Dns {
            records = List.copyOf(records);
        }
    }

    /** One resource record in presentation form ({@code data} is e.g. "10 5 8448 matrix.example.com."). */
    record DnsRecord(String name, String type, long ttl, String data) {
    }

    /** The certificate chain a server presented, leaf first. */
    record Certificates(List<CertificateInfo> chain, String tlsVersion, String cipherSuite) implements Evidence {
        public Certificates {
            chain = List.copyOf(chain);
        }
    }

    /** The facts of one X.509 certificate a person needs to debug TLS. */
    record CertificateInfo(
            String subject,
            List<String> subjectAltNames,
            String issuer,
            Instant notBefore,
            Instant notAfter,
            String sha256Fingerprint,
            boolean selfSigned) {
        public CertificateInfo {
            subjectAltNames = List.copyOf(subjectAltNames);
        }
    }

    /** A free-form fact with a label, for anything that is not an exchange, a DNS answer or a certificate. */
    record Note(String label, String text) implements Evidence {
    }
}
