package dev.signpost.core.model;

/** The two paths drawn and checked: how other servers reach a homeserver, and how clients find it. */
public enum Lane {
    FEDERATION,
    CLIENT
}
