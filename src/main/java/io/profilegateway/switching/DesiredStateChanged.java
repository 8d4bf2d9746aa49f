package io.profilegateway.switching;

/**
 * A user's desired PBX state changed (a switch, a change adopted from the phone, his devices or server, his
 * deletion); fired inside the transaction, observed after the commit ({@code during = AFTER_SUCCESS}) by the PBX
 * reconciler. {@code desired == null}: the user is gone from the PBX. {@code server} null = the default server;
 * {@code previousServer} differs from {@code server} when he moved.
 */
public record DesiredStateChanged(long userId, String extension, String server, String previousServer,
        DesiredPbxState desired) {
}
