package io.profilegateway.pbx.simulator;

/**
 * A queue member as the simulated PBX holds it at one moment.
 *
 * @param queue          queue name
 * @param iface          the member's interface ({@code Interface} / {@code Location})
 * @param memberName     the member's name ({@code MemberName} / {@code Name})
 * @param stateInterface the interface whose device state is the member's status
 * @param penalty        penalty
 * @param paused         whether the member is paused
 * @param pausedReason   the pause reason, empty when none
 * @param loginTime      when the member was added, seconds since the epoch
 * @param lastPause      when the member was last paused, seconds since the epoch, 0 when never
 * @param wrapupTime     wrap-up time in seconds
 * @param status         the device state of the state interface
 */
public record QueueMemberSnapshot(
        String queue,
        String iface,
        String memberName,
        String stateInterface,
        int penalty,
        boolean paused,
        String pausedReason,
        long loginTime,
        long lastPause,
        int wrapupTime,
        DeviceState status) {
}
