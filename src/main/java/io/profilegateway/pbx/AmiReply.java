package io.profilegateway.pbx;

/**
 * The outcome of one action: Asterisk's success, Asterisk's {@code Response: Error} with its {@code Message:}, or no
 * answer at all ({@code delivered == false}: link down, time-out), after which the action's effect is unknown.
 */
public record AmiReply(boolean success, boolean delivered, String message) {

    public static AmiReply ok(String message) {
        return new AmiReply(true, true, message);
    }

    public static AmiReply error(String message) {
        return new AmiReply(false, true, message == null ? "error without message" : message);
    }

    public static AmiReply failed(String reason) {
        return new AmiReply(false, false, reason);
    }
}
