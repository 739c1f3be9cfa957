package dev.signpost.core.model;

/**
 * The paths drawn and checked: how other servers reach a homeserver, how clients find it, and what the modern
 * apps need beyond that (sliding sync, sign-in, calls, media).
 */
public enum Lane {
    FEDERATION,
    CLIENT,
    APPS
}
