package io.profilegateway.pbx;

import java.util.Map;

/** What an Asterisk server tells the gateway, as immutable values (asterisk-java's event beans stay in the link). */
public sealed interface PbxEvent {

    String server();

    /** The link is up and logged in (first connect or reconnect). */
    record Connected(String server) implements PbxEvent {
    }

    /** The link went down; asterisk-java reconnects by itself. */
    record Disconnected(String server) implements PbxEvent {
    }

    /** A queue member was paused or unpaused, by anyone (the phone's pause key, or the gateway itself). */
    record MemberPaused(String server, String queue, String memberInterface, boolean paused, String reason)
            implements PbxEvent {
    }

    /** A member joined a queue, by anyone (a login code on the phone, or the gateway itself). */
    record MemberAdded(String server, String queue, String memberInterface, int penalty, boolean paused,
            String reason) implements PbxEvent {
    }

    /** A member left a queue, by anyone (a logout code on the phone, or the gateway itself). */
    record MemberRemoved(String server, String queue, String memberInterface) implements PbxEvent {
    }

    /** A presence state changed ({@code PresenceStateChange}), e.g. {@code CustomPresence:1001} set on the phone side. */
    record PresenceChanged(String server, String presentity, String status, String message) implements PbxEvent {
    }

    /** A device state changed, e.g. {@code Custom:DND1001} toggled by a {@code *76} feature code. */
    record DeviceStateChanged(String server, String device, String state) implements PbxEvent {
    }

    /**
     * Every device state Asterisk holds, asked for at each (re)connect ({@code DeviceStateList}): what changed while no
     * link was there. Device → state; a device not listed has no known state.
     */
    record DeviceStatesListed(String server, Map<String, String> states) implements PbxEvent {
    }

    /** A dialplan {@code UserEvent(name,Header: value,…)}. */
    record UserEventReceived(String server, String name, Map<String, String> headers) implements PbxEvent {
    }
}
