package dev.signpost.core.discovery;

/** The ids of the federation lane's hops, shared by the steps that publish them and the verdicts that cite them. */
final class FederationHops {

    static final String ROOT = "fed.server-name";
    static final String WELL_KNOWN = "fed.well-known";
    static final String M_SERVER = "fed.m-server";
    static final String SRV_FED = "fed.srv.matrix-fed";
    static final String SRV_LEGACY = "fed.srv.matrix";
    static final String TARGET = "fed.target";

    private FederationHops() {
    }

    static String address(String ip) {
        return "fed.addr." + ip;
    }

    static String tls(String ip) {
        return "fed.tls." + ip;
    }

    static String version(String ip) {
        return "fed.version." + ip;
    }

    static String keys(String ip) {
        return "fed.keys." + ip;
    }
}
