package io.profilegateway.pbx;

/** A user's membership of one queue as Asterisk holds it: penalty, pause and its reason. */
public record QueueSeat(int penalty, boolean paused, String reason) {

    public QueueSeat {
        reason = paused && reason != null && !reason.isEmpty() ? reason : null;
    }
}
