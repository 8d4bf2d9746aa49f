package io.profilegateway.pbx;

import java.util.Locale;

/** How one command changes what the gateway knows Asterisk holds, and what Asterisk's errors mean. */
final class Known {

    enum ErrorMeaning {
        /** The wanted state is already there (deleting what does not exist, removing a member that is not there). */
        ALREADY_DONE,
        /** QueueAdd: "Already there" – the member exists, its penalty and pause are unknown. */
        MEMBER_PRESENT,
        /** QueuePause / QueuePenalty: the member is not there (e.g. Asterisk restarted without persistent members). */
        MEMBER_MISSING,
        /** A real failure: retry with backoff and report. */
        FAILED
    }

    private Known() {
    }

    /** The command was sent: assume it will succeed (a failure marks the entry uncertain). */
    static void applied(UserSync user, AmiCommand command) {
        if (command instanceof AmiCommand.DbPut put) {
            user.knownDb.put(put.key(), put.value());
        } else if (command instanceof AmiCommand.DbDel del) {
            user.knownDb.remove(del.key());
        } else if (command instanceof AmiCommand.SetVar set) {
            stateMap(user, set).put(set.name(), set.value());
        } else if (command instanceof AmiCommand.QueueAdd add) {
            user.knownQueues.put(add.queue(), add.seat());
        } else if (command instanceof AmiCommand.QueueRemove remove) {
            user.knownQueues.remove(remove.queue());
        } else if (command instanceof AmiCommand.QueuePause pause) {
            QueueSeat held = user.knownQueues.get(pause.queue());
            int penalty = held == null ? 0 : held.penalty();
            user.knownQueues.put(pause.queue(), new QueueSeat(penalty, pause.paused(), pause.reason()));
        } else if (command instanceof AmiCommand.QueuePenalty penalty) {
            QueueSeat held = user.knownQueues.get(penalty.queue());
            user.knownQueues.put(penalty.queue(), held == null || held == UserSync.UNKNOWN_SEAT
                    ? new QueueSeat(penalty.penalty(), false, null)
                    : new QueueSeat(penalty.penalty(), held.paused(), held.reason()));
        }
    }

    /** The command failed: its entry is uncertain, so the next plan sends it again. */
    static void uncertain(UserSync user, AmiCommand command) {
        if (command instanceof AmiCommand.DbPut put) {
            user.knownDb.put(put.key(), UserSync.UNKNOWN);
        } else if (command instanceof AmiCommand.DbDel del) {
            user.knownDb.put(del.key(), UserSync.UNKNOWN);
        } else if (command instanceof AmiCommand.SetVar set) {
            stateMap(user, set).put(set.name(), UserSync.UNKNOWN);
        } else if (command instanceof AmiCommand.QueueAdd add) {
            user.knownQueues.put(add.queue(), UserSync.UNKNOWN_SEAT);
        } else if (command instanceof AmiCommand.QueueRemove remove) {
            user.knownQueues.put(remove.queue(), UserSync.UNKNOWN_SEAT);
        } else if (command instanceof AmiCommand.QueuePause pause) {
            user.knownQueues.put(pause.queue(), UserSync.UNKNOWN_SEAT);
        } else if (command instanceof AmiCommand.QueuePenalty penalty) {
            user.knownQueues.put(penalty.queue(), UserSync.UNKNOWN_SEAT);
        }
    }

    /** Asterisk's error messages as seen from Asterisk 22 (see src/test/resources/ami). */
    static ErrorMeaning classify(AmiCommand command, AmiReply reply) {
        if (!reply.delivered()) {
            return ErrorMeaning.FAILED;
        }
        String message = reply.message() == null ? "" : reply.message().toLowerCase(Locale.ROOT);
        if (command instanceof AmiCommand.DbDel
                && (message.contains("could not be deleted") || message.contains("not found"))) {
            return ErrorMeaning.ALREADY_DONE;
        }
        if (command instanceof AmiCommand.QueueRemove && message.contains("not there")) {
            return ErrorMeaning.ALREADY_DONE;
        }
        if (command instanceof AmiCommand.QueueAdd && message.contains("already there")) {
            return ErrorMeaning.MEMBER_PRESENT;
        }
        if ((command instanceof AmiCommand.QueuePause || command instanceof AmiCommand.QueuePenalty)
                && (message.contains("not found") || message.contains("invalid interface"))) {
            return ErrorMeaning.MEMBER_MISSING;
        }
        return ErrorMeaning.FAILED;
    }

    private static java.util.Map<String, String> stateMap(UserSync user, AmiCommand.SetVar set) {
        return set.kind() == AmiCommand.StateKind.DEVICE_STATE ? user.knownDeviceStates : user.knownPresence;
    }
}
