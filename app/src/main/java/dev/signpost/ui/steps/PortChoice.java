package dev.signpost.ui.steps;

/** The federation port choices offered on the hosting page. */
public enum PortChoice {
    /** 8448, the Matrix default. */
    DEFAULT_8448,
    /** 443, shared with the web server's HTTPS. */
    HTTPS_443,
    /** Any other port. */
    OTHER
}
