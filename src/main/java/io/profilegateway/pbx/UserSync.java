package io.profilegateway.pbx;

import io.profilegateway.switching.DesiredPbxState;
import java.util.HashMap;
import java.util.Map;

/**
 * One user's reconciliation state on one server; touched only by its {@link ServerSync}'s planner thread.
 * {@code known*} is what Asterisk holds as far as the gateway knows, including actions still in flight; an entry
 * whose effect is uncertain holds {@link #UNKNOWN} (or {@link #UNKNOWN_SEAT}) so that the next plan sends it again.
 */
final class UserSync {

    static final String UNKNOWN = "\u0000unknown";
    static final QueueSeat UNKNOWN_SEAT = new QueueSeat(-1, false, null);

    final long userId;
    DesiredPbxState desired;
    PbxImage desiredImage;
    /** false until read from Asterisk (or after the link was lost): then nothing is deleted, everything is sent. */
    boolean knownValid;
    final Map<DbKey, String> knownDb = new HashMap<>();
    final Map<String, String> knownDeviceStates = new HashMap<>();
    final Map<String, String> knownPresence = new HashMap<>();
    final Map<String, QueueSeat> knownQueues = new HashMap<>();
    int inFlight;
    long lastSentSeq;
    DesiredPbxState applied;
    String lastError;
    int failures;
    boolean retryScheduled;

    UserSync(long userId) {
        this.userId = userId;
    }

    void forgetKnown() {
        knownValid = false;
        knownDb.clear();
        knownDeviceStates.clear();
        knownPresence.clear();
        knownQueues.clear();
        inFlight = 0;
    }

    void setKnown(PbxImage image) {
        forgetKnown();
        knownValid = true;
        knownDb.putAll(image.astdb());
        knownDeviceStates.putAll(image.deviceStates());
        knownPresence.putAll(image.presence());
        knownQueues.putAll(image.queues());
    }

    boolean inSync() {
        return applied != null && desired != null && applied.version() == desired.version() && inFlight == 0
                && lastError == null;
    }
}
