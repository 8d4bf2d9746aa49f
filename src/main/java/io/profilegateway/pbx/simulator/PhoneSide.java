package io.profilegateway.pbx.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changes made on the PBX side, as a phone user (feature codes, pause key, BLF) or the dialplan would make them, with
 * the events real Asterisk sends to sessions that have events on. The gateway's "adopt" logic is tested with these.
 */
public final class PhoneSide {

    private final SimulatedPbx pbx;

    PhoneSide(SimulatedPbx pbx) {
        this.pbx = pbx;
    }

    /**
     * Pauses a member, as a pause key or {@code PauseQueueMember()} would: {@code DeviceStateChange} of
     * {@code Queue:<queue>_pause_<interface>} (when it changes) and {@code QueueMemberPause} with
     * {@code PausedReason}.
     *
     * @param queue  queue name, or null/empty for every queue the interface is in
     * @param iface  member interface
     * @param reason pause reason, may be null
     * @return whether the interface was found
     */
    public boolean pauseMember(String queue, String iface, String reason) {
        return pbx.pauseMember(queue, Objects.requireNonNull(iface, "iface"), reason, true);
    }

    /**
     * Unpauses a member, as {@code UnpauseQueueMember()} would.
     *
     * @param queue queue name, or null/empty for every queue the interface is in
     * @param iface member interface
     * @return whether the interface was found
     */
    public boolean unpauseMember(String queue, String iface) {
        return pbx.pauseMember(queue, Objects.requireNonNull(iface, "iface"), "", false);
    }

    /**
     * Adds a dynamic member, as {@code AddQueueMember()} from a feature code would ({@code QueueMemberAdded}).
     *
     * @param queue          queue name
     * @param iface          interface
     * @param memberName     member name, null for the interface
     * @param stateInterface state interface, null for the interface
     * @param penalty        penalty
     * @param paused         whether it starts paused
     * @return false when the interface is already in the queue
     * @throws IllegalArgumentException when there is no such queue
     */
    public boolean addMember(String queue, String iface, String memberName, String stateInterface, int penalty,
            boolean paused) {
        SimulatedPbx.AddResult r = pbx.addMember(queue, iface, memberName, stateInterface, penalty, paused, "", 0);
        if (r == SimulatedPbx.AddResult.NO_SUCH_QUEUE) {
            throw new IllegalArgumentException("No such queue: " + queue);
        }
        return r == SimulatedPbx.AddResult.ADDED;
    }

    /**
     * Removes a dynamic member, as {@code RemoveQueueMember()} would ({@code QueueMemberRemoved}).
     *
     * @param queue queue name
     * @param iface interface
     * @return false when the interface is not in the queue
     * @throws IllegalArgumentException when there is no such queue
     */
    public boolean removeMember(String queue, String iface) {
        SimulatedPbx.RemoveResult r = pbx.removeMember(queue, iface);
        if (r == SimulatedPbx.RemoveResult.NO_SUCH_QUEUE) {
            throw new IllegalArgumentException("No such queue: " + queue);
        }
        return r == SimulatedPbx.RemoveResult.REMOVED;
    }

    /**
     * Sets a device state, as {@code Set(DEVICE_STATE(Custom:DND1001)=BUSY)} in a feature code or a phone going
     * off-hook would: {@code ExtensionStatus} for affected hints, {@code DeviceStateChange}, and
     * {@code QueueMemberStatus} for affected members (each only when something changed). A {@code Custom:} state
     * is also written to AstDB.
     *
     * @param device e.g. {@code Custom:DND1001} or {@code PJSIP/1001}
     * @param state  the new state
     */
    public void setDeviceState(String device, DeviceState state) {
        pbx.setDeviceState(Objects.requireNonNull(device, "device"), Objects.requireNonNull(state, "state"), null);
    }

    /**
     * Sets a custom presence, as {@code Set(PRESENCE_STATE(CustomPresence:1001)=away,,Lunch)} would:
     * {@code PresenceStatus} for affected hints (when changed) and {@code PresenceStateChange}.
     *
     * @param provider e.g. {@code CustomPresence:1001}
     * @param state    the state
     * @param subtype  subtype, may be null
     * @param message  message, may be null
     */
    public void setPresence(String provider, PresenceState state, String subtype, String message) {
        pbx.setPresence(provider, new Presence(state, subtype, message), null);
    }

    /**
     * Sends a {@code UserEvent}, as {@code UserEvent()} in the dialplan would.
     *
     * @param name    the {@code UserEvent} header
     * @param headers further headers, in iteration order
     */
    public void userEvent(String name, Map<String, String> headers) {
        List<AmiMessage.Header> list = new ArrayList<>();
        for (Map.Entry<String, String> e : headers.entrySet()) {
            list.add(new AmiMessage.Header(e.getKey(), e.getValue() == null ? "" : e.getValue()));
        }
        pbx.userEvent(Objects.requireNonNull(name, "name"), list);
    }

    /**
     * Writes AstDB as the dialplan's {@code Set(DB(family/key)=value)} would (no event, as in Asterisk).
     *
     * @param family family
     * @param key    key
     * @param value  value
     */
    public void dbPut(String family, String key, String value) {
        pbx.db().put(family, key, Objects.requireNonNull(value, "value"));
    }

    /**
     * Deletes an AstDB entry as the dialplan's {@code DB_DELETE()} would (no event).
     *
     * @param family family
     * @param key    key
     * @return whether the entry existed
     */
    public boolean dbDel(String family, String key) {
        return pbx.db().del(family, key);
    }
}
