package io.profilegateway.profile;

/** Call forwarding: always ({@code CF}), when busy ({@code CFB}), when not answered ({@code CFU}). */
public enum RedirectKind {
    ALWAYS, BUSY, NO_ANSWER
}
